// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCursor>
#include <QObject>

class QKeyEvent;
class QMouseEvent;
class QPainter;

namespace kw {

class MapCanvas;

/// \brief An interaction mode of the map canvas (zoom box, select, identify, measure): gets mouse and key
/// events first and draws its rubber bands over the map. Without a tool, dragging pans.
class MapTool : public QObject
{
    Q_OBJECT
public:
    explicit MapTool(MapCanvas *canvas);

    MapCanvas *canvas() const { return m_canvas; }
    virtual QCursor cursor() const { return Qt::CrossCursor; }
    virtual void activate() {}
    /// Drops any half-drawn shape.
    virtual void deactivate() {}

    // Each returns true when it used the event (the canvas then does nothing else with it).
    virtual bool mousePress(QMouseEvent *) { return false; }
    virtual bool mouseMove(QMouseEvent *) { return false; }
    virtual bool mouseRelease(QMouseEvent *) { return false; }
    virtual bool mouseDoubleClick(QMouseEvent *) { return false; }
    virtual bool keyPress(QKeyEvent *) { return false; }
    /// Draws on top of the map, in widget pixels.
    virtual void paint(QPainter &) {}

private:
    MapCanvas *m_canvas;
};

} // namespace kw
