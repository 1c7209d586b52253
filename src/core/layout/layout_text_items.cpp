// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layout/layout_text_items.h"

#include "core/layers/layer.h"
#include "core/layout/layout.h"
#include "core/layout/layout_map_item.h"

#include <QFileInfo>
#include <QFontMetricsF>
#include <QJsonArray>

namespace kw {

namespace {

QString alignmentName(Qt::Alignment a)
{
    if (a & Qt::AlignHCenter) return QStringLiteral("center");
    if (a & Qt::AlignRight) return QStringLiteral("right");
    return QStringLiteral("left");
}

QString verticalName(Qt::Alignment a)
{
    if (a & Qt::AlignVCenter) return QStringLiteral("middle");
    if (a & Qt::AlignBottom) return QStringLiteral("bottom");
    return QStringLiteral("top");
}

Status readAlignment(const QJsonObject &o, Qt::Alignment &a)
{
    const QString h = o.value(QLatin1String("align")).toString(alignmentName(a));
    const QString v = o.value(QLatin1String("valign")).toString(verticalName(a));
    Qt::Alignment out;
    if (h == QLatin1String("left"))
        out |= Qt::AlignLeft;
    else if (h == QLatin1String("center"))
        out |= Qt::AlignHCenter;
    else if (h == QLatin1String("right"))
        out |= Qt::AlignRight;
    else
        return Error::input(QStringLiteral("align must be left, center or right"));
    if (v == QLatin1String("top"))
        out |= Qt::AlignTop;
    else if (v == QLatin1String("middle"))
        out |= Qt::AlignVCenter;
    else if (v == QLatin1String("bottom"))
        out |= Qt::AlignBottom;
    else
        return Error::input(QStringLiteral("valign must be top, middle or bottom"));
    a = out;
    return {};
}

} // namespace

void drawLayoutText(QPainter &painter, const LayoutRenderContext &context, const QRectF &rect,
                    const QString &text, const LayoutFont &font, Qt::Alignment alignment, bool wrap)
{
    painter.save();
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.setFont(context.font(font.family, font.size, font.bold, font.italic));
    painter.setPen(font.color);
    painter.drawText(rect, int(alignment) | (wrap ? Qt::TextWordWrap : 0), text);
    painter.restore();
}

// ---- LayoutLabelItem ------------------------------------------------------------------------------

QString LayoutLabelItem::displayText(const LayoutRenderContext &context) const
{
    QStringList errors;
    const QString text = m_text.evaluate(context.expressionContext(), &errors);
    for (const QString &e : std::as_const(errors))
        context.warn(QStringLiteral("label '%1': %2").arg(id(), e));
    return text;
}

void LayoutLabelItem::drawContent(QPainter &painter, const LayoutRenderContext &context,
                                  const QSizeF &size) const
{
    const double m = context.px(m_margin);
    drawLayoutText(painter, context, QRectF(m, m, size.width() - 2 * m, size.height() - 2 * m),
                   displayText(context), m_font, m_alignment, m_wrap);
}

void LayoutLabelItem::writeProperties(QJsonObject &o) const
{
    o[QStringLiteral("text")] = m_text.text();
    o[QStringLiteral("font")] = m_font.toJson();
    o[QStringLiteral("align")] = alignmentName(m_alignment);
    o[QStringLiteral("valign")] = verticalName(m_alignment);
    o[QStringLiteral("wrap")] = m_wrap;
    if (m_margin != 0) o[QStringLiteral("margin")] = m_margin;
}

QStringList LayoutLabelItem::propertyKeys() const
{
    return {QStringLiteral("text"),   QStringLiteral("font"), QStringLiteral("align"),
            QStringLiteral("valign"), QStringLiteral("wrap"), QStringLiteral("margin")};
}

Status LayoutLabelItem::readProperties(const QJsonObject &o)
{
    m_text = TextTemplate(o.value(QLatin1String("text")).toString());
    auto font = LayoutFont::fromJson(o.value(QLatin1String("font")).toObject(), m_font);
    if (!font.ok()) return font.error();
    m_font = *font;
    m_wrap = o.value(QLatin1String("wrap")).toBool(true);
    m_margin = o.value(QLatin1String("margin")).toDouble(0);
    return readAlignment(o, m_alignment);
}

// ---- LayoutSourcesItem ----------------------------------------------------------------------------

QString LayoutSourcesItem::displayText(const LayoutRenderContext &context) const
{
    QStringList errors;
    QString text = m_text.evaluate(context.expressionContext(), &errors);
    for (const QString &e : std::as_const(errors))
        context.warn(QStringLiteral("sources '%1': %2").arg(id(), e));
    if (!m_listLayers) return text;
    const auto *map =
        context.layout ? dynamic_cast<const LayoutMapItem *>(context.layout->item(m_mapId)) : nullptr;
    QList<std::shared_ptr<Layer>> layers;
    double scale = 0;
    if (map) {
        const MapSettings settings = map->mapSettings(context);
        layers = settings.layers();
        scale = settings.scale();
    } else if (context.project) {
        layers = context.project->visibleLayers();
    }
    std::reverse(layers.begin(), layers.end());
    QStringList names, files;
    for (const auto &l : std::as_const(layers)) {
        // Only what the page shows: a layer hidden at the map's scale is no source of this map.
        if (!l->isVisible() || (scale > 0 && !l->isVisibleAtScale(scale))) continue;
        if (!names.contains(l->name())) names << l->name();
        // A file's name, not its path: the page must not show where the data lies on someone's disk.
        const QString source =
            l->source().isLocalPath() ? QFileInfo(l->source().path).fileName() : l->source().path;
        if (!source.isEmpty() && !files.contains(source)) files << source;
    }
    if (names.isEmpty()) return text;
    const QString list =
        m_layersPrefix + names.join(QStringLiteral(", ")) +
        (files.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(files.join(QStringLiteral(", "))));
    return text.isEmpty() ? list : text + QLatin1Char('\n') + list;
}

void LayoutSourcesItem::drawContent(QPainter &painter, const LayoutRenderContext &context,
                                    const QSizeF &size) const
{
    drawLayoutText(painter, context, QRectF(QPointF(0, 0), size), displayText(context), m_font, m_alignment,
                   true);
}

void LayoutSourcesItem::writeProperties(QJsonObject &o) const
{
    if (!m_mapId.isEmpty()) o[QStringLiteral("map")] = m_mapId;
    o[QStringLiteral("text")] = m_text.text();
    o[QStringLiteral("list_layers")] = m_listLayers;
    o[QStringLiteral("layers_prefix")] = m_layersPrefix;
    o[QStringLiteral("font")] = m_font.toJson();
    o[QStringLiteral("align")] = alignmentName(m_alignment);
    o[QStringLiteral("valign")] = verticalName(m_alignment);
}

QStringList LayoutSourcesItem::propertyKeys() const
{
    return {QStringLiteral("map"),           QStringLiteral("text"), QStringLiteral("list_layers"),
            QStringLiteral("layers_prefix"), QStringLiteral("font"), QStringLiteral("align"),
            QStringLiteral("valign")};
}

Status LayoutSourcesItem::readProperties(const QJsonObject &o)
{
    m_mapId = o.value(QLatin1String("map")).toString();
    m_text = TextTemplate(o.value(QLatin1String("text")).toString());
    m_listLayers = o.value(QLatin1String("list_layers")).toBool(true);
    m_layersPrefix = o.value(QLatin1String("layers_prefix")).toString(m_layersPrefix);
    auto font = LayoutFont::fromJson(o.value(QLatin1String("font")).toObject(), m_font);
    if (!font.ok()) return font.error();
    m_font = *font;
    return readAlignment(o, m_alignment);
}

} // namespace kw
