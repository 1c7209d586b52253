// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QColor>
#include <QJsonObject>
#include <QMarginsF>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <optional>

namespace kw {

/// \brief One page of a layout: its size and margins in millimetres and its background.
///
/// Sizes come from presets (A4, A3, A0 in portrait or landscape, a 16:9 slide) or are given freely.
/// The margins are the designer's guides and what templates align to; items may still reach into them.
struct LayoutPage
{
    QSizeF size{297.0, 210.0};         ///< mm
    QMarginsF margins{10, 10, 10, 10}; ///< mm: left, top, right, bottom
    QColor background = Qt::white;

    /// "A4", "A3", "A0" (ISO 216) and "slide" (16:9, 338.67 × 190.5 mm like a PowerPoint widescreen slide).
    static QStringList presets();
    /// The portrait size of a preset (a slide is always landscape); nullopt for unknown names.
    static std::optional<QSizeF> presetSize(const QString &preset);
    /// A page of a preset; \a landscape turns ISO sizes sideways.
    static std::optional<LayoutPage> fromPreset(const QString &preset, bool landscape);

    bool isLandscape() const { return size.width() > size.height(); }
    /// The preset name this size matches ("A4"), or empty for a custom size.
    QString presetName() const;
    /// The printable area inside the margins, in mm.
    QRectF contentRect() const;

    QJsonObject toJson() const;
    static Result<LayoutPage> fromJson(const QJsonObject &json);
    bool operator==(const LayoutPage &) const = default;
};

} // namespace kw
