// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tools/datagen/geom2d.h"

#include <geos_c.h>
#include <vector>

namespace kw::datagen {

using Polygon = std::vector<Ring>; ///< shell, then holes

/// \brief The few GEOS operations the generators need, on plain coordinate vectors.
///
/// Owns a private GEOS handle: the generators run on one thread and need nothing else from GEOS.
class GeosOps
{
public:
    GeosOps();
    ~GeosOps();
    GeosOps(const GeosOps &) = delete;
    GeosOps &operator=(const GeosOps &) = delete;

    /// The Voronoi cell of every seed clipped to \a clip (its largest part if clipping splits it); an
    /// empty polygon for a seed whose cell lies outside.
    std::vector<Polygon> voronoi(const std::vector<Vec2> &seeds, const Polygon &clip);
    /// The parts of \a line inside \a area.
    std::vector<std::vector<Vec2>> clipLine(const std::vector<Vec2> &line, const Polygon &area);
    /// Intersection of two polygons (largest part).
    Polygon intersection(const Polygon &a, const Polygon &b);
    /// \a a without \a b (largest part).
    Polygon difference(const Polygon &a, const Polygon &b);

private:
    GEOSGeometry *makePolygon(const Polygon &p);
    GEOSGeometry *makeLine(const std::vector<Vec2> &line);
    std::vector<Vec2> readSequence(const GEOSGeometry *g);
    Polygon readPolygon(const GEOSGeometry *g);
    Polygon largestPolygon(const GEOSGeometry *g);
    Polygon overlay(const Polygon &a, const Polygon &b, bool difference);
    GEOSContextHandle_t m_h;
};

} // namespace kw::datagen
