// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/temporal/time_format.h"

#include <QTest>

using namespace kw;

namespace {

/// Milliseconds of a UTC wall-clock time, computed independently of the parser (QDateTime in UTC).
qint64 utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

/// \brief ISO 8601 instants with and without offsets, daylight-saving switches, intervals and display.
class TestTimeFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesInstants_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected");
        // Offsets are respected whatever zone naive times would be read in.
        QTest::newRow("offset +02:00") << "2026-09-01T00:00:00+02:00" << utc(2026, 8, 31, 22);
        QTest::newRow("offset +0200") << "2026-09-01T00:00:00+0200" << utc(2026, 8, 31, 22);
        QTest::newRow("offset +02") << "2026-09-01T00:00+02" << utc(2026, 8, 31, 22);
        QTest::newRow("offset -05:30") << "2026-09-01T00:00:00-05:30" << utc(2026, 9, 1, 5, 30);
        QTest::newRow("Z") << "2026-09-01T00:00:00Z" << utc(2026, 9, 1);
        QTest::newRow("z, fraction") << "2026-09-01T12:34:56.789z" << utc(2026, 9, 1, 12, 34, 56, 789);
        QTest::newRow("space instead of T") << "2026-09-01 06:00:00+02:00" << utc(2026, 9, 1, 4);
        // Naive times are wall-clock time in Europe/Berlin: summer time (UTC+2), winter time (UTC+1).
        QTest::newRow("naive summer") << "2026-09-01T00:00:00" << utc(2026, 8, 31, 22);
        QTest::newRow("naive winter") << "2026-01-15T12:00" << utc(2026, 1, 15, 11);
        QTest::newRow("date only: local midnight") << "2026-09-01" << utc(2026, 8, 31, 22);
        QTest::newRow("24:00 is the next midnight") << "2026-09-01T24:00:00" << utc(2026, 9, 1, 22);
        // Autumn switch 2026-10-25: 03:00 CEST becomes 02:00 CET; 02:30 exists twice.
        QTest::newRow("repeated hour, first (+02:00)")
            << "2026-10-25T02:30:00+02:00" << utc(2026, 10, 25, 0, 30);
        QTest::newRow("repeated hour, second (+01:00)")
            << "2026-10-25T02:30:00+01:00" << utc(2026, 10, 25, 1, 30);
        QTest::newRow("before the autumn switch") << "2026-10-25T01:59:00" << utc(2026, 10, 24, 23, 59);
        QTest::newRow("after the autumn switch") << "2026-10-25T03:00:00" << utc(2026, 10, 25, 2);
        // Spring switch 2026-03-29: 02:00 CET becomes 03:00 CEST.
        QTest::newRow("before the spring switch") << "2026-03-29T01:59:00" << utc(2026, 3, 29, 0, 59);
        QTest::newRow("after the spring switch") << "2026-03-29T03:00:00" << utc(2026, 3, 29, 1);
    }
    void parsesInstants()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        const auto t = TimeFormat::parseInstant(text, TimeFormat::displayZone());
        QVERIFY2(t.has_value(), qPrintable(text));
        QCOMPARE(*t, expected);
    }

    void naiveTimesFollowTheGivenZone()
    {
        QCOMPARE(*TimeFormat::parseInstant(u"2026-09-01T00:00:00", QTimeZone::utc()), utc(2026, 9, 1));
        QVERIFY(!TimeFormat::hasOffset(u"2026-09-01T00:00:00"));
        QVERIFY(TimeFormat::hasOffset(u"2026-09-01T00:00:00Z"));
        QVERIFY(TimeFormat::hasOffset(u"2026-09-01T00:00:00-01:00"));
    }

    void daylightSavingEdgeCases()
    {
        const QTimeZone berlin = TimeFormat::displayZone();
        QCOMPARE(berlin.id(), QByteArray("Europe/Berlin"));
        // 02:30 on 2026-03-29 does not exist in Berlin: Qt moves it forward by the gap (03:30 CEST).
        QCOMPARE(*TimeFormat::parseInstant(u"2026-03-29T02:30:00", berlin), utc(2026, 3, 29, 1, 30));
        QCOMPARE(*TimeFormat::parseInstant(u"2026-03-29T02:00:00", berlin), utc(2026, 3, 29, 1, 0));
        // 02:30 on 2026-10-25 exists twice: the first (summer time) is meant.
        QCOMPARE(*TimeFormat::parseInstant(u"2026-10-25T02:30:00", berlin), utc(2026, 10, 25, 0, 30));
        QCOMPARE(*TimeFormat::parseInstant(u"2026-10-25T02:00:00", berlin), utc(2026, 10, 25, 0, 0));
        QCOMPARE(*TimeFormat::parseInstant(u"2026-10-25T02:59:59", berlin), utc(2026, 10, 25, 0, 59, 59));
        // Shown back in local time, the two instants of the repeated hour read the same but for the zone.
        QCOMPARE(TimeFormat::toDisplay(utc(2026, 10, 25, 0, 30), berlin),
                 QStringLiteral("25.10.2026 02:30 MESZ"));
        QCOMPARE(TimeFormat::toDisplay(utc(2026, 10, 25, 1, 30), berlin),
                 QStringLiteral("25.10.2026 02:30 MEZ"));
        QCOMPARE(TimeFormat::toIsoLocal(utc(2026, 10, 25, 0, 30), berlin),
                 QStringLiteral("2026-10-25T02:30:00+02:00"));
        QCOMPARE(TimeFormat::toIsoLocal(utc(2026, 10, 25, 1, 30), berlin),
                 QStringLiteral("2026-10-25T02:30:00+01:00"));
    }

    void rejectsWhatIsNoInstant_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("words") << "gestern";
        QTest::newRow("30 February") << "2026-02-30T00:00:00";
        QTest::newRow("hour 25") << "2026-09-01T25:00:00";
        QTest::newRow("offset too large") << "2026-09-01T00:00:00+15:00";
        QTest::newRow("trailing text") << "2026-09-01T00:00:00Zulu";
        QTest::newRow("German date (not ISO)") << "01.09.2026 00:00";
        QTest::newRow("no minutes") << "2026-09-01T12";
    }
    void rejectsWhatIsNoInstant()
    {
        QFETCH(QString, text);
        QVERIFY(!TimeFormat::parseInstant(text, TimeFormat::displayZone()).has_value());
    }

    void parsesIntervals()
    {
        const QTimeZone utcZone = QTimeZone::utc();
        const auto i = TimeFormat::parseInterval(u"2026-09-01T10:00:00Z/2026-09-01T11:00:00Z", utcZone);
        QVERIFY(i);
        QCOMPARE(i->begin, utc(2026, 9, 1, 10));
        QCOMPARE(i->end, utc(2026, 9, 1, 11));
        const auto instant = TimeFormat::parseInterval(u"2026-09-01T10:00:00+02:00", utcZone);
        QVERIFY(instant);
        QCOMPARE(instant->begin, instant->end);
        QCOMPARE(instant->begin, utc(2026, 9, 1, 8));
        QVERIFY(
            !TimeFormat::parseInterval(u"2026-09-01T11:00:00Z/2026-09-01T10:00:00Z", utcZone)); // reversed
        QVERIFY(!TimeFormat::parseInterval(u"2026-09-01T10:00:00Z/", utcZone));
    }

    void formats()
    {
        QCOMPARE(TimeFormat::toIsoUtc(utc(2026, 9, 1, 22)), QStringLiteral("2026-09-01T22:00:00Z"));
        QCOMPARE(TimeFormat::toIsoUtc(utc(2026, 9, 1, 22, 0, 1, 5)),
                 QStringLiteral("2026-09-01T22:00:01.005Z"));
        QCOMPARE(TimeFormat::toDisplay(utc(2026, 9, 18, 14), TimeFormat::displayZone()),
                 QStringLiteral("18.09.2026 16:00 MESZ"));
        QCOMPARE(TimeFormat::toDisplay(utc(2026, 12, 24, 17, 30, 15), TimeFormat::displayZone()),
                 QStringLiteral("24.12.2026 18:30:15 MEZ"));
        QCOMPARE(TimeFormat::toDisplay(utc(2026, 12, 24, 17, 30), QTimeZone::utc()),
                 QStringLiteral("24.12.2026 17:30 UTC"));
        const auto tokyo = TimeFormat::zone(QStringLiteral("Asia/Tokyo"));
        QVERIFY(tokyo);
        QCOMPARE(TimeFormat::toDisplay(utc(2026, 12, 24, 0), *tokyo),
                 QStringLiteral("24.12.2026 09:00 UTC+09:00"));
        QVERIFY(!TimeFormat::zone(QStringLiteral("Mars/Olympus")));
    }
};

QTEST_GUILESS_MAIN(TestTimeFormat)
#include "test_time_format.moc"
