// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPainter>
#include <QRectF>
#include <QString>

namespace kw {

/// \brief The time a map shows, drawn onto it: a text box in the lower left corner.
///
/// Used by the app's map canvas and by animation frames alike, so both look the same. Sizes are in points
/// and follow \a dpi, like map symbols.
class TimeStampOverlay
{
public:
    /// Draws \a text into \a rect (the map's area on the painter's device).
    static void draw(QPainter &painter, const QRectF &rect, const QString &text, double dpi = 96);
    /// The box draw() fills, for tests and for laying out other decorations around it.
    static QRectF box(const QRectF &rect, const QString &text, double dpi = 96);
};

} // namespace kw
