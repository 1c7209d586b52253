// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/geoprocessing.h"
#include "core/data/data_provider.h"
#include "core/data/gdal/geopackage_writer.h"
#include "core/geometry/geometry_engine.h"
#include "support/wkt_fixtures.h"

#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace kw;

namespace {
bool near(double a, double b, double tolerance)
{
    return std::abs(a - b) <= tolerance;
}
} // namespace

/// \brief Buffer, intersection, dissolve, selection by distance and repair, on hand-computed cases.
///
/// Buffers have 8 segments per quarter circle: a circle of radius r becomes a regular 32-gon of area
/// 16 r² sin(π/16) = 3.12144515 r².
class TestGeoprocessing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void geometryEngineBasics()
    {
        const Geometry bowtie =
            *Geometry::fromWkt(QStringLiteral("POLYGON((30 0, 40 10, 40 0, 30 10, 30 0))"));
        const auto reason = GeometryEngine::invalidReason(bowtie);
        QVERIFY(reason);
        QVERIFY2(reason->contains(QStringLiteral("Self-intersection")), qPrintable(*reason));
        const auto valid = GeometryEngine::makeValid(bowtie);
        QVERIFY(valid.ok());
        QVERIFY(!GeometryEngine::invalidReason(*valid));
        QCOMPARE(GeometryEngine::area(*valid), 50.0);
        QCOMPARE(GeometryEngine::length(*Geometry::fromWkt(QStringLiteral("LINESTRING(0 0, 3 4)"))), 5.0);
        QCOMPARE(GeometryEngine::distance(*Geometry::fromWkt(QStringLiteral("POINT(0 0)")),
                                          *Geometry::fromWkt(QStringLiteral("POINT(6 8)"))),
                 10.0);
        const PreparedGeometry square(
            *Geometry::fromWkt(QStringLiteral("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))")));
        QVERIFY(square.covers(5, 5));
        QVERIFY(square.covers(10, 5)); // boundary
        QVERIFY(!square.covers(10.001, 5));
    }

    void bufferInAProjectedCrs()
    {
        const auto in = test::storeFromWkt({QStringLiteral("POINT(410000 5478000)"),
                                            QStringLiteral("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))")},
                                           Crs::etrs89Utm32(), {1, 2});
        const auto r = Geoprocessing::buffer(*in, 10);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->store->crs(), Crs::etrs89Utm32());
        QVERIFY(near(GeometryEngine::area(r->store->geometry(0)), 312.1445152, 1e-6));
        // 10 x 10 square + 1 m: 100 + 4 sides of 10 x 1 + the four corners (one 32-gon of r = 1 in total)...
        const auto r1 = Geoprocessing::buffer(*in, 1);
        QVERIFY(near(GeometryEngine::area(r1->store->geometry(1)), 143.1214452, 1e-6));
        // ... and -1 m leaves the inner 8 x 8 square.
        const auto shrunk = Geoprocessing::buffer(*in, -1);
        QVERIFY(near(GeometryEngine::area(shrunk->store->geometry(1)), 64.0, 1e-9));
        QCOMPARE(r->store->attributes().number(1, 0), 2.0); // attributes kept
    }

    void bufferOfGeographicDataUsesUtm()
    {
        const auto in = test::storeFromWkt({QStringLiteral("POINT(7.7689 49.4447)")}, Crs::wgs84());
        auto crs = Geoprocessing::metricCrsFor(in->crs(), in->extent());
        QVERIFY(crs.ok());
        QCOMPARE(crs->authId(), QStringLiteral("EPSG:32632"));
        QCOMPARE(Geoprocessing::utmZone(-2.211, 56.963).authId(), QStringLiteral("EPSG:32630")); // Aberdeen
        QCOMPARE(Geoprocessing::utmZone(151.2, -33.9).authId(), QStringLiteral("EPSG:32756"));   // Sydney
        const auto r = Geoprocessing::buffer(*in, 100);
        QVERIFY(r.ok());
        QCOMPARE(r->store->crs().authId(), QStringLiteral("EPSG:32632"));
        QVERIFY(near(GeometryEngine::area(r->store->geometry(0)), 31214.45152, 1e-4));
        // The centre: cs2cs EPSG:4326 EPSG:32632 gives 410759.672 5477621.367 (WGS 84 and ETRS89 agree here).
        const Envelope e = r->store->featureEnvelope(0);
        QVERIFY(near(e.centerX(), 410759.672, 0.01));
        QVERIFY(near(e.centerY(), 5477621.367, 0.01));
        // No CRS: metres are unknown.
        const auto none = test::storeFromWkt({QStringLiteral("POINT(1 1)")}, Crs());
        QVERIFY(!Geoprocessing::buffer(*none, 1).ok());
    }

    void intersection()
    {
        const auto a = test::storeFromWkt({QStringLiteral("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))")},
                                          Crs::etrs89Utm32(), {1}, {QStringLiteral("a")});
        const auto b = test::storeFromWkt({QStringLiteral("POLYGON((5 5, 15 5, 15 15, 5 15, 5 5))"),
                                           QStringLiteral("POLYGON((10 0, 20 0, 20 4, 10 4, 10 0))"),
                                           QStringLiteral("POLYGON((100 100, 101 100, 101 101, 100 100))")},
                                          Crs::etrs89Utm32(), {2, 3, 4},
                                          {QStringLiteral("b1"), QStringLiteral("b2"), QStringLiteral("b3")});
        const auto r = Geoprocessing::intersection(*a, *b);
        QVERIFY(r.ok());
        // Only the 5 x 5 overlap: b2 touches a along an edge (no area), b3 is far away.
        QCOMPARE(r->store->featureCount(), size_t(1));
        QCOMPARE(GeometryEngine::area(r->store->geometry(0)), 25.0);
        const AttributeTable &t = r->store->attributes();
        QCOMPARE(t.fields()[2].name, QStringLiteral("b_v"));
        QCOMPARE(t.fields()[3].name, QStringLiteral("b_name"));
        QCOMPARE(t.text(0, 1), QStringLiteral("a"));
        QCOMPARE(t.text(0, 3), QStringLiteral("b1"));
        QCOMPARE(t.number(0, 2), 2.0);
    }

    void dissolve()
    {
        const auto in = test::storeFromWkt({QStringLiteral("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))"),
                                            QStringLiteral("POLYGON((10 0, 20 0, 20 10, 10 10, 10 0))"),
                                            QStringLiteral("POLYGON((30 0, 31 0, 31 1, 30 1, 30 0))")},
                                           Crs::etrs89Utm32(), {},
                                           {QStringLiteral("x"), QStringLiteral("x"), QStringLiteral("y")});
        const auto r = Geoprocessing::dissolve(*in, QStringLiteral("name"));
        QVERIFY(r.ok());
        QCOMPARE(r->store->featureCount(), size_t(2));
        QCOMPARE(r->store->attributes().text(0, 0), QStringLiteral("x"));
        QCOMPARE(GeometryEngine::area(r->store->geometry(0)), 200.0);
        QCOMPARE(r->store->geometryType(0), GeometryType::Polygon); // the shared edge is gone: one ring
        QCOMPARE(r->store->geometry(0).ringCount(), 1);
        const auto all = Geoprocessing::dissolve(*in);
        QCOMPARE(all->store->featureCount(), size_t(1));
        QCOMPARE(GeometryEngine::area(all->store->geometry(0)), 201.0);
        QVERIFY(!Geoprocessing::dissolve(*in, QStringLiteral("nope")).ok());
    }

    void withinDistance()
    {
        const auto in = test::storeFromWkt({QStringLiteral("POINT(0 0)"), QStringLiteral("POINT(5 0)"),
                                            QStringLiteral("POINT(3 4)"), QStringLiteral("POINT(20 0)")},
                                           Crs::etrs89Utm32());
        const auto ref = test::storeFromWkt({QStringLiteral("POINT(0 0)")}, Crs::etrs89Utm32());
        const auto r = Geoprocessing::withinDistance(*in, *ref, 5);
        QVERIFY(r.ok());
        // Distances 0, 5 (on the limit: within), 5 (3-4-5 triangle), 20.
        QCOMPARE(*r, (std::vector<uint8_t>{1, 1, 1, 0}));
    }

    void repairAndWrite()
    {
        const auto in = test::storeFromWkt({QStringLiteral("POLYGON((30 0, 40 10, 40 0, 30 10, 30 0))"),
                                            QStringLiteral("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))")},
                                           Crs::etrs89Utm32(), {1, 2});
        const auto r = Geoprocessing::repair(*in);
        QVERIFY(r.ok());
        QCOMPARE(r->repaired, size_t(1));
        // Polygon and MultiPolygon mixed: written as a MultiPolygon layer, read back the same.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("repaired.gpkg"));
        const Status st = writeGeoPackage(*r->store, path, QStringLiteral("flaechen"));
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
        SourceUri uri;
        uri.path = path;
        const auto back = DataProviders::loadVector(uri, QStringLiteral("flaechen"), LoadOptions());
        QVERIFY(back.ok());
        QCOMPARE((*back)->featureCount(), size_t(2));
        QCOMPARE((*back)->crs(), Crs::etrs89Utm32());
        QCOMPARE(GeometryEngine::area((*back)->geometry(0)), 50.0);
        QCOMPARE((*back)->geometryType(1), GeometryType::MultiPolygon);
        QCOMPARE((*back)->attributes().number(1, 0), 2.0);
    }
};

QTEST_GUILESS_MAIN(TestGeoprocessing)
#include "test_geoprocessing.moc"
