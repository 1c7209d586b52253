// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/canvas/map_tool.h"
#include "core/data/feature_selection.h"
#include "core/geometry/envelope.h"

#include <QPointF>
#include <QRect>

#include <vector>

namespace kw {

/// \brief Selects features by a dragged rectangle (or a click) or by a polygon clicked vertex by vertex
/// (double-click or Enter finishes, Backspace drops the last vertex, Escape cancels).
///
/// Shift adds to the selection, Ctrl removes from it, as in QGIS. The tool only draws and reports the
/// shape in map coordinates; the SelectionController decides which layers it applies to.
class SelectTool : public MapTool
{
    Q_OBJECT
public:
    enum class Shape { Rectangle, Polygon };
    SelectTool(MapCanvas *canvas, Shape shape);

    Shape shape() const { return m_shape; }
    QCursor cursor() const override { return Qt::CrossCursor; }
    void deactivate() override;
    bool mousePress(QMouseEvent *event) override;
    bool mouseMove(QMouseEvent *event) override;
    bool mouseRelease(QMouseEvent *event) override;
    bool mouseDoubleClick(QMouseEvent *event) override;
    bool keyPress(QKeyEvent *event) override;
    void paint(QPainter &painter) override;

    static FeatureSelection::Mode modeFor(Qt::KeyboardModifiers modifiers);

Q_SIGNALS:
    /// A rectangle in map coordinates (a click gives a small box around the point).
    void rectangleSelected(const kw::Envelope &box, kw::FeatureSelection::Mode mode);
    /// A polygon ring in map coordinates.
    void polygonSelected(const std::vector<QPointF> &ring, kw::FeatureSelection::Mode mode);

private:
    void finishPolygon(Qt::KeyboardModifiers modifiers);

    Shape m_shape;
    bool m_dragging = false;
    QPoint m_start;
    QRect m_rect;
    std::vector<QPointF> m_vertices; ///< map coordinates
    QPointF m_cursor;                ///< widget coordinates
};

} // namespace kw
