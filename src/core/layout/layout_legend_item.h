// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layout/layout_item.h"
#include "core/style/legend_entry.h"

#include <QList>

namespace kw {

class Layer;

/// \brief The legend of a map item: for every layer the map draws (and that is visible at its scale), the
/// entries of the layer's renderer, with swatches drawn by drawLegendSymbol() — the same as in the app.
///
/// Layers appear top first, as in the layer tree. A layer with a single entry is one line with the
/// layer's name; others get the name as a heading and their entries below. Entries flow into columns
/// of about equal height; a heading never ends a column.
class LayoutLegendItem final : public LayoutItem
{
public:
    /// \brief One line of the legend as laid out: a heading or an entry with its swatch size (pixels).
    struct Row
    {
        enum class Kind { Title, Heading, Entry };
        Kind kind = Kind::Entry;
        QString text;
        LegendEntry entry;
        QSizeF symbolSize;
        double height = 0;
    };

    Type type() const override { return Type::Legend; }
    std::unique_ptr<LayoutItem> clone() const override { return std::make_unique<LayoutLegendItem>(*this); }
    void drawContent(QPainter &painter, const LayoutRenderContext &context,
                     const QSizeF &size) const override;

    QString mapId() const { return m_mapId; }
    void setMapId(const QString &id) { m_mapId = id; }
    QString title() const { return m_title; }
    void setTitle(const QString &t) { m_title = t; }
    int columns() const { return m_columns; }
    void setColumns(int n) { m_columns = std::max(1, n); }
    /// Ids of layers to leave out (e.g. a basemap).
    QStringList excludedLayers() const { return m_exclude; }
    void setExcludedLayers(const QStringList &ids) { m_exclude = ids; }

    /// The legend's lines for a page (title first), sized at the context's dpi.
    QList<Row> rows(const LayoutRenderContext &context) const;
    /// The entries of one layer's legend as a map at \a scale shows it (rules outside their scale range are
    /// left out; 0: all); the app's legends use this too.
    static QList<LegendEntry> layerEntries(const Layer &layer, double scale);
    /// The size in mm the content needs (for "fit to content" in the designer).
    QSizeF contentSize(const LayoutRenderContext &context) const;

protected:
    void writeProperties(QJsonObject &json) const override;
    Status readProperties(const QJsonObject &json) override;
    QStringList propertyKeys() const override;

private:
    QString m_mapId;
    QString m_title = QStringLiteral("Legende");
    LayoutFont m_titleFont{QStringLiteral("DejaVu Sans"), 11, true, false, QColor(30, 30, 30)};
    LayoutFont m_headingFont{QStringLiteral("DejaVu Sans"), 8, true, false, QColor(30, 30, 30)};
    LayoutFont m_itemFont{QStringLiteral("DejaVu Sans"), 7.5, false, false, QColor(40, 40, 40)};
    int m_columns = 1;
    double m_symbolWidth = 6;    ///< mm
    double m_symbolHeight = 3.5; ///< mm
    double m_spacing = 1.2;      ///< mm between lines
    double m_columnGap = 5;      ///< mm
    QStringList m_exclude;
};

} // namespace kw
