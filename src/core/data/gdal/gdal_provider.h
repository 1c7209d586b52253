// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/data_provider.h"

namespace kw {

/// \brief Everything GDAL/OGR opens: files, directories, connection strings, virtual file systems.
///
/// The only place (with gdal_raster.cpp) where OGR and GDAL types appear.
class GdalProvider final : public DataProvider
{
public:
    QString id() const override { return QStringLiteral("gdal"); }
    bool handles(const SourceUri &) const override { return true; }
    Result<SourceInfo> inspect(const SourceUri &uri) const override;
    Result<std::shared_ptr<FeatureStore>> loadVector(const SourceUri &uri, const QString &layerName,
                                                     const LoadOptions &options) const override;
    Result<std::optional<Envelope>> layerExtent(const SourceUri &uri, const QString &layerName,
                                                const Crs &targetCrs) const override;

private:
    // inspect() and layerExtent() answer from a memo of unchanged local files (see gdal_provider.cpp).
    Result<SourceInfo> inspectUncached(const SourceUri &uri) const;
    Result<std::optional<Envelope>> layerExtentUncached(const SourceUri &uri, const QString &layerName,
                                                        const Crs &targetCrs) const;
};

namespace gdal {
/// Registers drivers and sets the process-wide options we rely on (no sidecar files next to user data).
void initialize();
/// File-dialog filters for every format the GDAL drivers read ("GeoPackage (*.gpkg)", …), sorted by name.
QStringList fileFilters();
/// Every file extension those drivers read (lower case, without dot).
QStringList fileExtensions();
/// GDAL's path for \a uri: xyz: URLs become a WMS driver description with a disk cache.
QString openPath(const SourceUri &uri);
} // namespace gdal

} // namespace kw
