// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/points_in_polygons.h"
#include "core/geometry/geometry_engine.h"
#include "support/wkt_fixtures.h"

#include <QTest>
#include <cmath>

using namespace kw;

namespace {

const double noValue = std::nan("");

/// Squares A (0..10) and B (10..20) sharing the edge x = 10, and a bow tie C (invalid: its edges cross at
/// (35, 5)), which GEOSMakeValid turns into two triangles of area 25 each.
std::shared_ptr<FeatureStore> polygons(const Crs &crs = Crs::etrs89Utm32())
{
    return test::storeFromWkt({QStringLiteral("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))"),
                               QStringLiteral("POLYGON((10 0, 20 0, 20 10, 10 10, 10 0))"),
                               QStringLiteral("POLYGON((30 0, 40 10, 40 0, 30 10, 30 0))")},
                              crs, {}, {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")});
}

/// p1 (5 5) v1, p2 (2 8) v3 in A; p3 (10 5) v10 on the A|B edge; p4 (15 5) null in B; p5 (32 5) v7 in C's
/// left triangle, p6 (35 5) v2 at the crossing (on both triangles), p8 (38 5) v4 in the right one;
/// p7 (50 50) v100 in nothing.
std::shared_ptr<FeatureStore> points()
{
    return test::storeFromWkt({QStringLiteral("POINT(5 5)"), QStringLiteral("POINT(2 8)"),
                               QStringLiteral("POINT(10 5)"), QStringLiteral("POINT(15 5)"),
                               QStringLiteral("POINT(32 5)"), QStringLiteral("POINT(35 5)"),
                               QStringLiteral("POINT(50 50)"), QStringLiteral("POINT(38 5)")},
                              Crs::etrs89Utm32(), {1, 3, 10, noValue, 7, 2, 100, 4});
}

} // namespace

/// \brief Points in polygons on hand-computed cases: counts, statistics, shared borders, repaired input.
class TestPointsInPolygons : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countsOnly()
    {
        const auto r = PointsInPolygons::run(*points(), *polygons(), {});
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        const AttributeTable &t = r->polygons->attributes();
        const int count = t.fieldIndex(QStringLiteral("count"));
        QCOMPARE(t.fields().size(), 3); // v, name, count
        QCOMPARE(t.text(0, 1), QStringLiteral("A"));
        QCOMPARE(t.intData(count)[0], int64_t(3)); // p1, p2 and p3 on the border
        QCOMPARE(t.intData(count)[1], int64_t(2)); // p3 on the border and p4
        QCOMPARE(t.intData(count)[2], int64_t(3)); // p5, p6, p8 in the repaired bow tie
        QCOMPARE(r->pointsOutside, size_t(1));     // p7
        QCOMPARE(r->repaired, size_t(1));
        QVERIFY(r->statisticField.isEmpty());
        // The repaired polygon replaces the bow tie in the output: two triangles of 25.
        QCOMPARE(GeometryEngine::area(r->polygons->geometry(2)), 50.0);
        QCOMPARE(r->polygons->geometryType(2), GeometryType::MultiPolygon);
    }

    void statisticsOfAField_data()
    {
        QTest::addColumn<QString>("statistic");
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("b");
        QTest::addColumn<double>("c");
        // A: 1, 3, 10; B: 10 (p4 is null); C: 7, 2, 4.
        QTest::newRow("mean") << "mean" << 14.0 / 3 << 10.0 << 13.0 / 3;
        QTest::newRow("sum") << "sum" << 14.0 << 10.0 << 13.0;
        QTest::newRow("min") << "min" << 1.0 << 10.0 << 2.0;
        QTest::newRow("max") << "max" << 10.0 << 10.0 << 7.0;
        QTest::newRow("median") << "median" << 3.0 << 10.0 << 4.0;
        QTest::newRow("count") << "count" << 3.0 << 1.0 << 3.0; // values, not points: p4 has none
    }
    void statisticsOfAField()
    {
        QFETCH(QString, statistic);
        QFETCH(double, a);
        QFETCH(double, b);
        QFETCH(double, c);
        PointsInPolygons::Options o;
        o.field = QStringLiteral("v");
        o.statistic = *aggregationFromName(statistic);
        const auto r = PointsInPolygons::run(*points(), *polygons(), o);
        QVERIFY(r.ok());
        QCOMPARE(r->statisticField, statistic + QStringLiteral("_v"));
        const AttributeTable &t = r->polygons->attributes();
        const int col = t.fieldIndex(r->statisticField);
        QVERIFY(col >= 0);
        QCOMPARE(t.number(0, col), a);
        QCOMPARE(t.number(1, col), b);
        QCOMPARE(t.number(2, col), c);
    }

    void valuesGivenPerPoint()
    {
        PointsInPolygons::Options o;
        o.values = {noValue, noValue, noValue, 8, noValue, noValue, noValue, noValue}; // only p4 has a value
        o.valueName = QStringLiteral("no2");
        o.statistic = Aggregation::Mean;
        const auto r = PointsInPolygons::run(*points(), *polygons(), o);
        QVERIFY(r.ok());
        QCOMPARE(r->statisticField, QStringLiteral("mean_no2"));
        const AttributeTable &t = r->polygons->attributes();
        const int col = t.fieldIndex(QStringLiteral("mean_no2"));
        QVERIFY(t.isNull(0, col)); // no value in A: null, not 0
        QCOMPARE(t.number(1, col), 8.0);
    }

    void pointsInAnotherCrs()
    {
        // A 1 km square around 410500/5478500 (EPSG:25832); points in WGS 84, converted with
        // cs2cs EPSG:25832 EPSG:4326: 410500/5478500 → 49.45256321 N 7.76512013 E (inside),
        // 412000/5478500 → 49.45278231 N 7.78581151 E (1 km east of the square).
        const auto square =
            test::storeFromWkt({QStringLiteral("POLYGON((410000 5478000, 411000 5478000, 411000 5479000, "
                                               "410000 5479000, 410000 5478000))")},
                               Crs::etrs89Utm32());
        const auto wgs = test::storeFromWkt({QStringLiteral("POINT(7.76512013 49.45256321)"),
                                             QStringLiteral("POINT(7.78581151 49.45278231)")},
                                            Crs::wgs84());
        const auto r = PointsInPolygons::run(*wgs, *square, {});
        QVERIFY(r.ok());
        QCOMPARE(r->polygons->attributes().intData(
                     r->polygons->attributes().fieldIndex(QStringLiteral("count")))[0],
                 int64_t(1));
        QCOMPARE(r->pointsOutside, size_t(1));
        QCOMPARE(r->polygons->crs(), Crs::etrs89Utm32());
    }

    void wrongGeometryFamilies()
    {
        auto r = PointsInPolygons::run(*polygons(), *polygons(), {});
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("not points")));
        r = PointsInPolygons::run(*points(), *points(), {});
        QVERIFY(!r.ok());
        PointsInPolygons::Options o;
        o.field = QStringLiteral("name");
        r = PointsInPolygons::run(*points(), *polygons(), o);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("not numeric")));
        o.field = QStringLiteral("no2");
        r = PointsInPolygons::run(*points(), *polygons(), o);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QStringLiteral("numeric fields: v")),
                 qPrintable(r.error().message));
    }
};

QTEST_GUILESS_MAIN(TestPointsInPolygons)
#include "test_points_in_polygons.moc"
