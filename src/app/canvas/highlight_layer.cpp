// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/canvas/highlight_layer.h"

#include "core/render/vector_layer_renderer.h"

namespace kw {

HighlightLayer::HighlightLayer(std::shared_ptr<const FeatureStore> store,
                               std::shared_ptr<const FeatureSelection::Mask> mask, size_t selectedCount)
    : Layer(SourceUri(), QStringLiteral("selection")), m_store(std::move(store)), m_mask(std::move(mask)),
      m_count(selectedCount)
{
}

Envelope HighlightLayer::extent() const
{
    return m_store ? m_store->extent() : Envelope();
}

Crs HighlightLayer::sourceCrs() const
{
    return m_store ? m_store->crs() : Crs();
}

std::unique_ptr<LayerRenderer> HighlightLayer::createRenderer(const RenderContext &) const
{
    if (!m_store || !m_mask)
        return nullptr;
    // A yellow outline over a light yellow wash (polygons), yellow strokes and markers otherwise: visible
    // on any choropleth and still showing the feature's own colour below.
    Symbol s;
    s.strokeColor = color();
    s.strokeWidth = m_count > 20000 ? 0.26 : 0.7;
    s.strokeUnit = SizeUnit::Millimeters;
    const GeometryFamily family = m_store->family();
    s.fillColor = family == GeometryFamily::Point ? color() : QColor(255, 240, 80, 70);
    s.markerSize = 3.0;
    s.markerShape = MarkerShape::Circle;
    if (family == GeometryFamily::Point) {
        s.strokeColor = QColor(120, 100, 0);
        s.strokeWidth = 0.3;
    }
    return std::make_unique<VectorLayerRenderer>(m_store, std::make_unique<SingleSymbolRenderer>(s), LabelSettings(),
                                                 nullptr, m_mask);
}

} // namespace kw
