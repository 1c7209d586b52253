// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/feature_store.h"
#include "core/render/layer_renderer.h"
#include "core/style/symbol.h"

#include <memory>
#include <vector>

namespace kw {

/// \brief Draws a FeatureStore with one symbol: only features in view, simplified to the pixel size.
class VectorLayerRenderer final : public LayerRenderer
{
public:
    VectorLayerRenderer(std::shared_ptr<const FeatureStore> store, const Symbol &symbol);

    bool render(QPainter &painter, const RenderContext &context) override;
    bool renderSlice(QPainter &painter, const RenderContext &context, int part, int parts) override;
    bool supportsSlicing() const override { return true; }
    size_t workEstimate(const RenderContext &context) const override;

    /// Vertices closer than this (in pixels) to the last drawn one are skipped.
    static constexpr double simplifyTolerancePx = 0.5;

private:
    /// Feature ids in view, ascending; all of them when the view covers the layer.
    const std::vector<uint32_t> &visibleFeatures(const RenderContext &context);

    std::shared_ptr<const FeatureStore> m_store;
    Symbol m_symbol;
    std::vector<uint32_t> m_visible;
    bool m_visibleComputed = false;
    bool m_all = false;
};

} // namespace kw
