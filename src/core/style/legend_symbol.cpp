// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/style/legend_symbol.h"

#include "core/style/marker.h"

#include <QLinearGradient>
#include <QPainterPath>
#include <algorithm>

namespace kw {

namespace {

/// A size in device pixels for the legend; map units have no paper size, so they get \a fallbackMm.
double legendPixels(double value, SizeUnit unit, double dpi, double fallbackMm)
{
    if (unit == SizeUnit::MapUnits) return fallbackMm * dpi / 25.4;
    return toPixels(value, unit, dpi, 1.0);
}

QColor withOpacity(QColor c, double opacity)
{
    if (opacity < 1.0) c.setAlphaF(c.alphaF() * float(opacity));
    return c;
}

QPen strokePen(const Symbol &s, double widthPx)
{
    QPen pen(withOpacity(s.strokeColor, s.opacity), widthPx, s.strokeStyle, s.capStyle, s.joinStyle);
    if (!s.dashPattern.isEmpty()) pen.setDashPattern(s.dashPattern);
    return pen;
}

} // namespace

QSizeF legendSymbolSize(const LegendEntry &entry, const QSizeF &base, double dpi)
{
    if (entry.kind != LegendEntry::Kind::Symbol || entry.family != GeometryFamily::Point) return base;
    const Symbol &s = entry.symbol;
    const double marker = legendPixels(s.markerSize, s.markerUnit, dpi, 3.0) +
                          legendPixels(s.strokeWidth, s.strokeUnit, dpi, 0.2);
    return {std::max(base.width(), marker), std::max(base.height(), marker)};
}

void drawLegendSymbol(QPainter &painter, const LegendEntry &entry, const QRectF &rect, double dpi)
{
    if (entry.kind == LegendEntry::Kind::Header || rect.isEmpty()) return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (entry.kind == LegendEntry::Kind::Ramp) {
        QLinearGradient gradient(rect.topLeft(), rect.topRight());
        const int n = int(entry.rampColors.size());
        for (int i = 0; i < n; ++i)
            gradient.setColorAt(n > 1 ? double(i) / (n - 1) : 0.0, entry.rampColors[i]);
        painter.setPen(QPen(QColor(80, 80, 80), std::max(1.0, 0.15 * dpi / 25.4)));
        painter.setBrush(gradient);
        painter.drawRect(rect);
        painter.restore();
        return;
    }
    const Symbol &s = entry.symbol;
    const double strokePx = legendPixels(s.strokeWidth, s.strokeUnit, dpi, 0.5);
    const bool hasStroke = strokePx > 0 && s.strokeColor.alpha() > 0 && s.strokeStyle != Qt::NoPen;
    switch (entry.family) {
    case GeometryFamily::Point: {
        // Markers keep their size; only a marker larger than the swatch (and not a proportional
        // symbol, whose swatch grows, see legendSymbolSize) is shrunk into it.
        double size = legendPixels(s.markerSize, s.markerUnit, dpi, 3.0);
        const double room = std::min(rect.width(), rect.height()) - (hasStroke ? strokePx : 0.0);
        if (size > room) size = std::max(1.0, room);
        Symbol shown = s;
        shown.fillColor = withOpacity(s.fillColor, s.opacity);
        shown.strokeColor = withOpacity(s.strokeColor, s.opacity);
        drawMarker(painter, shown, rect.center(), size, hasStroke ? strokePx : 0.0);
        break;
    }
    case GeometryFamily::Line: {
        if (!hasStroke) break;
        const double width = std::min(strokePx, rect.height() / 2);
        painter.setPen(strokePen(s, width));
        const double inset = std::min(rect.width() * 0.05, width);
        painter.drawLine(QPointF(rect.left() + inset, rect.center().y()),
                         QPointF(rect.right() - inset, rect.center().y()));
        break;
    }
    default: {
        // A polygon swatch: the fill inside the outline, the outline inside the rectangle.
        const double width = hasStroke ? std::min(strokePx, std::min(rect.width(), rect.height()) / 3) : 0.0;
        painter.setPen(hasStroke ? strokePen(s, width) : QPen(Qt::NoPen));
        const QColor fill = withOpacity(s.fillColor, s.opacity);
        painter.setBrush(fill.alpha() > 0 ? QBrush(fill) : QBrush(Qt::NoBrush));
        painter.drawRect(rect.adjusted(width / 2, width / 2, -width / 2, -width / 2));
        // A very light fill with a white (or no) outline vanishes on white paper: a hairline shows the
        // swatch's extent without changing its colour.
        const auto light = [](const QColor &c) { return c.alpha() < 40 || c.lightness() > 235; };
        if (light(fill) && (!hasStroke || light(s.strokeColor))) {
            painter.setPen(QPen(QColor(150, 150, 150), std::max(1.0, 0.1 * dpi / 25.4)));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(rect);
        }
        break;
    }
    }
    painter.restore();
}

} // namespace kw
