// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/expression/text_template.h"
#include "core/layout/layout_item.h"

namespace kw {

/// Draws \a text into \a rect (pixels) with a layout font, aligned and optionally word-wrapped. Real text
/// (not outlines), so PDF exports stay selectable and searchable.
void drawLayoutText(QPainter &painter, const LayoutRenderContext &context, const QRectF &rect,
                    const QString &text, const LayoutFont &font, Qt::Alignment alignment, bool wrap);

/// \brief Text on the page: a title, a subtitle, a note. `[% expression %]` placeholders are evaluated per
/// page with the layout's variables (@project_title, @now, @atlas_pagename, …) and, on atlas pages, the
/// current feature's fields.
class LayoutLabelItem final : public LayoutItem
{
public:
    Type type() const override { return Type::Label; }
    std::unique_ptr<LayoutItem> clone() const override { return std::make_unique<LayoutLabelItem>(*this); }
    void drawContent(QPainter &painter, const LayoutRenderContext &context,
                     const QSizeF &size) const override;

    QString text() const { return m_text.text(); }
    void setText(const QString &text) { m_text = TextTemplate(text); }
    const LayoutFont &font() const { return m_font; }
    void setFont(const LayoutFont &f) { m_font = f; }
    Qt::Alignment alignment() const { return m_alignment; }
    void setAlignment(Qt::Alignment a) { m_alignment = a; }
    bool wordWrap() const { return m_wrap; }
    void setWordWrap(bool on) { m_wrap = on; }
    double margin() const { return m_margin; }
    void setMargin(double mm) { m_margin = mm; }

    /// The text as it appears on a page rendered with \a context; errors are logged.
    QString displayText(const LayoutRenderContext &context) const;

protected:
    void writeProperties(QJsonObject &json) const override;
    Status readProperties(const QJsonObject &json) override;
    QStringList propertyKeys() const override;

private:
    TextTemplate m_text{QStringLiteral("Text")};
    LayoutFont m_font;
    Qt::Alignment m_alignment = Qt::AlignLeft | Qt::AlignTop;
    bool m_wrap = true;
    double m_margin = 0; ///< mm inside the item
};

/// \brief Sources and attribution: a fixed text (with placeholders) followed, if wanted, by the names of
/// the layers the linked map draws and their data sources, e.g. "Daten: Stadtteile, Straßen
/// (kaiserslautern.gpkg)".
class LayoutSourcesItem final : public LayoutItem
{
public:
    Type type() const override { return Type::Sources; }
    std::unique_ptr<LayoutItem> clone() const override { return std::make_unique<LayoutSourcesItem>(*this); }
    void drawContent(QPainter &painter, const LayoutRenderContext &context,
                     const QSizeF &size) const override;

    QString mapId() const { return m_mapId; }
    void setMapId(const QString &id) { m_mapId = id; }
    QString text() const { return m_text.text(); }
    void setText(const QString &t) { m_text = TextTemplate(t); }
    bool listsLayers() const { return m_listLayers; }
    void setListsLayers(bool on) { m_listLayers = on; }

    QString displayText(const LayoutRenderContext &context) const;

protected:
    void writeProperties(QJsonObject &json) const override;
    Status readProperties(const QJsonObject &json) override;
    QStringList propertyKeys() const override;

private:
    QString m_mapId;
    TextTemplate m_text;
    QString m_layersPrefix = QStringLiteral("Daten: ");
    bool m_listLayers = true;
    LayoutFont m_font{QStringLiteral("DejaVu Sans"), 6.5, false, false, QColor(90, 90, 90)};
    Qt::Alignment m_alignment = Qt::AlignLeft | Qt::AlignBottom;
};

} // namespace kw
