// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/style/classification.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace kw {

// The methods follow R's classInt 0.4 (classIntervals) so that a map made here can be checked against, and
// reproduced by, the reference implementation most cartographers know; tests compare with its output.

QString classificationMethodName(ClassificationMethod method)
{
    switch (method) {
    case ClassificationMethod::EqualInterval:
        return QStringLiteral("equal");
    case ClassificationMethod::Quantile:
        return QStringLiteral("quantile");
    case ClassificationMethod::NaturalBreaks:
        return QStringLiteral("jenks");
    case ClassificationMethod::Pretty:
        return QStringLiteral("pretty");
    case ClassificationMethod::StdDev:
        return QStringLiteral("stddev");
    case ClassificationMethod::Manual:
        return QStringLiteral("manual");
    }
    return {};
}

std::optional<ClassificationMethod> classificationMethodFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("equal") || n == QLatin1String("equalinterval"))
        return ClassificationMethod::EqualInterval;
    if (n == QLatin1String("quantile")) return ClassificationMethod::Quantile;
    if (n == QLatin1String("jenks") || n == QLatin1String("fisher") || n == QLatin1String("natural"))
        return ClassificationMethod::NaturalBreaks;
    if (n == QLatin1String("pretty")) return ClassificationMethod::Pretty;
    if (n == QLatin1String("stddev") || n == QLatin1String("sd")) return ClassificationMethod::StdDev;
    if (n == QLatin1String("manual") || n == QLatin1String("fixed")) return ClassificationMethod::Manual;
    return std::nullopt;
}

namespace {

constexpr int kMaxClasses = 256;

// ---- R's pretty() ---------------------------------------------------------------------------------

/// Port of R_pretty() (R 4.2, src/appl/pretty.c) with pretty.default()'s arguments: n, min.n = n %/% 3,
/// shrink.sml = 0.75, high.u.bias = 1.5, u5.bias = 0.5 + 1.5 * 1.5, f.min = 2^-20, eps.correct = 0,
/// bounds = TRUE. Returns the unit; \a lo, \a up become the covering bounds and \a ndiv the interval count.
double rPretty(double &lo, double &up, int &ndiv, int minN)
{
    constexpr double roundingEps = 1e-10;
    constexpr double h = 1.5;
    constexpr double h5 = 0.5 + 1.5 * h;
    constexpr double shrinkSml = 0.75;
    const double fMin = std::ldexp(1.0, -20);
    constexpr double maxF = 1.25;

    const double dx = up - lo;
    double cell;
    bool iSmall;
    if (dx == 0 && up == 0) {
        cell = 1;
        iSmall = true;
    } else {
        cell = std::max(std::fabs(lo), std::fabs(up));
        double u = 1 + ((h5 >= 1.5 * h + .5) ? 1 / (1 + h) : 1.5 / (1 + h5));
        u *= std::max(1, ndiv) * DBL_EPSILON;
        iSmall = dx < cell * u * 3;
    }
    if (iSmall) {
        if (cell > 10) cell = 9 + cell / 10;
        cell *= shrinkSml;
        if (minN > 1) cell /= minN;
    } else {
        cell = dx;
        if (ndiv > 1) cell /= ndiv;
    }
    double subsmall = fMin * DBL_MIN;
    if (subsmall == 0.) subsmall = DBL_MIN;
    if (cell < subsmall)
        cell = subsmall;
    else if (cell > DBL_MAX / maxF)
        cell = DBL_MAX / maxF;

    const double base = std::pow(10.0, std::floor(std::log10(cell)));
    // The unit is 1, 2, 5 or 10 times base, biased towards the larger one (h, h5 > 1).
    double unit = base, ns, nu;
    if ((ns = 2 * base) - cell < h * (cell - unit)) {
        unit = ns;
        if ((ns = 5 * base) - cell < h5 * (cell - unit)) {
            unit = ns;
            if ((ns = 10 * base) - cell < h * (cell - unit)) unit = ns;
        }
    }
    ns = std::floor(lo / unit + roundingEps);
    nu = std::ceil(up / unit - roundingEps);
    while (ns * unit > lo + roundingEps * unit)
        ns--;
    while (!std::isfinite(ns * unit))
        ns++;
    while (nu * unit < up - roundingEps * unit)
        nu++;
    while (!std::isfinite(nu * unit))
        nu--;

    int k = int(0.5 + nu - ns);
    if (k < minN) {
        k = minN - k;
        if (ns >= 0.) {
            nu += k / 2;
            ns -= k / 2 + k % 2;
        } else {
            ns -= k / 2;
            nu += k / 2 + k % 2;
        }
        ndiv = minN;
    } else {
        ndiv = k;
    }
    // R keeps the data bound where the round number lies inside it by less than the rounding tolerance.
    if (ns * unit < lo) lo = ns * unit;
    if (nu * unit > up) up = nu * unit;
    return unit;
}

/// R 4.2's seq.int(from, to, length.out = n): from + i * by, with the last value exactly \a to.
std::vector<double> rSeq(double from, double to, int n)
{
    std::vector<double> s(static_cast<size_t>(std::max(n, 0)));
    if (n > 0) s[0] = from;
    if (n > 1) s[size_t(n - 1)] = to;
    if (n > 2) {
        const double by = (to - from) / double(n - 1);
        for (int i = 1; i < n - 1; ++i)
            s[size_t(i)] = from + double(i) * by;
    }
    return s;
}

// ---- statistics as R computes them ----------------------------------------------------------------

/// R's mean(): a long double sum, then one refinement pass.
double rMean(const std::vector<double> &v)
{
    long double s = 0;
    for (double x : v)
        s += x;
    s /= (long double)v.size();
    if (std::isfinite(double(s))) {
        long double t = 0;
        for (double x : v)
            t += x - s;
        s += t / (long double)v.size();
    }
    return double(s);
}

/// What R's scale() uses: colMeans() (long double sum / n) as centre and sqrt(sum(d^2) / (n - 1)).
std::pair<double, double> rScaleCentreAndSd(const std::vector<double> &v)
{
    long double s = 0;
    for (double x : v)
        s += x;
    const double centre = double(s / (long double)v.size());
    long double ss = 0;
    for (double x : v) {
        const double d = x - centre;
        ss += (long double)(d * d);
    }
    const double sd = std::sqrt(double(ss) / double(std::max<size_t>(1, v.size() - 1)));
    return {centre, sd};
}

/// R's quantile(x, p, type = 7) on sorted \a x.
double rQuantile7(const std::vector<double> &x, double p)
{
    const double index = 1 + double(x.size() - 1) * p;
    const double lo = std::floor(index), hi = std::ceil(index);
    double q = x[size_t(lo) - 1];
    const double xhi = x[size_t(hi) - 1];
    if (index > lo && xhi != q) {
        const double h = index - lo;
        q = (1 - h) * q + h * xhi;
    }
    return q;
}

// ---- the methods ------------------------------------------------------------------------------------

std::vector<double> equalBreaks(double lo, double hi, int n)
{
    // As R's seq(lo, hi, length.out = n + 1): lo + i * (hi - lo) / n, both ends exact.
    std::vector<double> b{lo};
    const double step = (hi - lo) / double(n);
    for (int i = 1; i < n; ++i)
        b.push_back(lo + double(i) * step);
    b.push_back(hi);
    return b;
}

std::vector<double> quantileBreaks(const std::vector<double> &sorted, int n)
{
    // R's probabilities come from seq(0, 1, 1/n), i.e. i * (1/n) (not i / n), capped at 1.
    const double by = 1.0 / double(n);
    std::vector<double> b;
    for (int i = 0; i <= n; ++i)
        b.push_back(rQuantile7(sorted, std::min(1.0, double(i) * by)));
    return b;
}

/// One class per distinct value, bounds half-way between them and half the mean gap beyond the ends: what
/// classInt does when n is at least the number of distinct values.
std::vector<double> uniqueBreaks(const std::vector<double> &distinct)
{
    const size_t k = distinct.size();
    const double meanGap = (distinct.back() - distinct.front()) / double(k - 1);
    std::vector<double> b{distinct.front() - meanGap / 2};
    for (size_t i = 0; i + 1 < k; ++i)
        b.push_back(distinct[i] + (distinct[i + 1] - distinct[i]) / 2);
    b.push_back(distinct.back() + meanGap / 2);
    return b;
}

/// Fisher's exact optimal partition (Fisher 1958; Hartigan 1975, as classInt's "fisher" and "jenks") of the
/// sorted distinct \a values with multiplicities \a weights into \a k classes minimising the within-class sum
/// of squared deviations. O(k n^2) time, O(k n) memory. Returns the index of the first value of each class.
///
/// Distinct values with weights rather than raw values, so that equal values can never be split between two
/// classes (the class maxima are then valid bounds under the right-closed rule). Ties in cost go to the
/// largest last class, as in classInt (its loops compare with >=), which makes the two agree on ties.
std::vector<size_t> fisherJenks(const std::vector<double> &values, const std::vector<double> &weights, int k)
{
    const size_t n = values.size();
    // Shifting by a middle value keeps the running sums of squares small (less cancellation).
    const double shift = values[n / 2];
    constexpr double inf = std::numeric_limits<double>::infinity();
    std::vector<double> cost(size_t(k) * n, inf);  // cost[j * n + m]: best for values 0..m in j+1 classes
    std::vector<uint32_t> first(size_t(k) * n, 0); // first value of the last class of that optimum
    std::vector<double> best(static_cast<size_t>(k));
    std::vector<uint32_t> bestFirst(static_cast<size_t>(k));
    for (size_t m = 0; m < n; ++m) {
        std::fill(best.begin(), best.end(), inf);
        std::fill(bestFirst.begin(), bestFirst.end(), 0);
        double w = 0, s = 0, ss = 0, ssd = 0;
        for (size_t il = m + 1; il-- > 0;) {
            const double x = values[il] - shift;
            w += weights[il];
            s += weights[il] * x;
            ss += weights[il] * x * x;
            ssd = std::max(0.0, ss - s * s / w);
            if (il == 0) break;
            for (int j = 1; j < k; ++j) {
                const double c = ssd + cost[size_t(j - 1) * n + il - 1];
                if (best[size_t(j)] >= c) {
                    best[size_t(j)] = c;
                    bestFirst[size_t(j)] = uint32_t(il);
                }
            }
        }
        best[0] = ssd;
        bestFirst[0] = 0;
        for (int j = 0; j < k; ++j) {
            cost[size_t(j) * n + m] = best[size_t(j)];
            first[size_t(j) * n + m] = bestFirst[size_t(j)];
        }
    }
    std::vector<size_t> starts(static_cast<size_t>(k));
    size_t end = n - 1;
    for (int j = k - 1; j >= 0; --j) {
        starts[size_t(j)] = first[size_t(j) * n + end];
        if (j > 0) end = starts[size_t(j)] - 1;
    }
    return starts;
}

void distinctWithCounts(const std::vector<double> &sorted, std::vector<double> &values,
                        std::vector<double> &weights)
{
    values.clear();
    weights.clear();
    for (double x : sorted) {
        if (!values.empty() && values.back() == x) {
            weights.back() += 1;
        } else {
            values.push_back(x);
            weights.push_back(1);
        }
    }
}

std::vector<double> naturalBreaks(const std::vector<double> &sorted, const std::vector<double> &distinct,
                                  int n, const ClassifyOptions &options, QString &note)
{
    std::vector<double> values, weights;
    if (distinct.size() <= options.jenksMaxValues) {
        distinctWithCounts(sorted, values, weights);
    } else {
        // A sample of the sorted values (so the result does not depend on the input order) drawn by a partial
        // Fisher-Yates shuffle. mt19937_64's output is fixed by the C++ standard, but the distributions are
        // not, hence the plain modulo (its bias is below 1e-14 for any realistic size).
        std::mt19937_64 rng(options.jenksSeed);
        std::vector<size_t> index(sorted.size());
        std::iota(index.begin(), index.end(), size_t(0));
        const size_t take = std::min(options.jenksMaxValues, sorted.size());
        for (size_t i = 0; i < take; ++i)
            std::swap(index[i], index[i + size_t(rng() % uint64_t(sorted.size() - i))]);
        std::vector<double> sample{sorted.front(), sorted.back()}; // the extremes always take part
        for (size_t i = 0; i < take; ++i)
            sample.push_back(sorted[index[i]]);
        std::sort(sample.begin(), sample.end());
        distinctWithCounts(sample, values, weights);
        note = QStringLiteral("natural breaks computed on a sample of %1 of %2 values (seed %3)")
                   .arg(take)
                   .arg(sorted.size())
                   .arg(options.jenksSeed);
    }
    const int k = std::min<int>(n, int(values.size()));
    const std::vector<size_t> starts = fisherJenks(values, weights, k);
    // Bounds are the class maxima, data values a legend can show (as classInt's "jenks", QGIS and ArcGIS).
    std::vector<double> b{values.front()};
    for (int j = 1; j < k; ++j)
        b.push_back(values[starts[size_t(j)] - 1]);
    b.push_back(values.back());
    return b;
}

} // namespace

std::vector<double> prettyBreaks(double lo, double hi, int n)
{
    if (!std::isfinite(lo) || !std::isfinite(hi) || n < 0) return {};
    if (lo > hi) std::swap(lo, hi);
    int ndiv = n;
    rPretty(lo, hi, ndiv, n / 3);
    std::vector<double> s = rSeq(lo, hi, ndiv + 1);
    if (ndiv > 0) {
        // pretty.default() zaps values that are 0 but for seq() rounding.
        const double delta = (hi - lo) / ndiv;
        for (double &v : s)
            if (std::fabs(v) < 1e-14 * delta) v = 0;
    }
    return s;
}

int classIndex(const Classification &c, double value)
{
    if (c.breaks.size() < 2 || std::isnan(value) || value < c.breaks.front() || value > c.breaks.back())
        return -1;
    // The first upper bound >= value: (b[i], b[i+1]] is class i, and b[0] itself belongs to class 0.
    const auto it = std::lower_bound(c.breaks.begin() + 1, c.breaks.end(), value);
    return int(it - (c.breaks.begin() + 1));
}

Result<Classification> classify(std::span<const double> input, ClassificationMethod method, int classes,
                                const ClassifyOptions &options)
{
    Classification c;
    c.method = method;
    std::vector<double> sorted;
    sorted.reserve(input.size());
    for (double v : input) {
        if (std::isfinite(v))
            sorted.push_back(v);
        else
            ++c.nullCount;
    }
    if (sorted.empty())
        return Error::usage(
            QStringLiteral("nothing to classify: no finite value among %1").arg(input.size()));
    if (method != ClassificationMethod::Manual && (classes < 1 || classes > kMaxClasses))
        return Error::usage(
            QStringLiteral("number of classes must be 1 to %1, not %2").arg(kMaxClasses).arg(classes));
    std::sort(sorted.begin(), sorted.end());
    c.valueCount = sorted.size();
    c.mean = rMean(sorted);
    c.stddev = sorted.size() > 1 ? rScaleCentreAndSd(sorted).second : 0.0;
    std::vector<double> distinct;
    std::unique_copy(sorted.begin(), sorted.end(), std::back_inserter(distinct));
    const double lo = sorted.front(), hi = sorted.back();

    if (method == ClassificationMethod::Manual) {
        const std::vector<double> &b = options.breaks;
        if (b.size() < 2)
            return Error::usage(
                QStringLiteral("manual classification needs at least two breaks, got %1").arg(b.size()));
        for (size_t i = 0; i < b.size(); ++i) {
            if (!std::isfinite(b[i]))
                return Error::usage(QStringLiteral("manual break %1 is not a finite number").arg(i + 1));
            if (i > 0 && !(b[i] > b[i - 1]))
                return Error::usage(QStringLiteral("manual breaks must be strictly ascending: %1 follows %2")
                                        .arg(b[i], 0, 'g', 15)
                                        .arg(b[i - 1], 0, 'g', 15));
        }
        if (b.size() - 1 > size_t(kMaxClasses))
            return Error::usage(QStringLiteral("at most %1 classes").arg(kMaxClasses));
        c.breaks = b;
    } else if (distinct.size() == 1) {
        // Nothing to divide: one class holding the single value (classInt refuses; a map can still show it).
        c.breaks = {lo, hi};
        if (classes > 1) c.note = QStringLiteral("all values are equal: one class");
    } else if ((method == ClassificationMethod::Quantile || method == ClassificationMethod::NaturalBreaks) &&
               size_t(classes) >= distinct.size()) {
        c.breaks = uniqueBreaks(distinct);
        c.note = QStringLiteral("%1 distinct values for %2 classes: one class per value")
                     .arg(distinct.size())
                     .arg(classes);
    } else {
        switch (method) {
        case ClassificationMethod::EqualInterval:
            c.breaks = equalBreaks(lo, hi, classes);
            break;
        case ClassificationMethod::Quantile:
            c.breaks = quantileBreaks(sorted, classes);
            break;
        case ClassificationMethod::NaturalBreaks: {
            if (options.jenksMaxValues < size_t(classes))
                return Error::usage(
                    QStringLiteral("jenksMaxValues (%1) is smaller than the number of classes")
                        .arg(options.jenksMaxValues));
            c.breaks = naturalBreaks(sorted, distinct, classes, options, c.note);
            break;
        }
        case ClassificationMethod::Pretty:
            c.breaks = prettyBreaks(lo, hi, classes);
            break;
        case ClassificationMethod::StdDev: {
            const auto [centre, sd] = rScaleCentreAndSd(sorted);
            if (options.stdDevInterval > 0) {
                const double step = options.stdDevInterval * sd;
                double kLo = std::floor((lo - centre) / step), kHi = std::ceil((hi - centre) / step);
                // The division may round the other way than the products below: make sure lo and hi are
                // inside.
                while (centre + kLo * step > lo)
                    kLo -= 1;
                while (centre + kHi * step < hi)
                    kHi += 1;
                if (kHi - kLo > kMaxClasses)
                    return Error::usage(
                        QStringLiteral("a standard deviation interval of %1 gives more than %2 classes")
                            .arg(options.stdDevInterval)
                            .arg(kMaxClasses));
                for (double k = kLo; k <= kHi; k += 1)
                    c.breaks.push_back(centre + k * step);
            } else {
                // classInt's "sd": pretty() on the z-scores, mapped back (the mean is a bound when 0 is).
                std::vector<double> z = prettyBreaks((lo - centre) / sd, (hi - centre) / sd, classes);
                for (double v : z)
                    c.breaks.push_back(v * sd + centre);
            }
            break;
        }
        case ClassificationMethod::Manual:
            break;
        }
    }

    c.counts.assign(c.breaks.size() - 1, 0);
    for (double v : sorted) {
        const int i = classIndex(c, v);
        if (i < 0)
            ++c.outside;
        else
            ++c.counts[size_t(i)];
    }
    return c;
}

} // namespace kw
