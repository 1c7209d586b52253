// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/style/marker.h"

#include <QFile>
#include <QSvgRenderer>

#include <cmath>

namespace kw {

QPainterPath markerPath(MarkerShape shape, double size)
{
    const double r = size / 2;
    QPainterPath p;
    switch (shape) {
    case MarkerShape::Circle:
    case MarkerShape::Svg:
        p.addEllipse(QPointF(0, 0), r, r);
        break;
    case MarkerShape::Square:
        p.addRect(QRectF(-r, -r, size, size));
        break;
    case MarkerShape::Triangle: {
        p.moveTo(0, -r);
        p.lineTo(r * std::sin(2 * M_PI / 3), r * 0.5);
        p.lineTo(-r * std::sin(2 * M_PI / 3), r * 0.5);
        p.closeSubpath();
        break;
    }
    case MarkerShape::Diamond:
        p.moveTo(0, -r);
        p.lineTo(r, 0);
        p.lineTo(0, r);
        p.lineTo(-r, 0);
        p.closeSubpath();
        break;
    case MarkerShape::Cross: {
        const double w = size / 6;
        p.addRect(QRectF(-w, -r, 2 * w, size));
        p.addRect(QRectF(-r, -w, size, 2 * w));
        // Winding fill: with the default odd-even rule the bars' overlap became a hole in the centre.
        p.setFillRule(Qt::WindingFill);
        p = p.simplified();
        break;
    }
    case MarkerShape::Star: {
        for (int i = 0; i < 10; ++i) {
            const double a = -M_PI / 2 + i * M_PI / 5;
            const double rr = (i % 2) ? r * 0.45 : r;
            const QPointF pt(rr * std::cos(a), rr * std::sin(a));
            if (i == 0)
                p.moveTo(pt);
            else
                p.lineTo(pt);
        }
        p.closeSubpath();
        break;
    }
    }
    return p;
}

void drawMarker(QPainter &painter, const Symbol &symbol, const QPointF &center, double sizePx, double strokePx)
{
    if (symbol.markerShape == MarkerShape::Svg && !symbol.svgPath.isEmpty()) {
        QSvgRenderer svg(symbol.svgPath);
        if (svg.isValid()) {
            QSizeF s = svg.defaultSize();
            if (s.isEmpty())
                s = QSizeF(1, 1);
            const double k = sizePx / std::max(s.width(), s.height());
            const QSizeF drawn(s.width() * k, s.height() * k);
            svg.render(&painter, QRectF(center - QPointF(drawn.width() / 2, drawn.height() / 2), drawn));
            return;
        }
    }
    QPen pen(symbol.strokeColor, strokePx);
    pen.setJoinStyle(Qt::MiterJoin);
    painter.setPen(strokePx > 0 && symbol.strokeColor.alpha() > 0 ? pen : QPen(Qt::NoPen));
    painter.setBrush(symbol.fillColor);
    painter.drawPath(markerPath(symbol.markerShape, sizePx).translated(center));
}

QImage markerImage(const Symbol &symbol, double sizePx, double strokePx)
{
    const int side = int(std::ceil(sizePx + strokePx)) + 2;
    QImage img(side, side, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    drawMarker(p, symbol, QPointF(side / 2.0, side / 2.0), sizePx, strokePx);
    return img;
}

} // namespace kw
