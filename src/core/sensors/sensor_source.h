// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/sensors/sensor_data.h"
#include "core/util/result.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace kw {

/// \brief How far a long load has come, for progress bars and CLI messages.
struct SensorProgress
{
    QString stage;     ///< e.g. "Observations of Datastream 'x' (3 of 40)"
    qint64 done = 0;   ///< items of this stage done
    qint64 total = -1; ///< -1 when unknown
};

/// \brief What to read from a sensor source: time window, properties, target CRS and source-specific options.
struct SensorQuery
{
    /// Observations with from <= time < to (either end open when unset).
    std::optional<int64_t> from;
    std::optional<int64_t> to;
    /// Observed properties to read (case-insensitive); empty: all.
    QStringList properties;
    /// CRS the sites are returned in; invalid: the source's own.
    Crs targetCrs;

    // ---- long-format tables (one row per observation) ------------------------------------------------
    /// The site layer (a SOURCE as the CLI takes it, "path[|layername=L]"), joined to rows by id.
    QString sites;
    /// Id field of the site layer (default: the observation table's id field name, then sensor_id, id).
    QString siteIdField;
    /// Columns of the observation table; empty: found by name (see TableSensorSource).
    QString idField, timeField, valueField, propertyField, unitField;

    // ---- web services ---------------------------------------------------------------------------------
    int timeoutMs = 30000; ///< per request
    int pageSize = 1000;   ///< $top
    int maxPages = 10000;  ///< per collection: the cap on following @iot.nextLink
    qint64 maxObservations = 20000000;
    /// Called now and then; returning false cancels the load.
    std::function<bool(const SensorProgress &)> progress;
};

/// \brief A kind of sensor source: tables (built in) or a web service (plugins, e.g. SensorThings).
///
/// Implementations return the data in the source's own CRS with all observations they were asked for;
/// SensorSources::load() then applies the property and time restriction once more and reprojects, so every
/// provider behaves the same.
class SensorSourceProvider
{
public:
    virtual ~SensorSourceProvider() = default;
    /// A short id, e.g. "table", "sensorthings".
    virtual QString id() const = 0;
    /// True when this provider reads \a source (a path, a SOURCE string or a URL).
    virtual bool handles(const QString &source) const = 0;
    virtual Result<SensorData> load(const QString &source, const SensorQuery &query) const = 0;
};

/// \brief The sensor source providers of this process: plugins first (in load order), the table reader last.
class SensorSources
{
public:
    static void add(std::shared_ptr<SensorSourceProvider> provider);
    /// The provider for \a source, or null when none handles it (e.g. a URL without the plugin).
    static std::shared_ptr<const SensorSourceProvider> forSource(const QString &source);
    /// Loads \a source, keeps only what \a query asks for and reprojects the sites to its target CRS.
    static Result<SensorData> load(const QString &source, const SensorQuery &query);
    static QStringList providerIds();
};

} // namespace kw
