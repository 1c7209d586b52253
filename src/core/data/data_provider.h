// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/data/feature_store.h"
#include "core/data/source_info.h"
#include "core/data/source_uri.h"
#include "core/util/result.h"

#include <functional>
#include <memory>
#include <optional>

namespace kw {

/// \brief How a vector layer is read into a FeatureStore.
struct LoadOptions
{
    /// CRS the geometries are stored in (the map CRS); invalid = keep the layer's own.
    Crs targetCrs;
    /// Called now and then with the fraction done (0..1); returning false cancels the load.
    std::function<bool(double)> progress;
    /// Attribute fields to read; empty means all. Renderers that need few fields load faster.
    QStringList fields;
    bool allFields = true;
    /// Use GDAL's columnar Arrow stream where the driver implements it natively (off: feature by feature).
    bool useArrow = true;
    /// Streaming: when set, the provider hands the features over in finished stores (reprojected, indexed)
    /// of about \a batchFeatures each, in the source's order, while it reads; the store loadVector()
    /// returns then holds only the rest (providers that cannot stream return everything there) and the
    /// summed GeometryReport. Returning false cancels. Used to draw big layers without keeping them.
    std::function<bool(std::shared_ptr<FeatureStore>)> batchSink;
    size_t batchFeatures = 16384;
    /// Only features whose bounding box meets this rectangle (in the target CRS) are wanted; providers
    /// with a spatial index skip the others (they may deliver more). Null: all.
    Envelope spatialFilter;
    /// Build the spatial index when loading ends (off: on first use; streamed batches).
    bool buildIndex = true;
};

/// \brief A source of vector layers: inspects what a source holds and loads one layer.
///
/// Implemented by the GDAL provider, the CSV reader and plugins (see src/core/plugin).
class DataProvider
{
public:
    virtual ~DataProvider() = default;
    /// A short id, e.g. "gdal", "csv".
    virtual QString id() const = 0;
    /// True when this provider, rather than the generic GDAL one, should handle \a uri.
    virtual bool handles(const SourceUri &uri) const = 0;
    virtual Result<SourceInfo> inspect(const SourceUri &uri) const = 0;
    virtual Result<std::shared_ptr<FeatureStore>> loadVector(const SourceUri &uri, const QString &layerName,
                                                             const LoadOptions &options) const = 0;
    /// The layer's extent in \a targetCrs (invalid: its own) from the source's metadata or index, without
    /// reading the features where the format allows; std::nullopt where the provider cannot tell.
    virtual Result<std::optional<Envelope>> layerExtent(const SourceUri &uri, const QString &layerName,
                                                        const Crs &targetCrs) const
    {
        Q_UNUSED(uri);
        Q_UNUSED(layerName);
        Q_UNUSED(targetCrs);
        return std::optional<Envelope>();
    }
};

class CoordinateTransform;

/// The last step of every loader: transforms the vertices to the target CRS in chunks (progress 0.9 to
/// 0.99, cancellable), then builds the store's index (FeatureStore::finish()).
Status completeLoad(FeatureStore &store, const CoordinateTransform &transform, const LoadOptions &options);

/// \brief The providers known to this process; the first whose handles() says yes wins, GDAL last.
class DataProviders
{
public:
    static void add(std::shared_ptr<DataProvider> provider);
    static const DataProvider &forUri(const SourceUri &uri);
    static Result<SourceInfo> inspect(const SourceUri &uri);
    static Result<std::shared_ptr<FeatureStore>> loadVector(const SourceUri &uri, const QString &layerName,
                                                            const LoadOptions &options);
    static Result<std::optional<Envelope>> layerExtent(const SourceUri &uri, const QString &layerName,
                                                       const Crs &targetCrs);
};

} // namespace kw
