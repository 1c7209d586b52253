// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry/geometry.h"
#include "core/util/result.h"

#include <QString>
#include <memory>
#include <optional>
#include <span>

namespace kw {

/// \brief GEOS operations on Geometry values (the GEOS handles stay inside geometry_engine.cpp).
///
/// Every function uses the calling thread's GEOS context, so they may run in any thread. Results of
/// overlay operations on polygonal input keep only their polygonal parts (an intersection of two areas
/// that also touch along an edge gives the areas, not a collection with a line).
class GeometryEngine
{
public:
    /// Why \a g is not valid (GEOS's reason, e.g. "Self-intersection[1 1]"), or nullopt when it is.
    static std::optional<QString> invalidReason(const Geometry &g);
    /// Repairs \a g with GEOSMakeValid (polygonal input stays polygonal: lower-dimensional debris is
    /// dropped).
    static Result<Geometry> makeValid(const Geometry &g);
    /// Buffer by \a distance in the geometry's units; \a quadrantSegments segments per quarter circle.
    static Result<Geometry> buffer(const Geometry &g, double distance, int quadrantSegments = 8);
    static Result<Geometry> intersection(const Geometry &a, const Geometry &b);
    /// Union of all of \a geometries (dissolve).
    static Result<Geometry> unaryUnion(std::span<const Geometry> geometries);
    static double area(const Geometry &g);
    static double length(const Geometry &g);
    /// Shortest distance between \a a and \a b (0 when they intersect).
    static double distance(const Geometry &a, const Geometry &b);
};

/// \brief A geometry prepared for many point and geometry tests against it (GEOSPrepare).
///
/// Prepared once, asked thousands of times: the indexed edges make each test O(log n). Bound to the
/// thread that created it (GEOS objects must not be shared between threads while used).
class PreparedGeometry
{
public:
    explicit PreparedGeometry(const Geometry &g);
    ~PreparedGeometry();
    PreparedGeometry(PreparedGeometry &&) noexcept;
    PreparedGeometry &operator=(PreparedGeometry &&) noexcept;

    bool isValid() const;
    /// True when the point lies inside or on the boundary.
    bool covers(double x, double y) const;
    bool intersects(const Geometry &g) const;
    /// True when \a g comes within \a distance.
    bool withinDistance(const Geometry &g, double distance) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace kw
