// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/data/feature_store.h"
#include "core/geometry/envelope.h"
#include "core/util/result.h"

#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace kw {

/// \brief Vector geoprocessing on FeatureStores with GEOS: buffer, intersection, dissolve, selection by
/// distance.
///
/// Distances are metres. Data in a geographic CRS (or one measured in feet) is projected to the UTM zone of
/// its centre (WGS 84 / UTM, EPSG:326xx north, 327xx south) for the operation; results are returned in the
/// CRS the work was done in, which the result names. Invalid input geometries are repaired with
/// GEOSMakeValid and counted; those that cannot be repaired are reported and left out.
class Geoprocessing
{
public:
    /// \brief A result layer and what happened on the way.
    struct Output
    {
        std::shared_ptr<FeatureStore> store;
        size_t repaired = 0;
        QStringList warnings;
    };

    /// The CRS distances in metres are measured in for data in \a crs covering \a extent (in that CRS):
    /// \a crs itself when it is projected in metres, else the UTM zone of the extent's centre.
    static Result<Crs> metricCrsFor(const Crs &crs, const Envelope &extent);
    /// The WGS 84 / UTM CRS of the zone holding longitude \a lon, latitude \a lat.
    static Crs utmZone(double lon, double lat);

    /// Buffers every feature by \a metres (negative shrinks areas); attributes are kept.
    static Result<Output> buffer(const FeatureStore &in, double metres, int quadrantSegments = 8);
    /// The parts of \a a's features that lie in \a b's features, one feature per overlapping pair with the
    /// attributes of both (b's fields renamed "b_<name>" where the names clash). Output in \a a's CRS.
    static Result<Output> intersection(const FeatureStore &a, const FeatureStore &b);
    /// Merges the features with the same value of \a field (all features when \a field is empty) into one.
    static Result<Output> dissolve(const FeatureStore &in, const QString &field = {});
    /// 1 for each feature of \a in that comes within \a metres of a feature of \a reference.
    static Result<std::vector<uint8_t>> withinDistance(const FeatureStore &in, const FeatureStore &reference,
                                                       double metres);
    /// \a in with invalid geometries repaired (GEOSMakeValid); the count and reasons in the output.
    static Result<Output> repair(const FeatureStore &in);
};

} // namespace kw
