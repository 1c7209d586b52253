// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sensors/sensor_data.h"
#include "core/util/result.h"

#include <QMap>
#include <QString>

namespace kw {

/// \brief Sensor data in a local GeoPackage: what was fetched once, mapped offline and exported again.
///
/// Schema (format version 1; documented for other tools in plugins/sensorthings/README.md):
/// - `sites` (points in the data's CRS): site_id TEXT, name TEXT, kind TEXT
/// - `series` (no geometry): series_id TEXT, site_id TEXT, property TEXT, unit TEXT, observations INTEGER
/// - `observations` (no geometry): series_id TEXT, time DATETIME (UTC), time_ms INTEGER (ms since 1970
///   UTC, exact; what Kartenwerk reads), value REAL. Ordered by series, then time.
/// - `kartenwerk_sensor_cache` (no geometry): key TEXT, value TEXT — format, version, origin (URL or file),
///   from, to, properties, imported.
/// Written atomically (GeoPackageWriter): a failed import leaves an older cache untouched.
class SensorCache
{
public:
    static constexpr int formatVersion = 1;

    /// Writes \a data to \a path; \a metadata adds keys to kartenwerk_sensor_cache.
    static Status write(const SensorData &data, const QString &path,
                        const QMap<QString, QString> &metadata = {});
    /// Reads a cache written by write().
    static Result<SensorData> read(const QString &path);
    /// The metadata table of a cache.
    static Result<QMap<QString, QString>> metadata(const QString &path);
    /// True when \a path is a GeoPackage with the cache's tables.
    static bool isCache(const QString &path);
};

} // namespace kw
