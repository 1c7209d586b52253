// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QColor>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariantMap>
#include <cstdint>
#include <memory>
#include <vector>

namespace kw {

/// \brief One measured quantity over time: instants (UTC milliseconds) and values; NaN marks a gap.
struct ChartSeries
{
    QString name;               ///< legend text, e.g. "NO2 Pariser Straße"
    QString unit;               ///< e.g. "µg/m³"
    QColor color;               ///< invalid: the chart picks one
    std::vector<int64_t> times; ///< ascending, milliseconds since the epoch (UTC)
    std::vector<double> values; ///< same length as times

    bool isEmpty() const { return times.empty(); }
};

/// \brief Where a chart's series come from. The sensor module implements this and registers itself with
/// ChartSeriesSources; a layout chart item names its source by id and passes its parameters.
///
/// Called on the thread that renders the page: implementations must be thread-safe and must not touch
/// live project objects (take a snapshot when registering).
class ChartSeriesSource
{
public:
    virtual ~ChartSeriesSource() = default;
    virtual QString id() const = 0;
    /// The series for [start, end); an invalid bound means "unbounded". \a parameters come from the item
    /// (e.g. {"sensor": "LQ01", "quantity": "NO2"}); their meaning is the source's.
    virtual Result<QList<ChartSeries>> series(const QDateTime &start, const QDateTime &end,
                                             const QVariantMap &parameters) const = 0;
};

/// \brief The time-series sources known to this process.
class ChartSeriesSources
{
public:
    static void add(std::shared_ptr<const ChartSeriesSource> source);
    static void remove(const QString &id);
    static std::shared_ptr<const ChartSeriesSource> find(const QString &id);
    static QStringList ids();
};

} // namespace kw
