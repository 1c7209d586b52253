// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <span>

namespace kw {

/// How the values in a time window (or of the points in a polygon) become one number.
enum class Aggregation { Mean, Min, Max, Sum, Count, Last, First, Median };

/// "mean", "min", "max", "sum", "count", "last", "first", "median".
QString aggregationName(Aggregation a);
std::optional<Aggregation> aggregationFromName(const QString &name);
QStringList aggregationNames();

/// \brief Aggregates \a values (in time order, for first/last). NaN values are skipped.
///
/// With no values every aggregation but Count gives NaN ("no data", never 0: a gap stays a gap); Count
/// gives 0. Median of an even count is the mean of the two middle values.
double aggregate(std::span<const double> values, Aggregation a);

} // namespace kw
