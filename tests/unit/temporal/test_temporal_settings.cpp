// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/temporal/temporal_settings.h"
#include "core/temporal/time_format.h"

#include <QJsonDocument>
#include <QTest>

using namespace kw;

namespace {
qint64 local(const char *iso)
{
    return *TimeFormat::parseInstant(QString::fromLatin1(iso), TimeFormat::displayZone());
}
} // namespace

/// \brief Frames and windows of the project's time settings; the "time" object of the project file.
class TestTemporalSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hourlyFramesOfADay()
    {
        TemporalSettings s;
        s.begin = local("2026-09-01T00:00:00");
        s.end = local("2026-09-02T00:00:00");
        const auto frames = s.frameTimes();
        // The range is half-open: 00:00 … 23:00, the end itself is no frame.
        QCOMPARE(frames.size(), size_t(24));
        QCOMPARE(frames.front(), s.begin);
        QCOMPARE(frames.back(), local("2026-09-01T23:00:00"));
        // Each frame shows [t, t + step): the last one ends exactly at the range's end.
        const TimeWindow last = s.windowAt(frames.back());
        QCOMPARE(last.begin, frames.back());
        QCOMPARE(last.end, s.end);
        QVERIFY(!last.instant);
        QCOMPARE(s.snap(local("2026-09-01T05:59:59")), local("2026-09-01T05:00:00"));
        QCOMPARE(s.snap(local("2025-01-01T00:00:00")), s.begin);
    }

    void windowLongerThanStep()
    {
        TemporalSettings s;
        s.begin = local("2026-09-01T00:00:00");
        s.end = local("2026-09-02T00:00:00");
        s.window = *Duration::parse(QStringLiteral("PT3H"));
        s.aggregation = Aggregation::Max;
        const TimeWindow w = s.windowAt(s.begin);
        QCOMPARE(w.end - w.begin, qint64(3 * 3600000));
        QCOMPARE(w.aggregation, Aggregation::Max);
    }

    void dailyFramesStayAtLocalMidnight()
    {
        TemporalSettings s;
        s.begin = local("2026-10-24T00:00:00");
        s.end = local("2026-10-27T00:00:00");
        s.step = *Duration::parse(QStringLiteral("P1D"));
        const auto frames = s.frameTimes();
        QCOMPARE(frames.size(), size_t(3));
        QCOMPARE(TimeFormat::toIsoLocal(frames[1], s.zone()), QStringLiteral("2026-10-25T00:00:00+02:00"));
        QCOMPARE(TimeFormat::toIsoLocal(frames[2], s.zone()), QStringLiteral("2026-10-26T00:00:00+01:00"));
        // The window of the switch day has 25 hours.
        const TimeWindow w = s.windowAt(frames[1]);
        QCOMPARE(w.end - w.begin, qint64(25) * 3600000);
    }

    void instantWindows()
    {
        TemporalSettings s;
        s.begin = local("2026-09-01T00:00:00");
        s.end = local("2026-09-02T00:00:00");
        s.windowMode = TemporalSettings::WindowMode::Instant;
        const TimeWindow w = s.windowAt(local("2026-09-01T12:00:00"));
        QVERIFY(w.instant);
        QCOMPARE(w.tolerance, qint64(3600000)); // one step unless set
        // Date ranges: shown while start <= t < end.
        QVERIFY(w.overlaps(local("2026-09-01T12:00:00"), local("2026-09-01T13:00:00")));
        QVERIFY(!w.overlaps(local("2026-09-01T00:00:00"), local("2026-09-01T12:00:00")));
        const TimeWindow interval = TimeWindow::interval(100, 200);
        QVERIFY(interval.overlaps(199, 300));
        QVERIFY(!interval.overlaps(200, 300));
        QVERIFY(!interval.overlaps(0, 100));
    }

    void jsonRoundTrip()
    {
        TemporalSettings s;
        s.begin = local("2026-09-01T00:00:00");
        s.end = local("2026-10-06T00:00:00");
        s.step = *Duration::parse(QStringLiteral("PT15M"));
        s.window = *Duration::parse(QStringLiteral("PT1H"));
        s.aggregation = Aggregation::Sum;
        s.current = local("2026-09-18T16:00:00");
        s.framesPerSecond = 8;
        s.loop = false;
        const QJsonObject json = s.toJson();
        QCOMPARE(json.value(QLatin1String("range")).toObject().value(QLatin1String("begin")).toString(),
                 QStringLiteral("2026-09-01T00:00:00+02:00"));
        QCOMPARE(json.value(QLatin1String("step")).toString(), QStringLiteral("PT15M"));
        const auto back = TemporalSettings::fromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QVERIFY(*back == s);
    }

    void jsonErrorsNameTheKey_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no range") << QByteArray("{\"step\":\"PT1H\"}") << "time/range/begin";
        QTest::newRow("bad step")
            << QByteArray("{\"range\":{\"begin\":\"2026-09-01\",\"end\":\"2026-09-02\"},\"step\":\"1h\"}")
            << "time/step";
        QTest::newRow("end before begin")
            << QByteArray("{\"range\":{\"begin\":\"2026-09-02\",\"end\":\"2026-09-01\"}}")
            << "end must be after begin";
        QTest::newRow("bad aggregation")
            << QByteArray(
                   "{\"range\":{\"begin\":\"2026-09-01\",\"end\":\"2026-09-02\"},\"aggregation\":\"mode\"}")
            << "time/aggregation";
        QTest::newRow("bad zone") << QByteArray("{\"range\":{\"begin\":\"2026-09-01\",\"end\":\"2026-09-02\"}"
                                                ",\"time_zone\":\"Mars/Base\"}")
                                  << "time/time_zone";
        QTest::newRow("bad window") << QByteArray("{\"range\":{\"begin\":\"2026-09-01\",\"end\":\"2026-09-"
                                                  "02\"},\"window\":{\"mode\":\"sometimes\"}}")
                                    << "time/window/mode";
    }
    void jsonErrorsNameTheKey()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const auto s = TemporalSettings::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(expected), qPrintable(s.error().message));
    }
};

QTEST_GUILESS_MAIN(TestTemporalSettings)
#include "test_temporal_settings.moc"
