// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layers/vector_layer.h"
#include "core/render/render_job.h"
#include "core/render/streaming_render_job.h"
#include "core/style/thematic_renderers.h"
#include "support/test_support.h"

#include <QTest>

using namespace kw;

/// \brief StreamingRenderJob draws what ParallelRenderJob draws from loaded layers, reading in batches.
class TestStreamingRender : public QObject
{
    Q_OBJECT

    static QList<std::shared_ptr<Layer>> layers()
    {
        const QString osm = test::sharedData(QStringLiteral("osm/liechtenstein-2013-08-03.osm.pbf"));
        const QString nc = test::sharedData(QStringLiteral("counties/nc.gpkg"));
        // Land use polygons categorized, with a filter; roads as wide lines over them (the classic
        // feature-by-feature reader); and a GeoPackage (the Arrow reader) in another CRS.
        auto landuse = std::make_shared<VectorLayer>(SourceUri::parse(osm), QStringLiteral("multipolygons"),
                                                     QStringLiteral("landuse"));
        QList<Category> cats;
        const QStringList values{QStringLiteral("forest"), QStringLiteral("meadow"), QStringLiteral("residential"),
                                 QStringLiteral("farmland")};
        const QList<QColor> colours{QColor(0x1b9e77), QColor(0xd95f02), QColor(0x7570b3), QColor(0xe7298a)};
        for (int i = 0; i < values.size(); ++i) {
            Symbol s = Symbol::defaultFor(GeometryFamily::Polygon, 0);
            s.fillColor = colours[i];
            s.fillColor.setAlpha(200); // overlaps show the drawing order
            cats.append({values[i], values[i], s, true});
        }
        landuse->setRenderer(std::make_unique<CategorizedRenderer>(QStringLiteral("landuse"), cats));
        landuse->setFilter(QStringLiteral("\"landuse\" IS NOT NULL"));
        auto roads = std::make_shared<VectorLayer>(SourceUri::parse(osm), QStringLiteral("lines"), QStringLiteral("roads"));
        Symbol line = Symbol::defaultFor(GeometryFamily::Line, 2);
        line.strokeWidth = 0.8;
        line.strokeColor.setAlpha(180);
        roads->setSymbol(line);
        auto counties = std::make_shared<VectorLayer>(SourceUri::parse(nc), QString(), QStringLiteral("nc"));
        return {landuse, roads, counties};
    }

    static MapSettings settings(const QList<std::shared_ptr<Layer>> &l, const Envelope &extent)
    {
        MapSettings s;
        s.setCrs(*Crs::fromEpsg(32632));
        s.setOutputSize(QSize(600, 500));
        s.setExtent(extent);
        s.setLayers(l);
        return s;
    }

private Q_SLOTS:
    void sameAsLoaded_data()
    {
        QTest::addColumn<Envelope>("extent");
        QTest::addColumn<int>("batch");
        // All of Liechtenstein, and Vaduz only (a spatial filter on the read).
        QTest::newRow("country, batches of 150") << Envelope(535000, 5210000, 549000, 5236000) << 150;
        QTest::newRow("Vaduz, batches of 40") << Envelope(537500, 5219000, 541500, 5222500) << 40;
        QTest::newRow("country, one batch") << Envelope(535000, 5210000, 549000, 5236000) << 1000000;
    }
    void sameAsLoaded()
    {
        QFETCH(Envelope, extent);
        QFETCH(int, batch);
        const auto loaded = layers();
        for (const auto &l : loaded)
            QVERIFY(l->load(*Crs::fromEpsg(32632)).ok());
        const QImage expected = ParallelRenderJob::renderImage(settings(loaded, extent));

        const auto unloaded = layers();
        const MapSettings s = settings(unloaded, extent);
        QVERIFY(StreamingRenderJob::wantsStreaming(s));
        StreamingRenderJob job(s);
        job.setBatchFeatures(size_t(batch));
        job.start();
        QVERIFY(job.readErrors().isEmpty());
        QVERIFY2(job.errors().isEmpty(), qPrintable(job.errors().join(QLatin1Char('\n'))));
        QVERIFY(!unloaded.front()->isLoaded()); // read and dropped
        const QImage got = job.image();
        QCOMPARE(got.size(), expected.size());
        int worst = 0;
        qint64 off = 0, painted = 0;
        for (int y = 0; y < got.height(); ++y)
            for (int x = 0; x < got.width(); ++x) {
                const QRgb a = got.pixel(x, y), b = expected.pixel(x, y);
                const int d = std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                                        std::abs(qBlue(a) - qBlue(b)), std::abs(qAlpha(a) - qAlpha(b))});
                worst = std::max(worst, d);
                off += d > 2;
                painted += b != qRgb(255, 255, 255);
            }
        qInfo("max difference %d, pixels off by more than 2: %lld, painted %lld", worst, off, painted);
        // Compositing batch images rounds differently from drawing straight: at most a few levels.
        QVERIFY2(worst <= 4, qPrintable(QString::number(worst)));
        QVERIFY2(off * 1000 <= qint64(got.width()) * got.height(), qPrintable(QString::number(off)));
        QVERIFY2(painted > 20000, qPrintable(QString::number(painted))); // the map is not empty
    }

    void labelledLayersAreNotStreamed()
    {
        auto l = layers();
        auto &v = static_cast<VectorLayer &>(*l.front());
        QVERIFY(v.canStream());
        LabelSettings labels;
        labels.enabled = true;
        labels.text = QStringLiteral("name");
        v.setLabels(labels);
        QVERIFY(!v.canStream());
    }

    void readErrorIsReported()
    {
        auto missing = std::make_shared<VectorLayer>(SourceUri::parse(QStringLiteral("/nonexistent/city.gpkg")),
                                                     QStringLiteral("buildings"), QStringLiteral("buildings"));
        StreamingRenderJob job(settings({missing}, Envelope(0, 0, 100, 100)));
        job.start();
        QCOMPARE(job.readErrors().size(), 1);
        QVERIFY2(job.readErrors().front().contains(QStringLiteral("/nonexistent/city.gpkg")),
                 qPrintable(job.readErrors().front()));
    }
};

QTEST_MAIN(TestStreamingRender)
#include "test_streaming_render.moc"
