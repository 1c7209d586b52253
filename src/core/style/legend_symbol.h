// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/style/legend_entry.h"

#include <QPainter>
#include <QRectF>
#include <QSizeF>

namespace kw {

/// Draws the swatch of a legend entry into \a rect (device pixels at \a dpi): a filled box for polygons,
/// a line for lines, the marker for points, a gradient bar for ramps. The print legend and the app's
/// layer tree both draw swatches with this function, so they always agree.
///
/// Sizes in mm, points and pixels keep their printed size (a 0.5 mm road is 0.5 mm in the legend); sizes
/// in map units have no size on paper and are drawn as a medium line or marker. Strokes wider than a
/// third of the swatch and markers bigger than it are shrunk to fit, except for proportional symbols
/// whose size is their meaning (see legendSymbolSize()).
void drawLegendSymbol(QPainter &painter, const LegendEntry &entry, const QRectF &rect, double dpi = 96.0);

/// The swatch size an entry needs at \a dpi: \a base (the legend's swatch size), grown for markers
/// that are bigger than it (proportional symbols), in device pixels.
QSizeF legendSymbolSize(const LegendEntry &entry, const QSizeF &base, double dpi = 96.0);

} // namespace kw
