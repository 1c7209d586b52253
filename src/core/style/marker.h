// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/style/symbol.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>

namespace kw {

/// The outline of a marker shape of diameter \a size centred on the origin (not for MarkerShape::Svg).
QPainterPath markerPath(MarkerShape shape, double size);

/// Draws one marker centred at \a center with sizes already in device pixels.
void drawMarker(QPainter &painter, const Symbol &symbol, const QPointF &center, double sizePx, double strokePx);

/// A marker pre-rendered to an image (premultiplied ARGB, with a one-pixel margin), for fast raster drawing.
QImage markerImage(const Symbol &symbol, double sizePx, double strokePx);

} // namespace kw
