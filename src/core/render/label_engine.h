// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/render/label_settings.h"

#include <QFont>
#include <QPainter>
#include <QPointF>
#include <QRectF>
#include <QSize>

#include <vector>

namespace kw {

/// \brief One possible position of a label: text box relative to an anchor, rotated by angle.
struct LabelCandidate
{
    QPointF anchor;   ///< device pixels
    double angle = 0; ///< degrees, counter-clockwise on screen
    QRectF box;       ///< text rectangle relative to the anchor, before rotation
};

/// \brief A feature's label: its text and the positions it may take, best first.
struct LabelFeature
{
    QString text;
    std::vector<LabelCandidate> candidates;
};

/// \brief The labels one layer offers for a render (filled in a worker, placed afterwards).
struct LayerLabels
{
    LabelSettings settings;
    QFont font;
    double haloPx = 0;
    int layerOrder = 0; ///< higher = drawn above, so placed first at equal priority
    std::vector<LabelFeature> features;
};

/// \brief Places labels of all layers without overlaps, by priority, and draws them on top of the map.
///
/// Greedy, as map labelling usually is: labels are visited by priority (then upper layers first, then
/// feature order), and each takes its first candidate that stays inside the map and collides with no
/// label placed before it; a label with no free candidate is dropped.
class LabelEngine
{
public:
    struct Stats
    {
        int placed = 0;
        int dropped = 0;
    };
    /// Measures the text of a label in \a font (what candidates are built from).
    static QRectF textBox(const QString &text, const QFont &font);
    Stats run(std::vector<LayerLabels> &layers, QPainter &painter, const QSize &size) const;
};

} // namespace kw
