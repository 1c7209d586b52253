// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/measure/measure_tool.h"

#include "app/canvas/map_canvas.h"
#include "core/crs/measurement.h"

#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

namespace kw {

namespace {
const QColor kLine(200, 30, 60);
}

MeasureTool::MeasureTool(MapCanvas *canvas, Mode mode) : MapTool(canvas), m_mode(mode) {}

QString MeasureTool::formatLength(double m)
{
    const QLocale l;
    if (m < 1000)
        return tr("%1 m").arg(l.toString(m, 'f', 1));
    return tr("%1 km").arg(l.toString(m / 1000, 'f', 3));
}

QString MeasureTool::formatArea(double a)
{
    const QLocale l;
    if (a < 10000)
        return tr("%1 m²").arg(l.toString(a, 'f', 0));
    const QString ha = tr("%1 ha").arg(l.toString(a / 10000, 'f', 2));
    if (a < 1e6)
        return tr("%1 (%2 m²)").arg(ha, l.toString(a, 'f', 0));
    return tr("%1 (%2 km²)").arg(ha, l.toString(a / 1e6, 'f', 3));
}

void MeasureTool::reset()
{
    m_vertices.clear();
    m_finished = false;
    canvas()->update();
}

void MeasureTool::deactivate()
{
    reset();
}

std::optional<double> MeasureTool::value(const std::optional<QPointF> &extra) const
{
    std::vector<QPointF> pts = m_vertices;
    if (extra)
        pts.push_back(*extra);
    return m_mode == Mode::Distance ? Measurement::length(pts, canvas()->crs()) : Measurement::area(pts, canvas()->crs());
}

QString MeasureTool::resultText() const
{
    const auto v = value(m_finished ? std::nullopt : m_cursor);
    if (!v)
        return tr("Cannot measure in this CRS");
    return m_mode == Mode::Distance ? formatLength(*v) : formatArea(*v);
}

void MeasureTool::addVertex(const QPointF &p)
{
    if (m_finished)
        reset();
    m_vertices.push_back(p);
    Q_EMIT measured(resultText());
    canvas()->update();
}

void MeasureTool::finish()
{
    m_finished = true;
    Q_EMIT measured(resultText());
    canvas()->update();
}

bool MeasureTool::mousePress(QMouseEvent *)
{
    return true;
}

bool MeasureTool::mouseMove(QMouseEvent *event)
{
    m_cursor = canvas()->toMap(event->position());
    if (!m_vertices.empty() && !m_finished) {
        Q_EMIT measured(resultText());
        canvas()->update();
    }
    return true;
}

bool MeasureTool::mouseRelease(QMouseEvent *event)
{
    if (event->button() == Qt::RightButton) {
        finish();
        return true;
    }
    addVertex(canvas()->toMap(event->position()));
    return true;
}

bool MeasureTool::mouseDoubleClick(QMouseEvent *)
{
    finish();
    return true;
}

bool MeasureTool::keyPress(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Escape: reset(); return true;
    case Qt::Key_Backspace:
        if (!m_vertices.empty() && !m_finished)
            m_vertices.pop_back();
        canvas()->update();
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter: finish(); return true;
    default: return false;
    }
}

void MeasureTool::paint(QPainter &p)
{
    if (m_vertices.empty())
        return;
    QPolygonF poly;
    for (const QPointF &v : m_vertices)
        poly << canvas()->toWidget(v);
    if (!m_finished && m_cursor)
        poly << canvas()->toWidget(*m_cursor);
    p.setPen(QPen(kLine, 2));
    if (m_mode == Mode::Area) {
        p.setBrush(QColor(kLine.red(), kLine.green(), kLine.blue(), 40));
        p.drawPolygon(poly);
    } else {
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(poly);
    }
    p.setBrush(Qt::white);
    for (const QPointF &v : m_vertices)
        p.drawEllipse(canvas()->toWidget(v), 3, 3);
    // The total in a box next to the last point.
    const QString text = resultText();
    const QPointF anchor = poly.back() + QPointF(12, -12);
    QFont f = p.font();
    f.setBold(true);
    p.setFont(f);
    const QRectF box = QRectF(p.fontMetrics().boundingRect(text).adjusted(-5, -3, 5, 3)).translated(anchor);
    p.setPen(QPen(kLine, 1));
    p.setBrush(QColor(255, 255, 255, 230));
    p.drawRoundedRect(box, 3, 3);
    p.setPen(Qt::black);
    p.drawText(box, Qt::AlignCenter, text);
}

} // namespace kw
