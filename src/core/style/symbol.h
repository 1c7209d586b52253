// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry/geometry.h"

#include <QColor>
#include <QList>
#include <QString>

namespace kw {

/// Units of a symbol dimension. Millimetres (at the output dpi) are what print maps are designed in.
enum class SizeUnit { Millimeters, Pixels, Points, MapUnits };

enum class MarkerShape { Circle, Square, Triangle, Diamond, Cross, Star, Svg };

/// \brief How one feature is drawn: marker, stroke and fill in a single copyable value.
///
/// Points use the marker fields, lines the stroke fields, polygons fill plus stroke (outline).
struct Symbol
{
    QColor fillColor = QColor(190, 207, 80);
    QColor strokeColor = QColor(35, 35, 35);
    double strokeWidth = 0.26;
    SizeUnit strokeUnit = SizeUnit::Millimeters;
    Qt::PenStyle strokeStyle = Qt::SolidLine;
    QList<qreal> dashPattern; ///< in stroke widths; used when non-empty
    Qt::PenCapStyle capStyle = Qt::RoundCap;
    Qt::PenJoinStyle joinStyle = Qt::RoundJoin;

    MarkerShape markerShape = MarkerShape::Circle;
    double markerSize = 2.0; ///< diameter
    SizeUnit markerUnit = SizeUnit::Millimeters;
    QString svgPath; ///< for MarkerShape::Svg

    double opacity = 1.0; ///< 0..1 for the whole symbol

    bool operator==(const Symbol &) const = default;

    /// A pleasant default for a layer of \a family; \a index varies the colour between layers.
    static Symbol defaultFor(GeometryFamily family, int index);

    static QString shapeName(MarkerShape s);
    static MarkerShape shapeFromName(const QString &name, bool *ok = nullptr);
    static QString unitName(SizeUnit u);
    static SizeUnit unitFromName(const QString &name, bool *ok = nullptr);
};

/// Converts a size in \a unit to device pixels at \a dpi (\a mapUnitsPerPixel for map units).
double toPixels(double value, SizeUnit unit, double dpi, double mapUnitsPerPixel);

} // namespace kw
