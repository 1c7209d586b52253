// SPDX-License-Identifier: GPL-3.0-or-later
// How long does the UI event loop stall while a million polygons load, render and are panned?
//
//   bench_ui_stall [LARGE.gpkg]
//
// Without an argument it writes 1,000,000 rectangles (a 1000 × 1000 grid of 40 m squares in EPSG:25832)
// into a temporary GeoPackage first. The main window runs offscreen; a 5 ms timer records the gaps
// between its ticks: the longest gap is the longest time the UI could not react. The aim is < 50 ms.
#include "app/attributes/attribute_table_model.h"
#include "app/attributes/attribute_table_panel.h"
#include "app/canvas/map_canvas.h"
#include "app/layertree/layer_tree_panel.h"
#include "app/main_window.h"
#include "app/project/project_controller.h"
#include "app/selection/selection_controller.h"
#include "app/style/style_panel.h"
#include "core/style/thematic_renderers.h"
#include "core/data/feature_selection.h"
#include "core/layers/vector_layer.h"
#include "core/project/layer_tree_model.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <clocale>
#include <functional>
#include <string>
#include <cstdio>
#include <vector>

namespace {

bool writeGrid(const QString &path, int side)
{
    GDALAllRegister();
    GDALDriverH driver = GDALGetDriverByName("GPKG");
    GDALDatasetH ds = GDALCreate(driver, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!ds)
        return false;
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 25832);
    // No R-tree while writing: GeoPackage's insert triggers make a million inserts crawl, and loading
    // reads every feature anyway.
    const char *options[] = {"SPATIAL_INDEX=NO", nullptr};
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "cells", srs, wkbPolygon, const_cast<char **>(options));
    OSRDestroySpatialReference(srs);
    OGRFieldDefnH id = OGR_Fld_Create("id", OFTInteger);
    OGR_L_CreateField(layer, id, TRUE);
    OGR_Fld_Destroy(id);
    OGRFieldDefnH value = OGR_Fld_Create("value", OFTReal);
    OGR_L_CreateField(layer, value, TRUE);
    OGR_Fld_Destroy(value);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    GDALDatasetStartTransaction(ds, FALSE);
    for (int i = 0; i < side * side; ++i) {
        const double x = 400000 + (i % side) * 50.0, y = 5450000 + (i / side) * 50.0;
        OGRGeometryH ring = OGR_G_CreateGeometry(wkbLinearRing);
        OGR_G_AddPoint_2D(ring, x, y);
        OGR_G_AddPoint_2D(ring, x + 40, y);
        OGR_G_AddPoint_2D(ring, x + 40, y + 40);
        OGR_G_AddPoint_2D(ring, x, y + 40);
        OGR_G_AddPoint_2D(ring, x, y);
        OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
        OGR_G_AddGeometryDirectly(poly, ring);
        OGRFeatureH f = OGR_F_Create(defn);
        OGR_F_SetFieldInteger(f, 0, i);
        OGR_F_SetFieldDouble(f, 1, double((int64_t(i) * 7919) % 1000) / 10.0); // 64 bits: i * 7919 overflows int
        OGR_F_SetGeometryDirectly(f, poly);
        if (OGR_L_CreateFeature(layer, f) != OGRERR_NONE) {
            OGR_F_Destroy(f);
            GDALClose(ds);
            return false;
        }
        OGR_F_Destroy(f);
        if (i % 200000 == 199999) {
            GDALDatasetCommitTransaction(ds);
            GDALDatasetStartTransaction(ds, FALSE);
        }
    }
    GDALDatasetCommitTransaction(ds);
    GDALClose(ds);
    return true;
}

/// Records the gaps between ticks of a 5 ms timer.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const double gap = (now - m_last) / 1e6;
            m_last = now;
            m_gaps.push_back(gap);
        });
    }
    void start()
    {
        m_gaps.clear();
        m_clock.start();
        m_last = m_clock.nsecsElapsed();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double longest() const { return m_gaps.empty() ? 0 : *std::max_element(m_gaps.begin(), m_gaps.end()); }
    double percentile(double p) const
    {
        if (m_gaps.empty())
            return 0;
        std::vector<double> g = m_gaps;
        std::sort(g.begin(), g.end());
        return g[size_t(p * (g.size() - 1))];
    }
    size_t over(double ms) const { return size_t(std::count_if(m_gaps.begin(), m_gaps.end(), [ms](double g) { return g > ms; })); }
    size_t ticks() const { return m_gaps.size(); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<double> m_gaps;
};

void report(const char *phase, const StallMeter &m, qint64 ms)
{
    std::printf("%-34s %7lld ms  longest stall %6.1f ms  p99 %5.1f ms  gaps>50ms %3zu  (%zu ticks)\n", phase,
                static_cast<long long>(ms), m.longest(), m.percentile(0.99), m.over(50), m.ticks());
    std::fflush(stdout);
}

void runUntil(const std::function<bool()> &done, int timeoutMs = 600000)
{
    // Block in the event loop like the app does: processEvents(flags, maxtime) returns at once when no
    // event is pending, so a loop over it spins a core at full speed and takes it from the render
    // threads (it made full-extent renders look 40 % slower). A 5 ms timer wakes the loop to check done().
    QTimer tick;
    tick.start(5);
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    setlocale(LC_NUMERIC, "C"); // as the app does: GEOS and GDAL parse numbers with strtod
    QApplication::setApplicationName(QStringLiteral("KartenwerkBench"));
    QTemporaryDir dir;
    QStringList args = QCoreApplication::arguments().mid(1);
    // --render-only: load, then time re-renders at full extent and at 1:5,000 (any GeoPackage, all layers).
    const bool renderOnly = args.removeAll(QStringLiteral("--render-only")) > 0;
    QString path = args.isEmpty() ? QString() : args.first();
    if (path.isEmpty()) {
        path = dir.filePath(QStringLiteral("grid_1m.gpkg"));
        std::printf("writing 1,000,000 rectangles to %s …\n", qPrintable(path));
        std::fflush(stdout);
        QElapsedTimer t;
        t.start();
        if (!writeGrid(path, 1000)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 1;
        }
        std::printf("written in %lld ms\n", static_cast<long long>(t.elapsed()));
    }

    kw::MainWindow window(false);
    window.resize(1600, 1000);
    window.show();
    kw::MapCanvas &canvas = *window.canvas();
    StallMeter meter;
    QElapsedTimer phase;

    // 1. open: inspect and load in workers, then the first render.
    meter.start();
    phase.start();
    window.addSources({path});
    runUntil([&] { return !window.controller()->isBusy(); });
    const qint64 loadMs = phase.elapsed();
    report("load (background)", meter, loadMs);
    meter.start();
    phase.restart();
    runUntil([&] { return window.isIdle() && !canvas.lastImage().isNull(); });
    report("first render of the full layer", meter, phase.elapsed());
    const auto layers = window.controller()->project().layers();
    if (layers.isEmpty() || !layers.front()->isLoaded()) {
        std::fprintf(stderr, "the layer did not load: %s\n", layers.isEmpty() ? "none" : qPrintable(layers.front()->error()));
        return 2;
    }
    size_t features = 0;
    for (const auto &l : layers)
        if (l->kind() == kw::Layer::Kind::Vector && l->isLoaded())
            features += std::static_pointer_cast<kw::VectorLayer>(l)->store()->featureCount();
    std::printf("features: %zu in %lld layer(s), canvas %dx%d\n", features, static_cast<long long>(layers.size()),
                canvas.width(), canvas.height());

    // Re-rendering what is loaded: the job's time (as the canvas reports it) and the wall time from the
    // change to the new image (the canvas waits 40 ms to gather changes), medians of 7, and the longest UI
    // stall over all of them. "nothing changed" and "one layer toggled" reuse the other layers' images
    // (RenderCache); "moved by 1 px" draws every layer again.
    const auto timeRenders = [&](const char *what, const std::function<void(int)> &change) {
        std::vector<qint64> job, wall;
        meter.start();
        for (int i = 0; i < 7; ++i) {
            qint64 got = -1;
            auto c = QObject::connect(&canvas, &kw::MapCanvas::renderFinished, [&got](qint64 t) { got = t; });
            QElapsedTimer w;
            w.start();
            change(i);
            runUntil([&] { return got >= 0 && !canvas.isRendering(); });
            wall.push_back(w.elapsed());
            job.push_back(got);
            QObject::disconnect(c);
        }
        std::sort(job.begin(), job.end());
        std::sort(wall.begin(), wall.end());
        std::printf("%-44s render %5lld ms (wall %5lld ms) at 1:%.0f  longest stall %6.1f ms\n", what,
                    static_cast<long long>(job[3]), static_cast<long long>(wall[3]), canvas.scale(), meter.longest());
        std::fflush(stdout);
    };
    const auto allViews = [&](const char *where) {
        const std::string w(where);
        timeRenders((w + ": every layer (moved 1 px)").c_str(),
                    [&](int i) { canvas.panBy(QPointF(i % 2 ? -1 : 1, 0)); });
        timeRenders((w + ": nothing changed (cache)").c_str(), [&](int) { canvas.refresh(); });
        if (layers.size() > 1) {
            const auto top = layers.front(); // switch the first layer on and off, the others come from the cache
            timeRenders((w + ": one layer toggled (cache)").c_str(), [&](int) {
                top->setVisible(!top->isVisible());
                canvas.refresh();
            });
            top->setVisible(true);
        }
    };
    allViews("full extent");
    canvas.setScale(5000);
    runUntil([&] { return window.isIdle(); });
    allViews("1:5,000");
    canvas.zoomToFullExtent();
    runUntil([&] { return window.isIdle(); });
    if (renderOnly)
        return 0;

    // 2. pan like a drag: a step every 16 ms for 3 s, renders cancelled and restarted behind it.
    meter.start();
    phase.restart();
    for (int i = 0; i < 180; ++i) {
        canvas.panBy(QPointF(i < 90 ? 6 : -6, i % 2 ? 3 : -3));
        QElapsedTimer step;
        step.start();
        runUntil([&] { return step.elapsed() >= 16; }, 1000);
    }
    runUntil([&] { return window.isIdle(); });
    report("panning 180 steps + final render", meter, phase.elapsed());

    // 3. zoom in and out with the wheel's factor around the centre.
    meter.start();
    phase.restart();
    for (int i = 0; i < 20; ++i) {
        canvas.zoomByFactor(i < 10 ? 0.8 : 1.25, QPointF(canvas.width() / 2.0, canvas.height() / 2.0));
        QElapsedTimer step;
        step.start();
        runUntil([&] { return step.elapsed() >= 30; }, 1000);
    }
    runUntil([&] { return window.isIdle(); });
    report("zooming 20 steps + final render", meter, phase.elapsed());

    // 4. the attribute table of a million rows: show it, sort by a column (in a worker).
    kw::LayerTreeModel &model = *window.controller()->layerTreeModel();
    meter.start();
    phase.restart();
    window.layerTreePanel()->view()->setCurrentIndex(model.indexOfLayer(layers.front().get()));
    window.findChild<QDockWidget *>(QStringLiteral("attributesDock"))->show();
    auto &table = *window.attributePanel()->model();
    table.sort(1, Qt::DescendingOrder);
    runUntil([&] { return !table.isBusy(); });
    report("attribute table: open + sort 1M", meter, phase.elapsed());

    // 5. restyle: a graduated style with natural breaks over a million values (classified in a worker).
    meter.start();
    phase.restart();
    kw::StylePanel &style = *window.stylePanel();
    style.typeCombo()->setCurrentIndex(style.typeCombo()->findData(int(kw::FeatureRenderer::Type::Graduated)));
    style.fieldCombo()->setCurrentIndex(style.fieldCombo()->findData(QStringLiteral("value")));
    style.methodCombo()->setCurrentIndex(style.methodCombo()->findData(QStringLiteral("jenks")));
    runUntil([&] {
        const auto &r = std::static_pointer_cast<kw::VectorLayer>(layers.front())->renderer();
        return r.type() == kw::FeatureRenderer::Type::Graduated &&
               static_cast<const kw::GraduatedRenderer &>(r).method() == QLatin1String("jenks") && window.isIdle();
    });
    report("graduated (Jenks) restyle + render", meter, phase.elapsed());

    // 6. select everything in view (a rectangle) and draw the highlight.
    meter.start();
    phase.restart();
    const kw::Envelope e = canvas.extent();
    window.selectionController()->selectInRectangle(e, kw::FeatureSelection::Mode::Replace);
    runUntil([&] { return window.controller()->selection()->count(layers.front()->id()) > 0; });
    runUntil([&] { return window.isIdle(); });
    report("select all in view + highlight", meter, phase.elapsed());
    meter.stop();
    return 0;
}
