// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layout/layout_render_context.h"
#include "core/util/result.h"

#include <QColor>
#include <QJsonObject>
#include <QPainter>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace kw {

/// \brief Font settings of a layout text: family, size in points, weight, slant and colour.
struct LayoutFont
{
    QString family = QStringLiteral("DejaVu Sans");
    double size = 10; ///< pt
    bool bold = false;
    bool italic = false;
    QColor color = QColor(30, 30, 30);

    QJsonObject toJson() const;
    /// Missing keys keep \a defaults.
    static Result<LayoutFont> fromJson(const QJsonObject &json, const LayoutFont &defaults);
    bool operator==(const LayoutFont &) const = default;
};

/// \brief One element of a layout page (map, legend, scale bar, text, …): a value with an id, a place on a
/// page in millimetres, a rotation, a frame and a background, drawn with QPainter and stored as JSON.
///
/// Subclasses draw their content in drawContent() with the origin at the item's top-left corner, in device
/// pixels of the context; draw() positions, rotates, fills and frames. Items refer to each other by id
/// (a legend to its map) through the LayoutRenderContext's layout, so copying a layout copies its items.
class LayoutItem
{
public:
    enum class Type {
        Map,
        Legend,
        ScaleBar,
        NorthArrow,
        Label,
        Picture,
        AttributeTable,
        Chart,
        Sources,
        Shape
    };

    virtual ~LayoutItem() = default;
    virtual Type type() const = 0;
    virtual std::unique_ptr<LayoutItem> clone() const = 0;

    static QString typeName(Type type);
    static std::optional<Type> typeFromName(const QString &name);
    /// A new item of \a type with its defaults.
    static std::unique_ptr<LayoutItem> create(Type type);
    /// Reads any item; unknown types and invalid values are errors naming the item.
    static Result<std::unique_ptr<LayoutItem>> fromJson(const QJsonObject &json);
    /// Common keys plus the item's own; keys this version does not know are written back unchanged.
    QJsonObject toJson() const;

    QString id() const { return m_id; }
    void setId(const QString &id) { m_id = id; }
    int page() const { return m_page; }
    void setPage(int page) { m_page = page; }
    /// Position and size on the page in mm (before rotation, which turns around the centre).
    QRectF rect() const { return m_rect; }
    void setRect(const QRectF &r) { m_rect = r; }
    double rotation() const { return m_rotation; }
    void setRotation(double degrees) { m_rotation = degrees; }
    virtual bool supportsRotation() const { return true; }

    bool hasFrame() const { return m_frame; }
    void setFrame(bool on) { m_frame = on; }
    QColor frameColor() const { return m_frameColor; }
    void setFrameColor(const QColor &c) { m_frameColor = c; }
    double frameWidth() const { return m_frameWidth; }
    void setFrameWidth(double mm) { m_frameWidth = mm; }
    /// Invalid or transparent: no background.
    QColor background() const { return m_background; }
    void setBackground(const QColor &c) { m_background = c; }

    /// Draws the item onto a painter whose origin is the page's top-left corner (device pixels at the
    /// context's dpi). The painter's state is restored afterwards.
    void draw(QPainter &painter, const LayoutRenderContext &context) const;
    /// The content, with the origin at the item's top-left corner; \a size is the item's size in pixels.
    virtual void drawContent(QPainter &painter, const LayoutRenderContext &context,
                             const QSizeF &size) const = 0;
    /// The transform from item pixels to page pixels (position and rotation) at \a dpi.
    QTransform itemToPage(double dpi) const;

protected:
    LayoutItem() = default;
    LayoutItem(const LayoutItem &) = default;
    LayoutItem &operator=(const LayoutItem &) = default;

    /// The item's own properties; called by toJson().
    virtual void writeProperties(QJsonObject &json) const = 0;
    virtual Status readProperties(const QJsonObject &json) = 0;
    /// Every key writeProperties() may write (for keeping unknown keys of newer versions).
    virtual QStringList propertyKeys() const = 0;

private:
    QString m_id;
    int m_page = 0;
    QRectF m_rect{10, 10, 50, 30};
    double m_rotation = 0;
    bool m_frame = false;
    QColor m_frameColor = QColor(60, 60, 60);
    double m_frameWidth = 0.3;
    QColor m_background;
    QJsonObject m_extra; ///< keys of a newer version, written back unchanged
};

/// Reads a colour value of \a json[key] into \a target if present; false when present but invalid.
bool readColor(const QJsonObject &json, const char *key, QColor &target);

} // namespace kw
