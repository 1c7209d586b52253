// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace kw {

/// \brief A data source reference as users type it: a path or GDAL connection string plus options.
///
/// Syntax (the QGIS convention, so planners can paste what they know): `PATH[|layername=NAME][|crs=CRS]`.
/// Besides anything GDAL opens (`PG:…`, `/vsizip/…`, `WFS:…`, `WMS:…`), `xyz:URL-with-{z}/{x}/{y}` names a
/// tile service read through GDAL's WMS driver with a disk cache.
struct SourceUri
{
    QString path;      ///< what GDAL (or the CSV reader) opens
    QString layerName; ///< empty: every layer
    QString crs;       ///< overrides the data's CRS when set

    static SourceUri parse(const QString &text);
    QString toString() const;
    bool isXyz() const { return path.startsWith(QLatin1String("xyz:"), Qt::CaseInsensitive); }
    /// True for a plain local file or directory (not a connection string or virtual path).
    bool isLocalPath() const;
};

} // namespace kw
