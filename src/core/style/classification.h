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
    /// StdDev: 0 reproduces classInt's "sd" style (R's pretty() on z-scores, `classes` as its n); a positive
    /// value puts breaks at mean + k * stdDevInterval * sd for every integer k needed to cover the data.
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

/// Classifies \a values (NaN = null, ignored) into about \a classes classes with \a method.
///
/// Non-finite values (NaN, the null of AttributeTable::number(), and infinities) are ignored and counted in
/// nullCount. Usage errors: no finite value, classes < 1 or > 256, bad manual breaks. All values
/// equal give one class [v, v]. For Quantile and NaturalBreaks, asking for at least as many classes as
/// there are distinct values gives one class per value with bounds half-way between them (classInt does so).
Result<Classification> classify(std::span<const double> values, ClassificationMethod method, int classes,
                                const ClassifyOptions &options = {});

/// The class of \a value under the closure rule of Classification; -1 when NaN or outside the bounds.
int classIndex(const Classification &classification, double value);

/// R's pretty(c(lo, hi), n): about n + 1 equally spaced round numbers (1, 2 or 5 times a power of 10)
/// covering [lo, hi]. Exposed for legends and axes.
std::vector<double> prettyBreaks(double lo, double hi, int n);

} // namespace kw
