// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layers/raster_layer.h"

#include "core/crs/coordinate_transform.h"
#include "core/data/data_provider.h"
#include "core/data/gdal/gdal_raster.h"

namespace kw {

namespace {

/// \brief Warps the raster for the current view; a snapshot of the layer's path, CRS and style.
class RasterLayerRenderer final : public LayerRenderer
{
public:
    explicit RasterLayerRenderer(gdal::WarpRequest request) : m_request(std::move(request)) {}

    bool render(QPainter &painter, const RenderContext &context) override
    {
        m_request.extent = context.extent();
        m_request.size = context.outputSize();
        m_request.cancel = context.cancelFlag();
        auto image = gdal::warpToImage(m_request);
        if (!image.ok()) {
            m_error = image.error().message;
            return image.error().kind == ErrorKind::Cancelled;
        }
        painter.drawImage(QRectF(QPointF(0, 0), QSizeF(context.outputSize())), *image);
        return true;
    }
    size_t workEstimate(const RenderContext &context) const override
    {
        return size_t(context.outputSize().width()) * context.outputSize().height() / 16;
    }

private:
    gdal::WarpRequest m_request;
};

} // namespace

RasterLayer::RasterLayer(SourceUri source, QString name) : Layer(std::move(source), std::move(name)) {}

Status RasterLayer::load(const Crs &mapCrs, const std::function<bool(double)> &)
{
    auto info = DataProviders::inspect(m_source);
    if (!info.ok()) {
        m_error = info.error().message;
        return info.error();
    }
    const LayerInfo *raster = nullptr;
    for (const LayerInfo &l : info->layers)
        if (l.isRaster && (m_source.layerName.isEmpty() || l.name == m_source.layerName)) {
            raster = &l;
            break;
        }
    if (!raster) {
        m_error = QStringLiteral("%1: contains no raster").arg(m_source.path);
        return Error::input(m_error);
    }
    m_info = *raster;
    auto range = gdal::bandRange(m_info.gdalPath);
    if (range.ok())
        std::tie(m_dataMin, m_dataMax) = *range;
    const Crs target = mapCrs.isValid() ? mapCrs : m_info.crs;
    m_mapExtent = CoordinateTransform(m_info.crs, target).transformBounds(m_info.extent);
    m_error.clear();
    m_loaded = true;
    return {};
}

Result<QList<std::pair<QString, double>>> RasterLayer::sample(const QPointF &mapPoint, const Crs &mapCrs) const
{
    if (!m_loaded)
        return Error::usage(QStringLiteral("%1: not loaded").arg(m_name));
    auto px = gdal::sampleBands(m_info.gdalPath, m_info.crs, mapPoint, mapCrs);
    if (!px.ok())
        return px.error();
    QList<std::pair<QString, double>> out;
    for (int i = 0; i < px->values.size(); ++i)
        out.append({px->bandNames[i], px->values[i]});
    return out;
}

std::unique_ptr<Layer> RasterLayer::cloneForLoading() const
{
    return std::make_unique<RasterLayer>(m_source, m_name);
}

void RasterLayer::adoptLoaded(Layer &loaded)
{
    auto &other = static_cast<RasterLayer &>(loaded);
    m_error = other.m_error;
    m_info = other.m_info;
    m_mapExtent = other.m_mapExtent;
    m_dataMin = other.m_dataMin;
    m_dataMax = other.m_dataMax;
    m_loaded = other.m_loaded;
}

std::unique_ptr<LayerRenderer> RasterLayer::createRenderer(const RenderContext &context) const
{
    if (!m_loaded)
        return nullptr;
    gdal::WarpRequest request;
    request.gdalPath = m_info.gdalPath;
    request.sourceCrs = m_source.crs.isEmpty() ? Crs() : m_info.crs;
    request.mapCrs = context.settings().crs().isValid() ? context.settings().crs() : m_info.crs;
    request.style = m_style;
    request.dataMin = m_dataMin;
    request.dataMax = m_dataMax;
    return std::make_unique<RasterLayerRenderer>(std::move(request));
}

} // namespace kw
