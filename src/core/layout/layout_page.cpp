// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layout/layout_page.h"

#include "core/style/symbol_json.h"

#include <QJsonArray>
#include <QRectF>
#include <cmath>

namespace kw {

QStringList LayoutPage::presets()
{
    return {QStringLiteral("A4"), QStringLiteral("A3"), QStringLiteral("A0"), QStringLiteral("slide")};
}

std::optional<QSizeF> LayoutPage::presetSize(const QString &preset)
{
    const QString p = preset.trimmed().toLower();
    if (p == QLatin1String("a4")) return QSizeF(210, 297);
    if (p == QLatin1String("a3")) return QSizeF(297, 420);
    if (p == QLatin1String("a0")) return QSizeF(841, 1189);
    if (p == QLatin1String("slide") || p == QLatin1String("16:9"))
        return QSizeF(338.6667, 190.5); // 13.333 × 7.5 in
    return std::nullopt;
}

std::optional<LayoutPage> LayoutPage::fromPreset(const QString &preset, bool landscape)
{
    const auto size = presetSize(preset);
    if (!size) return std::nullopt;
    LayoutPage page;
    const bool slide = size->width() > size->height();
    page.size = (landscape && !slide) ? size->transposed() : *size;
    if (slide) page.margins = QMarginsF(12, 10, 12, 10);
    return page;
}

QString LayoutPage::presetName() const
{
    for (const QString &p : presets()) {
        const QSizeF s = *presetSize(p);
        const auto same = [](const QSizeF &a, const QSizeF &b) {
            return std::abs(a.width() - b.width()) < 0.01 && std::abs(a.height() - b.height()) < 0.01;
        };
        if (same(s, size) || same(s.transposed(), size)) return p;
    }
    return {};
}

QRectF LayoutPage::contentRect() const
{
    return QRectF(QPointF(0, 0), size).marginsRemoved(margins);
}

QJsonObject LayoutPage::toJson() const
{
    QJsonObject o;
    const QString preset = presetName();
    if (!preset.isEmpty()) {
        o[QStringLiteral("size")] = preset;
        if (preset != QLatin1String("slide"))
            o[QStringLiteral("orientation")] =
                isLandscape() ? QStringLiteral("landscape") : QStringLiteral("portrait");
    } else {
        o[QStringLiteral("width")] = size.width();
        o[QStringLiteral("height")] = size.height();
    }
    o[QStringLiteral("margins")] =
        QJsonArray{margins.left(), margins.top(), margins.right(), margins.bottom()};
    if (background != QColor(Qt::white)) o[QStringLiteral("background")] = colorToString(background);
    return o;
}

Result<LayoutPage> LayoutPage::fromJson(const QJsonObject &o)
{
    LayoutPage page;
    if (o.contains(QLatin1String("size"))) {
        const QString orientation =
            o.value(QLatin1String("orientation")).toString(QStringLiteral("portrait"));
        if (orientation != QLatin1String("portrait") && orientation != QLatin1String("landscape"))
            return Error::input(
                QStringLiteral("page: invalid orientation '%1' (portrait or landscape)").arg(orientation));
        auto p =
            fromPreset(o.value(QLatin1String("size")).toString(), orientation == QLatin1String("landscape"));
        if (!p)
            return Error::input(
                QStringLiteral("page: unknown size '%1' (known: %2, or width and height in mm)")
                    .arg(o.value(QLatin1String("size")).toString(), presets().join(QStringLiteral(", "))));
        page = *p;
    } else {
        const double w = o.value(QLatin1String("width")).toDouble(-1);
        const double h = o.value(QLatin1String("height")).toDouble(-1);
        if (!(w > 0 && h > 0 && w <= 5000 && h <= 5000))
            return Error::input(
                QStringLiteral("page: needs a size preset or a width and height in mm (up to 5000)"));
        page.size = QSizeF(w, h);
    }
    if (o.contains(QLatin1String("margins"))) {
        const QJsonArray m = o.value(QLatin1String("margins")).toArray();
        if (m.size() != 4)
            return Error::input(QStringLiteral("page: margins must be [left, top, right, bottom] in mm"));
        page.margins = QMarginsF(m[0].toDouble(), m[1].toDouble(), m[2].toDouble(), m[3].toDouble());
    }
    if (o.contains(QLatin1String("background"))) {
        page.background = colorFromString(o.value(QLatin1String("background")).toString());
        if (!page.background.isValid())
            return Error::input(QStringLiteral("page: invalid background colour"));
    }
    return page;
}

} // namespace kw
