// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/streaming_render_job.h"

#include "core/layers/vector_layer.h"
#include "core/render/image_memory.h"
#include "core/render/render_context.h"
#include "core/style/symbol.h"

#include <QElapsedTimer>
#include <QPainter>
#include <QThread>

#include <condition_variable>
#include <deque>
#include <map>
#include <thread>

namespace kw {
namespace {

/// Batches between a layer's reader and its drawer; bounded so a fast reader cannot fill the memory.
class BatchQueue
{
public:
    explicit BatchQueue(const std::atomic_bool &cancel) : m_cancel(cancel) {}

    bool push(std::shared_ptr<VectorLayer> batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_items.size() < capacity || m_abandoned || m_cancel; });
        if (m_abandoned || m_cancel)
            return false;
        m_items.emplace_back(m_pushed++, std::move(batch));
        m_changed.notify_all();
        return true;
    }
    /// Next batch and its number in reading order; null once the reader closed the queue and all was taken.
    std::pair<size_t, std::shared_ptr<VectorLayer>> pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_items.empty() || m_closed; });
        if (m_items.empty())
            return {0, nullptr};
        auto batch = std::move(m_items.front());
        m_items.pop_front();
        m_changed.notify_all();
        return batch;
    }
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
    }
    /// The drawer stops (cancelled): the reader's next push fails and reading ends.
    void abandon()
    {
        std::lock_guard lock(m_mutex);
        m_abandoned = true;
        m_items.clear();
        m_changed.notify_all();
    }

private:
    static constexpr size_t capacity = 3;
    const std::atomic_bool &m_cancel;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::pair<size_t, std::shared_ptr<VectorLayer>>> m_items;
    size_t m_pushed = 0;
    bool m_closed = false;
    bool m_abandoned = false;
};

/// Runs \a f(k) for k = 0 … n-1 at once, k = 0 on the calling thread, and returns when all are done.
template <typename F> void runOnThreads(int n, F &&f)
{
    std::vector<std::thread> helpers;
    for (int k = 1; k < n; ++k)
        helpers.emplace_back(f, k);
    f(0);
    for (std::thread &h : helpers)
        h.join();
}

} // namespace

StreamingRenderJob::StreamingRenderJob(MapSettings settings, QObject *parent) : RenderJob(std::move(settings), parent)
{
}

bool StreamingRenderJob::streams(const Layer &layer)
{
    if (layer.kind() != Layer::Kind::Vector || layer.isLoaded())
        return false;
    return static_cast<const VectorLayer &>(layer).canStream();
}

bool StreamingRenderJob::wantsStreaming(const MapSettings &settings)
{
    const double scale = settings.scale();
    for (const auto &layer : settings.layers())
        if (layer && layer->isVisible() && layer->isVisibleAtScale(scale) && streams(*layer))
            return true;
    return false;
}

void StreamingRenderJob::start()
{
    m_state = State::Running;
    QElapsedTimer timer;
    timer.start();
    RenderContext context(m_settings);
    context.setCancelFlag(&m_cancel);
    const QSize size = m_settings.outputSize();
    const double scale = m_settings.scale();

    struct Slot
    {
        std::shared_ptr<Layer> layer;
        std::unique_ptr<LayerRenderer> renderer; // loaded layers
        QImage image;
        QStringList errors;
        QString readError;
        Envelope dataExtent; // of the batches read (streamed layers)
        bool done = false;
    };
    std::vector<Slot> parts;
    for (const auto &layer : m_settings.layers()) {
        if (!layer || !layer->isVisible() || !layer->isVisibleAtScale(scale))
            continue;
        if (streams(*layer)) {
            parts.push_back({layer, nullptr, {}, {}, {}, {}, false});
        } else if (layer->isLoaded()) {
            if (auto r = layer->createRenderer(context))
                parts.push_back({layer, std::move(r), {}, {}, {}, {}, false});
        } else if (!layer->error().isEmpty()) {
            m_errors << layer->name() + QStringLiteral(": ") + layer->error();
        }
    }

    // The map image, and any layer image, is fresh zeroed memory with huge pages (see zeroedImage): filling
    // it costs a few faults instead of one per 4 KiB.
    m_image = zeroedImage(size, QImage::Format_ARGB32_Premultiplied);
    if (m_settings.background().alpha() > 0)
        m_image.fill(m_settings.background());
    // Guards m_image, nextToCompose and every slot's image.
    std::mutex composeMutex;
    size_t nextToCompose = 0;
    // Bottom to top as soon as a layer and everything below it are drawn; its image is released then.
    const auto composeReady = [&] {
        std::lock_guard lock(composeMutex);
        QPainter painter;
        while (nextToCompose < parts.size() && parts[nextToCompose].done) {
            Slot &slot = parts[nextToCompose++];
            if (slot.image.isNull())
                continue;
            if (!painter.isActive())
                painter.begin(&m_image);
            painter.setOpacity(slot.layer->opacity());
            painter.drawImage(0, 0, slot.image);
            slot.image = QImage();
        }
    };
    // A streamed layer's next piece in reading order. Once every layer below it is composed, an opaque
    // layer draws straight into the map (what it drew before goes first), so no layer image is made for
    // it: with the layers drawn bottom first, most layers never need one. Otherwise into the layer's image.
    const auto placePiece = [&](size_t index, const QImage &piece, QPoint at) {
        std::lock_guard lock(composeMutex);
        Slot &slot = parts[index];
        QPainter painter;
        if (index == nextToCompose && slot.layer->opacity() >= 1.0) {
            painter.begin(&m_image);
            if (!slot.image.isNull()) {
                painter.drawImage(0, 0, slot.image);
                slot.image = QImage();
            }
        } else {
            if (slot.image.isNull())
                slot.image = zeroedImage(size, QImage::Format_ARGB32_Premultiplied);
            painter.begin(&slot.image);
        }
        painter.drawImage(at, piece);
    };

    // Features beyond the view by less than a wide symbol still show; a margin of 64 px covers them.
    const double margin = 64 * context.mapUnitsPerPixel();
    const Envelope &e = context.extent();
    const Envelope view(e.xmin - margin, e.ymin - margin, e.xmax + margin, e.ymax + margin);
    const auto drawSlot = [&](size_t index) {
        Slot &slot = parts[index];
        const auto note = [&slot](const QString &e) {
            const QString line = slot.layer->name() + QStringLiteral(": ") + e;
            if (!slot.errors.contains(line))
                slot.errors << line;
        };
        if (m_cancel) {
            // Nothing is drawn; the slot is still marked done below so that waiting layers are composed.
        } else if (slot.renderer) {
            // A loaded layer (one with labels, say) is drawn into an image of its own. A big one is drawn
            // in slices on every core, as ParallelRenderJob does: each slice into its own image, composited
            // in order.
            QImage image = zeroedImage(size, QImage::Format_ARGB32_Premultiplied);
            QPainter painter(&image);
            LayerRenderer &r = *slot.renderer;
            const int n = std::max(1, QThread::idealThreadCount());
            const bool slice = n > 1 && r.supportsSlicing() && slot.layer->opacity() >= 1.0 &&
                               r.workEstimate(context) > 20000;
            bool ok = true;
            if (!slice) {
                ok = r.render(painter, context);
            } else {
                r.prepareSlices(n, context);
                std::vector<QImage> images(static_cast<size_t>(n));
                std::vector<char> results(static_cast<size_t>(n), 1);
                const auto drawSlice = [&](int k) {
                    images[size_t(k)] = zeroedImage(size, QImage::Format_ARGB32_Premultiplied);
                    QPainter p(&images[size_t(k)]);
                    results[size_t(k)] = r.renderSlice(p, context, k, n);
                };
                runOnThreads(n, drawSlice);
                for (int k = 0; k < n; ++k) {
                    painter.drawImage(0, 0, images[size_t(k)]);
                    ok = ok && results[size_t(k)];
                }
            }
            painter.end();
            if (!ok && !r.errorMessage().isEmpty())
                note(r.errorMessage());
            std::lock_guard lock(composeMutex);
            slot.image = std::move(image);
        } else {
            const auto &layer = static_cast<const VectorLayer &>(*slot.layer);
            // No spatial filter when the whole layer is in view: an index query would only cost.
            Envelope filter = view;
            if (auto extent = layer.sourceExtent(m_settings.crs()); extent.ok() && *extent &&
                view.contains((*extent)->xmin, (*extent)->ymin) && view.contains((*extent)->xmax, (*extent)->ymax))
                filter = Envelope();
            // Symbols reach beyond their features' boxes by up to half their size.
            double reachPx = 4;
            for (const Symbol &sym : layer.renderer().symbols())
                reachPx = std::max({reachPx, 4 + toPixels(sym.markerSize, sym.markerUnit, context.dpi(), context.mapUnitsPerPixel()),
                                    4 + toPixels(sym.strokeWidth, sym.strokeUnit, context.dpi(), context.mapUnitsPerPixel())});
            BatchQueue queue(m_cancel);
            Status read;
            std::thread reader([&] {
                read = layer.stream(m_settings.crs(), filter,
                                    [&queue](std::shared_ptr<VectorLayer> batch) { return queue.push(std::move(batch)); },
                                    m_batchFeatures);
                queue.close();
            });
            // Several drawers per layer, each batch into an image of just its pixel box, placed in reading
            // order: the same pixels as one drawer going through the features in order.
            std::mutex pieceMutex;
            std::map<size_t, std::pair<QImage, QPoint>> pieces;
            size_t nextPiece = 0;
            const QRect imageRect(QPoint(0, 0), size);
            const auto drawer = [&] {
                while (true) {
                    auto [seq, batch] = queue.pop();
                    if (!batch)
                        break;
                    std::pair<QImage, QPoint> piece;
                    {
                        std::lock_guard lock(pieceMutex);
                        slot.dataExtent.include(batch->extent());
                    }
                    if (m_cancel) {
                        queue.abandon();
                    } else if (auto r = batch->createRenderer(context)) {
                        // Each batch is a loaded copy of the layer: its own renderer and filter mask.
                        const Envelope be = batch->extent();
                        const double k = 1.0 / context.mapUnitsPerPixel();
                        const QRect box = be.isNull() ? QRect()
                                                      : QRectF(QPointF((be.xmin - e.xmin) * k - reachPx, (e.ymax - be.ymax) * k - reachPx),
                                                               QPointF((be.xmax - e.xmin) * k + reachPx, (e.ymax - be.ymin) * k + reachPx))
                                                            .toAlignedRect()
                                                            .intersected(imageRect);
                        if (!box.isEmpty()) {
                            piece.first = zeroedImage(box.size(), QImage::Format_ARGB32_Premultiplied);
                            piece.second = box.topLeft();
                            QPainter batchPainter(&piece.first);
                            batchPainter.translate(-box.topLeft());
                            if (!r->render(batchPainter, context) && !r->errorMessage().isEmpty()) {
                                std::lock_guard lock(pieceMutex);
                                note(r->errorMessage());
                            }
                        }
                    }
                    batch.reset();
                    std::lock_guard lock(pieceMutex);
                    pieces.emplace(seq, std::move(piece));
                    for (auto it = pieces.begin(); it != pieces.end() && it->first == nextPiece;
                         it = pieces.erase(it), ++nextPiece)
                        if (!it->second.first.isNull())
                            placePiece(index, it->second.first, it->second.second);
                }
            };
            runOnThreads(std::max(1, QThread::idealThreadCount()), [&](int) { drawer(); });
            reader.join();
            if (!read.ok() && read.error().kind != ErrorKind::Cancelled)
                slot.readError = read.error().message;
        }
        {
            std::lock_guard lock(composeMutex);
            slot.done = true;
        }
        composeReady();
    };

    // Layers are taken in order by as many workers as there are cores; a streamed layer adds its reader.
    std::atomic<size_t> next{0};
    const auto worker = [&] {
        for (size_t i; (i = next++) < parts.size();)
            drawSlot(i);
    };
    const int threads = std::clamp(QThread::idealThreadCount(), 1, int(std::max<size_t>(1, parts.size())));
    runOnThreads(threads, [&](int) { worker(); });
    composeReady();

    std::vector<Entry> entries;
    for (Slot &slot : parts) {
        m_errors << slot.errors;
        if (!slot.readError.isEmpty())
            m_readErrors << slot.layer->name() + QStringLiteral(": ") + slot.readError;
        if (!slot.renderer && !slot.dataExtent.isNull())
            m_streamedExtents.insert(slot.layer->name(), slot.dataExtent);
        if (slot.renderer)
            entries.push_back({std::move(slot.renderer), slot.layer->opacity(), slot.layer->name(), QString(), QByteArray()});
    }
    if (!m_cancel) {
        QPainter painter(&m_image);
        drawLabels(entries, painter, size);
    }
    m_state = m_cancel ? State::Cancelled : State::Finished;
    m_elapsedMs = timer.elapsed();
    Q_EMIT finished();
}

} // namespace kw
