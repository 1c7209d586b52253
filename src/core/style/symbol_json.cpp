// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/style/symbol_json.h"

#include <QJsonArray>

namespace kw {

QString colorToString(const QColor &c)
{
    return c.alpha() == 255 ? c.name(QColor::HexRgb) : c.name(QColor::HexArgb);
}

QColor colorFromString(const QString &text)
{
    if (text.compare(QLatin1String("transparent"), Qt::CaseInsensitive) == 0 ||
        text.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return QColor(0, 0, 0, 0);
    return QColor::fromString(text.trimmed());
}

namespace {

QString penStyleName(Qt::PenStyle s)
{
    switch (s) {
    case Qt::NoPen: return QStringLiteral("none");
    case Qt::DashLine: return QStringLiteral("dash");
    case Qt::DotLine: return QStringLiteral("dot");
    case Qt::DashDotLine: return QStringLiteral("dashdot");
    case Qt::DashDotDotLine: return QStringLiteral("dashdotdot");
    default: return QStringLiteral("solid");
    }
}

std::optional<Qt::PenStyle> penStyleFromName(const QString &n)
{
    if (n == QLatin1String("none")) return Qt::NoPen;
    if (n == QLatin1String("solid")) return Qt::SolidLine;
    if (n == QLatin1String("dash")) return Qt::DashLine;
    if (n == QLatin1String("dot")) return Qt::DotLine;
    if (n == QLatin1String("dashdot")) return Qt::DashDotLine;
    if (n == QLatin1String("dashdotdot")) return Qt::DashDotDotLine;
    return std::nullopt;
}

} // namespace

QJsonObject symbolToJson(const Symbol &s)
{
    QJsonObject o;
    o[QStringLiteral("fill")] = colorToString(s.fillColor);
    o[QStringLiteral("stroke")] = colorToString(s.strokeColor);
    o[QStringLiteral("stroke_width")] = s.strokeWidth;
    o[QStringLiteral("stroke_unit")] = Symbol::unitName(s.strokeUnit);
    o[QStringLiteral("stroke_style")] = penStyleName(s.strokeStyle);
    if (!s.dashPattern.isEmpty()) {
        QJsonArray dash;
        for (qreal d : s.dashPattern)
            dash.append(d);
        o[QStringLiteral("dash")] = dash;
    }
    o[QStringLiteral("marker")] = Symbol::shapeName(s.markerShape);
    o[QStringLiteral("marker_size")] = s.markerSize;
    o[QStringLiteral("marker_unit")] = Symbol::unitName(s.markerUnit);
    if (!s.svgPath.isEmpty())
        o[QStringLiteral("svg")] = s.svgPath;
    if (s.opacity < 1.0)
        o[QStringLiteral("opacity")] = s.opacity;
    return o;
}

Result<Symbol> symbolFromJson(const QJsonObject &o)
{
    Symbol s;
    const auto color = [&](const char *key, QColor &target) -> bool {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        const QColor c = colorFromString(v.toString());
        if (!c.isValid())
            return false;
        target = c;
        return true;
    };
    if (!color("fill", s.fillColor))
        return Error::input(QStringLiteral("invalid colour in 'fill': %1").arg(o.value(QLatin1String("fill")).toString()));
    if (!color("stroke", s.strokeColor))
        return Error::input(
            QStringLiteral("invalid colour in 'stroke': %1").arg(o.value(QLatin1String("stroke")).toString()));
    s.strokeWidth = o.value(QLatin1String("stroke_width")).toDouble(s.strokeWidth);
    bool ok = true;
    if (o.contains(QLatin1String("stroke_unit"))) {
        s.strokeUnit = Symbol::unitFromName(o.value(QLatin1String("stroke_unit")).toString(), &ok);
        if (!ok)
            return Error::input(QStringLiteral("invalid 'stroke_unit'"));
    }
    if (o.contains(QLatin1String("stroke_style"))) {
        const auto st = penStyleFromName(o.value(QLatin1String("stroke_style")).toString());
        if (!st)
            return Error::input(QStringLiteral("invalid 'stroke_style'"));
        s.strokeStyle = *st;
    }
    for (const QJsonValue &d : o.value(QLatin1String("dash")).toArray())
        s.dashPattern.append(d.toDouble());
    if (o.contains(QLatin1String("marker"))) {
        s.markerShape = Symbol::shapeFromName(o.value(QLatin1String("marker")).toString(), &ok);
        if (!ok)
            return Error::input(QStringLiteral("invalid 'marker': %1").arg(o.value(QLatin1String("marker")).toString()));
    }
    s.markerSize = o.value(QLatin1String("marker_size")).toDouble(s.markerSize);
    if (o.contains(QLatin1String("marker_unit"))) {
        s.markerUnit = Symbol::unitFromName(o.value(QLatin1String("marker_unit")).toString(), &ok);
        if (!ok)
            return Error::input(QStringLiteral("invalid 'marker_unit'"));
    }
    s.svgPath = o.value(QLatin1String("svg")).toString();
    s.opacity = std::clamp(o.value(QLatin1String("opacity")).toDouble(1.0), 0.0, 1.0);
    return s;
}

} // namespace kw
