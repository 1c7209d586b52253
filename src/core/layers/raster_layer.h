// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/source_info.h"
#include "core/layers/layer.h"

#include <QPointF>

#include <cmath>
#include <limits>

namespace kw {

/// \brief How a raster is drawn: a ramp for single bands (palette and RGB(A) rasters use their own colours).
struct RasterStyle
{
    QString ramp = QStringLiteral("greys");
    bool invertRamp = false;
    double min = std::numeric_limits<double>::quiet_NaN(); ///< NaN: from the data
    double max = std::numeric_limits<double>::quiet_NaN();
    bool nearest = false; ///< nearest-neighbour resampling (categorical data)
    bool operator==(const RasterStyle &o) const
    {
        return ramp == o.ramp && invertRamp == o.invertRamp && nearest == o.nearest &&
               (min == o.min || (std::isnan(min) && std::isnan(o.min))) &&
               (max == o.max || (std::isnan(max) && std::isnan(o.max)));
    }
};

/// \brief A raster read through GDAL (GeoTIFF, MBTiles, WMS/WMTS, XYZ tiles), warped to the map on drawing.
class RasterLayer final : public Layer
{
public:
    RasterLayer(SourceUri source, QString name);

    Kind kind() const override { return Kind::Raster; }
    Status load(const Crs &mapCrs, const std::function<bool(double)> &progress = {}) override;
    bool isLoaded() const override { return m_loaded; }
    Envelope extent() const override { return m_mapExtent; }
    Crs sourceCrs() const override { return m_info.crs; }
    std::unique_ptr<LayerRenderer> createRenderer(const RenderContext &context) const override;
    std::unique_ptr<Layer> cloneForLoading() const override;
    void adoptLoaded(Layer &loaded) override;

    /// Band values at \a mapPoint (in \a mapCrs) for identify: band name and value, NaN for nodata. Reads
    /// one pixel through GDAL on the calling thread (cheap), an error outside the raster or before loading.
    Result<QList<std::pair<QString, double>>> sample(const QPointF &mapPoint, const Crs &mapCrs) const;
    std::shared_ptr<Layer> clone() const override { return std::make_shared<RasterLayer>(*this); }

    const RasterStyle &style() const { return m_style; }
    void setStyle(const RasterStyle &s) { m_style = s; }
    const LayerInfo &info() const { return m_info; }
    /// Minimum and maximum of band 1 (approximate, from overviews), used when the style gives none.
    std::pair<double, double> dataRange() const { return {m_dataMin, m_dataMax}; }

private:
    LayerInfo m_info;
    RasterStyle m_style;
    Envelope m_mapExtent;
    double m_dataMin = 0, m_dataMax = 255;
    bool m_loaded = false;
};

} // namespace kw
