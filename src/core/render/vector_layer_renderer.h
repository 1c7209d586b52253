// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/feature_store.h"
#include "core/render/label_engine.h"
#include "core/render/layer_renderer.h"
#include "core/style/feature_renderer.h"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace kw {

/// Computes the label text of feature f (evaluated in render workers: must be thread-safe).
using LabelTextFunction = std::function<QString(const FeatureStore &, size_t)>;
/// The label text function for \a labels (null when labels are off).
LabelTextFunction labelTextFunction(const LabelSettings &labels, const Fields &fields);

/// \brief Draws a FeatureStore with a FeatureRenderer: only features in view (and passing the filter),
/// simplified to the pixel size; collects label candidates for the LabelEngine.
class VectorLayerRenderer final : public LayerRenderer
{
public:
    VectorLayerRenderer(std::shared_ptr<const FeatureStore> store, std::unique_ptr<FeatureRenderer> renderer,
                        LabelSettings labels = {}, LabelTextFunction labelText = nullptr,
                        std::shared_ptr<const std::vector<uint8_t>> filterMask = nullptr);
    ~VectorLayerRenderer() override;

    bool render(QPainter &painter, const RenderContext &context) override;
    bool renderSlice(QPainter &painter, const RenderContext &context, int part, int parts) override;
    bool supportsSlicing() const override;
    size_t workEstimate(const RenderContext &context) const override;
    std::unique_ptr<LayerLabels> takeLabels() override;
    void prepareSlices(int parts, const RenderContext &context) override;

    void setError(const QString &e) { m_error = e; }
    /// Draws only the highlighted features as styled (the others dimmed or hidden); see LayerHighlight.
    void setHighlight(const LayerHighlight &highlight);

    /// Vertices closer than this (in pixels) to the last drawn one are skipped.
    static constexpr double simplifyTolerancePx = 1.0;

private:
    struct Prepared;
    /// Feature ids in view and passing the filter, ascending.
    const std::vector<uint32_t> &visibleFeatures(const RenderContext &context);
    void computeVisible(const RenderContext &context);
    /// How far symbols reach beyond their geometry, in pixels.
    double queryMarginPx(const RenderContext &context) const;
    bool renderHeatmap(QPainter &painter, const RenderContext &context);
    void collectLabels(const RenderContext &context, size_t begin, size_t end, int part);

    std::shared_ptr<const FeatureStore> m_store;
    std::unique_ptr<FeatureRenderer> m_renderer;
    LabelSettings m_labels;
    LabelTextFunction m_labelText;
    std::shared_ptr<const std::vector<uint8_t>> m_filter;
    std::optional<LayerHighlight> m_highlight;
    std::vector<uint32_t> m_visible;
    /// The first slice to need the visible features computes them (in a worker, not on the UI thread).
    std::once_flag m_visibleOnce;
    std::vector<std::vector<LabelFeature>> m_sliceLabels;
    double m_labelDpi = 96;
};

} // namespace kw
