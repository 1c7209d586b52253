// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/data_provider.h"
#include "core/data/gdal/geopackage_writer.h"
#include "core/geometry/geometry_engine.h"
#include "core/sensors/sensor_cache.h"
#include "core/sensors/sensor_source.h"
#include "support/cli_run.h"
#include "support/test_support.h"
#include "support/wkt_fixtures.h"

#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace kw;
using test::CliRun;
using test::runCli;

namespace {

std::shared_ptr<FeatureStore> load(const QString &path, const QString &layer)
{
    SourceUri uri;
    uri.path = path;
    auto store = DataProviders::loadVector(uri, layer, LoadOptions());
    if (!store.ok()) qFatal("%s", qPrintable(store.error().message));
    return *store;
}

} // namespace

/// \brief kartenwerk-cli aggregate and buffer on hand-computed cases, with every error path.
///
/// Inputs (written by the test): polygons.gpkg, layer "flaechen": A = 0..10 x 0..10, B = 10..20 x 0..10
/// (sharing the edge x = 10), C = the bow tie (30 0, 40 10, 40 0, 30 10) — invalid, two triangles of 25 m²
/// once repaired; points.gpkg, layer "punkte" (EPSG:25832): (5 5) v1, (2 8) v3, (10 5) v10, (15 5) null,
/// (32 5) v7, (35 5) v2, (50 50) v100, (38 5) v4; and the same points in WGS 84 (punkte_wgs84.gpkg) where
/// x/y are shifted to 410000/5478000 before the conversion (so the squares must be shifted too).
class TestAnalysisCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_polygons, m_points;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        const double none = std::nan("");
        m_polygons = m_tmp.filePath(QStringLiteral("polygons.gpkg"));
        m_points = m_tmp.filePath(QStringLiteral("points.gpkg"));
        QVERIFY(writeGeoPackage(
                    *test::storeFromWkt({QStringLiteral("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))"),
                                         QStringLiteral("POLYGON((10 0, 20 0, 20 10, 10 10, 10 0))"),
                                         QStringLiteral("POLYGON((30 0, 40 10, 40 0, 30 10, 30 0))")},
                                        Crs::etrs89Utm32(), {},
                                        {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}),
                    m_polygons, QStringLiteral("flaechen"))
                    .ok());
        QVERIFY(writeGeoPackage(
                    *test::storeFromWkt({QStringLiteral("POINT(5 5)"), QStringLiteral("POINT(2 8)"),
                                         QStringLiteral("POINT(10 5)"), QStringLiteral("POINT(15 5)"),
                                         QStringLiteral("POINT(32 5)"), QStringLiteral("POINT(35 5)"),
                                         QStringLiteral("POINT(50 50)"), QStringLiteral("POINT(38 5)")},
                                        Crs::etrs89Utm32(), {1, 3, 10, none, 7, 2, 100, 4}),
                    m_points, QStringLiteral("punkte"))
                    .ok());
    }

    void aggregateMean()
    {
        const QString out = m_tmp.filePath(QStringLiteral("mean.gpkg"));
        const CliRun r = runCli(
            {QStringLiteral("aggregate"), QStringLiteral("--points"), m_points + QStringLiteral(":punkte"),
             QStringLiteral("--polygons"), m_polygons, QStringLiteral("--field"), QStringLiteral("v"),
             QStringLiteral("--stat"), QStringLiteral("mean"), QStringLiteral("-o"), out});
        QVERIFY2(r.code == 0, qPrintable(r.dump()));
        QVERIFY2(r.out.contains(QStringLiteral("3 polygons, 8 points")) &&
                     r.out.contains(QStringLiteral("(1 in no polygon)")) &&
                     r.out.contains(QStringLiteral("fields count, mean_v")) &&
                     r.out.contains(QStringLiteral("1 invalid polygons repaired")),
                 qPrintable(r.out));
        const auto store = load(out, QStringLiteral("flaechen"));
        const AttributeTable &t = store->attributes();
        const int count = t.fieldIndex(QStringLiteral("count")),
                  mean = t.fieldIndex(QStringLiteral("mean_v"));
        QCOMPARE(t.number(0, count), 3.0);
        QCOMPARE(t.number(1, count), 2.0);
        QCOMPARE(t.number(2, count), 3.0);
        QCOMPARE(t.number(0, mean), 14.0 / 3);                    // (1 + 3 + 10) / 3
        QCOMPARE(t.number(1, mean), 10.0);                        // 10 (the null of (15 5) is left out)
        QCOMPARE(t.number(2, mean), 13.0 / 3);                    // (7 + 2 + 4) / 3
        QCOMPARE(GeometryEngine::area(store->geometry(2)), 50.0); // the repaired bow tie
        QCOMPARE(t.text(0, t.fieldIndex(QStringLiteral("name"))), QStringLiteral("A"));
    }

    void aggregateMedianAndCount_data()
    {
        QTest::addColumn<QString>("stat");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QList<double>>("expected");
        QTest::newRow("median") << "median"
                                << "median_v" << QList<double>{3, 10, 4};
        QTest::newRow("sum") << "sum"
                             << "sum_v" << QList<double>{14, 10, 13};
        QTest::newRow("max") << "max"
                             << "max_v" << QList<double>{10, 10, 7};
        QTest::newRow("min") << "min"
                             << "min_v" << QList<double>{1, 10, 2};
    }
    void aggregateMedianAndCount()
    {
        QFETCH(QString, stat);
        QFETCH(QString, field);
        QFETCH(QList<double>, expected);
        const QString out = m_tmp.filePath(stat + QStringLiteral(".gpkg"));
        const CliRun r =
            runCli({QStringLiteral("aggregate"), QStringLiteral("--points"), m_points,
                    QStringLiteral("--polygons"), m_polygons + QStringLiteral(":flaechen"),
                    QStringLiteral("--field"), QStringLiteral("v"), QStringLiteral("--stat"), stat,
                    QStringLiteral("-o"), out, QStringLiteral("--output-layer"), QStringLiteral("ergebnis")});
        QVERIFY2(r.code == 0, qPrintable(r.dump()));
        const auto store = load(out, QStringLiteral("ergebnis"));
        const int col = store->attributes().fieldIndex(field);
        QVERIFY(col >= 0);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(store->attributes().number(size_t(i), col), expected[i]);
    }

    void aggregatePointsInAnotherCrs()
    {
        // The NO2 stations (WGS 84) in buffers of themselves (EPSG:32632): each buffer holds its station.
        const QString buffers = m_tmp.filePath(QStringLiteral("stations_buffer.gpkg"));
        const QString stations = test::sharedData(QStringLiteral("air/no2_germany_rural_background.csv"));
        CliRun r = runCli({QStringLiteral("buffer"), stations, QStringLiteral("--distance"),
                           QStringLiteral("1000"), QStringLiteral("-o"), buffers});
        QVERIFY2(r.code == 0, qPrintable(r.dump()));
        const QString out = m_tmp.filePath(QStringLiteral("stations_count.gpkg"));
        r = runCli({QStringLiteral("aggregate"), QStringLiteral("--points"), stations,
                    QStringLiteral("--polygons"), buffers, QStringLiteral("-o"), out});
        QVERIFY2(r.code == 0, qPrintable(r.dump()));
        const auto store = load(out, QStringLiteral("no2_germany_rural_background_buffer"));
        QCOMPARE(store->featureCount(), size_t(74));
        const int count = store->attributes().fieldIndex(QStringLiteral("count"));
        for (size_t f = 0; f < store->featureCount(); ++f)
            QVERIFY2(store->attributes().number(f, count) >= 1, qPrintable(QString::number(f)));
        QVERIFY2(r.out.contains(QStringLiteral("(0 in no polygon)")), qPrintable(r.out));
    }

    void aggregateSensorValues()
    {
        // Sites A (410500/5478500) and B (410600.5/5478400) of messstellen_klein.csv in a square around both;
        // NO2 of A in [2026-10-25T00:00Z, 02:00Z): 20.5 and 30 → mean 25.25.
        const QString square = m_tmp.filePath(QStringLiteral("square.gpkg"));
        QVERIFY(
            writeGeoPackage(*test::storeFromWkt(
                                {QStringLiteral("POLYGON((410000 5478000, 411000 5478000, 411000 5479000, "
                                                "410000 5479000, 410000 5478000))")},
                                Crs::etrs89Utm32(), {}, {QStringLiteral("Mitte")}),
                            square, QStringLiteral("bezirk"))
                .ok());
        const QString out = m_tmp.filePath(QStringLiteral("sensor_mean.gpkg"));
        const CliRun r =
            runCli({QStringLiteral("aggregate"), QStringLiteral("--points"),
                    test::testData(QStringLiteral("sensors/messwerte_klein.csv")), QStringLiteral("--sites"),
                    test::testData(QStringLiteral("sensors/messstellen_klein.csv")) +
                        QStringLiteral("|crs=EPSG:25832"),
                    QStringLiteral("--property"), QStringLiteral("NO2"), QStringLiteral("--from"),
                    QStringLiteral("2026-10-25T00:00:00Z"), QStringLiteral("--to"),
                    QStringLiteral("2026-10-25T02:00:00Z"), QStringLiteral("--polygons"), square,
                    QStringLiteral("--stat"), QStringLiteral("mean"), QStringLiteral("-o"), out});
        QVERIFY2(r.code == 0, qPrintable(r.dump()));
        QVERIFY2(r.out.contains(QStringLiteral("fields count, mean_NO2")), qPrintable(r.out));
        const auto store = load(out, QStringLiteral("bezirk"));
        QCOMPARE(store->attributes().number(0, store->attributes().fieldIndex(QStringLiteral("count"))), 1.0);
        QCOMPARE(store->attributes().number(0, store->attributes().fieldIndex(QStringLiteral("mean_NO2"))),
                 25.25);
    }

    void aggregateErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString o = QStringLiteral("-o"), out = QStringLiteral("a.gpkg");
        const QString pts = QStringLiteral("--points"), pol = QStringLiteral("--polygons");
        QTest::newRow("no polygons") << QStringList{pts, QStringLiteral("P"), o, out} << 1
                                     << "--points and --polygons are needed";
        QTest::newRow("no output") << QStringList{pts, QStringLiteral("P"), pol, QStringLiteral("Q")} << 1
                                   << "no output file";
        QTest::newRow("not gpkg") << QStringList{pts, QStringLiteral("P"),    pol, QStringLiteral("Q"),
                                                 o,   QStringLiteral("a.shp")}
                                  << 1 << "a.shp: the output is a GeoPackage";
        QTest::newRow("bad stat") << QStringList{pts,
                                                 QStringLiteral("P"),
                                                 pol,
                                                 QStringLiteral("Q"),
                                                 QStringLiteral("--stat"),
                                                 QStringLiteral("mode"),
                                                 o,
                                                 out}
                                  << 1 << "unknown --stat 'mode'";
        QTest::newRow("mean without field") << QStringList{pts,
                                                           QStringLiteral("P"),
                                                           pol,
                                                           QStringLiteral("Q"),
                                                           QStringLiteral("--stat"),
                                                           QStringLiteral("mean"),
                                                           o,
                                                           out}
                                            << 1 << "--stat mean needs --field";
        QTest::newRow("missing file")
            << QStringList{pts, QStringLiteral("/no/such.gpkg"), pol, QStringLiteral("/no/such2.gpkg"), o,
                           out}
            << 2 << "/no/such2.gpkg";
    }
    void aggregateErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        QDir::setCurrent(m_tmp.path());
        const CliRun r = runCli(QStringList{QStringLiteral("aggregate")} + args);
        QVERIFY2(r.code == code, qPrintable(r.dump()));
        QVERIFY2(r.err.contains(message), qPrintable(r.dump()));
        QVERIFY(!QFile::exists(m_tmp.filePath(QStringLiteral("a.gpkg"))));
    }

    void aggregateDataErrors()
    {
        QDir::setCurrent(m_tmp.path());
        // Unknown field: exit 2, the numeric fields are listed.
        CliRun r = runCli({QStringLiteral("aggregate"), QStringLiteral("--points"), m_points,
                           QStringLiteral("--polygons"), m_polygons, QStringLiteral("--field"),
                           QStringLiteral("no2"), QStringLiteral("--stat"), QStringLiteral("mean"),
                           QStringLiteral("-o"), QStringLiteral("a.gpkg")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no field 'no2' (numeric fields: v)")), qPrintable(r.err));
        // Points and polygons swapped: exit 2.
        r = runCli({QStringLiteral("aggregate"), QStringLiteral("--points"), m_polygons,
                    QStringLiteral("--polygons"), m_points, QStringLiteral("-o"), QStringLiteral("a.gpkg")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("not points")), qPrintable(r.err));
        // A source with several layers needs the layer named.
        r = runCli({QStringLiteral("aggregate"), QStringLiteral("--points"), m_points,
                    QStringLiteral("--polygons"),
                    test::sharedData(QStringLiteral("osm/liechtenstein-2013-08-03.osm.pbf")),
                    QStringLiteral("-o"), QStringLiteral("a.gpkg")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("name one as")), qPrintable(r.err));
        // Unwritable output: exit 3, nothing left behind.
        r = runCli({QStringLiteral("aggregate"), QStringLiteral("--points"), m_points,
                    QStringLiteral("--polygons"), m_polygons, QStringLiteral("-o"),
                    QStringLiteral("/no/such/folder/a.gpkg")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QStringLiteral("/no/such/folder/a.gpkg")), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_tmp.filePath(QStringLiteral("a.gpkg"))));
    }

    void bufferProjected()
    {
        const QString out = m_tmp.filePath(QStringLiteral("buffer.gpkg"));
        const CliRun r =
            runCli({QStringLiteral("buffer"), m_points + QStringLiteral(":punkte"),
                    QStringLiteral("--distance"), QStringLiteral("10"), QStringLiteral("-o"), out});
        QVERIFY2(r.code == 0, qPrintable(r.dump()));
        QVERIFY2(
            r.out.contains(QStringLiteral("layer punkte_buffer: 8 features buffered by 10 m in EPSG:25832")),
            qPrintable(r.out));
        const auto store = load(out, QStringLiteral("punkte_buffer"));
        // A 32-gon of radius 10: 16 r² sin(π/16) = 312.1445152 m².
        QVERIFY(std::abs(GeometryEngine::area(store->geometry(0)) - 312.1445152) < 1e-6);
        QCOMPARE(store->attributes().number(1, 0), 3.0);
        // Dissolved: (5 5) and (2 8) overlap, as do (32 5), (35 5), (38 5).
        const QString merged = m_tmp.filePath(QStringLiteral("merged.gpkg"));
        const CliRun d =
            runCli({QStringLiteral("buffer"), m_points, QStringLiteral("--distance"), QStringLiteral("10"),
                    QStringLiteral("--dissolve"), QStringLiteral("-o"), merged});
        QVERIFY2(d.code == 0, qPrintable(d.dump()));
        QVERIFY2(d.out.contains(QStringLiteral(": 1 features")), qPrintable(d.out));
    }

    void bufferGeographic()
    {
        const QString out = m_tmp.filePath(QStringLiteral("stations.gpkg"));
        const CliRun r =
            runCli({QStringLiteral("buffer"),
                    test::sharedData(QStringLiteral("air/no2_germany_rural_background.csv")),
                    QStringLiteral("--distance"), QStringLiteral("500"), QStringLiteral("-o"), out});
        QVERIFY2(r.code == 0, qPrintable(r.dump()));
        // Germany's centre (about 10° E) lies in UTM zone 32.
        QVERIFY2(r.out.contains(QStringLiteral("in EPSG:32632 (the data's EPSG:4326 is not in metres)")),
                 qPrintable(r.out));
        const auto store = load(out, QStringLiteral("no2_germany_rural_background_buffer"));
        QCOMPARE(store->featureCount(), size_t(74));
        QVERIFY(std::abs(GeometryEngine::area(store->geometry(0)) - 3.1214451522580 * 250000) < 1e-3);
    }

    void bufferErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("no distance") << QStringList{QStringLiteral("x.gpkg"), QStringLiteral("-o"),
                                                    QStringLiteral("b.gpkg")}
                                     << 1 << "no --distance";
        QTest::newRow("bad distance")
            << QStringList{QStringLiteral("x.gpkg"), QStringLiteral("--distance"), QStringLiteral("10m"),
                           QStringLiteral("-o"), QStringLiteral("b.gpkg")}
            << 1 << "invalid --distance '10m'";
        QTest::newRow("no source") << QStringList{QStringLiteral("--distance"), QStringLiteral("5"),
                                                  QStringLiteral("-o"), QStringLiteral("b.gpkg")}
                                   << 1 << "expected exactly one";
        QTest::newRow("missing source")
            << QStringList{QStringLiteral("/no/such.gpkg"), QStringLiteral("--distance"), QStringLiteral("5"),
                           QStringLiteral("-o"), QStringLiteral("b.gpkg")}
            << 2 << "/no/such.gpkg";
    }
    void bufferErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        QDir::setCurrent(m_tmp.path());
        const CliRun r = runCli(QStringList{QStringLiteral("buffer")} + args);
        QVERIFY2(r.code == code, qPrintable(r.dump()));
        QVERIFY2(r.err.contains(message), qPrintable(r.dump()));
        QVERIFY(!QFile::exists(m_tmp.filePath(QStringLiteral("b.gpkg"))));
    }
};

QTEST_MAIN(TestAnalysisCli)
#include "test_analysis_cli.moc"
