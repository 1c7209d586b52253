// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/temporal/time_format.h"
#include "core/temporal/time_series_chart.h"

#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace kw;

namespace {
qint64 local(const char *iso)
{
    return *TimeFormat::parseInstant(QString::fromLatin1(iso), TimeFormat::displayZone());
}
} // namespace

/// \brief The QPainter time-series chart: gaps, local-time ticks, PNG and SVG export.
class TestTimeSeriesChart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void gapsBreakLines()
    {
        // Hourly readings with 02:00 missing: two stretches. Median spacing 1 h, threshold 1.5 h.
        const std::vector<int64_t> t{0, 3600000, 7200000, 14400000, 18000000};
        const auto s = TimeSeriesChart::segments(t);
        QCOMPARE(s, (std::vector<std::pair<size_t, size_t>>{{0, 3}, {3, 5}}));
        QCOMPARE(TimeSeriesChart::segments(t, 10 * 3600000),
                 (std::vector<std::pair<size_t, size_t>>{{0, 5}}));
        QCOMPARE(TimeSeriesChart::segments(std::vector<int64_t>{}),
                 (std::vector<std::pair<size_t, size_t>>{}));
        QCOMPARE(TimeSeriesChart::segments(std::vector<int64_t>{42}),
                 (std::vector<std::pair<size_t, size_t>>{{0, 1}}));
    }

    void ticksInLocalTime()
    {
        // A day: ticks on full local hours; the first names the date.
        auto ticks = TimeSeriesChart::timeTicks(local("2026-09-18T00:00"), local("2026-09-19T00:00"),
                                                TimeFormat::displayZone(), 8);
        QVERIFY(ticks.size() >= 4 && ticks.size() <= 13);
        QCOMPARE(ticks.front().time, local("2026-09-18T00:00"));
        QCOMPARE(ticks.front().label, QStringLiteral("18.09. 00:00"));
        QCOMPARE(ticks[1].label.size(), 5); // "03:00" or similar
        // Five weeks: days.
        ticks = TimeSeriesChart::timeTicks(local("2026-09-01T00:00"), local("2026-10-06T00:00"),
                                           TimeFormat::displayZone(), 8);
        QVERIFY(!ticks.isEmpty());
        for (const auto &tick : ticks) {
            QCOMPARE(QDateTime::fromMSecsSinceEpoch(tick.time, TimeFormat::displayZone()).time(),
                     QTime(0, 0));
            QVERIFY2(tick.label.endsWith(QLatin1Char('.')), qPrintable(tick.label));
        }
        // Across the autumn switch the ticks stay on local midnights (25 hours apart once).
        ticks = TimeSeriesChart::timeTicks(local("2026-10-24T00:00"), local("2026-10-27T00:00"),
                                           TimeFormat::displayZone(), 5);
        QCOMPARE(ticks[1].time - ticks[0].time, qint64(24) * 3600000);
        QCOMPARE(ticks[2].time - ticks[1].time, qint64(25) * 3600000);
    }

    void exports()
    {
        TimeSeriesChart chart;
        const std::vector<int64_t> t{local("2026-09-18T00:00"), local("2026-09-18T01:00"),
                                     local("2026-09-18T03:00")};
        const std::vector<double> v{10, 20, 15};
        chart.addLine(QStringLiteral("Rathaus"), t, v);
        chart.setUnit(QStringLiteral("µg/m³"));
        chart.setTitle(QStringLiteral("NO2"));
        chart.setCursor(t[1]);
        QCOMPARE(chart.timeRange(), std::optional(std::pair{t.front(), t.back()}));
        QTemporaryDir dir;
        QVERIFY(chart.exportTo(dir.filePath(QStringLiteral("c.png")), QSize(400, 200)).ok());
        QCOMPARE(QImage(dir.filePath(QStringLiteral("c.png"))).size(), QSize(400, 200));
        QVERIFY(chart.exportTo(dir.filePath(QStringLiteral("c.svg")), QSize(400, 200)).ok());
        const Status bad = chart.exportTo(dir.filePath(QStringLiteral("c.bmp")), QSize(400, 200));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, ErrorKind::Usage);
        QVERIFY(!chart.exportTo(QStringLiteral("/no/such/dir/c.png"), QSize(400, 200)).ok());
    }
};

QTEST_MAIN(TestTimeSeriesChart)
#include "test_time_series_chart.moc"
