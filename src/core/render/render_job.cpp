// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/render_job.h"

#include "core/layers/layer.h"
#include "core/render/image_memory.h"
#include "core/render/label_engine.h"
#include "core/util/thread_pools.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QPainter>
#include <QThread>

#include <mutex>
#include <QtConcurrent/QtConcurrentMap>

namespace kw {

RenderJob::RenderJob(MapSettings settings, QObject *parent) : QObject(parent), m_settings(std::move(settings)) {}

RenderJob::~RenderJob() = default;

void RenderJob::cancel()
{
    m_cancel = true;
}

std::vector<RenderJob::Entry> RenderJob::prepare(const RenderContext &context)
{
    std::vector<Entry> entries;
    const double scale = m_settings.scale();
    for (const auto &layer : m_settings.layers()) {
        if (!layer || !layer->isVisible() || !layer->isVisibleAtScale(scale))
            continue;
        if (!layer->isLoaded()) {
            if (!layer->error().isEmpty())
                m_errors << layer->name() + QStringLiteral(": ") + layer->error();
            continue;
        }
        auto renderer = layer->createRenderer(context);
        if (renderer)
            // Layers outside a project have no id: their address tells them apart in the cache.
            entries.push_back({std::move(renderer), layer->opacity(), layer->name(),
                               layer->id().isEmpty() ? QString::number(quintptr(layer.get()), 16) : layer->id(),
                               m_settings.layerHighlight(layer->id()) ? QByteArray() : layer->renderKey()});
    }
    return entries;
}

void RenderJob::drawLabels(std::vector<Entry> &entries, QPainter &painter, const QSize &size)
{
    std::vector<LayerLabels> labels;
    for (size_t i = 0; i < entries.size(); ++i) {
        if (auto l = entries[i].renderer->takeLabels()) {
            l->layerOrder = int(i);
            labels.push_back(std::move(*l));
        }
    }
    if (labels.empty())
        return;
    const LabelEngine::Stats stats = LabelEngine().run(labels, painter, size);
    m_labelsPlaced = stats.placed;
    m_labelsDropped = stats.dropped;
}

// ---- ParallelRenderJob ----------------------------------------------------------------------------

ParallelRenderJob::ParallelRenderJob(MapSettings settings, QObject *parent) : RenderJob(std::move(settings), parent)
{
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, [this] {
        if (m_state == State::Running)
            compose();
    });
}

void ParallelRenderJob::start()
{
    m_state = State::Running;
    m_startMs = QDateTime::currentMSecsSinceEpoch();
    m_context = RenderContext(m_settings);
    m_context.setCancelFlag(&m_cancel);
    m_entries = prepare(m_context);
    const int threads = std::max(1, QThread::idealThreadCount());
    m_cacheKeys.assign(m_entries.size(), QByteArray());
    m_layerImages.assign(m_entries.size(), LayerImage());
    m_cachedLayers = 0;
    if (m_cache) {
        const QByteArray view = RenderCache::viewKey(m_settings);
        m_cache->beginView(view);
        for (size_t i = 0; i < m_entries.size(); ++i)
            if (!m_entries[i].renderKey.isEmpty())
                m_cacheKeys[i] = view + '#' + m_entries[i].renderKey;
    }
    for (size_t i = 0; i < m_entries.size(); ++i) {
        if (!m_cacheKeys[i].isEmpty()) {
            QImage cached = m_cache->find(m_entries[i].layerId, m_cacheKeys[i]);
            if (!cached.isNull()) {
                Task &t = m_tasks.emplace_back(i, 0, 1);
                t.image = std::move(cached);
                t.cached = true;
                ++m_cachedLayers;
                continue;
            }
        }
        LayerRenderer &r = *m_entries[i].renderer;
        // Slicing costs an image per slice; it pays off only for layers with many features in view. A
        // translucent layer is not sliced: its slices would overlap at twice the opacity.
        const int slices =
            r.supportsSlicing() && m_entries[i].opacity >= 1.0 && r.workEstimate(m_context) > 20000 ? threads : 1;
        r.prepareSlices(slices, m_context);
        for (int s = 0; s < slices; ++s)
            m_tasks.emplace_back(i, s, slices);
    }
    const QSize size = m_settings.outputSize();
    // Zeroed images from huge-page memory (see zeroedImage): a fill of fresh memory costs a fault per 4 KiB.
    m_image = zeroedImage(size, QImage::Format_ARGB32_Premultiplied);
    if (m_settings.background().alpha() > 0)
        m_image.fill(m_settings.background());
    m_nextToCompose = 0;
    auto work = [this, size](Task &task) {
        ThreadPools::lowerWorkerPriority();
        if (!m_cancel && !task.cached) {
            QElapsedTimer timer;
            timer.start();
            task.image = zeroedImage(size, QImage::Format_ARGB32_Premultiplied);
            QPainter painter(&task.image);
            LayerRenderer &r = *m_entries[task.entry].renderer;
            task.ok = r.renderSlice(painter, m_context, task.slice, task.slices);
            task.elapsedMs = timer.elapsed();
        }
        task.done = true;
        composeReady();
    };
    m_watcher.setFuture(QtConcurrent::map(ThreadPools::render(), m_tasks, work));
}

void ParallelRenderJob::waitForFinished()
{
    m_watcher.waitForFinished();
    if (m_state == State::Running)
        compose();
}

void ParallelRenderJob::composeReady()
{
    // Layers are composited in order as soon as they and everything below them are drawn, so only the
    // images still in flight are held: at 4K each is 33 MB.
    std::lock_guard lock(m_composeMutex);
    QPainter painter;
    while (m_nextToCompose < m_tasks.size() && m_tasks[m_nextToCompose].done) {
        Task &task = m_tasks[m_nextToCompose++];
        const Entry &e = m_entries[task.entry];
        if (!task.ok && !e.renderer->errorMessage().isEmpty() && task.slice == 0)
            m_errors << e.name + QStringLiteral(": ") + e.renderer->errorMessage();
        const bool toCache = !task.cached && !m_cacheKeys[task.entry].isEmpty();
        if (toCache) {
            // The layer's slices meet in one image, which is composited and kept after the last slice.
            LayerImage &li = m_layerImages[task.entry];
            li.elapsedMs += task.elapsedMs;
            li.ok = li.ok && task.ok && !m_cancel;
            if (li.image.isNull()) {
                li.image = std::move(task.image);
            } else if (!task.image.isNull()) {
                QPainter lp(&li.image);
                lp.drawImage(0, 0, task.image);
            }
            task.image = QImage();
            if (task.slice + 1 < task.slices)
                continue;
            task.image = std::move(li.image);
            if (li.ok && !task.image.isNull() && li.elapsedMs >= m_cache->minimumRenderMs())
                m_cache->store(e.layerId, m_cacheKeys[task.entry], task.image);
        }
        if (task.image.isNull())
            continue;
        if (!painter.isActive())
            painter.begin(&m_image);
        painter.setOpacity(e.opacity);
        painter.drawImage(0, 0, task.image);
        task.image = QImage();
    }
}

void ParallelRenderJob::compose()
{
    for (Task &task : m_tasks)
        task.done = true; // cancelled tasks that never ran
    composeReady();
    {
        QPainter painter(&m_image);
        if (!m_cancel)
            drawLabels(m_entries, painter, m_settings.outputSize());
    }
    m_tasks.clear();
    m_entries.clear();
    m_state = m_cancel ? State::Cancelled : State::Finished;
    m_elapsedMs = QDateTime::currentMSecsSinceEpoch() - m_startMs;
    Q_EMIT finished();
}

QImage ParallelRenderJob::renderImage(const MapSettings &settings, QStringList *errors)
{
    ParallelRenderJob job(settings);
    job.start();
    job.waitForFinished();
    if (errors)
        *errors = job.errors();
    return job.image();
}

// ---- PainterRenderJob -----------------------------------------------------------------------------

PainterRenderJob::PainterRenderJob(MapSettings settings, QPainter *painter, QObject *parent)
    : RenderJob(std::move(settings), parent), m_painter(painter)
{
}

void PainterRenderJob::start()
{
    m_state = State::Running;
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    RenderContext context(m_settings);
    context.setCancelFlag(&m_cancel);
    context.setVectorOutput(true);
    auto entries = prepare(context);
    const QRectF target(QPointF(0, 0), QSizeF(m_settings.outputSize()));
    m_painter->save();
    // Intersect with a clip the caller set (a rotated map inside a layout frame must stay inside it).
    m_painter->setClipRect(target, m_painter->hasClipping() ? Qt::IntersectClip : Qt::ReplaceClip);
    m_painter->fillRect(target, m_settings.background());
    for (Entry &e : entries) {
        if (m_cancel)
            break;
        m_painter->save();
        m_painter->setOpacity(e.opacity);
        if (!e.renderer->render(*m_painter, context) && !e.renderer->errorMessage().isEmpty())
            m_errors << e.name + QStringLiteral(": ") + e.renderer->errorMessage();
        m_painter->restore();
    }
    if (!m_cancel)
        drawLabels(entries, *m_painter, m_settings.outputSize());
    m_painter->restore();
    m_state = m_cancel ? State::Cancelled : State::Finished;
    m_elapsedMs = QDateTime::currentMSecsSinceEpoch() - t0;
    Q_EMIT finished();
}

} // namespace kw
