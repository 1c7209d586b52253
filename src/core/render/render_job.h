// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/render/label_engine.h"
#include "core/render/layer_renderer.h"
#include "core/render/map_settings.h"
#include "core/render/render_cache.h"

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <mutex>
#include <memory>
#include <vector>

namespace kw {

/// \brief Renders a MapSettings asynchronously; subclasses decide how (parallel images, one painter).
///
/// States: idle → running → finished (or cancelled). Layer renderers are created in start(), on the
/// calling thread, so workers never touch live layers.
class RenderJob : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Running, Finished, Cancelled };

    explicit RenderJob(MapSettings settings, QObject *parent = nullptr);
    ~RenderJob() override;

    virtual void start() = 0;
    /// Asks the workers to stop; finished() still arrives.
    void cancel();
    /// Blocks until the job has finished.
    virtual void waitForFinished() = 0;

    State state() const { return m_state; }
    const MapSettings &settings() const { return m_settings; }
    /// Messages of layers that failed to draw (the map is still produced without them).
    QStringList errors() const { return m_errors; }
    /// Labels placed and dropped (for overlap) in the last render.
    int labelsPlaced() const { return m_labelsPlaced; }
    int labelsDropped() const { return m_labelsDropped; }
    /// Milliseconds from start() to finished().
    qint64 renderTimeMs() const { return m_elapsedMs; }

Q_SIGNALS:
    void finished();

protected:
    struct Entry
    {
        std::unique_ptr<LayerRenderer> renderer;
        double opacity = 1.0;
        QString name;
        QString layerId;
        QByteArray renderKey; ///< Layer::renderKey() when the job started (empty: no reuse)
    };
    /// Builds a renderer per visible layer (bottom first).
    std::vector<Entry> prepare(const RenderContext &context);
    /// Places and draws the labels all renderers collected (after the layers).
    void drawLabels(std::vector<Entry> &entries, QPainter &painter, const QSize &size);

    MapSettings m_settings;
    std::atomic_bool m_cancel{false};
    State m_state = State::Idle;
    QStringList m_errors;
    qint64 m_elapsedMs = 0;
    int m_labelsPlaced = 0;
    int m_labelsDropped = 0;
};

/// \brief Renders layers concurrently into images of their own and composites them in order.
///
/// Big vector layers are split into slices drawn in parallel; because "source over" compositing is
/// associative, the composite equals drawing the features one after another.
class ParallelRenderJob final : public RenderJob
{
    Q_OBJECT
public:
    explicit ParallelRenderJob(MapSettings settings, QObject *parent = nullptr);
    void start() override;
    void waitForFinished() override;
    /// The composited map (valid after finished()).
    QImage image() const { return m_image; }
    /// Reuses and keeps layer images across renders (the canvas's); call before start().
    void setCache(std::shared_ptr<RenderCache> cache) { m_cache = std::move(cache); }
    /// Layers taken from the cache by the last start().
    int cachedLayers() const { return m_cachedLayers; }

    /// Renders synchronously on the calling thread's behalf (workers still run in parallel).
    static QImage renderImage(const MapSettings &settings, QStringList *errors = nullptr);

private:
    void compose();
    void composeReady();

    struct Task
    {
        size_t entry;
        int slice;
        int slices;
        QImage image;
        bool ok = true;
        bool cached = false; ///< image taken from the cache: nothing to draw
        qint64 elapsedMs = 0;
        std::atomic_bool done{false};
        Task(size_t e, int s, int n) : entry(e), slice(s), slices(n) {}
        Task(Task &&o) noexcept
            : entry(o.entry), slice(o.slice), slices(o.slices), image(std::move(o.image)), ok(o.ok),
              cached(o.cached), elapsedMs(o.elapsedMs), done(o.done.load())
        {
        }
    };
    /// A layer drawn in slices that is to be cached: its slices meet here before the composite.
    struct LayerImage
    {
        QImage image;
        qint64 elapsedMs = 0;
        bool ok = true;
    };
    std::vector<Entry> m_entries;
    std::vector<Task> m_tasks;
    RenderContext m_context;
    QFutureWatcher<void> m_watcher;
    QImage m_image;
    std::mutex m_composeMutex;
    size_t m_nextToCompose = 0;
    std::shared_ptr<RenderCache> m_cache;
    std::vector<QByteArray> m_cacheKeys; ///< per entry: view + layer key, empty = not cached
    std::vector<LayerImage> m_layerImages;
    int m_cachedLayers = 0;
    qint64 m_startMs = 0;
};

/// \brief Renders straight onto a caller's painter, layer after layer (vector PDF and SVG output).
class PainterRenderJob final : public RenderJob
{
    Q_OBJECT
public:
    PainterRenderJob(MapSettings settings, QPainter *painter, QObject *parent = nullptr);
    /// Renders synchronously (painters belong to one thread).
    void start() override;
    void waitForFinished() override {}

private:
    QPainter *m_painter;
};

} // namespace kw
