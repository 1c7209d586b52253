// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"

#include <QPointF>

#include <optional>
#include <vector>

namespace kw {

/// \brief Ellipsoidal lengths and areas of shapes drawn in a map CRS (what a planner's ruler should say).
///
/// Vertices are taken to the geographic CRS of \a crs's own datum and measured on its ellipsoid with
/// Karney's geodesic algorithms (PROJ's geodesic.h), as QGIS does: segments are geodesics between the
/// vertices, so results do not depend on the projection's scale distortion. Returns nullopt when the
/// CRS is invalid or a vertex cannot be transformed.
class Measurement
{
public:
    /// Length of the polyline through \a points, in metres.
    static std::optional<double> length(const std::vector<QPointF> &points, const Crs &crs);
    /// Area of the polygon with the ring \a points (closed implicitly), in square metres, always >= 0.
    static std::optional<double> area(const std::vector<QPointF> &points, const Crs &crs);
    /// Geodesic distance between two points given as longitude/latitude on WGS 84, in metres.
    static double wgs84Distance(const QPointF &lonLat1, const QPointF &lonLat2);
};

/// Shortcuts for Measurement::length() and Measurement::area().
inline std::optional<double> measureLength(const std::vector<QPointF> &points, const Crs &crs)
{
    return Measurement::length(points, crs);
}
inline std::optional<double> measureArea(const std::vector<QPointF> &points, const Crs &crs)
{
    return Measurement::area(points, crs);
}

} // namespace kw
