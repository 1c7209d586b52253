// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layout/layout_item.h"

namespace kw {

/// \brief A north arrow (an SVG, by default the one in the resources) that turns with its map's rotation,
/// optionally towards true north instead of grid north (UTM grid north differs by up to ~3°).
class LayoutNorthArrowItem final : public LayoutItem
{
public:
    Type type() const override { return Type::NorthArrow; }
    std::unique_ptr<LayoutItem> clone() const override
    {
        return std::make_unique<LayoutNorthArrowItem>(*this);
    }
    void drawContent(QPainter &painter, const LayoutRenderContext &context,
                     const QSizeF &size) const override;

    QString mapId() const { return m_mapId; }
    void setMapId(const QString &id) { m_mapId = id; }
    QString svgPath() const { return m_svg; }
    void setSvgPath(const QString &p) { m_svg = p; }
    bool trueNorth() const { return m_trueNorth; }
    void setTrueNorth(bool on) { m_trueNorth = on; }

    /// Degrees clockwise the arrow is turned on a page with \a context.
    double arrowRotation(const LayoutRenderContext &context) const;

    static QString defaultSvg() { return QStringLiteral(":/kartenwerk/north_arrow.svg"); }

protected:
    void writeProperties(QJsonObject &json) const override;
    Status readProperties(const QJsonObject &json) override;
    QStringList propertyKeys() const override;

private:
    QString m_mapId;
    QString m_svg = defaultSvg();
    bool m_trueNorth = false;
};

/// \brief A picture from a file: SVG (drawn as vectors) or PNG/JPEG (an image), e.g. the city's logo.
/// Relative paths are relative to the project file; a missing file is drawn as a crossed box and logged.
class LayoutPictureItem final : public LayoutItem
{
public:
    Type type() const override { return Type::Picture; }
    std::unique_ptr<LayoutItem> clone() const override { return std::make_unique<LayoutPictureItem>(*this); }
    void drawContent(QPainter &painter, const LayoutRenderContext &context,
                     const QSizeF &size) const override;

    QString path() const { return m_path; }
    void setPath(const QString &p) { m_path = p; }
    bool keepAspect() const { return m_keepAspect; }
    void setKeepAspect(bool on) { m_keepAspect = on; }
    /// Alignment of the picture inside the item when the aspect ratios differ.
    Qt::Alignment alignment() const { return m_alignment; }
    void setAlignment(Qt::Alignment a) { m_alignment = a; }

    static QString placeholderLogo() { return QStringLiteral(":/kartenwerk/logo_placeholder.svg"); }

protected:
    void writeProperties(QJsonObject &json) const override;
    Status readProperties(const QJsonObject &json) override;
    QStringList propertyKeys() const override;

private:
    QString m_path = placeholderLogo();
    bool m_keepAspect = true;
    Qt::Alignment m_alignment = Qt::AlignCenter;
};

/// \brief A rectangle, ellipse or line: title bars, separators, boxes behind text.
class LayoutShapeItem final : public LayoutItem
{
public:
    enum class Shape { Rectangle, Ellipse, Line };

    Type type() const override { return Type::Shape; }
    std::unique_ptr<LayoutItem> clone() const override { return std::make_unique<LayoutShapeItem>(*this); }
    void drawContent(QPainter &painter, const LayoutRenderContext &context,
                     const QSizeF &size) const override;

    Shape shape() const { return m_shape; }
    void setShape(Shape s) { m_shape = s; }
    QColor fill() const { return m_fill; }
    void setFill(const QColor &c) { m_fill = c; }
    QColor stroke() const { return m_stroke; }
    void setStroke(const QColor &c) { m_stroke = c; }
    double strokeWidth() const { return m_strokeWidth; }
    void setStrokeWidth(double mm) { m_strokeWidth = mm; }

protected:
    void writeProperties(QJsonObject &json) const override;
    Status readProperties(const QJsonObject &json) override;
    QStringList propertyKeys() const override;

private:
    Shape m_shape = Shape::Rectangle;
    QColor m_fill = QColor(240, 240, 240);
    QColor m_stroke = QColor(0, 0, 0, 0);
    double m_strokeWidth = 0.3;
    double m_cornerRadius = 0; ///< mm
};

} // namespace kw
