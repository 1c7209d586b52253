// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layout/layout_item.h"

#include "core/layout/layout_legend_item.h"
#include "core/layout/layout_map_item.h"
#include "core/layout/layout_misc_items.h"
#include "core/layout/layout_scale_bar_item.h"
#include "core/layout/layout_table_items.h"
#include "core/layout/layout_text_items.h"
#include "core/style/symbol_json.h"

#include <QJsonArray>

namespace kw {

namespace {

const QStringList kCommonKeys = {
    QStringLiteral("type"),        QStringLiteral("id"),          QStringLiteral("page"),
    QStringLiteral("x"),           QStringLiteral("y"),           QStringLiteral("width"),
    QStringLiteral("height"),      QStringLiteral("rotation"),    QStringLiteral("frame"),
    QStringLiteral("frame_color"), QStringLiteral("frame_width"), QStringLiteral("background")};

} // namespace

bool readColor(const QJsonObject &json, const char *key, QColor &target)
{
    const QJsonValue v = json.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) return true;
    const QColor c = colorFromString(v.toString());
    if (!c.isValid()) return false;
    target = c;
    return true;
}

QJsonObject LayoutFont::toJson() const
{
    QJsonObject o{{QStringLiteral("family"), family},
                  {QStringLiteral("size"), size},
                  {QStringLiteral("color"), colorToString(color)}};
    if (bold) o[QStringLiteral("bold")] = true;
    if (italic) o[QStringLiteral("italic")] = true;
    return o;
}

Result<LayoutFont> LayoutFont::fromJson(const QJsonObject &o, const LayoutFont &defaults)
{
    LayoutFont f = defaults;
    f.family = o.value(QLatin1String("family")).toString(f.family);
    f.size = o.value(QLatin1String("size")).toDouble(f.size);
    f.bold = o.value(QLatin1String("bold")).toBool(f.bold);
    f.italic = o.value(QLatin1String("italic")).toBool(f.italic);
    if (!(f.size > 0 && f.size < 1000)) return Error::input(QStringLiteral("font: invalid size"));
    if (!readColor(o, "color", f.color)) return Error::input(QStringLiteral("font: invalid colour"));
    return f;
}

QString LayoutItem::typeName(Type type)
{
    switch (type) {
    case Type::Map:
        return QStringLiteral("map");
    case Type::Legend:
        return QStringLiteral("legend");
    case Type::ScaleBar:
        return QStringLiteral("scalebar");
    case Type::NorthArrow:
        return QStringLiteral("north_arrow");
    case Type::Label:
        return QStringLiteral("label");
    case Type::Picture:
        return QStringLiteral("picture");
    case Type::AttributeTable:
        return QStringLiteral("attribute_table");
    case Type::Chart:
        return QStringLiteral("chart");
    case Type::Sources:
        return QStringLiteral("sources");
    case Type::Shape:
        return QStringLiteral("shape");
    }
    return QStringLiteral("label");
}

std::optional<LayoutItem::Type> LayoutItem::typeFromName(const QString &name)
{
    for (Type t : {Type::Map, Type::Legend, Type::ScaleBar, Type::NorthArrow, Type::Label, Type::Picture,
                   Type::AttributeTable, Type::Chart, Type::Sources, Type::Shape})
        if (typeName(t) == name) return t;
    return std::nullopt;
}

std::unique_ptr<LayoutItem> LayoutItem::create(Type type)
{
    switch (type) {
    case Type::Map:
        return std::make_unique<LayoutMapItem>();
    case Type::Legend:
        return std::make_unique<LayoutLegendItem>();
    case Type::ScaleBar:
        return std::make_unique<LayoutScaleBarItem>();
    case Type::NorthArrow:
        return std::make_unique<LayoutNorthArrowItem>();
    case Type::Label:
        return std::make_unique<LayoutLabelItem>();
    case Type::Picture:
        return std::make_unique<LayoutPictureItem>();
    case Type::AttributeTable:
        return std::make_unique<LayoutAttributeTableItem>();
    case Type::Chart:
        return std::make_unique<LayoutChartItem>();
    case Type::Sources:
        return std::make_unique<LayoutSourcesItem>();
    case Type::Shape:
        return std::make_unique<LayoutShapeItem>();
    }
    return nullptr;
}

Result<std::unique_ptr<LayoutItem>> LayoutItem::fromJson(const QJsonObject &o)
{
    const QString typeText = o.value(QLatin1String("type")).toString();
    const QString id = o.value(QLatin1String("id")).toString();
    const QString where = id.isEmpty() ? QStringLiteral("item of type '%1'").arg(typeText)
                                       : QStringLiteral("item '%1'").arg(id);
    const auto type = typeFromName(typeText);
    if (!type) return Error::input(QStringLiteral("%1: unknown item type '%2'").arg(where, typeText));
    auto item = create(*type);
    item->m_id = id;
    item->m_page = o.value(QLatin1String("page")).toInt(0);
    const double w = o.value(QLatin1String("width")).toDouble(-1),
                 h = o.value(QLatin1String("height")).toDouble(-1);
    if (!(w > 0 && h > 0))
        return Error::input(QStringLiteral("%1: needs a positive width and height (mm)").arg(where));
    if (item->m_page < 0) return Error::input(QStringLiteral("%1: invalid page").arg(where));
    item->m_rect =
        QRectF(o.value(QLatin1String("x")).toDouble(0), o.value(QLatin1String("y")).toDouble(0), w, h);
    item->m_rotation = o.value(QLatin1String("rotation")).toDouble(0);
    item->m_frame = o.value(QLatin1String("frame")).toBool(false);
    item->m_frameWidth = o.value(QLatin1String("frame_width")).toDouble(item->m_frameWidth);
    if (!readColor(o, "frame_color", item->m_frameColor) || !readColor(o, "background", item->m_background))
        return Error::input(QStringLiteral("%1: invalid colour").arg(where));
    if (Status st = item->readProperties(o); !st.ok())
        return Error::input(QStringLiteral("%1: %2").arg(where, st.error().message));
    const QStringList own = item->propertyKeys();
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!kCommonKeys.contains(it.key()) && !own.contains(it.key()))
            item->m_extra.insert(it.key(), it.value());
    return item;
}

QJsonObject LayoutItem::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("type")] = typeName(type());
    o[QStringLiteral("id")] = m_id;
    if (m_page) o[QStringLiteral("page")] = m_page;
    o[QStringLiteral("x")] = m_rect.x();
    o[QStringLiteral("y")] = m_rect.y();
    o[QStringLiteral("width")] = m_rect.width();
    o[QStringLiteral("height")] = m_rect.height();
    if (m_rotation != 0) o[QStringLiteral("rotation")] = m_rotation;
    if (m_frame) {
        o[QStringLiteral("frame")] = true;
        o[QStringLiteral("frame_color")] = colorToString(m_frameColor);
        o[QStringLiteral("frame_width")] = m_frameWidth;
    }
    if (m_background.isValid() && m_background.alpha() > 0)
        o[QStringLiteral("background")] = colorToString(m_background);
    writeProperties(o);
    for (auto it = m_extra.begin(); it != m_extra.end(); ++it)
        if (!o.contains(it.key())) o.insert(it.key(), it.value());
    return o;
}

QTransform LayoutItem::itemToPage(double dpi) const
{
    const double k = dpi / 25.4;
    const QSizeF size(m_rect.width() * k, m_rect.height() * k);
    QTransform t;
    t.translate(m_rect.x() * k, m_rect.y() * k);
    if (m_rotation != 0 && supportsRotation()) {
        t.translate(size.width() / 2, size.height() / 2);
        t.rotate(m_rotation);
        t.translate(-size.width() / 2, -size.height() / 2);
    }
    return t;
}

void LayoutItem::draw(QPainter &painter, const LayoutRenderContext &context) const
{
    const QSizeF size(context.px(m_rect.width()), context.px(m_rect.height()));
    painter.save();
    painter.setTransform(itemToPage(context.dpi), true);
    const QRectF local(QPointF(0, 0), size);
    if (m_background.isValid() && m_background.alpha() > 0) painter.fillRect(local, m_background);
    painter.save();
    drawContent(painter, context, size);
    painter.restore();
    if (m_frame && m_frameWidth > 0 && m_frameColor.alpha() > 0) {
        // The frame lies inside the item's rectangle, so a framed map and its neighbours line up exactly.
        const double w = context.px(m_frameWidth);
        QPen pen(m_frameColor, w);
        pen.setJoinStyle(Qt::MiterJoin);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.drawRect(local.adjusted(w / 2, w / 2, -w / 2, -w / 2));
    }
    painter.restore();
}

} // namespace kw
