// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/selection/select_tool.h"

#include "app/canvas/map_canvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

namespace kw {

namespace {
const QColor kBand(220, 120, 0);
}

SelectTool::SelectTool(MapCanvas *canvas, Shape shape) : MapTool(canvas), m_shape(shape) {}

FeatureSelection::Mode SelectTool::modeFor(Qt::KeyboardModifiers m)
{
    if (m & Qt::ShiftModifier)
        return FeatureSelection::Mode::Add;
    if (m & Qt::ControlModifier)
        return FeatureSelection::Mode::Remove;
    return FeatureSelection::Mode::Replace;
}

void SelectTool::deactivate()
{
    m_dragging = false;
    m_vertices.clear();
    canvas()->update();
}

bool SelectTool::mousePress(QMouseEvent *event)
{
    if (m_shape == Shape::Rectangle) {
        m_dragging = true;
        m_start = event->position().toPoint();
        m_rect = QRect(m_start, QSize());
        return true;
    }
    return true; // polygon vertices are added on release
}

bool SelectTool::mouseMove(QMouseEvent *event)
{
    m_cursor = event->position();
    if (m_shape == Shape::Rectangle && m_dragging) {
        m_rect = QRect(m_start, event->position().toPoint()).normalized();
        canvas()->update();
    } else if (m_shape == Shape::Polygon && !m_vertices.empty()) {
        canvas()->update();
    }
    return true;
}

bool SelectTool::mouseRelease(QMouseEvent *event)
{
    if (m_shape == Shape::Rectangle) {
        if (!m_dragging)
            return false;
        m_dragging = false;
        canvas()->update();
        const QRect r = QRect(m_start, event->position().toPoint()).normalized();
        Envelope box;
        if (r.width() < 3 && r.height() < 3) {
            // A click: the features under the cursor, with a few pixels of tolerance.
            const QPointF p = canvas()->toMap(event->position());
            const double tol = 3 * canvas()->mapUnitsPerPixel();
            box = Envelope(p.x() - tol, p.y() - tol, p.x() + tol, p.y() + tol);
        } else {
            const QPointF a = canvas()->toMap(r.topLeft()), b = canvas()->toMap(r.bottomRight());
            box = Envelope(a.x(), a.y(), b.x(), b.y());
        }
        Q_EMIT rectangleSelected(box, modeFor(event->modifiers()));
        return true;
    }
    if (event->button() == Qt::RightButton) {
        finishPolygon(event->modifiers());
        return true;
    }
    m_vertices.push_back(canvas()->toMap(event->position()));
    canvas()->update();
    return true;
}

bool SelectTool::mouseDoubleClick(QMouseEvent *event)
{
    if (m_shape != Shape::Polygon)
        return false;
    // The double click's first press already added the vertex.
    finishPolygon(event->modifiers());
    return true;
}

void SelectTool::finishPolygon(Qt::KeyboardModifiers modifiers)
{
    std::vector<QPointF> ring;
    for (const QPointF &p : m_vertices)
        if (ring.empty() || ring.back() != p)
            ring.push_back(p);
    m_vertices.clear();
    canvas()->update();
    if (ring.size() >= 3)
        Q_EMIT polygonSelected(ring, modeFor(modifiers));
}

bool SelectTool::keyPress(QKeyEvent *event)
{
    if (m_shape != Shape::Polygon || m_vertices.empty())
        return false;
    switch (event->key()) {
    case Qt::Key_Escape: m_vertices.clear(); break;
    case Qt::Key_Backspace: m_vertices.pop_back(); break;
    case Qt::Key_Return:
    case Qt::Key_Enter: finishPolygon(event->modifiers()); break;
    default: return false;
    }
    canvas()->update();
    return true;
}

void SelectTool::paint(QPainter &p)
{
    p.setPen(QPen(kBand, 1.5));
    p.setBrush(QColor(kBand.red(), kBand.green(), kBand.blue(), 50));
    if (m_shape == Shape::Rectangle) {
        if (m_dragging)
            p.drawRect(m_rect);
        return;
    }
    if (m_vertices.empty())
        return;
    QPolygonF poly;
    for (const QPointF &v : m_vertices)
        poly << canvas()->toWidget(v);
    poly << m_cursor;
    p.drawPolygon(poly);
    p.setBrush(kBand);
    for (int i = 0; i + 1 < poly.size(); ++i)
        p.drawEllipse(poly[i], 3, 3);
}

} // namespace kw
