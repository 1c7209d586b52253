// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry/geometry.h"
#include "core/style/symbol.h"

#include <QColor>
#include <QList>
#include <QString>

namespace kw {

/// \brief One line of a legend: a symbol (or a ramp) and its label. Renderers produce these, so the app's
/// layer tree and the print legend show the same thing.
struct LegendEntry
{
    enum class Kind { Symbol, Ramp, Header };
    Kind kind = Kind::Symbol;
    QString label;
    Symbol symbol;
    GeometryFamily family = GeometryFamily::Polygon; ///< how to draw the swatch
    QList<QColor> rampColors;                        ///< Kind::Ramp (heatmaps)
    bool operator==(const LegendEntry &) const = default;
};

} // namespace kw
