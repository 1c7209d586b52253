// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/temporal/aggregation.h"

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace kw {

/// \brief Observations of one quantity at one site: times (ms since 1970 UTC) and values in two sorted
/// arrays.
///
/// Built for animation: a window [begin, end) is found with two binary searches, so rebuilding a map for
/// a new time costs O(log n + k) per series, not a scan. Only observations are stored; a gap in the data
/// is simply the absence of entries and nothing is ever interpolated.
class TimeSeries
{
public:
    void reserve(size_t n);
    /// Appends in any order; call sort() afterwards if the times were not ascending.
    void append(int64_t time, double value);
    /// Sorts by time, keeping the order of equal times (stable). Cheap when already sorted.
    void sort();
    /// Drops observations outside [begin, end).
    void clip(int64_t begin, int64_t end);

    size_t size() const { return m_times.size(); }
    bool isEmpty() const { return m_times.empty(); }
    std::span<const int64_t> times() const { return m_times; }
    std::span<const double> values() const { return m_values; }
    int64_t firstTime() const { return m_times.front(); }
    int64_t lastTime() const { return m_times.back(); }

    /// Indices [first, last) of the observations with begin <= time < end.
    std::pair<size_t, size_t> indexRange(int64_t begin, int64_t end) const;
    /// Aggregate of the observations with begin <= time < end (NaN when none, Count: 0).
    double aggregate(int64_t begin, int64_t end, Aggregation a) const;
    /// The latest observation in (t - \a tolerance, t] (exactly at \a t for a tolerance of 0); NaN when none.
    double valueAt(int64_t t, int64_t tolerance) const;

private:
    std::vector<int64_t> m_times;
    std::vector<double> m_values;
};

} // namespace kw
