// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/identify/identify_tool.h"

#include "app/canvas/map_canvas.h"

#include <QMouseEvent>

namespace kw {

bool IdentifyTool::mouseRelease(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    Q_EMIT identifyRequested(canvas()->toMap(event->position()), tolerancePx * canvas()->mapUnitsPerPixel());
    return true;
}

} // namespace kw
