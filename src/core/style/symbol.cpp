// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/style/symbol.h"

namespace kw {

Symbol Symbol::defaultFor(GeometryFamily family, int index)
{
    // Muted, distinguishable colours (close to a qualitative ColorBrewer set) that read well on white.
    static const QColor palette[] = {QColor(141, 160, 203), QColor(252, 141, 98), QColor(102, 194, 165),
                                     QColor(231, 138, 195), QColor(166, 216, 84), QColor(255, 217, 47),
                                     QColor(229, 196, 148), QColor(179, 179, 179)};
    const QColor base = palette[size_t(index) % std::size(palette)];
    Symbol s;
    switch (family) {
    case GeometryFamily::Point:
        s.fillColor = base.darker(130);
        s.strokeColor = QColor(35, 35, 35);
        s.strokeWidth = 0.2;
        s.markerSize = 2.0;
        break;
    case GeometryFamily::Line:
        s.strokeColor = base.darker(150);
        s.strokeWidth = 0.4;
        break;
    default:
        s.fillColor = base;
        s.strokeColor = base.darker(160);
        s.strokeWidth = 0.2;
        break;
    }
    return s;
}

QString Symbol::shapeName(MarkerShape s)
{
    switch (s) {
    case MarkerShape::Circle: return QStringLiteral("circle");
    case MarkerShape::Square: return QStringLiteral("square");
    case MarkerShape::Triangle: return QStringLiteral("triangle");
    case MarkerShape::Diamond: return QStringLiteral("diamond");
    case MarkerShape::Cross: return QStringLiteral("cross");
    case MarkerShape::Star: return QStringLiteral("star");
    case MarkerShape::Svg: return QStringLiteral("svg");
    }
    return QStringLiteral("circle");
}

MarkerShape Symbol::shapeFromName(const QString &name, bool *ok)
{
    for (MarkerShape s : {MarkerShape::Circle, MarkerShape::Square, MarkerShape::Triangle, MarkerShape::Diamond,
                          MarkerShape::Cross, MarkerShape::Star, MarkerShape::Svg}) {
        if (shapeName(s) == name.toLower()) {
            if (ok)
                *ok = true;
            return s;
        }
    }
    if (ok)
        *ok = false;
    return MarkerShape::Circle;
}

QString Symbol::unitName(SizeUnit u)
{
    switch (u) {
    case SizeUnit::Millimeters: return QStringLiteral("mm");
    case SizeUnit::Pixels: return QStringLiteral("px");
    case SizeUnit::Points: return QStringLiteral("pt");
    case SizeUnit::MapUnits: return QStringLiteral("map");
    }
    return QStringLiteral("mm");
}

SizeUnit Symbol::unitFromName(const QString &name, bool *ok)
{
    for (SizeUnit u : {SizeUnit::Millimeters, SizeUnit::Pixels, SizeUnit::Points, SizeUnit::MapUnits}) {
        if (unitName(u) == name.toLower()) {
            if (ok)
                *ok = true;
            return u;
        }
    }
    if (ok)
        *ok = false;
    return SizeUnit::Millimeters;
}

double toPixels(double value, SizeUnit unit, double dpi, double mapUnitsPerPixel)
{
    switch (unit) {
    case SizeUnit::Millimeters: return value * dpi / 25.4;
    case SizeUnit::Pixels: return value;
    case SizeUnit::Points: return value * dpi / 72.0;
    case SizeUnit::MapUnits: return mapUnitsPerPixel > 0 ? value / mapUnitsPerPixel : value;
    }
    return value;
}

} // namespace kw
