// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/data_provider.h"
#include "support/test_support.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
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

    void batchesEqualOneLoad_data()
    {
        QTest::addColumn<bool>("arrow");
        QTest::newRow("arrow stream") << true;
        QTest::newRow("feature by feature") << false;
    }
    // Streaming hands over finished stores whose features, in order, are those of one full load.
    void batchesEqualOneLoad()
    {
        QFETCH(bool, arrow);
        const SourceUri uri = SourceUri::parse(test::sharedData(QStringLiteral("counties/nc.gpkg")));
        LoadOptions whole;
        whole.targetCrs = *Crs::fromEpsg(32617);
        whole.useArrow = arrow;
        auto full = DataProviders::loadVector(uri, {}, whole);
        QVERIFY(full.ok());
        LoadOptions streamed = whole;
        streamed.batchFeatures = 30;
        std::vector<std::shared_ptr<FeatureStore>> batches;
        streamed.batchSink = [&batches](std::shared_ptr<FeatureStore> b) {
            batches.push_back(std::move(b));
            return true;
        };
        auto rest = DataProviders::loadVector(uri, {}, streamed);
        QVERIFY(rest.ok());
        QCOMPARE((*rest)->featureCount(), size_t(0));
        QCOMPARE((*rest)->fields().size(), 14);
        // The Arrow reader hands over between its batches (of at most batchFeatures), the classic one exactly.
        QVERIFY(batches.size() >= 4);
        size_t f = 0;
        for (const auto &b : batches) {
            QVERIFY(b->featureCount() > 0 && b->featureCount() <= 30);
            QCOMPARE(b->crs().epsg(), std::optional<int>(32617));
            for (size_t i = 0; i < b->featureCount(); ++i, ++f) {
                QCOMPARE(b->fid(i), (*full)->fid(f));
                QCOMPARE(b->geometry(i), (*full)->geometry(f));
                QCOMPARE(b->attributes().value(i, 4), (*full)->attributes().value(f, 4));
                QCOMPARE(b->index().query(b->featureEnvelope(i)).empty(), false);
            }
        }
        QCOMPARE(f, size_t(100));

        // Returning false from the sink cancels.
        streamed.batchSink = [](std::shared_ptr<FeatureStore>) { return false; };
        auto cancelled = DataProviders::loadVector(uri, {}, streamed);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().kind, ErrorKind::Cancelled);
    }

    void spatialFilterAndExtent()
    {
        const SourceUri uri = SourceUri::parse(test::sharedData(QStringLiteral("counties/nc.gpkg")));
        const Crs utm = *Crs::fromEpsg(32617);
        auto extent = DataProviders::layerExtent(uri, {}, utm);
        QVERIFY(extent.ok() && *extent);
        LoadOptions options;
        options.targetCrs = utm;
        auto full = DataProviders::loadVector(uri, {}, options);
        QVERIFY(full.ok());
        // From the GeoPackage's metadata, transformed: holds the data (bounds transformation is outward).
        const Envelope e = **extent, d = (*full)->extent();
        QVERIFY(e.xmin <= d.xmin + 1 && e.ymin <= d.ymin + 1 && e.xmax >= d.xmax - 1 && e.ymax >= d.ymax - 1);
        QVERIFY(e.width() < d.width() * 1.05 && e.height() < d.height() * 1.05);
        // A window around Raleigh gets the counties around it, not all 100, and every one meeting it.
        const Envelope window(700000, 3950000, 720000, 3970000);
        options.spatialFilter = window;
        auto part = DataProviders::loadVector(uri, {}, options);
        QVERIFY(part.ok());
        QVERIFY((*part)->featureCount() > 0 && (*part)->featureCount() < 20);
        size_t meeting = 0;
        for (size_t f = 0; f < (*full)->featureCount(); ++f)
            meeting += (*full)->featureEnvelope(f).intersects(window);
        QVERIFY((*part)->featureCount() >= meeting);
        QVERIFY(meeting > 0);
        // Unknown layers are errors that name the file.
        auto bad = DataProviders::layerExtent(uri, QStringLiteral("nope"), utm);
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QStringLiteral("nc.gpkg")));
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

    void answersFollowTheFileOnDisk()
    {
        // inspect() and layerExtent() are remembered for unchanged files; a file rewritten in place (other
        // size, or same size and a new modification time) is read again, and so is a new sibling.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("points.geojson"));
        const auto write = [&](const QByteArray &coords, const QByteArray &field = "a") {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QByteArray features;
            for (const QByteArray &c : coords.split(';'))
                features += (features.isEmpty() ? "" : ",") +
                            QByteArray("{\"type\":\"Feature\",\"properties\":{\"") + field +
                            "\":1},\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + c +
                            "]}}";
            f.write("{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}");
        };
        const SourceUri uri = SourceUri::parse(path);
        write("1,2;3,4");
        auto a = DataProviders::inspect(uri);
        QVERIFY(a.ok());
        QCOMPARE(a->layers.value(0).featureCount, 2);
        QCOMPARE(DataProviders::inspect(uri)->layers.value(0).featureCount, 2); // remembered, same answer

        write("1,2;3,4;5,6"); // longer
        QCOMPARE(DataProviders::inspect(uri)->layers.value(0).featureCount, 3);

        write("1,2;3,4"); // shorter again: the size tells
        QCOMPARE(DataProviders::inspect(uri)->layers.value(0).featureCount, 2);
        QCOMPARE(DataProviders::inspect(uri)->layers.value(0).fields.value(0).name, QStringLiteral("a"));
        write("1,2;3,4", "b"); // the same size: only the modification time tells
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(60), QFileDevice::FileModificationTime));
        }
        auto b = DataProviders::inspect(uri);
        QVERIFY(b.ok());
        QCOMPARE(b->layers.value(0).fields.value(0).name, QStringLiteral("b"));

        QVERIFY(QFile::remove(path)); // gone: an error naming the file, not a remembered answer
        auto gone = DataProviders::inspect(uri);
        QVERIFY(!gone.ok());
        QVERIFY(gone.error().message.contains(path));

        // Extents likewise, from a GeoPackage (GeoJSON has none without a scan).
        const QString gpkg = dir.filePath(QStringLiteral("nc.gpkg"));
        QVERIFY(QFile::copy(test::sharedData(QStringLiteral("counties/nc.gpkg")), gpkg));
        const SourceUri gpkgUri = SourceUri::parse(gpkg);
        const Crs utm = *Crs::fromEpsg(32617);
        auto e1 = DataProviders::layerExtent(gpkgUri, {}, utm);
        auto e2 = DataProviders::layerExtent(gpkgUri, {}, utm);
        QVERIFY(e1.ok() && *e1 && e2.ok() && *e2);
        QCOMPARE((**e1).xmin, (**e2).xmin);
        auto wgs = DataProviders::layerExtent(gpkgUri, {}, *Crs::fromEpsg(4326)); // another CRS, another answer
        QVERIFY(wgs.ok() && *wgs && (**wgs).xmin < -75 && (**wgs).xmin > -85);
        QVERIFY(QFile::remove(gpkg));
        QVERIFY(!DataProviders::layerExtent(gpkgUri, {}, utm).ok());
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
