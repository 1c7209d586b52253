// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/canvas/map_tool.h"

#include <QRect>

namespace kw {

/// \brief Zoom in to a dragged rectangle; a click zooms in by two around the point (QGIS "Zoom In" tool).
class ZoomBoxTool : public MapTool
{
    Q_OBJECT
public:
    using MapTool::MapTool;
    QCursor cursor() const override { return Qt::CrossCursor; }
    void deactivate() override;
    bool mousePress(QMouseEvent *event) override;
    bool mouseMove(QMouseEvent *event) override;
    bool mouseRelease(QMouseEvent *event) override;
    void paint(QPainter &painter) override;

private:
    bool m_active = false;
    QRect m_rect;
};

} // namespace kw
