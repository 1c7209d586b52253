// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/feature_store.h"
#include "core/util/result.h"

#include <QPointF>

#include <vector>

namespace kw {

/// \brief Finds features of a FeatureStore by location or by expression (identify and selection tools).
///
/// Location queries use the store's spatial index for candidates, then test the real geometry: a point
/// hits within the tolerance, a line within the tolerance of a segment, a polygon when the point is
/// inside it (holes excluded) or near its boundary. All coordinates are in the store's CRS (the map CRS).
class FeatureQuery
{
public:
    /// Features at \a point within \a tolerance map units, ascending rows.
    static std::vector<uint32_t> at(const FeatureStore &store, const QPointF &point, double tolerance);
    /// Features that intersect the rectangle \a box.
    static std::vector<uint32_t> intersecting(const FeatureStore &store, const Envelope &box);
    /// Features that intersect the polygon with the ring \a ring (closed implicitly).
    static std::vector<uint32_t> intersecting(const FeatureStore &store, const std::vector<QPointF> &ring);
    /// Features for which \a expression is true; a parse error or unknown field is an error with its column
    /// in \a errorColumn (1-based, 0 when the error has no position).
    static Result<std::vector<uint32_t>> matching(const FeatureStore &store, const QString &expression,
                                                  int *errorColumn = nullptr);

    /// Distance from \a p to the geometry of feature \a f (0 inside a polygon); infinity without geometry.
    static double distance(const FeatureStore &store, size_t f, const QPointF &p);
};

} // namespace kw
