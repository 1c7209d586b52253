// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/canvas/map_tool.h"

#include "app/canvas/map_canvas.h"

namespace kw {

MapTool::MapTool(MapCanvas *canvas) : QObject(canvas), m_canvas(canvas) {}

} // namespace kw
