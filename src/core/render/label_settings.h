// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QColor>
#include <QFont>
#include <QJsonObject>
#include <QString>

namespace kw {

/// \brief How a layer's features are labelled: text, font, halo, placement, priority and scale range.
struct LabelSettings
{
    enum class Placement { Auto, AroundPoint, OverPoint, AlongLine, InsidePolygon };

    bool enabled = false;
    QString text;       ///< an expression; a plain field name is one
    QString fontFamily = QStringLiteral("DejaVu Sans");
    double size = 9.0;  ///< points
    bool bold = false;
    bool italic = false;
    QColor color = QColor(30, 30, 30);
    QColor haloColor = QColor(255, 255, 255, 230);
    double haloWidth = 0.7; ///< mm; 0 = none
    Placement placement = Placement::Auto;
    int priority = 5;       ///< 0..10; higher wins where labels would overlap
    /// Scale range as for layers (QGIS convention): shown while maxScale <= scale denominator <= minScale;
    /// 0 = no limit on that side.
    double minScale = 0;
    double maxScale = 0;
    /// Drop a polygon's label when it is wider than the polygon on screen.
    bool fitInPolygon = true;

    bool operator==(const LabelSettings &) const = default;
    bool visibleAtScale(double scale) const
    {
        return (minScale <= 0 || scale <= minScale) && (maxScale <= 0 || scale >= maxScale);
    }
    QFont font(double dpi) const;

    QJsonObject toJson() const;
    static Result<LabelSettings> fromJson(const QJsonObject &json);
    static QString placementName(Placement p);
};

} // namespace kw
