// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/canvas/map_tool.h"

#include <QPointF>

namespace kw {

/// \brief A click on the map asks what is there; dragging still pans.
class IdentifyTool : public MapTool
{
    Q_OBJECT
public:
    using MapTool::MapTool;
    QCursor cursor() const override { return Qt::WhatsThisCursor; }
    bool mouseRelease(QMouseEvent *event) override;
    /// Pixels around the click that still count as a hit.
    static constexpr double tolerancePx = 4;

Q_SIGNALS:
    /// \a tolerance in map units.
    void identifyRequested(const QPointF &mapPoint, double tolerance);
};

} // namespace kw
