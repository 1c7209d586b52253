// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/feature_store.h"
#include "core/util/result.h"

#include <QString>
#include <memory>

namespace kw {

/// \brief Writes FeatureStores and plain tables into a new GeoPackage, atomically.
///
/// Everything goes to a temporary file next to the target; commit() closes it and renames it over the
/// target (rename(2) replaces atomically), so readers never see a half-written file and a failed or
/// abandoned write leaves the old file as it was. Geometries are written in the store's CRS; a layer whose
/// features mix single and multi geometries is declared multi and its single geometries promoted.
class GeoPackageWriter
{
public:
    /// Starts a new GeoPackage that will replace \a path on commit(); an Output error names the path.
    static Result<std::unique_ptr<GeoPackageWriter>> create(const QString &path);
    ~GeoPackageWriter();
    GeoPackageWriter(const GeoPackageWriter &) = delete;
    GeoPackageWriter &operator=(const GeoPackageWriter &) = delete;

    /// Adds a layer with the store's geometries, CRS and attributes.
    Status addLayer(const FeatureStore &store, const QString &name);
    /// Adds a table without geometry (a GeoPackage "attributes" table).
    Status addTable(const AttributeTable &table, const QString &name);
    /// Closes the file and moves it to the target path.
    Status commit();

private:
    GeoPackageWriter();
    struct Impl;
    std::unique_ptr<Impl> d;
};

/// Writes \a store as the only layer \a layerName of a new GeoPackage at \a path (atomic, see
/// GeoPackageWriter).
Status writeGeoPackage(const FeatureStore &store, const QString &path, const QString &layerName);

} // namespace kw
