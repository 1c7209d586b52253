// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QString>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace kw {

/// How class breaks of a graduated (choropleth) style are found.
enum class ClassificationMethod { EqualInterval, Quantile, NaturalBreaks, Pretty, StdDev, Manual };

/// The short name used in files and on the command line: "equal", "quantile", "jenks", "pretty", "stddev",
/// "manual".
QString classificationMethodName(ClassificationMethod method);
/// Inverse of classificationMethodName(), case-insensitive; also accepts "fisher" and "natural" for jenks and
/// "sd".
std::optional<ClassificationMethod> classificationMethodFromName(const QString &name);

/// \brief Parameters of classify() that only some methods use.
struct ClassifyOptions
{
    /// Manual: the class bounds, strictly ascending and finite (n classes need n + 1 bounds).
    std::vector<double> breaks;
    /// StdDev: 0 reproduces classInt's "sd" style exactly: z = (x - mean) / sd, bounds pretty(z, classes)
    /// mapped back by z * sd + mean (so the mean is a bound whenever 0 is, and steps are 1, 2 or 5 times a
    /// power of ten of sd). A positive value puts bounds at mean + k * stdDevInterval * sd for every integer
    /// k needed to cover the data (the mean is always a bound; `classes` is then ignored). sd is the sample
    /// standard deviation (n - 1).
    double stdDevInterval = 0.0;
    /// NaturalBreaks: the exact algorithm runs on at most this many distinct values; above it, on a sample.
    size_t jenksMaxValues = 10000;
    /// NaturalBreaks: seed of the std::mt19937_64 that draws the sample (fixed so that a style is
    /// reproducible).
    uint64_t jenksSeed = 20240601;
};

/// \brief Class bounds for a numeric attribute and how many values fall in each class.
///
/// n classes have n + 1 bounds. Class i covers (breaks[i], breaks[i+1]]; the first class also includes
/// breaks[0]. This is classInt's intervalClosure = "right" with include.lowest, and what classIndex() uses.
struct Classification
{
    ClassificationMethod method = ClassificationMethod::EqualInterval;
    std::vector<double> breaks;
    std::vector<size_t>
        counts;            ///< per class; values outside [breaks.front(), breaks.back()] are in `outside`
    double mean = 0.0;     ///< of the finite values
    double stddev = 0.0;   ///< sample standard deviation (n - 1 denominator, as R's sd())
    size_t valueCount = 0; ///< finite values classified
    size_t nullCount = 0;  ///< non-finite values (NaN = null) ignored
    size_t outside = 0;    ///< values outside the bounds (possible only with manual breaks)
    /// Why the result has fewer classes than asked for, or that Jenks ran on a sample; empty normally.
    QString note;

    int classCount() const { return breaks.size() < 2 ? 0 : int(breaks.size() - 1); }
};

/// Classifies \a values into about \a classes classes with \a method, as R's classInt 0.4 classIntervals():
///
/// - EqualInterval: min + i (max - min) / n (classInt "equal").
/// - Quantile: R's quantile() type 7 (the default of quantile() and of classInt "quantile") at the
///   probabilities i * (1/n); repeated quantiles of tied data give empty classes, as in R.
/// - NaturalBreaks: the exact Fisher-Jenks optimum (least within-class sum of squares; classInt "fisher"
///   gives the same classes). Inner bounds are class maxima, i.e. data values (classInt "jenks" and QGIS do
///   the same; classInt "fisher" reports midpoints between neighbouring classes instead). Above
///   ClassifyOptions::jenksMaxValues distinct values it runs on a sample of that many values, drawn with
///   ClassifyOptions::jenksSeed, plus the minimum and maximum, and says so in Classification::note.
/// - Pretty: prettyBreaks(min, max, n); the number of classes is approximate, as in R.
/// - StdDev: see ClassifyOptions::stdDevInterval.
/// - Manual: ClassifyOptions::breaks; \a classes is ignored.
///
/// Non-finite values (NaN, the null of AttributeTable::number(), and infinities) are ignored and counted in
/// nullCount. Usage errors: no finite value, classes < 1 or > 256 (except Manual), bad manual breaks. All
/// values equal give one class [v, v]. Quantile and NaturalBreaks with at least as many classes as distinct
/// values give one class per value with bounds half-way between them (classInt does so); EqualInterval,
/// Pretty and StdDev depend on the range only and keep their breaks (classInt would switch to that rule too).
Result<Classification> classify(std::span<const double> values, ClassificationMethod method, int classes,
                                const ClassifyOptions &options = {});

/// The class of \a value under the closure rule of Classification; -1 when NaN or outside the bounds.
int classIndex(const Classification &classification, double value);

/// R's pretty(c(lo, hi), n): about n + 1 equally spaced round numbers (1, 2 or 5 times a power of 10)
/// covering [lo, hi]. Exposed for legends and axes.
std::vector<double> prettyBreaks(double lo, double hi, int n);

} // namespace kw
