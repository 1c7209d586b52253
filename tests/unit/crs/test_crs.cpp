// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crs/coordinate_transform.h"
#include "core/crs/crs.h"

#include <QTest>

#include <cmath>

using namespace kw;

namespace {

// ESRI WKT1 of ETRS89 / UTM zone 32N, as ArcGIS writes it into .prj files. It carries no EPSG id: the code
// must come from PROJ's identification. Text produced by `projinfo EPSG:25832 -o WKT1_ESRI --single-line`.
const char *const esriEtrs89Utm32 =
    R"(PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",)"
    R"(SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],)"
    R"(PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],)"
    R"(PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],)"
    R"(UNIT["Meter",1.0]])";

// Tolerances: 1 mm for projected coordinates; 1e-8 degrees (about 1 mm) for geographic ones. The reference
// numbers were printed by PROJ 9.1.1's cs2cs with 6 (projected) or 10 (geographic) decimals, so rounding
// of the references stays far below both.
constexpr double projectedTolerance = 1e-3;
constexpr double geographicTolerance = 1e-8;

Crs crs(const QString &text)
{
    auto c = Crs::fromUserInput(text);
    if (!c.ok())
        qFatal("cannot build CRS %s: %s", qPrintable(text), qPrintable(c.error().message));
    return *c;
}

} // namespace

/// \brief Crs parsing and identification, and CoordinateTransform against reference points from PROJ's cs2cs.
class TestCrs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fromUserInput_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("epsg"); // 0: no EPSG code expected
        QTest::addColumn<bool>("geographic");
        QTest::newRow("EPSG:25832") << QString("EPSG:25832") << 25832 << false;
        QTest::newRow("bare code") << QString("25832") << 25832 << false;
        QTest::newRow("bare code with spaces") << QString("  25832 ") << 25832 << false;
        QTest::newRow("OGC URN") << QString("urn:ogc:def:crs:EPSG::25832") << 25832 << false;
        QTest::newRow("EPSG:4326") << QString("EPSG:4326") << 4326 << true;
        QTest::newRow("NAD27") << QString("EPSG:4267") << 4267 << true;
        QTest::newRow("DHDN GK3") << QString("EPSG:31467") << 31467 << false;
        QTest::newRow("ESRI WKT1 (.prj)") << QString::fromLatin1(esriEtrs89Utm32) << 25832 << false;
        // A PROJ string has no datum name, so PROJ matches EPSG:25832 (and others) with 70 % confidence
        // only: below the 90 % needed, so no code must be claimed.
        QTest::newRow("PROJ string") << QString("+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs") << 0 << false;
    }
    void fromUserInput()
    {
        QFETCH(QString, input);
        QFETCH(int, epsg);
        QFETCH(bool, geographic);
        auto c = Crs::fromUserInput(input);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
        QVERIFY(c->isValid());
        QCOMPARE(c->isGeographic(), geographic);
        QVERIFY(!c->wkt().isEmpty());
        if (epsg) {
            QVERIFY2(c->epsg().has_value(), qPrintable(c->description()));
            QCOMPARE(*c->epsg(), epsg);
            QCOMPARE(c->authId(), QStringLiteral("EPSG:%1").arg(epsg));
            QVERIFY(c->description().startsWith(c->authId()));
        } else {
            QVERIFY2(!c->epsg().has_value(), qPrintable(c->authId()));
            QVERIFY(c->authId().isEmpty());
        }
    }

    void equalityAcrossSpellings()
    {
        // The map CRS and a layer CRS spelled differently must compare equal, or every layer gets a
        // pointless (and lossy) transformation.
        QCOMPARE(crs("25832"), Crs::etrs89Utm32());
        QCOMPARE(crs("urn:ogc:def:crs:EPSG::25832"), Crs::etrs89Utm32());
        QCOMPARE(crs(QString::fromLatin1(esriEtrs89Utm32)), Crs::etrs89Utm32());
        QVERIFY(crs("EPSG:31467") != Crs::etrs89Utm32());
        QVERIFY(CoordinateTransform(crs("25832"), Crs::etrs89Utm32()).isIdentity());
    }

    void invalidInput_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("garbage") << QString("no such crs, really");
        QTest::newRow("unknown EPSG code") << QString("EPSG:999999");
        QTest::newRow("broken WKT") << QString("PROJCS[\"half a definition\",GEOGCS[");
        QTest::newRow("an operation, not a CRS") << QString("+proj=pipeline +step +proj=axisswap +order=2,1");
    }
    void invalidInput()
    {
        QFETCH(QString, input);
        auto c = Crs::fromUserInput(input);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().kind, ErrorKind::Input);
        // Users must see what they typed, or they cannot tell which of several CRS options was wrong.
        QVERIFY2(c.error().message.contains(input), qPrintable(c.error().message));
        // ... and PROJ's reason, not a bare error number.
        QVERIFY2(!c.error().message.contains(QLatin1String("Unknown error")), qPrintable(c.error().message));
    }

    void emptyInput()
    {
        auto c = Crs::fromUserInput(QStringLiteral("   "));
        QVERIFY(!c.ok());
        QVERIFY(c.error().message.contains(QLatin1String("empty")));
        QVERIFY(!Crs().isValid());
    }

    void transform_data()
    {
        // Our API is always x = easting/longitude, y = northing/latitude. cs2cs uses the EPSG axis order:
        // lat lon for EPSG:4326 and EPSG:4267, northing easting for the DHDN Gauss-Krüger CRSs 31466/31467,
        // easting northing for UTM. The commands below are written in that order; the rows in ours.
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<QPointF>("input");
        QTest::addColumn<QPointF>("expected");
        QTest::addColumn<double>("tolerance");

        // echo 49.4447 7.7689 | cs2cs -f %.6f EPSG:4326 EPSG:25832  ->  410759.672358 5477621.367179
        QTest::newRow("WGS84 -> UTM32 (Kaiserslautern)")
            << "EPSG:4326" << "EPSG:25832" << QPointF(7.7689, 49.4447) << QPointF(410759.672358, 5477621.367179)
            << projectedTolerance;
        // echo 412345.678 5477654.321 | cs2cs -f %.10f EPSG:25832 EPSG:4326  ->  49.4452271597 7.7907670122
        QTest::newRow("UTM32 -> WGS84")
            << "EPSG:25832" << "EPSG:4326" << QPointF(412345.678, 5477654.321) << QPointF(7.7907670122, 49.4452271597)
            << geographicTolerance;
        // NAD27 -> WGS84 in Raleigh NC. This PROJ has no NADCON grid (us_noaa_conus.tif), so it applies the
        // Helmert shift EPSG:1173 (10 m accuracy); the point moves by about 27 m. With the grid installed
        // the reference changes by a few metres and these two rows must be recomputed.
        // echo 35.7796 -78.6382 | cs2cs -f %.10f EPSG:4267 EPSG:4326  ->  35.7796897968 -78.6379381206
        QTest::newRow("NAD27 -> WGS84 (datum shift)")
            << "EPSG:4267" << "EPSG:4326" << QPointF(-78.6382, 35.7796) << QPointF(-78.6379381206, 35.7796897968)
            << geographicTolerance;
        // echo 35.7796 -78.6382 | cs2cs -f %.6f EPSG:4267 EPSG:32617  ->  713496.858387 3962087.140131
        QTest::newRow("NAD27 -> WGS84 / UTM 17N")
            << "EPSG:4267" << "EPSG:32617" << QPointF(-78.6382, 35.7796) << QPointF(713496.858387, 3962087.140131)
            << projectedTolerance;
        // DHDN -> ETRS89 uses the BETA2007 grid (shipped in /usr/share/proj as BETA2007.gsb).
        // echo 5480000 3435000 | cs2cs -f %.6f EPSG:31467 EPSG:25832  ->  434950.656638 5478247.786609
        QTest::newRow("DHDN GK zone 3 -> UTM32")
            << "EPSG:31467" << "EPSG:25832" << QPointF(3435000, 5480000) << QPointF(434950.656638, 5478247.786609)
            << projectedTolerance;
        // echo 5480000 2590000 | cs2cs -f %.6f EPSG:31466 EPSG:25832  ->  372480.782266 5478993.712118
        QTest::newRow("DHDN GK zone 2 -> UTM32")
            << "EPSG:31466" << "EPSG:25832" << QPointF(2590000, 5480000) << QPointF(372480.782266, 5478993.712118)
            << projectedTolerance;
    }
    void transform()
    {
        QFETCH(QString, source);
        QFETCH(QString, destination);
        QFETCH(QPointF, input);
        QFETCH(QPointF, expected);
        QFETCH(double, tolerance);
        const CoordinateTransform t(crs(source), crs(destination));
        QVERIFY(t.isValid());
        QVERIFY(!t.isIdentity());
        QVERIFY(t.check().ok());
        const QPointF out = t.transform(input);
        QVERIFY2(std::abs(out.x() - expected.x()) <= tolerance && std::abs(out.y() - expected.y()) <= tolerance,
                 qPrintable(QStringLiteral("got %1 %2, expected %3 %4")
                                .arg(out.x(), 0, 'f', 10).arg(out.y(), 0, 'f', 10)
                                .arg(expected.x(), 0, 'f', 10).arg(expected.y(), 0, 'f', 10)));
        // The inverse must bring us back. Grid and Helmert shifts are inverted iteratively or by the
        // reversed operation, so allow 1 cm / 1e-7 degrees there.
        const QPointF back = t.transform(out, true);
        const double backTolerance = crs(source).isGeographic() ? 1e-7 : 1e-2;
        QVERIFY2(std::abs(back.x() - input.x()) <= backTolerance && std::abs(back.y() - input.y()) <= backTolerance,
                 qPrintable(QStringLiteral("inverse gave %1 %2").arg(back.x(), 0, 'f', 10).arg(back.y(), 0, 'f', 10)));
    }

    void transformInPlaceManyPoints()
    {
        // The loader transforms whole vertex arrays; the batch must agree with point-by-point results and
        // must mark points PROJ cannot transform as infinity rather than leaving garbage.
        const CoordinateTransform t(Crs::wgs84(), Crs::etrs89Utm32());
        double xy[] = {7.7689, 49.4447, 9.0, 49.0, 9.0, 91.0};
        QVERIFY(t.transformInPlace(xy, 3).ok());
        // echo 49.4447 7.7689 | cs2cs -f %.6f EPSG:4326 EPSG:25832  ->  410759.672358 5477621.367179
        QVERIFY(std::abs(xy[0] - 410759.672358) <= projectedTolerance);
        QVERIFY(std::abs(xy[1] - 5477621.367179) <= projectedTolerance);
        // echo 49 9 | cs2cs -f %.6f EPSG:4326 EPSG:25832  ->  500000.000000 5427455.781077
        QVERIFY(std::abs(xy[2] - 500000.0) <= projectedTolerance);
        QVERIFY(std::abs(xy[3] - 5427455.781077) <= projectedTolerance);
        QVERIFY(std::isinf(xy[4]) || std::isinf(xy[5]));
    }

    void identityLeavesCoordinatesAlone()
    {
        const CoordinateTransform t(Crs::etrs89Utm32(), crs("EPSG:25832"));
        QVERIFY(t.isIdentity());
        QCOMPARE(t.transform(QPointF(1.25, 2.5)), QPointF(1.25, 2.5));
    }

    void transformBounds()
    {
        // A box of one degree either side of 9°E, the central meridian of UTM 32: its southern edge bulges
        // south towards the meridian, so the minimum northing lies mid-edge and a corners-only transform
        // would be 120 m too far north. The references are the extremes among:
        // printf '49 8.5\n49 9\n49 9.5\n50 8.5\n50 9.5\n50 9\n' | cs2cs -f %.6f EPSG:4326 EPSG:25832
        //   463428.801709 5427576.212989   (SW corner: minimum easting)
        //   500000.000000 5427455.781077   (south edge at 9°E: minimum northing)
        //   536571.198291 5427576.212989   (SE corner: maximum easting)
        //   464166.540802 5538750.477456   (NW corner: maximum northing)
        //   535833.459198 5538750.477456
        //   500000.000000 5538630.702744
        const CoordinateTransform t(Crs::wgs84(), Crs::etrs89Utm32());
        const Envelope b = t.transformBounds(Envelope(8.5, 49.0, 9.5, 50.0));
        QVERIFY(!b.isNull());
        QVERIFY2(std::abs(b.xmin - 463428.801709) <= projectedTolerance, qPrintable(b.toString(6)));
        QVERIFY2(std::abs(b.ymin - 5427455.781077) <= projectedTolerance, qPrintable(b.toString(6)));
        QVERIFY2(std::abs(b.xmax - 536571.198291) <= projectedTolerance, qPrintable(b.toString(6)));
        QVERIFY2(std::abs(b.ymax - 5538750.477456) <= projectedTolerance, qPrintable(b.toString(6)));

        // Inverse: the UTM box back to degrees must contain the original box (bounds are outer bounds)
        // and not be much bigger. The UTM box's corners overshoot the degree box, so expect some growth.
        const Envelope g = t.transformBounds(b, true);
        QVERIFY2(g.xmin <= 8.5 && g.ymin <= 49.0 && g.xmax >= 9.5 && g.ymax >= 50.0, qPrintable(g.toString(8)));
        QVERIFY2(g.xmin > 8.45 && g.ymin > 48.99 && g.xmax < 9.55 && g.ymax < 50.01, qPrintable(g.toString(8)));

        // Identity and null boxes pass through unchanged.
        QCOMPARE(CoordinateTransform(Crs::wgs84(), Crs::wgs84()).transformBounds(Envelope(1, 2, 3, 4)),
                 Envelope(1, 2, 3, 4));
        QVERIFY(t.transformBounds(Envelope()).isNull());
    }

    void transformBoundsWithDatumShift()
    {
        // The NC counties' extent (ogrinfo: -84.3239 33.882 - -75.457 36.5896, NAD27) in UTM 17N: the
        // Helmert shift must reach the bounds as it reaches points.
        // printf '33.882 -84.3239\n33.882 -81\n33.882 -75.457\n36.5896 -75.457\n' |
        //     cs2cs -f %.6f EPSG:4267 EPSG:32617
        //   192563.862250 3754062.554806   (SW corner: minimum easting)
        //   500017.121260 3749087.462109   (south edge at the central meridian: minimum northing)
        //   1012927.095898 3762944.864894  (SE corner: maximum easting)
        //   996089.606323 4063684.989368   (NE corner: maximum northing)
        const CoordinateTransform t(crs("EPSG:4267"), crs("EPSG:32617"));
        const Envelope b = t.transformBounds(Envelope(-84.3239, 33.882, -75.457, 36.5896));
        QVERIFY(!b.isNull());
        QVERIFY2(std::abs(b.xmin - 192563.862250) <= projectedTolerance, qPrintable(b.toString(6)));
        QVERIFY2(std::abs(b.xmax - 1012927.095898) <= projectedTolerance, qPrintable(b.toString(6)));
        QVERIFY2(std::abs(b.ymax - 4063684.989368) <= projectedTolerance, qPrintable(b.toString(6)));
        // The minimum northing lies between two of the 21 densification points per edge (0.4 degrees
        // apart), about 0.1 degree from the nearest: the edge is a parabola there, about 450 m per
        // degree squared, so the bound may miss the true minimum by up to ~5 m, never by more.
        QVERIFY2(b.ymin >= 3749087.462109 - projectedTolerance && b.ymin <= 3749087.462109 + 5.0,
                 qPrintable(b.toString(6)));
    }
};

QTEST_APPLESS_MAIN(TestCrs)
#include "test_crs.moc"
