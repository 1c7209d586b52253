// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/data/feature_store.h"
#include "core/data/source_info.h"
#include "core/data/source_uri.h"
#include "core/util/result.h"

#include <functional>
#include <memory>

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
};

} // namespace kw
