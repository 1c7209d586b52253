// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/feature_selection.h"
#include "core/layers/layer.h"

namespace kw {

class FeatureStore;

/// \brief The selected features of one vector layer, drawn over the map in the highlight colour.
///
/// A throw-away layer built per render from the layer's store and a selection mask, so the selection
/// is drawn by the same background render jobs as the map, never on the UI thread.
class HighlightLayer final : public Layer
{
public:
    /// \a selectedCount sets how heavy the outline is: a handful of features get a bold one, huge selections a
    /// thin one (wide strokes cost far more to draw, and a million bold outlines would be a yellow blot anyway).
    HighlightLayer(std::shared_ptr<const FeatureStore> store, std::shared_ptr<const FeatureSelection::Mask> mask,
                   size_t selectedCount = 1);

    Kind kind() const override { return Kind::Vector; }
    Status load(const Crs &, const std::function<bool(double)> & = {}) override { return {}; }
    bool isLoaded() const override { return true; }
    Envelope extent() const override;
    Crs sourceCrs() const override;
    std::unique_ptr<LayerRenderer> createRenderer(const RenderContext &context) const override;
    std::unique_ptr<Layer> cloneForLoading() const override { return nullptr; }
    std::shared_ptr<Layer> clone() const override { return std::make_shared<HighlightLayer>(*this); }
    void adoptLoaded(Layer &) override {}

    static QColor color() { return QColor(255, 230, 0); }

private:
    std::shared_ptr<const FeatureStore> m_store;
    std::shared_ptr<const FeatureSelection::Mask> m_mask;
    size_t m_count;
};

} // namespace kw
