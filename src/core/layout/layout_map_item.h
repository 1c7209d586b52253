// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layout/layout_item.h"
#include "core/render/map_settings.h"

#include <QTransform>

namespace kw {

/// \brief A coordinate grid drawn over a map item: lines every interval (map units) and their values at
/// the frame edges, outside the frame.
struct MapGrid
{
    bool enabled = false;
    double intervalX = 1000; ///< map units
    double intervalY = 1000;
    QColor color = QColor(60, 60, 60, 140);
    double width = 0.12; ///< mm
    bool labels = true;
    LayoutFont font{QStringLiteral("DejaVu Sans"), 5.5, false, false, QColor(60, 60, 60)};
    /// Edges that get labels: any of "left", "right", "top", "bottom".
    QStringList sides{QStringLiteral("left"), QStringLiteral("bottom")};
    double labelOffset = 0.8; ///< mm between frame and label

    QJsonObject toJson() const;
    static Result<MapGrid> fromJson(const QJsonObject &json);
    bool operator==(const MapGrid &) const = default;
};

/// \brief A map on a layout page: its own extent or a fixed scale, the project's layers or its own set,
/// optionally driven by the atlas, with labels inside the frame, an optional grid and, as an overview, the
/// extent of another map item drawn as a rectangle.
///
/// PDF and SVG draw the layers as vectors through PainterRenderJob; raster outputs render an image through
/// ParallelRenderJob at the page's dpi. Legends, scale bars, north arrows and overviews ask mapSettings()
/// for what this map shows, so they always match it.
class LayoutMapItem final : public LayoutItem
{
public:
    enum class AtlasScaling { Auto, Fixed };

    Type type() const override { return Type::Map; }
    std::unique_ptr<LayoutItem> clone() const override { return std::make_unique<LayoutMapItem>(*this); }
    void drawContent(QPainter &painter, const LayoutRenderContext &context,
                     const QSizeF &size) const override;

    /// Null: the project's view, else the full extent of its layers.
    Envelope extent() const { return m_extent; }
    void setExtent(const Envelope &e) { m_extent = e; }
    /// Fixed scale denominator around the extent's centre; 0: fit the extent.
    double scale() const { return m_scale; }
    void setScale(double s) { m_scale = s; }
    /// Layer ids drawn by this map (bottom first); empty: the layers the project shows.
    QStringList layerIds() const { return m_layers; }
    void setLayerIds(const QStringList &ids) { m_layers = ids; }
    /// Rotation of the map content inside the frame, degrees clockwise (north arrows follow it).
    double mapRotation() const { return m_mapRotation; }
    void setMapRotation(double degrees) { m_mapRotation = degrees; }
    QColor mapBackground() const { return m_mapBackground; }
    void setMapBackground(const QColor &c) { m_mapBackground = c; }

    bool isAtlasDriven() const { return m_atlasDriven; }
    void setAtlasDriven(bool on) { m_atlasDriven = on; }
    AtlasScaling atlasScaling() const { return m_atlasScaling; }
    void setAtlasScaling(AtlasScaling s) { m_atlasScaling = s; }
    /// Margin around the atlas feature in percent of its size (AtlasScaling::Auto).
    double atlasMargin() const { return m_atlasMargin; }
    void setAtlasMargin(double percent) { m_atlasMargin = percent; }

    const MapGrid &grid() const { return m_grid; }
    void setGrid(const MapGrid &g) { m_grid = g; }
    /// Id of the map item whose extent this one shows as a rectangle (an overview map); empty: none.
    QString overviewOf() const { return m_overviewOf; }
    void setOverviewOf(const QString &id) { m_overviewOf = id; }

    /// The layers drawn on a page with \a context, bottom first.
    QList<std::shared_ptr<Layer>> mapLayers(const LayoutRenderContext &context) const;
    /// What this map shows on a page rendered with \a context: extent, frame size in pixels, dpi, CRS,
    /// layers and the atlas highlighting. With a map rotation the extent is that of the unrotated frame.
    MapSettings mapSettings(const LayoutRenderContext &context) const;
    /// Map coordinates to item pixels (the frame's top-left is 0,0), including the map rotation.
    QTransform mapToItem(const LayoutRenderContext &context) const;
    /// The map's visible area as a polygon in map coordinates (a rotated map shows a rotated rectangle).
    QPolygonF visiblePolygon(const LayoutRenderContext &context) const;

protected:
    void writeProperties(QJsonObject &json) const override;
    Status readProperties(const QJsonObject &json) override;
    QStringList propertyKeys() const override;

private:
    void drawGrid(QPainter &painter, const LayoutRenderContext &context, const QSizeF &size, bool lines,
                  bool labels) const;
    static QString svgMarker(const QString &id) { return QStringLiteral("@@kw-map:%1@@").arg(id); }
    friend class LayoutExporter;
    void drawOverview(QPainter &painter, const LayoutRenderContext &context) const;

    Envelope m_extent;
    double m_scale = 0;
    QStringList m_layers;
    double m_mapRotation = 0;
    QColor m_mapBackground = Qt::white;
    bool m_atlasDriven = false;
    AtlasScaling m_atlasScaling = AtlasScaling::Auto;
    double m_atlasMargin = 10;
    MapGrid m_grid;
    QString m_overviewOf;
    QColor m_overviewFill = QColor(227, 26, 28, 40);
    QColor m_overviewStroke = QColor(227, 26, 28);
    double m_overviewWidth = 0.5;
};

} // namespace kw
