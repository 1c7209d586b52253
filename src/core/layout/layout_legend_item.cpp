// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layout/layout_legend_item.h"

#include "core/layers/raster_layer.h"
#include "core/layers/vector_layer.h"
#include "core/layout/layout.h"
#include "core/layout/layout_map_item.h"
#include "core/style/color_ramp.h"
#include "core/style/legend_symbol.h"
#include "core/style/rule_based_renderer.h"

#include <QFontMetricsF>
#include <QJsonArray>
#include <limits>

namespace kw {

QList<LegendEntry> LayoutLegendItem::layerEntries(const Layer &layer, double scale)
{
    if (layer.kind() == Layer::Kind::Vector) {
        const auto &v = static_cast<const VectorLayer &>(layer);
        const GeometryFamily family = v.store() ? v.store()->family() : GeometryFamily::Polygon;
        QList<LegendEntry> entries = v.renderer().legend(
            family == GeometryFamily::Mixed || family == GeometryFamily::None ? GeometryFamily::Polygon
                                                                              : family);
        if (v.renderer().type() == FeatureRenderer::Type::RuleBased) {
            // One entry per rule: leave out rules the map does not draw at its scale.
            const QList<Rule> &rules = static_cast<const RuleBasedRenderer &>(v.renderer()).rules();
            QList<LegendEntry> shown;
            for (int i = 0; i < entries.size() && i < rules.size(); ++i) {
                const Rule &r = rules[i];
                if (scale <= 0 ||
                    ((r.minScale <= 0 || scale <= r.minScale) && (r.maxScale <= 0 || scale >= r.maxScale)))
                    shown << entries[i];
            }
            return shown;
        }
        return entries;
    }
    const auto &r = static_cast<const RasterLayer &>(layer);
    if (r.info().raster && r.info().raster->bandCount >= 3)
        return {}; // an RGB(A) image (a basemap) explains itself
    LegendEntry e;
    e.kind = LegendEntry::Kind::Ramp;
    ColorRamp ramp = ColorRamp::named(r.style().ramp);
    if (r.style().invertRamp) ramp = ramp.inverted();
    for (int i = 0; i <= 4; ++i)
        e.rampColors << ramp.color(i / 4.0);
    return {e};
}

QList<LayoutLegendItem::Row> LayoutLegendItem::rows(const LayoutRenderContext &context) const
{
    QList<Row> out;
    const QFontMetricsF titleFm(
        context.font(m_titleFont.family, m_titleFont.size, m_titleFont.bold, m_titleFont.italic));
    const QFontMetricsF headingFm(
        context.font(m_headingFont.family, m_headingFont.size, m_headingFont.bold, m_headingFont.italic));
    const QFontMetricsF itemFm(
        context.font(m_itemFont.family, m_itemFont.size, m_itemFont.bold, m_itemFont.italic));
    const double spacing = context.px(m_spacing);
    if (!m_title.isEmpty())
        out.append({Row::Kind::Title, m_title, {}, {}, titleFm.height() + context.px(1.5)});

    const auto *map =
        context.layout ? dynamic_cast<const LayoutMapItem *>(context.layout->item(m_mapId)) : nullptr;
    if (!map) {
        context.warn(QStringLiteral("legend '%1': no map item '%2'").arg(id(), m_mapId));
        return out;
    }
    const MapSettings settings = map->mapSettings(context);
    const double scale = settings.scale();
    QList<std::shared_ptr<Layer>> layers = settings.layers();
    std::reverse(layers.begin(), layers.end()); // top first, as in the layer tree
    const QSizeF baseSymbol(context.px(m_symbolWidth), context.px(m_symbolHeight));
    for (const auto &layer : std::as_const(layers)) {
        // Only what the map really draws: visible, in its scale range, loaded, not excluded.
        if (!layer->isVisible() || !layer->isVisibleAtScale(scale) || !layer->isLoaded() ||
            m_exclude.contains(layer->id()) || m_exclude.contains(layer->name()))
            continue;
        const QList<LegendEntry> entries = layerEntries(*layer, scale);
        if (entries.isEmpty()) continue;
        const auto entryRow = [&](const LegendEntry &e, const QString &text) {
            const QSizeF symbol = legendSymbolSize(e, baseSymbol, context.dpi);
            return Row{Row::Kind::Entry, text, e, symbol,
                       std::max(symbol.height(), itemFm.height()) + spacing};
        };
        if (entries.size() == 1 && entries.front().kind == LegendEntry::Kind::Symbol) {
            out.append(entryRow(entries.front(), layer->name()));
            continue;
        }
        out.append({Row::Kind::Heading, layer->name(), {}, {}, headingFm.height() + spacing});
        for (const LegendEntry &e : entries)
            out.append(entryRow(e, e.label.isEmpty() ? layer->name() : e.label));
    }
    return out;
}

QSizeF LayoutLegendItem::contentSize(const LayoutRenderContext &context) const
{
    const QList<Row> all = rows(context);
    const QFontMetricsF titleFm(context.font(m_titleFont.family, m_titleFont.size, m_titleFont.bold));
    const QFontMetricsF headingFm(context.font(m_headingFont.family, m_headingFont.size, m_headingFont.bold));
    const QFontMetricsF itemFm(context.font(m_itemFont.family, m_itemFont.size, m_itemFont.bold));
    double width = 0, height = 0;
    for (const Row &r : all) {
        height += r.height;
        if (r.kind == Row::Kind::Title)
            width = std::max(width, titleFm.horizontalAdvance(r.text));
        else if (r.kind == Row::Kind::Heading)
            width = std::max(width, headingFm.horizontalAdvance(r.text));
        else
            width = std::max(width, r.symbolSize.width() + context.px(2) + itemFm.horizontalAdvance(r.text));
    }
    const double k = 25.4 / context.dpi;
    return {width * k + 1, height * k + 1};
}

void LayoutLegendItem::drawContent(QPainter &painter, const LayoutRenderContext &context,
                                   const QSizeF &size) const
{
    const QList<Row> all = rows(context);
    const QFont titleFont =
        context.font(m_titleFont.family, m_titleFont.size, m_titleFont.bold, m_titleFont.italic);
    const QFont headingFont =
        context.font(m_headingFont.family, m_headingFont.size, m_headingFont.bold, m_headingFont.italic);
    const QFont itemFont =
        context.font(m_itemFont.family, m_itemFont.size, m_itemFont.bold, m_itemFont.italic);
    const QFontMetricsF titleFm(titleFont), headingFm(headingFont), itemFm(itemFont);
    const double gap = context.px(2.0);

    // The legend does not shrink itself: say so when its content needs more room than the item has.
    double needed = 0;
    for (const Row &r : all)
        needed += r.height;
    if (m_columns == 1 && needed > size.height() * 1.02)
        context.warn(QStringLiteral("legend '%1': its content needs %2 mm, the item is %3 mm tall")
                         .arg(id())
                         .arg(needed * 25.4 / context.dpi, 0, 'f', 0)
                         .arg(size.height() * 25.4 / context.dpi, 0, 'f', 0));
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    double top = 0;
    int first = 0;
    if (!all.isEmpty() && all.front().kind == Row::Kind::Title) {
        painter.setFont(titleFont);
        painter.setPen(m_titleFont.color);
        painter.drawText(QPointF(0, titleFm.ascent()), all.front().text);
        top = all.front().height;
        first = 1;
    }
    // Columns: the break points that make the tallest column shortest. A column may start before a
    // heading, or between two entries of one layer at a cost (readers like a layer's entries together),
    // never right after a heading.
    const int columns = std::max(1, m_columns);
    const double columnWidth = (size.width() - context.px(m_columnGap) * (columns - 1)) / columns;
    const int n = int(all.size());
    std::vector<double> prefix(size_t(n) + 1, 0.0);
    for (int i = first; i < n; ++i)
        prefix[size_t(i) + 1] = prefix[size_t(i)] + all[i].height;
    prefix[size_t(first)] = 0;
    for (int i = 0; i < first; ++i)
        prefix[size_t(i) + 1] = 0;
    const double splitCost = n > first ? 3.0 * (prefix[size_t(n)] / (n - first)) : 0.0;
    const auto breakCost = [&](int i) -> double { // starting a column at row i
        if (all[i].kind == Row::Kind::Heading) return 0.0;
        return all[i - 1].kind == Row::Kind::Heading ? -1.0 : splitCost; // -1: not allowed
    };
    const double inf = std::numeric_limits<double>::infinity();
    // best[k][i]: rows [first, i) in k columns, ending with a column break at i (or the end); the cost is
    // the tallest column plus the split costs.
    std::vector<std::vector<double>> best(size_t(columns) + 1, std::vector<double>(size_t(n) + 1, inf));
    std::vector<std::vector<int>> from(size_t(columns) + 1, std::vector<int>(size_t(n) + 1, -1));
    best[0][size_t(first)] = 0;
    for (int k = 1; k <= columns; ++k)
        for (int i = first + 1; i <= n; ++i) {
            const double cost = i < n ? breakCost(i) : 0.0;
            if (cost < 0) continue;
            for (int j = first; j < i; ++j) {
                if (best[size_t(k) - 1][size_t(j)] == inf) continue;
                const double tallest =
                    std::max(best[size_t(k) - 1][size_t(j)] - 0.0, prefix[size_t(i)] - prefix[size_t(j)]);
                const double c = tallest + cost;
                if (c < best[size_t(k)][size_t(i)]) {
                    best[size_t(k)][size_t(i)] = c;
                    from[size_t(k)][size_t(i)] = j;
                }
            }
        }
    int usedColumns = 1;
    for (int k = 1; k <= columns; ++k)
        if (best[size_t(k)][size_t(n)] < best[size_t(usedColumns)][size_t(n)] - 1e-9) usedColumns = k;
    std::vector<int> starts;
    for (int k = usedColumns, i = n; k > 0 && i > first; i = from[size_t(k)][size_t(i)], --k)
        starts.insert(starts.begin(), from[size_t(k)][size_t(i)]);
    int column = 0;
    double y = top;
    for (int i = first; i < n; ++i) {
        const Row &r = all[i];
        if (column + 1 < int(starts.size()) && i == starts[size_t(column) + 1]) {
            ++column;
            y = top;
        }
        const double x = column * (columnWidth + context.px(m_columnGap));
        if (r.kind == Row::Kind::Heading) {
            painter.setFont(headingFont);
            painter.setPen(m_headingFont.color);
            painter.drawText(QPointF(x, y + headingFm.ascent()), r.text);
        } else {
            const double rowHeight = r.height - context.px(m_spacing);
            const double symbolX =
                x +
                (context.px(m_symbolWidth) - std::min(r.symbolSize.width(), context.px(m_symbolWidth))) / 2;
            const QRectF symbol(symbolX, y + (rowHeight - r.symbolSize.height()) / 2, r.symbolSize.width(),
                                r.symbolSize.height());
            drawLegendSymbol(painter, r.entry, symbol, context.dpi);
            painter.setFont(itemFont);
            painter.setPen(m_itemFont.color);
            const double textX = x + std::max(context.px(m_symbolWidth), r.symbolSize.width()) + gap;
            const QString text =
                itemFm.elidedText(r.text, Qt::ElideRight, std::max(0.0, x + columnWidth - textX));
            painter.drawText(QPointF(textX, y + rowHeight / 2 + (itemFm.ascent() - itemFm.descent()) / 2),
                             text);
        }
        y += r.height;
    }
}

void LayoutLegendItem::writeProperties(QJsonObject &o) const
{
    o[QStringLiteral("map")] = m_mapId;
    o[QStringLiteral("title")] = m_title;
    o[QStringLiteral("title_font")] = m_titleFont.toJson();
    o[QStringLiteral("heading_font")] = m_headingFont.toJson();
    o[QStringLiteral("item_font")] = m_itemFont.toJson();
    o[QStringLiteral("columns")] = m_columns;
    o[QStringLiteral("symbol_width")] = m_symbolWidth;
    o[QStringLiteral("symbol_height")] = m_symbolHeight;
    o[QStringLiteral("spacing")] = m_spacing;
    o[QStringLiteral("column_gap")] = m_columnGap;
    if (!m_exclude.isEmpty()) o[QStringLiteral("exclude")] = QJsonArray::fromStringList(m_exclude);
}

QStringList LayoutLegendItem::propertyKeys() const
{
    return {QStringLiteral("map"),          QStringLiteral("title"),         QStringLiteral("title_font"),
            QStringLiteral("heading_font"), QStringLiteral("item_font"),     QStringLiteral("columns"),
            QStringLiteral("symbol_width"), QStringLiteral("symbol_height"), QStringLiteral("spacing"),
            QStringLiteral("column_gap"),   QStringLiteral("exclude")};
}

Status LayoutLegendItem::readProperties(const QJsonObject &o)
{
    m_mapId = o.value(QLatin1String("map")).toString();
    m_title = o.value(QLatin1String("title")).toString(m_title);
    for (const auto &[key, font] :
         {std::pair{"title_font", &m_titleFont}, std::pair{"heading_font", &m_headingFont},
          std::pair{"item_font", &m_itemFont}}) {
        auto f = LayoutFont::fromJson(o.value(QLatin1String(key)).toObject(), *font);
        if (!f.ok()) return Error::input(QStringLiteral("%1: %2").arg(QLatin1String(key), f.error().message));
        *font = *f;
    }
    m_columns = std::max(1, o.value(QLatin1String("columns")).toInt(1));
    m_symbolWidth = o.value(QLatin1String("symbol_width")).toDouble(m_symbolWidth);
    m_symbolHeight = o.value(QLatin1String("symbol_height")).toDouble(m_symbolHeight);
    m_spacing = o.value(QLatin1String("spacing")).toDouble(m_spacing);
    m_columnGap = o.value(QLatin1String("column_gap")).toDouble(m_columnGap);
    m_exclude.clear();
    for (const QJsonValue &v : o.value(QLatin1String("exclude")).toArray())
        m_exclude << v.toString();
    if (m_symbolWidth <= 0 || m_symbolHeight <= 0)
        return Error::input(QStringLiteral("symbol size must be positive"));
    return {};
}

} // namespace kw
