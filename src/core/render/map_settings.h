// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/geometry/envelope.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QVariantMap>
#include <QPointF>
#include <QSize>

#include <memory>
#include <vector>

namespace kw {

class Layer;

/// \brief Draws one layer differently in one render without changing the layer: an atlas shows its current
/// feature as styled and the other features dimmed or not at all.
struct LayerHighlight
{
    enum class Others { Show, Dim, Hide };
    std::vector<uint32_t> features; ///< rows of the layer's FeatureStore drawn as styled, ascending
    Others others = Others::Dim;
    double dimOpacity = 0.35; ///< for Others::Dim: the other features' opacity factor
    bool operator==(const LayerHighlight &) const = default;
};

/// \brief Everything needed to draw one map image: extent, output size, dpi, CRS, background, layers.
///
/// A value: the render job copies it, so the caller may change its own copy while a render runs.
/// Layers are listed bottom first (drawing order).
class MapSettings
{
public:
    void setExtent(const Envelope &e) { m_extent = e; }
    /// The extent asked for; see visibleExtent() for what fits the output's aspect ratio.
    Envelope extent() const { return m_extent; }
    void setOutputSize(const QSize &s) { m_size = s; }
    QSize outputSize() const { return m_size; }
    void setDpi(double dpi) { m_dpi = dpi; }
    double dpi() const { return m_dpi; }
    void setCrs(const Crs &crs) { m_crs = crs; }
    const Crs &crs() const { return m_crs; }
    void setBackground(const QColor &c) { m_background = c; }
    QColor background() const { return m_background; }
    void setLayers(const QList<std::shared_ptr<Layer>> &layers) { m_layers = layers; }
    const QList<std::shared_ptr<Layer>> &layers() const { return m_layers; }
    /// Variables that style expressions read as @name in this render (atlas pages: @atlas_featureid, …).
    void setVariables(const QVariantMap &variables) { m_variables = variables; }
    const QVariantMap &variables() const { return m_variables; }
    /// Highlighting of the layer with id \a layerId in this render (atlas pages); see LayerHighlight.
    void setLayerHighlight(const QString &layerId, LayerHighlight h) { m_highlights.insert(layerId, std::move(h)); }
    const LayerHighlight *layerHighlight(const QString &layerId) const
    {
        const auto it = m_highlights.constFind(layerId);
        return it == m_highlights.constEnd() ? nullptr : &*it;
    }

    /// The requested extent grown to the aspect ratio of the output, centred.
    Envelope visibleExtent() const;
    double mapUnitsPerPixel() const;
    /// Map scale denominator (1:N) for the output dpi; for geographic CRSs an approximation at the centre.
    double scale() const;
    /// Sets the extent so the map shows \a scaleDenominator around \a center.
    void setScale(double scaleDenominator, const QPointF &center);

    QPointF toPixel(double x, double y) const;
    QPointF toMap(const QPointF &pixel) const;

    bool isValid() const { return !m_extent.isNull() && m_size.width() > 0 && m_size.height() > 0; }

private:
    Envelope m_extent;
    QSize m_size{800, 600};
    double m_dpi = 96.0;
    Crs m_crs;
    QColor m_background = Qt::white;
    QList<std::shared_ptr<Layer>> m_layers;
    QHash<QString, LayerHighlight> m_highlights;
    QVariantMap m_variables;
};

} // namespace kw
