// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/icons/map_icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace kw {

namespace {

const QColor kInk(50, 60, 70);
const QColor kBlue(40, 110, 200);
const QColor kYellow(250, 200, 40);

void magnifier(QPainter &p)
{
    p.setPen(QPen(kInk, 2.2));
    p.setBrush(QColor(230, 240, 255));
    p.drawEllipse(QRectF(3, 3, 13, 13));
    p.setPen(QPen(kInk, 3.2, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(QPointF(14.5, 14.5), QPointF(20.5, 20.5));
}

void draw(QPainter &p, MapIcons::Name n)
{
    p.setRenderHint(QPainter::Antialiasing);
    const QPen ink(kInk, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (n) {
    case MapIcons::Pan: {
        p.setPen(ink);
        p.drawLine(QPointF(12, 3), QPointF(12, 21));
        p.drawLine(QPointF(3, 12), QPointF(21, 12));
        p.setBrush(kInk);
        for (int r = 0; r < 4; ++r) {
            p.save();
            p.translate(12, 12);
            p.rotate(90 * r);
            p.drawPolygon(QPolygonF{QPointF(0, -10), QPointF(-3, -6), QPointF(3, -6)});
            p.restore();
        }
        break;
    }
    case MapIcons::ZoomIn:
    case MapIcons::ZoomOut:
        magnifier(p);
        p.setPen(QPen(kBlue, 2));
        p.drawLine(QPointF(6.5, 9.5), QPointF(12.5, 9.5));
        if (n == MapIcons::ZoomIn)
            p.drawLine(QPointF(9.5, 6.5), QPointF(9.5, 12.5));
        break;
    case MapIcons::ZoomBox:
        p.setPen(QPen(kBlue, 1.4, Qt::DashLine));
        p.drawRect(QRectF(2.5, 2.5, 13, 10));
        magnifier(p);
        break;
    case MapIcons::ZoomFull:
        p.setPen(ink);
        p.setBrush(QColor(200, 230, 200));
        p.drawRect(QRectF(4, 4, 16, 16));
        p.setPen(QPen(kInk, 2));
        for (const auto &[a, b] : {std::pair{QPointF(3, 3), QPointF(8, 8)}, {QPointF(21, 3), QPointF(16, 8)},
                                   {QPointF(3, 21), QPointF(8, 16)}, {QPointF(21, 21), QPointF(16, 16)}})
            p.drawLine(a, b);
        break;
    case MapIcons::ZoomLayer:
        p.setPen(ink);
        p.setBrush(QColor(190, 207, 80));
        p.drawPolygon(QPolygonF{QPointF(3, 8), QPointF(12, 3), QPointF(21, 8), QPointF(12, 13)});
        magnifier(p);
        break;
    case MapIcons::ZoomSelection:
        p.setPen(ink);
        p.setBrush(kYellow);
        p.drawRect(QRectF(3, 3, 11, 9));
        magnifier(p);
        break;
    case MapIcons::Identify:
        p.setPen(Qt::NoPen);
        p.setBrush(kBlue);
        p.drawEllipse(QRectF(2, 2, 20, 20));
        p.setPen(QPen(Qt::white, 2.6, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(12, 11), QPointF(12, 17));
        p.drawPoint(QPointF(12, 7));
        break;
    case MapIcons::MeasureLine: {
        p.setPen(ink);
        p.setBrush(kYellow);
        p.save();
        p.translate(12, 12);
        p.rotate(-35);
        p.drawRect(QRectF(-11, -4, 22, 8));
        for (int i = -8; i <= 8; i += 4)
            p.drawLine(QPointF(i, -4), QPointF(i, i % 8 == 0 ? 0 : -1.5));
        p.restore();
        break;
    }
    case MapIcons::MeasureArea:
        p.setPen(QPen(kInk, 1.6));
        p.setBrush(QColor(250, 200, 40, 150));
        p.drawPolygon(QPolygonF{QPointF(3, 18), QPointF(7, 4), QPointF(19, 6), QPointF(21, 19)});
        p.setBrush(Qt::white);
        for (const QPointF &v : {QPointF(3, 18), QPointF(7, 4), QPointF(19, 6), QPointF(21, 19)})
            p.drawEllipse(v, 2, 2);
        break;
    case MapIcons::SelectRect:
        p.setPen(QPen(QColor(220, 120, 0), 1.6, Qt::DashLine));
        p.setBrush(QColor(250, 200, 40, 120));
        p.drawRect(QRectF(3, 5, 18, 14));
        break;
    case MapIcons::SelectPolygon:
        p.setPen(QPen(QColor(220, 120, 0), 1.6, Qt::DashLine));
        p.setBrush(QColor(250, 200, 40, 120));
        p.drawPolygon(QPolygonF{QPointF(3, 19), QPointF(5, 6), QPointF(13, 3), QPointF(21, 10), QPointF(15, 21)});
        break;
    case MapIcons::SelectExpression:
        p.setPen(QPen(QColor(220, 120, 0), 1.6));
        p.setBrush(QColor(250, 200, 40, 120));
        p.drawRect(QRectF(2, 4, 20, 16));
        p.setPen(QPen(kInk, 1));
        p.setFont(QFont(QStringLiteral("DejaVu Sans"), 9, QFont::Bold));
        p.drawText(QRectF(2, 4, 20, 16), Qt::AlignCenter, QStringLiteral("ε"));
        break;
    case MapIcons::ClearSelection:
        p.setPen(QPen(QColor(220, 120, 0), 1.4, Qt::DashLine));
        p.setBrush(QColor(250, 200, 40, 80));
        p.drawRect(QRectF(2, 4, 16, 13));
        p.setPen(QPen(QColor(200, 30, 30), 2.6, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(13, 13), QPointF(21, 21));
        p.drawLine(QPointF(21, 13), QPointF(13, 21));
        break;
    case MapIcons::AddData:
    case MapIcons::AddGroup:
        p.setPen(ink);
        p.setBrush(n == MapIcons::AddData ? QColor(190, 207, 80) : QColor(235, 200, 110));
        if (n == MapIcons::AddData) {
            p.drawPolygon(QPolygonF{QPointF(2, 11), QPointF(10, 6), QPointF(18, 11), QPointF(10, 16)});
            p.drawPolygon(QPolygonF{QPointF(2, 7), QPointF(10, 2), QPointF(18, 7), QPointF(10, 12)});
        } else {
            p.drawRect(QRectF(2, 6, 16, 12));
        }
        p.setPen(QPen(QColor(30, 140, 50), 3, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(18, 14), QPointF(18, 22));
        p.drawLine(QPointF(14, 18), QPointF(22, 18));
        break;
    case MapIcons::NewProject:
    case MapIcons::OpenProject:
    case MapIcons::SaveProject:
        p.setPen(ink);
        if (n == MapIcons::NewProject) {
            p.setBrush(Qt::white);
            p.drawPolygon(QPolygonF{QPointF(5, 2), QPointF(15, 2), QPointF(20, 7), QPointF(20, 22), QPointF(5, 22)});
            p.setBrush(QColor(190, 207, 80));
            p.drawRect(QRectF(8, 11, 9, 7));
        } else if (n == MapIcons::OpenProject) {
            p.setBrush(QColor(235, 200, 110));
            p.drawPolygon(QPolygonF{QPointF(2, 6), QPointF(9, 6), QPointF(11, 8), QPointF(20, 8), QPointF(20, 19), QPointF(2, 19)});
        } else {
            p.setBrush(kBlue);
            p.drawRoundedRect(QRectF(3, 3, 18, 18), 2, 2);
            p.setBrush(Qt::white);
            p.drawRect(QRectF(7, 3, 10, 6));
            p.drawRect(QRectF(6, 13, 12, 8));
        }
        break;
    case MapIcons::Undo:
    case MapIcons::Redo: {
        if (n == MapIcons::Redo) {
            p.translate(24, 0);
            p.scale(-1, 1);
        }
        p.setPen(QPen(kInk, 2.2, Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        QPainterPath path(QPointF(6, 9));
        path.cubicTo(QPointF(14, 4), QPointF(22, 10), QPointF(17, 19));
        p.drawPath(path);
        p.setBrush(kInk);
        p.drawPolygon(QPolygonF{QPointF(3, 5), QPointF(10, 6), QPointF(5, 13)});
        break;
    }
    case MapIcons::Refresh: {
        p.setPen(QPen(kBlue, 2.4, Qt::SolidLine, Qt::RoundCap));
        p.drawArc(QRectF(4, 4, 16, 16), 30 * 16, 280 * 16);
        p.setBrush(kBlue);
        p.drawPolygon(QPolygonF{QPointF(19, 2), QPointF(20, 9), QPointF(14, 7)});
        break;
    }
    case MapIcons::AttributeTable:
        p.setPen(QPen(kInk, 1.2));
        p.setBrush(Qt::white);
        p.drawRect(QRectF(2.5, 3.5, 19, 17));
        p.fillRect(QRectF(3, 4, 18, 4), QColor(140, 170, 210));
        for (double y : {12.0, 16.0})
            p.drawLine(QPointF(2.5, y), QPointF(21.5, y));
        p.drawLine(QPointF(9, 3.5), QPointF(9, 20.5));
        break;
    }
}

} // namespace

QIcon MapIcons::icon(Name name)
{
    QIcon icon;
    for (int scale : {1, 2}) {
        QPixmap pm(24 * scale, 24 * scale);
        pm.setDevicePixelRatio(scale);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        draw(p, name);
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}

} // namespace kw
