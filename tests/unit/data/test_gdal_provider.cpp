// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/data_provider.h"
#include "support/test_support.h"

#include <QTest>

using namespace kw;

/// \brief The GDAL provider: the Arrow stream path must give exactly what the feature-by-feature path gives.
class TestGdalProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void arrowMatchesClassic()
    {
        const SourceUri uri = SourceUri::parse(test::sharedData(QStringLiteral("counties/nc.gpkg")));
        LoadOptions arrowOptions;
        LoadOptions classicOptions;
        classicOptions.useArrow = false;
        auto a = DataProviders::loadVector(uri, {}, arrowOptions);
        auto c = DataProviders::loadVector(uri, {}, classicOptions);
        QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().message));
        QVERIFY(c.ok());
        const FeatureStore &fa = **a;
        const FeatureStore &fc = **c;
        QCOMPARE(fa.featureCount(), size_t(100));
        QCOMPARE(fc.featureCount(), size_t(100));
        QCOMPARE(fa.vertexCount(), fc.vertexCount());
        QCOMPARE(fa.fields().size(), 14);
        QCOMPARE(fa.extent(), fc.extent());
        for (size_t f = 0; f < fa.featureCount(); ++f) {
            QCOMPARE(fa.fid(f), fc.fid(f));
            QCOMPARE(fa.geometryType(f), fc.geometryType(f));
            QCOMPARE(fa.geometry(f), fc.geometry(f));
            for (int col = 0; col < fa.fields().size(); ++col)
                QCOMPARE(fa.attributes().value(f, col), fc.attributes().value(f, col));
        }
        // Ashe County, the first feature of the SIDS data set.
        const int name = fa.attributes().fieldIndex(QStringLiteral("NAME"));
        QCOMPARE(fa.attributes().text(0, name), QStringLiteral("Ashe"));
        QCOMPARE(fa.geometryType(0), GeometryType::MultiPolygon);
        QCOMPARE(fa.crs().epsg(), std::optional<int>(4267));
    }

    void reprojectsToTarget()
    {
        const SourceUri uri = SourceUri::parse(test::sharedData(QStringLiteral("counties/nc.gpkg")));
        LoadOptions options;
        options.targetCrs = *Crs::fromEpsg(32617);
        auto s = DataProviders::loadVector(uri, {}, options);
        QVERIFY(s.ok());
        QCOMPARE((*s)->crs().epsg(), std::optional<int>(32617));
        QCOMPARE((*s)->sourceCrs().epsg(), std::optional<int>(4267));
        // North Carolina spans roughly 170 km .. 950 km easting in UTM 17N.
        QVERIFY((*s)->extent().xmin > 100000 && (*s)->extent().xmax < 1100000);
        QVERIFY((*s)->extent().ymin > 3700000 && (*s)->extent().ymax < 4100000);
    }

    void cancelStopsLoading()
    {
        const SourceUri uri = SourceUri::parse(test::sharedData(QStringLiteral("osm/liechtenstein-2013-08-03.osm.pbf")));
        LoadOptions options;
        options.progress = [](double) { return false; };
        auto s = DataProviders::loadVector(uri, QStringLiteral("multipolygons"), options);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, ErrorKind::Cancelled);
    }

    void missingAndCorruptFilesNameTheFile()
    {
        auto missing = DataProviders::inspect(SourceUri::parse(QStringLiteral("/nonexistent/dir/x.gpkg")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QLatin1String("/nonexistent/dir/x.gpkg")));
        QTemporaryDir dir;
        const QString corrupt = dir.filePath(QStringLiteral("broken.gpkg"));
        QFile f(corrupt);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, '\x7f'));
        f.close();
        auto bad = DataProviders::inspect(SourceUri::parse(corrupt));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, ErrorKind::Input);
        QVERIFY(bad.error().message.contains(corrupt));
    }
};

QTEST_GUILESS_MAIN(TestGdalProvider)
#include "test_gdal_provider.moc"
