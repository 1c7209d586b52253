// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sensors/sensor_source.h"

namespace kw {

/// \brief Sensor data from tables: a Kartenwerk sensor cache, a long table joined to sites, or a wide table.
///
/// Anything DataProviders reads (CSV with German conventions, GeoPackage, Shapefile, …) in one of three
/// shapes:
/// - **sensor cache** (SensorCache): a GeoPackage with the tables sites, series, observations.
/// - **long format** (one row per observation), when SensorQuery::sites names the site layer: columns for
///   the site id, the time and the value, optionally the observed property and the unit, found by name
///   (id: sensor_id, site_id, station_id, station, messstelle, id; time: zeitpunkt, timestamp, time,
///   datetime, zeit, datum, phenomenon_time; value: wert, value, result, messwert; property: groesse,
///   größe, property, parameter, komponente, observed_property; unit: einheit, unit) or given in the
///   query. Without a property column all rows of a site form one series named after the value column.
///   Rows whose id has no site are counted in a warning.
/// - **wide format** (a column per property, coordinates on every row, as the sensor.community archive
///   writes: sensor_id;sensor_type;location;lat;lon;timestamp;P1;…): every numeric column that is not an
///   id or a coordinate and holds at least one value becomes a property; a site is a distinct id at the
///   position of its first row. Units of the archive's columns are known (P1, P2, P0: µg/m³; temperature:
///   °C; humidity: %; pressure: Pa).
/// Times come as the table provider reads them: ISO 8601 with an offset is respected; times without one
/// are UTC (what the CSV provider assumes and the sensor.community archive writes). Empty values are gaps:
/// they are left out, never filled.
class TableSensorSource final : public SensorSourceProvider
{
public:
    QString id() const override { return QStringLiteral("table"); }
    /// Everything that is not an http(s) URL.
    bool handles(const QString &source) const override;
    Result<SensorData> load(const QString &source, const SensorQuery &query) const override;
};

} // namespace kw
