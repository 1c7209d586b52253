// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/temporal/time_series.h"

#include <QString>
#include <QStringList>
#include <cmath>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace kw {

/// \brief Where a sensor stands: an opaque id, a name, a kind and a point.
struct SensorSite
{
    QString id; ///< opaque: SensorThings @iot.id (number or string) or a table's id, as text
    QString name;
    QString kind; ///< e.g. "luftqualitaet", "SDS011"
    double x = std::nan("");
    double y = std::nan("");
    bool hasPosition() const { return std::isfinite(x) && std::isfinite(y); }
};

/// \brief One observed property at one site (a SensorThings Datastream) with its observations.
struct SensorSeries
{
    QString id;       ///< opaque
    int site = -1;    ///< index into SensorData::sites()
    QString property; ///< observed property, e.g. "NO2"
    QString unit;     ///< unit symbol, e.g. "µg/m³"
    TimeSeries data;
};

/// \brief Sensor sites, their series and observations, as read from any sensor source.
///
/// Site coordinates are in crs(); times are milliseconds since 1970 UTC. Built once by a loader, then
/// shared read-only (std::shared_ptr<const SensorData>): layers, charts and the cache read the same arrays.
/// Access is deliberately plain — site → series → (time, value) arrays — so charts and layout items
/// need nothing else:
///
///     for (int s : data.seriesOfSite(site))
///         use(data.series()[s].property, data.series()[s].data.times(), data.series()[s].data.values());
class SensorData
{
public:
    const Crs &crs() const { return m_crs; }
    void setCrs(const Crs &crs) { m_crs = crs; }
    const std::vector<SensorSite> &sites() const { return m_sites; }
    std::vector<SensorSite> &sites() { return m_sites; }
    const std::vector<SensorSeries> &series() const { return m_series; }
    std::vector<SensorSeries> &series() { return m_series; }

    /// Adds a site; returns its index. Ids are expected to be unique.
    int addSite(SensorSite site);
    /// Adds a series; returns its index.
    int addSeries(SensorSeries series);

    /// Index of the site with \a id, or -1.
    int siteIndex(const QString &id) const;
    /// Indices of the series of site \a site.
    std::vector<int> seriesOfSite(int site) const;
    /// The first series of \a site observing \a property (case-insensitive), or -1.
    int findSeries(int site, const QString &property) const;
    /// Distinct observed properties, in order of first appearance.
    QStringList properties() const;
    /// The unit of \a property (of its first series), empty when unknown.
    QString unitOf(const QString &property) const;
    size_t observationCount() const;
    /// First and last observation time over all series (nullopt without observations).
    std::optional<std::pair<int64_t, int64_t>> timeExtent() const;

    /// Keeps only series of \a properties (case-insensitive; empty keeps all) and observations in
    /// [from, to); sites left without series are removed.
    void restrict(const QStringList &properties, std::optional<int64_t> from, std::optional<int64_t> to);
    /// Reprojects the site coordinates to \a target; an error names the CRSs.
    Status transform(const Crs &target);

    /// Where the data came from (URL or file) and problems met while reading it that did not stop it.
    QString origin() const { return m_origin; }
    void setOrigin(const QString &o) { m_origin = o; }
    QStringList &warnings() { return m_warnings; }
    const QStringList &warnings() const { return m_warnings; }

private:
    Crs m_crs;
    std::vector<SensorSite> m_sites;
    std::vector<SensorSeries> m_series;
    QString m_origin;
    QStringList m_warnings;
};

} // namespace kw
