// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layout/layout_item.h"
#include "core/layout/chart_painter.h"

namespace kw {

/// \brief A table of a vector layer's attributes: chosen columns (fields or expressions), a filter, a sort
/// order, at most so many rows, optionally only the features inside a map item's extent (on atlas pages:
/// what the page shows).
class LayoutAttributeTableItem final : public LayoutItem
{
public:
    /// \brief One column: a field name or an expression, its heading and alignment.
    struct Column
    {
        QString expression; ///< a field name is an expression
        QString heading;
        Qt::Alignment alignment = Qt::AlignLeft;
        bool operator==(const Column &) const = default;
    };
    /// \brief The table's content for one page.
    struct Content
    {
        QStringList headings;
        QList<QStringList> rows;
        int matched = 0; ///< features matching (rows may be fewer: max rows)
    };

    Type type() const override { return Type::AttributeTable; }
    std::unique_ptr<LayoutItem> clone() const override
    {
        return std::make_unique<LayoutAttributeTableItem>(*this);
    }
    void drawContent(QPainter &painter, const LayoutRenderContext &context,
                     const QSizeF &size) const override;

    QString layerId() const { return m_layerId; }
    void setLayerId(const QString &id) { m_layerId = id; }
    QList<Column> columns() const { return m_columns; }
    void setColumns(const QList<Column> &c) { m_columns = c; }
    int maxRows() const { return m_maxRows; }
    void setMaxRows(int n) { m_maxRows = std::max(0, n); }
    QString filter() const { return m_filter; }
    void setFilter(const QString &e) { m_filter = e; }
    QString sortBy() const { return m_sortBy; }
    void setSortBy(const QString &e, bool descending = false)
    {
        m_sortBy = e;
        m_descending = descending;
    }
    /// Map item id: only features inside its visible extent; empty: all.
    QString onlyInMap() const { return m_onlyInMap; }
    void setOnlyInMap(const QString &id) { m_onlyInMap = id; }

    Result<Content> content(const LayoutRenderContext &context) const;

protected:
    void writeProperties(QJsonObject &json) const override;
    Status readProperties(const QJsonObject &json) override;
    QStringList propertyKeys() const override;

private:
    QString m_layerId;
    QList<Column> m_columns;
    int m_maxRows = 15;
    QString m_filter;
    QString m_sortBy;
    bool m_descending = false;
    QString m_onlyInMap;
    LayoutFont m_headerFont{QStringLiteral("DejaVu Sans"), 7, true, false, QColor(30, 30, 30)};
    LayoutFont m_font{QStringLiteral("DejaVu Sans"), 7, false, false, QColor(40, 40, 40)};
    QColor m_headerBackground = QColor(230, 232, 235);
    QColor m_stripe = QColor(246, 247, 248);
    QColor m_gridColor = QColor(200, 200, 200);
    QString m_emptyText = QStringLiteral("keine Einträge");
};

/// \brief A line chart of time series (ChartPainter): series stored in the item (inline) or from a
/// registered ChartSeriesSource by id; the time range follows @time_start / @time_end when the caller sets
/// them.
class LayoutChartItem final : public LayoutItem
{
public:
    Type type() const override { return Type::Chart; }
    std::unique_ptr<LayoutItem> clone() const override { return std::make_unique<LayoutChartItem>(*this); }
    void drawContent(QPainter &painter, const LayoutRenderContext &context,
                     const QSizeF &size) const override;

    const ChartStyle &style() const { return m_style; }
    void setStyle(const ChartStyle &s) { m_style = s; }
    QList<ChartSeries> inlineSeries() const { return m_series; }
    void setInlineSeries(const QList<ChartSeries> &s) { m_series = s; }
    QString sourceId() const { return m_sourceId; }
    void setSource(const QString &id, const QVariantMap &parameters)
    {
        m_sourceId = id;
        m_parameters = parameters;
    }

    /// The chart for a page: series, style and the @time_start/@time_end range.
    ChartPainter chart(const LayoutRenderContext &context) const;

protected:
    void writeProperties(QJsonObject &json) const override;
    Status readProperties(const QJsonObject &json) override;
    QStringList propertyKeys() const override;

private:
    ChartStyle m_style;
    QList<ChartSeries> m_series;
    QString m_sourceId;
    QVariantMap m_parameters;
};

} // namespace kw
