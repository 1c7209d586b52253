// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layers/vector_layer.h"
#include "core/render/image_memory.h"
#include "core/render/render_job.h"
#include "core/render/streaming_render_job.h"
#include "core/style/thematic_renderers.h"
#include "support/test_support.h"

#include <QPainter>
#include <QTest>

#include <algorithm>

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
        QTest::addColumn<double>("roadOpacity");
        // All of Liechtenstein, and Vaduz only (a spatial filter on the read). A translucent road layer
        // cannot draw straight into the map: it keeps an image of its own, composited with its opacity.
        QTest::newRow("country, batches of 150") << Envelope(535000, 5210000, 549000, 5236000) << 150 << 1.0;
        QTest::newRow("Vaduz, batches of 40") << Envelope(537500, 5219000, 541500, 5222500) << 40 << 1.0;
        QTest::newRow("country, one batch") << Envelope(535000, 5210000, 549000, 5236000) << 1000000 << 1.0;
        QTest::newRow("Vaduz, roads at 50 %") << Envelope(537500, 5219000, 541500, 5222500) << 40 << 0.5;
    }
    void sameAsLoaded()
    {
        QFETCH(Envelope, extent);
        QFETCH(int, batch);
        QFETCH(double, roadOpacity);
        const auto loaded = layers();
        for (const auto &l : loaded)
            QVERIFY(l->load(*Crs::fromEpsg(32632)).ok());
        loaded[1]->setOpacity(roadOpacity);
        const QImage expected = ParallelRenderJob::renderImage(settings(loaded, extent));

        const auto unloaded = layers();
        unloaded[1]->setOpacity(roadOpacity);
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

    void zeroedImages_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QImage::Format>("format");
        // Map-sized (mapped memory with huge pages advised), small (an ordinary QImage), and rows whose
        // length is not a multiple of four bytes (QImage pads them).
        QTest::newRow("1920x1080 ARGB32") << QSize(1920, 1080) << QImage::Format_ARGB32_Premultiplied;
        QTest::newRow("40x30 ARGB32") << QSize(40, 30) << QImage::Format_ARGB32_Premultiplied;
        QTest::newRow("1001x999 RGB888") << QSize(1001, 999) << QImage::Format_RGB888;
        QTest::newRow("3x2 RGB888") << QSize(3, 2) << QImage::Format_RGB888;
    }
    void zeroedImages()
    {
        QFETCH(QSize, size);
        QFETCH(QImage::Format, format);
        QImage image = zeroedImage(size, format);
        QCOMPARE(image.size(), size);
        QCOMPARE(image.format(), format);
        QCOMPARE(image.bytesPerLine(), QImage(size, format).bytesPerLine());
        for (int y = 0; y < image.height(); ++y) {
            const uchar *row = image.constScanLine(y);
            QVERIFY2(std::all_of(row, row + image.bytesPerLine(), [](uchar b) { return b == 0; }),
                     qPrintable(QStringLiteral("row %1").arg(y)));
        }
        // It paints like any image, a copy is detached on write, and a copy keeps the pixels alive.
        QImage copy = image;
        {
            QPainter p(&image);
            p.fillRect(QRect(1, 1, 2, 1), Qt::red);
        }
        QCOMPARE(QColor(image.pixel(2, 1)), QColor(Qt::red));
        QCOMPARE(qRed(copy.pixel(2, 1)), 0);
        image = QImage();
        copy.setPixel(size.width() - 1, size.height() - 1, qRgb(0, 0, 255));
        QCOMPARE(qBlue(copy.pixel(size.width() - 1, size.height() - 1)), 255);

        QVERIFY(zeroedImage(QSize(0, 10), format).isNull());
        QVERIFY(zeroedImage(size, QImage::Format_Invalid).isNull());
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
