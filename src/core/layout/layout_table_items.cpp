// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layout/layout_table_items.h"

#include "core/expression/expression.h"
#include "core/layers/vector_layer.h"
#include "core/layout/layout.h"
#include "core/layout/layout_map_item.h"
#include "core/style/symbol_json.h"

#include <QCollator>
#include <QFontMetricsF>
#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace kw {

// ---- LayoutAttributeTableItem ---------------------------------------------------------------------

Result<LayoutAttributeTableItem::Content>
LayoutAttributeTableItem::content(const LayoutRenderContext &context) const
{
    Content c;
    for (const Column &col : m_columns)
        c.headings << (col.heading.isEmpty() ? col.expression : col.heading);
    const auto layer = context.project ? context.project->layer(m_layerId) : nullptr;
    if (!layer || layer->kind() != Layer::Kind::Vector)
        return Error::input(QStringLiteral("no vector layer '%1'").arg(m_layerId));
    const auto &vector = static_cast<const VectorLayer &>(*layer);
    const auto store = vector.store();
    if (!store) return Error::input(QStringLiteral("layer '%1' is not loaded").arg(layer->name()));

    std::vector<uint32_t> rows;
    if (!m_onlyInMap.isEmpty()) {
        const auto *map =
            context.layout ? dynamic_cast<const LayoutMapItem *>(context.layout->item(m_onlyInMap)) : nullptr;
        if (!map) return Error::input(QStringLiteral("no map item '%1'").arg(m_onlyInMap));
        const QRectF shown = map->visiblePolygon(context).boundingRect();
        rows = store->index().query(Envelope(shown.left(), shown.top(), shown.right(), shown.bottom()));
        std::sort(rows.begin(), rows.end());
    } else {
        rows.resize(store->featureCount());
        std::iota(rows.begin(), rows.end(), 0u);
    }
    if (const auto mask = vector.filterMask())
        std::erase_if(rows, [&](uint32_t r) { return r >= mask->size() || !(*mask)[r]; });

    ExpressionContext ec = context.expressionContext();
    ec.setTable(&store->attributes());
    const auto prepared = [&](const QString &text, const QString &what) -> Result<Expression> {
        auto e = Expression::parse(text);
        if (!e.ok()) return Error::input(QStringLiteral("%1: %2").arg(what, e.error().message));
        if (Status st = e->prepare(store->fields()); !st.ok())
            return Error::input(QStringLiteral("%1: %2").arg(what, st.error().message));
        return e;
    };
    if (!m_filter.trimmed().isEmpty()) {
        auto filter = prepared(m_filter, QStringLiteral("filter"));
        if (!filter.ok()) return filter.error();
        std::erase_if(rows, [&](uint32_t r) {
            ec.setRow(r);
            ec.setFeatureId(store->fid(r));
            return !filter->evaluateBool(ec);
        });
    }
    if (!m_sortBy.trimmed().isEmpty()) {
        auto sort = prepared(m_sortBy, QStringLiteral("sort"));
        if (!sort.ok()) return sort.error();
        std::vector<std::pair<QVariant, uint32_t>> keyed;
        for (uint32_t r : rows) {
            ec.setRow(r);
            ec.setFeatureId(store->fid(r));
            keyed.emplace_back(sort->evaluate(ec), r);
        }
        QCollator collator{QLocale(QStringLiteral("de"))};
        collator.setNumericMode(true);
        const auto less = [&](const std::pair<QVariant, uint32_t> &a,
                              const std::pair<QVariant, uint32_t> &b) {
            const QVariant &x = a.first, &y = b.first;
            if (x.isNull() != y.isNull()) return y.isNull(); // NULLs last
            bool nx = false, ny = false;
            const double dx = x.toDouble(&nx), dy = y.toDouble(&ny);
            if (nx && ny && x.typeId() != QMetaType::QString && y.typeId() != QMetaType::QString)
                return m_descending ? dx > dy : dx < dy;
            const int c = collator.compare(x.toString(), y.toString());
            return m_descending ? c > 0 : c < 0;
        };
        std::stable_sort(keyed.begin(), keyed.end(), less);
        for (size_t i = 0; i < keyed.size(); ++i)
            rows[i] = keyed[i].second;
    }
    c.matched = int(rows.size());
    std::vector<Expression> columns;
    for (const Column &col : m_columns) {
        auto e = prepared(col.expression, QStringLiteral("column '%1'").arg(col.heading));
        if (!e.ok()) return e.error();
        columns.push_back(*e);
    }
    for (size_t i = 0; i < rows.size() && int(i) < m_maxRows; ++i) {
        ec.setRow(rows[i]);
        ec.setFeatureId(store->fid(rows[i]));
        QStringList cells;
        for (const Expression &e : columns)
            cells << e.evaluateText(ec);
        c.rows << cells;
    }
    return c;
}

void LayoutAttributeTableItem::drawContent(QPainter &painter, const LayoutRenderContext &context,
                                           const QSizeF &size) const
{
    const auto content = this->content(context);
    const QFont headerFont =
        context.font(m_headerFont.family, m_headerFont.size, m_headerFont.bold, m_headerFont.italic);
    const QFont font = context.font(m_font.family, m_font.size, m_font.bold, m_font.italic);
    const QFontMetricsF hfm(headerFont), fm(font);
    if (!content.ok()) {
        context.warn(QStringLiteral("table '%1': %2").arg(id(), content.error().message));
        painter.setFont(font);
        painter.setPen(QColor(150, 150, 150));
        painter.drawText(QRectF(QPointF(0, 0), size), Qt::AlignCenter | Qt::TextWordWrap,
                         content.error().message);
        return;
    }
    const int n = int(m_columns.size());
    if (n == 0) return;
    const double pad = context.px(1.2);
    const double rowHeight = fm.height() + context.px(1.4);
    const double headerHeight = hfm.height() + context.px(1.8);
    // Column widths follow their widest text, shrunk or widened together to the item's width.
    std::vector<double> widths(size_t(n), 0.0);
    for (int j = 0; j < n; ++j) {
        widths[size_t(j)] = hfm.horizontalAdvance(content->headings.value(j)) + 2 * pad;
        for (const QStringList &row : content->rows)
            widths[size_t(j)] = std::max(widths[size_t(j)], fm.horizontalAdvance(row.value(j)) + 2 * pad);
    }
    // Too wide: cap the widest columns (short ones such as a status keep their width); too narrow: share
    // the room in proportion.
    const double sum = std::accumulate(widths.begin(), widths.end(), 0.0);
    if (sum > size.width()) {
        std::vector<double> sorted = widths;
        std::sort(sorted.begin(), sorted.end());
        double cap = size.width() / n, rest = size.width();
        for (size_t k = 0; k < sorted.size(); ++k) {
            const double share = rest / double(sorted.size() - k);
            if (sorted[k] > share) {
                cap = share;
                break;
            }
            rest -= sorted[k];
            cap = sorted[k];
        }
        for (double &w : widths)
            w = std::min(w, cap);
    } else {
        for (double &w : widths)
            w *= size.width() / std::max(sum, 1.0);
    }

    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const double hair = std::max(1.0, context.px(0.1));
    painter.fillRect(QRectF(0, 0, size.width(), headerHeight), m_headerBackground);
    painter.setFont(headerFont);
    painter.setPen(m_headerFont.color);
    double x = 0;
    for (int j = 0; j < n; ++j) {
        const QRectF cell(x + pad, 0, widths[size_t(j)] - 2 * pad, headerHeight);
        painter.drawText(cell, int(m_columns[j].alignment | Qt::AlignVCenter),
                         hfm.elidedText(content->headings.value(j), Qt::ElideRight, cell.width()));
        x += widths[size_t(j)];
    }
    double y = headerHeight;
    painter.setFont(font);
    const int shown = content->rows.size();
    for (int i = 0; i < shown && y + rowHeight <= size.height() + 0.5; ++i) {
        if (i % 2 == 1 && m_stripe.alpha() > 0)
            painter.fillRect(QRectF(0, y, size.width(), rowHeight), m_stripe);
        painter.setPen(m_font.color);
        x = 0;
        for (int j = 0; j < n; ++j) {
            const QRectF cell(x + pad, y, widths[size_t(j)] - 2 * pad, rowHeight);
            painter.drawText(cell, int(m_columns[j].alignment | Qt::AlignVCenter),
                             fm.elidedText(content->rows[i].value(j), Qt::ElideRight, cell.width()));
            x += widths[size_t(j)];
        }
        y += rowHeight;
        painter.setPen(QPen(m_gridColor, hair));
        painter.drawLine(QPointF(0, y), QPointF(size.width(), y));
    }
    painter.setPen(QPen(m_gridColor, hair));
    painter.drawLine(QPointF(0, headerHeight), QPointF(size.width(), headerHeight));
    if (shown == 0) {
        painter.setPen(QColor(120, 120, 120));
        painter.drawText(QRectF(pad, y, size.width() - 2 * pad, rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         m_emptyText);
    } else if (content->matched > shown && y + rowHeight <= size.height() + 0.5) {
        QFont italic = font;
        italic.setItalic(true);
        painter.setFont(italic);
        painter.setPen(QColor(110, 110, 110));
        painter.drawText(QRectF(pad, y, size.width() - 2 * pad, rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         QStringLiteral("… und %1 weitere").arg(content->matched - shown));
    }
}

void LayoutAttributeTableItem::writeProperties(QJsonObject &o) const
{
    o[QStringLiteral("layer")] = m_layerId;
    QJsonArray cols;
    for (const Column &c : m_columns) {
        QJsonObject co{{QStringLiteral("expression"), c.expression}, {QStringLiteral("heading"), c.heading}};
        if (c.alignment & Qt::AlignRight)
            co[QStringLiteral("align")] = QStringLiteral("right");
        else if (c.alignment & Qt::AlignHCenter)
            co[QStringLiteral("align")] = QStringLiteral("center");
        cols.append(co);
    }
    o[QStringLiteral("columns")] = cols;
    o[QStringLiteral("max_rows")] = m_maxRows;
    if (!m_filter.isEmpty()) o[QStringLiteral("filter")] = m_filter;
    if (!m_sortBy.isEmpty()) {
        o[QStringLiteral("sort")] = m_sortBy;
        o[QStringLiteral("descending")] = m_descending;
    }
    if (!m_onlyInMap.isEmpty()) o[QStringLiteral("only_in_map")] = m_onlyInMap;
    o[QStringLiteral("header_font")] = m_headerFont.toJson();
    o[QStringLiteral("font")] = m_font.toJson();
    o[QStringLiteral("empty_text")] = m_emptyText;
}

QStringList LayoutAttributeTableItem::propertyKeys() const
{
    return {QStringLiteral("layer"),       QStringLiteral("columns"),     QStringLiteral("max_rows"),
            QStringLiteral("filter"),      QStringLiteral("sort"),        QStringLiteral("descending"),
            QStringLiteral("only_in_map"), QStringLiteral("header_font"), QStringLiteral("font"),
            QStringLiteral("empty_text")};
}

Status LayoutAttributeTableItem::readProperties(const QJsonObject &o)
{
    m_layerId = o.value(QLatin1String("layer")).toString();
    m_columns.clear();
    for (const QJsonValue &v : o.value(QLatin1String("columns")).toArray()) {
        Column c;
        if (v.isString()) {
            c.expression = v.toString();
        } else {
            const QJsonObject co = v.toObject();
            c.expression =
                co.value(QLatin1String("expression")).toString(co.value(QLatin1String("field")).toString());
            c.heading = co.value(QLatin1String("heading")).toString();
            const QString align = co.value(QLatin1String("align")).toString(QStringLiteral("left"));
            c.alignment = align == QLatin1String("right")    ? Qt::AlignRight
                          : align == QLatin1String("center") ? Qt::AlignHCenter
                                                             : Qt::AlignLeft;
        }
        if (c.expression.isEmpty())
            return Error::input(QStringLiteral("a column without field or expression"));
        m_columns << c;
    }
    m_maxRows = o.value(QLatin1String("max_rows")).toInt(m_maxRows);
    m_filter = o.value(QLatin1String("filter")).toString();
    m_sortBy = o.value(QLatin1String("sort")).toString();
    m_descending = o.value(QLatin1String("descending")).toBool(false);
    m_onlyInMap = o.value(QLatin1String("only_in_map")).toString();
    m_emptyText = o.value(QLatin1String("empty_text")).toString(m_emptyText);
    for (const auto &[key, font] : {std::pair{"header_font", &m_headerFont}, std::pair{"font", &m_font}}) {
        auto f = LayoutFont::fromJson(o.value(QLatin1String(key)).toObject(), *font);
        if (!f.ok()) return f.error();
        *font = *f;
    }
    return {};
}

// ---- LayoutChartItem ------------------------------------------------------------------------------

namespace {

std::optional<int64_t> instant(const QVariant &v)
{
    if (!v.isValid() || v.isNull()) return std::nullopt;
    if (v.typeId() == QMetaType::QDateTime) return v.toDateTime().toMSecsSinceEpoch();
    if (v.typeId() == QMetaType::QDate)
        return QDateTime(v.toDate(), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    if (v.typeId() == QMetaType::Double || v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
        return int64_t(v.toDouble()); // milliseconds since the epoch
    const QDateTime dt = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (dt.isValid()) return dt.toMSecsSinceEpoch();
    return std::nullopt;
}

} // namespace

ChartPainter LayoutChartItem::chart(const LayoutRenderContext &context) const
{
    ChartPainter chart;
    chart.setStyle(m_style);
    const auto start = instant(context.variables.value(QStringLiteral("time_start")));
    const auto end = instant(context.variables.value(QStringLiteral("time_end")));
    QList<ChartSeries> series = m_series;
    if (!m_sourceId.isEmpty()) {
        const auto source = ChartSeriesSources::find(m_sourceId);
        if (!source) {
            context.warn(QStringLiteral("chart '%1': no time-series source '%2'").arg(id(), m_sourceId));
        } else {
            const QDateTime s = start ? QDateTime::fromMSecsSinceEpoch(*start, Qt::UTC) : QDateTime();
            const QDateTime e = end ? QDateTime::fromMSecsSinceEpoch(*end, Qt::UTC) : QDateTime();
            auto fetched = source->series(s, e, m_parameters);
            if (fetched.ok())
                series << *fetched;
            else
                context.warn(QStringLiteral("chart '%1': %2").arg(id(), fetched.error().message));
        }
    }
    chart.setSeries(series);
    if (start && end && *end > *start) chart.setTimeRange(std::pair{*start, *end});
    return chart;
}

void LayoutChartItem::drawContent(QPainter &painter, const LayoutRenderContext &context,
                                  const QSizeF &size) const
{
    chart(context).draw(painter, QRectF(QPointF(0, 0), size), context.dpi);
}

void LayoutChartItem::writeProperties(QJsonObject &o) const
{
    o[QStringLiteral("title")] = m_style.title;
    o[QStringLiteral("x_label")] = m_style.xLabel;
    o[QStringLiteral("y_label")] = m_style.yLabel;
    o[QStringLiteral("font")] = m_style.fontFamily;
    o[QStringLiteral("title_size")] = m_style.titleSize;
    o[QStringLiteral("text_size")] = m_style.textSize;
    o[QStringLiteral("line_width")] = m_style.lineWidth;
    o[QStringLiteral("grid")] = m_style.showGrid;
    o[QStringLiteral("legend")] = m_style.showLegend;
    if (!m_style.timeZone.isEmpty()) o[QStringLiteral("time_zone")] = m_style.timeZone;
    o[QStringLiteral("locale")] = m_style.locale;
    if (!m_sourceId.isEmpty()) {
        o[QStringLiteral("source")] = m_sourceId;
        o[QStringLiteral("parameters")] = QJsonObject::fromVariantMap(m_parameters);
    }
    QJsonArray series;
    for (const ChartSeries &s : m_series) {
        QJsonArray points;
        for (size_t i = 0; i < s.times.size() && i < s.values.size(); ++i)
            points.append(
                QJsonArray{QDateTime::fromMSecsSinceEpoch(s.times[i], Qt::UTC).toString(Qt::ISODate),
                           std::isfinite(s.values[i]) ? QJsonValue(s.values[i]) : QJsonValue()});
        QJsonObject so{{QStringLiteral("name"), s.name},
                       {QStringLiteral("unit"), s.unit},
                       {QStringLiteral("points"), points}};
        if (s.color.isValid()) so[QStringLiteral("color")] = colorToString(s.color);
        series.append(so);
    }
    if (!series.isEmpty()) o[QStringLiteral("series")] = series;
}

QStringList LayoutChartItem::propertyKeys() const
{
    return {QStringLiteral("title"),      QStringLiteral("x_label"),    QStringLiteral("y_label"),
            QStringLiteral("font"),       QStringLiteral("title_size"), QStringLiteral("text_size"),
            QStringLiteral("line_width"), QStringLiteral("grid"),       QStringLiteral("legend"),
            QStringLiteral("time_zone"),  QStringLiteral("locale"),     QStringLiteral("source"),
            QStringLiteral("parameters"), QStringLiteral("series")};
}

Status LayoutChartItem::readProperties(const QJsonObject &o)
{
    m_style.title = o.value(QLatin1String("title")).toString();
    m_style.xLabel = o.value(QLatin1String("x_label")).toString();
    m_style.yLabel = o.value(QLatin1String("y_label")).toString();
    m_style.fontFamily = o.value(QLatin1String("font")).toString(m_style.fontFamily);
    m_style.titleSize = o.value(QLatin1String("title_size")).toDouble(m_style.titleSize);
    m_style.textSize = o.value(QLatin1String("text_size")).toDouble(m_style.textSize);
    m_style.lineWidth = o.value(QLatin1String("line_width")).toDouble(m_style.lineWidth);
    m_style.showGrid = o.value(QLatin1String("grid")).toBool(true);
    m_style.showLegend = o.value(QLatin1String("legend")).toBool(true);
    m_style.timeZone = o.value(QLatin1String("time_zone")).toString();
    m_style.locale = o.value(QLatin1String("locale")).toString(m_style.locale);
    m_sourceId = o.value(QLatin1String("source")).toString();
    m_parameters = o.value(QLatin1String("parameters")).toObject().toVariantMap();
    m_series.clear();
    for (const QJsonValue &v : o.value(QLatin1String("series")).toArray()) {
        const QJsonObject so = v.toObject();
        ChartSeries s;
        s.name = so.value(QLatin1String("name")).toString();
        s.unit = so.value(QLatin1String("unit")).toString();
        if (!readColor(so, "color", s.color))
            return Error::input(QStringLiteral("series '%1': invalid colour").arg(s.name));
        for (const QJsonValue &p : so.value(QLatin1String("points")).toArray()) {
            const QJsonArray pa = p.toArray();
            const auto t = pa.size() == 2 ? instant(pa[0].toVariant()) : std::nullopt;
            if (!t)
                return Error::input(
                    QStringLiteral("series '%1': points must be [ISO 8601 time, value]").arg(s.name));
            s.times.push_back(*t);
            s.values.push_back(pa[1].isDouble() ? pa[1].toDouble()
                                                : std::numeric_limits<double>::quiet_NaN());
        }
        m_series << s;
    }
    return {};
}

} // namespace kw
