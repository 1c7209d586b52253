// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/temporal/time_series.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>
#include <cmath>

using namespace kw;

namespace {
constexpr qint64 minute = 60000;
constexpr qint64 t0 = 1788220800000; // 2026-09-01T00:00:00Z
qint64 at(int minutes)
{
    return t0 + minutes * minute;
}
} // namespace

/// \brief Window aggregation over sorted arrays, checked against sums done by hand; gaps stay gaps.
class TestTimeSeries : public QObject
{
    Q_OBJECT
private:
    /// 00:00 10, 00:15 20, 00:30 60, 01:00 5, 01:45 15, (no data from 01:45 to 03:00), 03:00 7.
    TimeSeries series() const
    {
        TimeSeries s;
        // Appended out of order on purpose: sort() must put them right.
        s.append(at(60), 5);
        s.append(at(0), 10);
        s.append(at(180), 7);
        s.append(at(15), 20);
        s.append(at(105), 15);
        s.append(at(30), 60);
        s.sort();
        return s;
    }

private Q_SLOTS:
    void t0IsWhatTheCommentSays()
    {
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(t0, QTimeZone::utc())
                     .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")),
                 QStringLiteral("2026-09-01T00:00:00"));
    }

    void aggregatesWindows_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<QString>("aggregation");
        QTest::addColumn<double>("expected");
        // [00:00, 01:00): 10, 20, 60.
        QTest::newRow("mean") << 0 << 60 << "mean" << 30.0; // (10 + 20 + 60) / 3
        QTest::newRow("min") << 0 << 60 << "min" << 10.0;
        QTest::newRow("max") << 0 << 60 << "max" << 60.0;
        QTest::newRow("sum") << 0 << 60 << "sum" << 90.0;
        QTest::newRow("count") << 0 << 60 << "count" << 3.0;
        QTest::newRow("last") << 0 << 60 << "last" << 60.0;
        QTest::newRow("first") << 0 << 60 << "first" << 10.0;
        QTest::newRow("median odd") << 0 << 60 << "median" << 20.0;
        // [01:00, 02:00): 5, 15 — 01:00 is in (half-open windows include their start).
        QTest::newRow("mean 2") << 60 << 120 << "mean" << 10.0;
        QTest::newRow("median even") << 60 << 120 << "median" << 10.0; // (5 + 15) / 2
        QTest::newRow("last 2") << 60 << 120 << "last" << 15.0;
        // Half-open: the observation at 00:15 belongs to [00:15, 00:30), not to [00:00, 00:15).
        QTest::newRow("end excluded") << 0 << 15 << "sum" << 10.0;
        QTest::newRow("start included") << 15 << 30 << "sum" << 20.0;
        // A window over the whole series.
        QTest::newRow("all mean") << -10 << 500 << "mean" << (10.0 + 20 + 60 + 5 + 15 + 7) / 6;
        // The gap: no data is no data, not zero.
        QTest::newRow("gap count") << 120 << 180 << "count" << 0.0;
        QTest::newRow("gap mean") << 120 << 180 << "mean" << qQNaN();
        QTest::newRow("gap sum") << 120 << 180 << "sum" << qQNaN();
        QTest::newRow("empty window") << 60 << 60 << "count" << 0.0;
    }
    void aggregatesWindows()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(QString, aggregation);
        QFETCH(double, expected);
        const auto a = aggregationFromName(aggregation);
        QVERIFY(a);
        const double v = series().aggregate(at(from), at(to), *a);
        if (std::isnan(expected))
            QVERIFY2(std::isnan(v), qPrintable(QString::number(v)));
        else
            QCOMPARE(v, expected);
    }

    void indexRangeUsesBinarySearchBounds()
    {
        const TimeSeries s = series();
        QCOMPARE(s.size(), size_t(6));
        QCOMPARE(s.indexRange(at(0), at(60)), (std::pair<size_t, size_t>{0, 3}));
        QCOMPARE(s.indexRange(at(1), at(60)), (std::pair<size_t, size_t>{1, 3}));
        QCOMPARE(s.indexRange(at(181), at(999)), (std::pair<size_t, size_t>{6, 6}));
        QCOMPARE(s.indexRange(at(60), at(0)), (std::pair<size_t, size_t>{0, 0}));
    }

    void valueAtAnInstant()
    {
        const TimeSeries s = series();
        QCOMPARE(s.valueAt(at(90), 60 * minute), 5.0);        // 01:00 is 30 min before
        QCOMPARE(s.valueAt(at(164), 60 * minute), 15.0);      // 01:45 is 59 min before 02:44
        QVERIFY(std::isnan(s.valueAt(at(165), 60 * minute))); // exactly an hour: outside (t - tol, t]
        QVERIFY(std::isnan(s.valueAt(at(170), 60 * minute))); // in the gap: nothing carried forward
        QCOMPARE(s.valueAt(at(15), 0), 20.0);                 // tolerance 0: exact instants only
        QVERIFY(std::isnan(s.valueAt(at(16), 0)));
        QVERIFY(std::isnan(s.valueAt(at(-1), 60 * minute))); // before the first observation
    }

    void sortIsStable()
    {
        TimeSeries s;
        s.append(5, 1);
        s.append(1, 2);
        s.append(5, 3);
        s.sort();
        QCOMPARE(std::vector<int64_t>(s.times().begin(), s.times().end()), (std::vector<int64_t>{1, 5, 5}));
        QCOMPARE(std::vector<double>(s.values().begin(), s.values().end()), (std::vector<double>{2, 1, 3}));
        QCOMPARE(s.aggregate(5, 6, Aggregation::Last), 3.0);
    }

    void clipKeepsTheHalfOpenRange()
    {
        TimeSeries s = series();
        s.clip(at(15), at(105));
        QCOMPARE(s.size(), size_t(3)); // 00:15, 00:30, 01:00
        QCOMPARE(s.firstTime(), at(15));
        QCOMPARE(s.lastTime(), at(60));
    }

    void aggregateNames()
    {
        for (const QString &n : aggregationNames())
            QCOMPARE(aggregationName(*aggregationFromName(n)), n);
        QVERIFY(!aggregationFromName(QStringLiteral("mode")));
        QCOMPARE(*aggregationFromName(QStringLiteral(" MEAN ")), Aggregation::Mean);
    }
};

QTEST_GUILESS_MAIN(TestTimeSeries)
#include "test_time_series.moc"
