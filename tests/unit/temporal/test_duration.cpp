// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/temporal/duration.h"
#include "core/temporal/time_format.h"

#include <QTest>

using namespace kw;

/// \brief ISO 8601 durations: parsing, canonical text, calendar steps across daylight-saving switches.
class TestDuration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("months");
        QTest::addColumn<int>("days");
        QTest::addColumn<qint64>("msecs");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("PT15M") << "PT15M" << 0 << 0 << qint64(900000) << "PT15M";
        QTest::newRow("PT1H") << "PT1H" << 0 << 0 << qint64(3600000) << "PT1H";
        QTest::newRow("PT90M") << "PT90M" << 0 << 0 << qint64(5400000) << "PT1H30M";
        QTest::newRow("P1D") << "P1D" << 0 << 1 << qint64(0) << "P1D";
        QTest::newRow("P1W") << "P1W" << 0 << 7 << qint64(0) << "P7D";
        QTest::newRow("P1M") << "P1M" << 1 << 0 << qint64(0) << "P1M";
        QTest::newRow("P1Y") << "P1Y" << 12 << 0 << qint64(0) << "P1Y";
        QTest::newRow("P1DT12H") << "P1DT12H" << 0 << 1 << qint64(43200000) << "P1DT12H";
        QTest::newRow("PT0.5S") << "PT0.5S" << 0 << 0 << qint64(500) << "PT0.500S";
        QTest::newRow("lower case") << "pt30s" << 0 << 0 << qint64(30000) << "PT30S";
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(int, months);
        QFETCH(int, days);
        QFETCH(qint64, msecs);
        QFETCH(QString, canonical);
        const auto d = Duration::parse(text);
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
        QCOMPARE(d->months(), months);
        QCOMPARE(d->days(), days);
        QCOMPARE(qint64(d->msecs()), msecs);
        QCOMPARE(d->toString(), canonical);
        QCOMPARE(*Duration::parse(d->toString()), *d);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *bad :
             {"", "P", "PT", "1H", "PT1", "P1H", "PT1D", "PT-1H", "P1.5D", "PT1H1H", "PTXM", "P1DT"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }
    void rejects()
    {
        QFETCH(QString, text);
        const auto d = Duration::parse(text);
        QVERIFY2(!d.ok(), qPrintable(text));
        QVERIFY(d.error().message.contains(QStringLiteral("'%1'").arg(text)));
    }

    void calendarStepsKeepLocalMidnight()
    {
        const QTimeZone berlin = TimeFormat::displayZone();
        const qint64 before =
            *TimeFormat::parseInstant(u"2026-10-25T00:00:00", berlin); // 22:00Z the day before
        const qint64 after = Duration::parse(QStringLiteral("P1D"))->addTo(before, berlin);
        // The day of the autumn switch has 25 hours.
        QCOMPARE(after - before, qint64(25) * 3600000);
        QCOMPARE(TimeFormat::toIsoLocal(after, berlin), QStringLiteral("2026-10-26T00:00:00+01:00"));
        // PT24H is exact: it ends at 23:00 local time.
        const qint64 exact = Duration::parse(QStringLiteral("PT24H"))->addTo(before, berlin);
        QCOMPARE(TimeFormat::toIsoLocal(exact, berlin), QStringLiteral("2026-10-25T23:00:00+01:00"));
        QCOMPARE(Duration::parse(QStringLiteral("P1D"))->subtractFrom(after, berlin), before);
        // Spring: 23 hours.
        const qint64 spring = *TimeFormat::parseInstant(u"2026-03-29T00:00:00", berlin);
        QCOMPARE(Duration::parse(QStringLiteral("P1D"))->addTo(spring, berlin) - spring,
                 qint64(23) * 3600000);
    }
};

QTEST_GUILESS_MAIN(TestDuration)
#include "test_duration.moc"
