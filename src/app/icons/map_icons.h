// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace kw {

/// \brief Toolbar icons drawn with QPainter: crisp at any scale, no icon theme or image files needed.
class MapIcons
{
public:
    enum Name {
        Pan, ZoomIn, ZoomOut, ZoomBox, ZoomFull, ZoomLayer, ZoomSelection, Identify, MeasureLine, MeasureArea,
        SelectRect, SelectPolygon, SelectExpression, ClearSelection, AddData, AddGroup, NewProject, OpenProject,
        SaveProject, Undo, Redo, Refresh, AttributeTable
    };
    static QIcon icon(Name name);
};

} // namespace kw
