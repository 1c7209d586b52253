// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/label_settings.h"

#include "core/style/symbol_json.h"

namespace kw {

QFont LabelSettings::font(double dpi) const
{
    QFont f(fontFamily);
    // Pixel size from points at the output dpi: labels keep their printed size on any device.
    f.setPixelSize(std::max(1, int(size * dpi / 72.0 + 0.5)));
    f.setBold(bold);
    f.setItalic(italic);
    return f;
}

QString LabelSettings::placementName(Placement p)
{
    switch (p) {
    case Placement::Auto: return QStringLiteral("auto");
    case Placement::AroundPoint: return QStringLiteral("around");
    case Placement::OverPoint: return QStringLiteral("over");
    case Placement::AlongLine: return QStringLiteral("line");
    case Placement::InsidePolygon: return QStringLiteral("inside");
    }
    return QStringLiteral("auto");
}

QJsonObject LabelSettings::toJson() const
{
    QJsonObject o{{QStringLiteral("enabled"), enabled},
                  {QStringLiteral("text"), text},
                  {QStringLiteral("font"), fontFamily},
                  {QStringLiteral("size"), size},
                  {QStringLiteral("color"), colorToString(color)},
                  {QStringLiteral("halo_color"), colorToString(haloColor)},
                  {QStringLiteral("halo_width"), haloWidth},
                  {QStringLiteral("placement"), placementName(placement)},
                  {QStringLiteral("priority"), priority}};
    if (bold)
        o[QStringLiteral("bold")] = true;
    if (italic)
        o[QStringLiteral("italic")] = true;
    if (minScale > 0)
        o[QStringLiteral("min_scale")] = minScale;
    if (maxScale > 0)
        o[QStringLiteral("max_scale")] = maxScale;
    if (!fitInPolygon)
        o[QStringLiteral("fit_in_polygon")] = false;
    return o;
}

Result<LabelSettings> LabelSettings::fromJson(const QJsonObject &o)
{
    LabelSettings l;
    l.enabled = o.value(QLatin1String("enabled")).toBool(true);
    l.text = o.value(QLatin1String("text")).toString();
    l.fontFamily = o.value(QLatin1String("font")).toString(l.fontFamily);
    l.size = o.value(QLatin1String("size")).toDouble(l.size);
    l.bold = o.value(QLatin1String("bold")).toBool(false);
    l.italic = o.value(QLatin1String("italic")).toBool(false);
    if (o.contains(QLatin1String("color"))) {
        l.color = colorFromString(o.value(QLatin1String("color")).toString());
        if (!l.color.isValid())
            return Error::input(QStringLiteral("invalid label 'color'"));
    }
    if (o.contains(QLatin1String("halo_color"))) {
        l.haloColor = colorFromString(o.value(QLatin1String("halo_color")).toString());
        if (!l.haloColor.isValid())
            return Error::input(QStringLiteral("invalid label 'halo_color'"));
    }
    l.haloWidth = o.value(QLatin1String("halo_width")).toDouble(l.haloWidth);
    const QString placement = o.value(QLatin1String("placement")).toString(QStringLiteral("auto"));
    bool found = false;
    for (Placement p : {Placement::Auto, Placement::AroundPoint, Placement::OverPoint, Placement::AlongLine,
                        Placement::InsidePolygon})
        if (placementName(p) == placement) {
            l.placement = p;
            found = true;
        }
    if (!found)
        return Error::input(QStringLiteral("invalid label 'placement': %1").arg(placement));
    l.priority = std::clamp(o.value(QLatin1String("priority")).toInt(5), 0, 10);
    l.minScale = o.value(QLatin1String("min_scale")).toDouble(0);
    l.maxScale = o.value(QLatin1String("max_scale")).toDouble(0);
    l.fitInPolygon = o.value(QLatin1String("fit_in_polygon")).toBool(true);
    return l;
}

} // namespace kw
