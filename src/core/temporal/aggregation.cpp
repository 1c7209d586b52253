// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/temporal/aggregation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace kw {

QString aggregationName(Aggregation a)
{
    switch (a) {
    case Aggregation::Mean:
        return QStringLiteral("mean");
    case Aggregation::Min:
        return QStringLiteral("min");
    case Aggregation::Max:
        return QStringLiteral("max");
    case Aggregation::Sum:
        return QStringLiteral("sum");
    case Aggregation::Count:
        return QStringLiteral("count");
    case Aggregation::Last:
        return QStringLiteral("last");
    case Aggregation::First:
        return QStringLiteral("first");
    case Aggregation::Median:
        return QStringLiteral("median");
    }
    return QStringLiteral("mean");
}

QStringList aggregationNames()
{
    return {QStringLiteral("mean"),  QStringLiteral("min"),   QStringLiteral("max"),
            QStringLiteral("sum"),   QStringLiteral("count"), QStringLiteral("last"),
            QStringLiteral("first"), QStringLiteral("median")};
}

std::optional<Aggregation> aggregationFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    for (Aggregation a : {Aggregation::Mean, Aggregation::Min, Aggregation::Max, Aggregation::Sum,
                          Aggregation::Count, Aggregation::Last, Aggregation::First, Aggregation::Median})
        if (aggregationName(a) == n) return a;
    if (n == QLatin1String("avg") || n == QLatin1String("average")) return Aggregation::Mean;
    return std::nullopt;
}

double aggregate(std::span<const double> values, Aggregation a)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    size_t n = 0;
    double sum = 0, lo = std::numeric_limits<double>::infinity(), hi = -lo;
    double first = nan, last = nan;
    for (double v : values) {
        if (std::isnan(v)) continue;
        if (n == 0) first = v;
        last = v;
        ++n;
        sum += v;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    if (a == Aggregation::Count) return double(n);
    if (n == 0) return nan;
    switch (a) {
    case Aggregation::Mean:
        return sum / double(n);
    case Aggregation::Min:
        return lo;
    case Aggregation::Max:
        return hi;
    case Aggregation::Sum:
        return sum;
    case Aggregation::Last:
        return last;
    case Aggregation::First:
        return first;
    case Aggregation::Median: {
        std::vector<double> v;
        v.reserve(n);
        for (double x : values)
            if (!std::isnan(x)) v.push_back(x);
        const size_t mid = v.size() / 2;
        std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(mid), v.end());
        if (v.size() % 2) return v[mid];
        const double upper = v[mid];
        const double lower = *std::max_element(v.begin(), v.begin() + std::ptrdiff_t(mid));
        return (lower + upper) / 2;
    }
    case Aggregation::Count:
        break;
    }
    return nan;
}

} // namespace kw
