// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <optional>

namespace kw {

/// \brief One ColorBrewer 2.0 colour scheme (Cynthia A. Brewer, Pennsylvania State University) with its
/// palettes.
struct BrewerScheme
{
    enum class Type { Sequential, Diverging, Qualitative };

    QString name; ///< as ColorBrewer spells it, e.g. "YlOrRd"
    Type type = Type::Sequential;
    /// RColorBrewer's brewer.pal.info$colorblind: safe for the common colour-vision deficiencies at every
    /// size.
    bool colorBlindSafe = false;
    int minClasses = 3;
    int maxClasses = 9;
    /// palettes[n - minClasses] is the published n-class palette.
    QList<QList<QColor>> palettes;

    /// The n-class palette; n is clamped to [minClasses, maxClasses] except that sequential and diverging
    /// schemes interpolate (in RGB, through the maxClasses palette) when n exceeds maxClasses. Empty for n
    /// < 1.
    QList<QColor> colors(int n) const;
};

/// Every ColorBrewer scheme: 18 sequential, then 9 diverging, then 8 qualitative, each group alphabetical.
const QList<BrewerScheme> &colorBrewerSchemes();

/// The scheme called \a name (case-insensitive), or nullopt.
std::optional<BrewerScheme> colorBrewerScheme(const QString &name);

/// BrewerScheme::colors() of the scheme \a scheme, reversed when \a inverted; empty for an unknown scheme.
QList<QColor> colorsFor(const QString &scheme, int n, bool inverted = false);

} // namespace kw
