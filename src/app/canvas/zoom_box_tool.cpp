// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/canvas/zoom_box_tool.h"

#include "app/canvas/map_canvas.h"

#include <QMouseEvent>
#include <QPainter>

namespace kw {

void ZoomBoxTool::deactivate()
{
    m_active = false;
}

bool ZoomBoxTool::mousePress(QMouseEvent *event)
{
    m_active = true;
    m_rect = QRect(event->position().toPoint(), QSize());
    return true;
}

bool ZoomBoxTool::mouseMove(QMouseEvent *event)
{
    if (!m_active)
        return false;
    m_rect.setBottomRight(event->position().toPoint());
    canvas()->update();
    return true;
}

bool ZoomBoxTool::mouseRelease(QMouseEvent *event)
{
    if (!m_active)
        return false;
    m_active = false;
    const QRect r = m_rect.normalized();
    if (r.width() > 4 && r.height() > 4) {
        const QPointF a = canvas()->toMap(r.topLeft()), b = canvas()->toMap(r.bottomRight());
        canvas()->setExtent(Envelope(a.x(), a.y(), b.x(), b.y()));
    } else {
        canvas()->zoomByFactor(0.5, event->position() * canvas()->devicePixelRatioF());
    }
    Q_EMIT canvas()->userNavigated();
    canvas()->update();
    return true;
}

void ZoomBoxTool::paint(QPainter &p)
{
    if (!m_active)
        return;
    p.setPen(QPen(QColor(30, 90, 200), 1, Qt::DashLine));
    p.setBrush(QColor(30, 90, 200, 40));
    p.drawRect(m_rect.normalized());
}

} // namespace kw
