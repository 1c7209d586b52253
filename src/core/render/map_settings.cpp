// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/map_settings.h"

#include <cmath>

namespace kw {

namespace {
constexpr double metersPerInch = 0.0254;
// Metres per degree on the GRS80 mean radius: good enough for a scale read-out in geographic CRSs.
constexpr double metersPerDegree = 6371008.8 * M_PI / 180.0;
} // namespace

Envelope MapSettings::visibleExtent() const
{
    if (!isValid())
        return m_extent;
    const double w = std::max(m_extent.width(), 1e-9);
    const double h = std::max(m_extent.height(), 1e-9);
    const double mupp = std::max(w / m_size.width(), h / m_size.height());
    const double halfW = mupp * m_size.width() / 2;
    const double halfH = mupp * m_size.height() / 2;
    return {m_extent.centerX() - halfW, m_extent.centerY() - halfH, m_extent.centerX() + halfW,
            m_extent.centerY() + halfH};
}

double MapSettings::mapUnitsPerPixel() const
{
    if (!isValid())
        return 1.0;
    const double w = std::max(m_extent.width(), 1e-9);
    const double h = std::max(m_extent.height(), 1e-9);
    return std::max(w / m_size.width(), h / m_size.height());
}

double MapSettings::scale() const
{
    double metersPerPixel = mapUnitsPerPixel();
    if (m_crs.isGeographic())
        metersPerPixel *= metersPerDegree * std::cos(visibleExtent().centerY() * M_PI / 180.0);
    return metersPerPixel * m_dpi / metersPerInch;
}

void MapSettings::setScale(double scaleDenominator, const QPointF &center)
{
    double mupp = scaleDenominator * metersPerInch / m_dpi;
    if (m_crs.isGeographic())
        mupp /= metersPerDegree * std::max(0.01, std::cos(center.y() * M_PI / 180.0));
    const double halfW = mupp * m_size.width() / 2;
    const double halfH = mupp * m_size.height() / 2;
    m_extent = Envelope(center.x() - halfW, center.y() - halfH, center.x() + halfW, center.y() + halfH);
}

QPointF MapSettings::toPixel(double x, double y) const
{
    const Envelope v = visibleExtent();
    const double k = 1.0 / mapUnitsPerPixel();
    return {(x - v.xmin) * k, (v.ymax - y) * k};
}

QPointF MapSettings::toMap(const QPointF &pixel) const
{
    const Envelope v = visibleExtent();
    const double mupp = mapUnitsPerPixel();
    return {v.xmin + pixel.x() * mupp, v.ymax - pixel.y() * mupp};
}

} // namespace kw
