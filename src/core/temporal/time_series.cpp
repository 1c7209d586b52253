// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/temporal/time_series.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace kw {

void TimeSeries::reserve(size_t n)
{
    m_times.reserve(n);
    m_values.reserve(n);
}

void TimeSeries::append(int64_t time, double value)
{
    m_times.push_back(time);
    m_values.push_back(value);
}

void TimeSeries::sort()
{
    if (std::is_sorted(m_times.begin(), m_times.end())) return;
    std::vector<size_t> order(m_times.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [this](size_t a, size_t b) { return m_times[a] < m_times[b]; });
    std::vector<int64_t> t(order.size());
    std::vector<double> v(order.size());
    for (size_t i = 0; i < order.size(); ++i) {
        t[i] = m_times[order[i]];
        v[i] = m_values[order[i]];
    }
    m_times = std::move(t);
    m_values = std::move(v);
}

void TimeSeries::clip(int64_t begin, int64_t end)
{
    const auto [a, b] = indexRange(begin, end);
    m_times = std::vector<int64_t>(m_times.begin() + std::ptrdiff_t(a), m_times.begin() + std::ptrdiff_t(b));
    m_values =
        std::vector<double>(m_values.begin() + std::ptrdiff_t(a), m_values.begin() + std::ptrdiff_t(b));
}

std::pair<size_t, size_t> TimeSeries::indexRange(int64_t begin, int64_t end) const
{
    if (end <= begin) return {0, 0};
    const auto a = std::lower_bound(m_times.begin(), m_times.end(), begin);
    const auto b = std::lower_bound(a, m_times.end(), end);
    return {size_t(a - m_times.begin()), size_t(b - m_times.begin())};
}

double TimeSeries::aggregate(int64_t begin, int64_t end, Aggregation a) const
{
    const auto [i, j] = indexRange(begin, end);
    return kw::aggregate(std::span<const double>(m_values.data() + i, j - i), a);
}

double TimeSeries::valueAt(int64_t t, int64_t tolerance) const
{
    const auto it = std::upper_bound(m_times.begin(), m_times.end(), t);
    if (it == m_times.begin()) return std::numeric_limits<double>::quiet_NaN();
    const size_t i = size_t(it - m_times.begin()) - 1;
    if (tolerance <= 0 ? m_times[i] != t : m_times[i] <= t - tolerance)
        return std::numeric_limits<double>::quiet_NaN();
    return m_values[i];
}

} // namespace kw
