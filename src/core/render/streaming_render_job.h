// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/render/render_job.h"

#include <QHash>

namespace kw {

class Layer;

/// \brief Renders a map image while its big vector layers are read: each batch is drawn as it arrives and
/// dropped.
///
/// For exports of layers nobody has loaded (the command line), reading everything into FeatureStores first
/// keeps every vertex in memory at once (390 MB for a city of a million buildings) and draws only after
/// the last feature is read. Here a layer that VectorLayer::canStream() is read by its own thread in
/// batches (LoadOptions::batchSink) while another thread draws the batches into the layer's image in the
/// source's order, so reading and drawing overlap and memory holds a few batches. Loaded layers are drawn
/// as by ParallelRenderJob. A streamed layer whose layers below are all drawn (at first the bottom one)
/// draws straight into the map image; the others collect their batches in an image of their own, which is
/// composited bottom to top as soon as the layer and all below it are done. Labels of loaded layers are
/// placed last. Pixels equal a render of the loaded layers, but for rounding (a few levels of 255).
class StreamingRenderJob final : public RenderJob
{
    Q_OBJECT
public:
    explicit StreamingRenderJob(MapSettings settings, QObject *parent = nullptr);
    /// Renders to completion (the caller's thread waits; workers are plain threads, not a pool).
    void start() override;
    void waitForFinished() override {}
    QImage image() const { return m_image; }
    /// Features per batch. The default, 8192, was measured: 16384 touched more fresh memory (at 100k
    /// buildings 22k page faults against 17k, 6 % slower; 9 % at 1M), 4096 gained little more at 100k
    /// and lost at 1M and in memory at 3840x2160.
    void setBatchFeatures(size_t n) { m_batchFeatures = n; }
    /// Read errors of streamed layers, "layer: message"; the image misses their rest.
    QStringList readErrors() const { return m_readErrors; }
    /// The extent of the features read, per streamed layer name.
    QHash<QString, Envelope> streamedExtents() const { return m_streamedExtents; }

    /// True when \a layer is a vector layer that is not loaded and can be streamed.
    static bool streams(const Layer &layer);
    /// True when any visible layer of \a settings would be streamed.
    static bool wantsStreaming(const MapSettings &settings);

private:
    QImage m_image;
    QStringList m_readErrors;
    QHash<QString, Envelope> m_streamedExtents;
    size_t m_batchFeatures = 8192;
};

} // namespace kw
