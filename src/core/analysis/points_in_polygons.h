// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/feature_store.h"
#include "core/temporal/aggregation.h"
#include "core/util/result.h"

#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace kw {

/// \brief Points-in-polygons aggregation: how many points lie in each polygon, and a statistic of their
/// values.
///
/// A point counts for every polygon that covers it (inside or on the boundary, as QGIS's "Count points in
/// polygon"), so a point exactly on a shared border counts for both neighbours. The values aggregated are a
/// numeric field of the points or a value per point given by the caller (e.g. a sensor layer's values for
/// the current time window); null values are left out of the statistic but the points are counted.
/// Invalid polygons are repaired with GEOSMakeValid first (counted in the result); points are transformed
/// into the polygons' CRS when the two differ. Each polygon is prepared (GEOSPrepare) and only the points
/// the spatial index finds in its box are tested.
class PointsInPolygons
{
public:
    /// \brief What to aggregate and how.
    struct Options
    {
        /// Numeric field of the points to aggregate (empty: only count, unless \a values is given).
        QString field;
        /// A value per point feature (NaN = no value), used instead of \a field when not empty.
        std::vector<double> values;
        /// Name of the aggregated quantity in the output column (default: \a field, else "value").
        QString valueName;
        Aggregation statistic = Aggregation::Count;
    };
    /// \brief The polygons with their counts and statistics, and what happened on the way.
    struct Output
    {
        /// The polygons (repaired where needed) with their attributes plus "count" (Int) and, for a statistic
        /// other than count, "<statistic>_<value name>" (Double, null where no point had a value).
        std::shared_ptr<FeatureStore> polygons;
        QString statisticField;   ///< the name of the statistic column (empty when only counting)
        size_t pointsOutside = 0; ///< points in no polygon
        size_t repaired = 0;      ///< invalid polygons repaired
        QStringList warnings;
    };

    static Result<Output> run(const FeatureStore &points, const FeatureStore &polygons,
                              const Options &options);
};

} // namespace kw
