// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layers/vector_layer.h"
#include "core/render/render_cache.h"
#include "core/render/render_job.h"
#include "support/test_support.h"

#include <QTest>

using namespace kw;

/// \brief ParallelRenderJob with a RenderCache: unchanged layers are reused, changed ones drawn again.
class TestRenderCache : public QObject
{
    Q_OBJECT

    static QImage render(const MapSettings &s, const std::shared_ptr<RenderCache> &cache, int *cached)
    {
        ParallelRenderJob job(s);
        job.setCache(cache);
        job.start();
        job.waitForFinished();
        *cached = job.cachedLayers();
        return job.image();
    }

private Q_SLOTS:
    void reuseAndInvalidate()
    {
        const QString nc = test::sharedData(QStringLiteral("counties/nc.gpkg"));
        auto counties = std::make_shared<VectorLayer>(SourceUri::parse(nc), QString(), QStringLiteral("counties"));
        auto outline = std::make_shared<VectorLayer>(SourceUri::parse(nc), QString(), QStringLiteral("outline"));
        QVERIFY(counties->load(Crs()).ok());
        QVERIFY(outline->load(Crs()).ok());
        Symbol line = Symbol::defaultFor(GeometryFamily::Polygon, 1);
        line.fillColor = Qt::transparent;
        line.strokeWidth = 1.0;
        outline->setSymbol(line);
        MapSettings s;
        s.setCrs(counties->sourceCrs());
        s.setOutputSize(QSize(400, 200));
        s.setExtent(counties->extent());
        s.setLayers({counties, outline});
        auto cache = std::make_shared<RenderCache>();
        cache->setMinimumRenderMs(0);
        int cached = -1;
        const QImage first = render(s, cache, &cached);
        QCOMPARE(cached, 0);
        QCOMPARE(cache->size(), 2);
        // Nothing changed: both layers from the cache, the same pixels.
        QCOMPARE(render(s, cache, &cached), first);
        QCOMPARE(cached, 2);
        // Opacity and visibility are applied when compositing: still cached.
        outline->setVisible(false);
        const QImage hidden = render(s, cache, &cached);
        QCOMPARE(cached, 1);
        QVERIFY(hidden != first);
        outline->setVisible(true);
        // A new style is drawn (the other layer is reused) and shows.
        Symbol red = counties->symbol();
        red.fillColor = Qt::red;
        counties->setSymbol(red);
        const QImage restyled = render(s, cache, &cached);
        QCOMPARE(cached, 1);
        QVERIFY(restyled != first);
        const QPoint centre(200, 100);
        QCOMPARE(restyled.pixelColor(centre).red(), 255);
        // So is a filter.
        QVERIFY(counties->setFilter(QStringLiteral("\"NAME\" = 'Wake'")).ok());
        render(s, cache, &cached);
        QCOMPARE(cached, 1);
        // Another view draws everything again.
        s.setOutputSize(QSize(401, 200));
        render(s, cache, &cached);
        QCOMPARE(cached, 0);
        // A layer with labels is never reused (labels are placed over all layers).
        LabelSettings labels;
        labels.enabled = true;
        labels.text = QStringLiteral("NAME");
        counties->setLabels(labels);
        render(s, cache, &cached);
        render(s, cache, &cached);
        QCOMPARE(cached, 1);
    }
};

QTEST_MAIN(TestRenderCache)
#include "test_render_cache.moc"
