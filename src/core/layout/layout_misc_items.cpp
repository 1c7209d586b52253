// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layout/layout_misc_items.h"

#include "core/crs/coordinate_transform.h"
#include "core/layout/layout.h"
#include "core/layout/layout_map_item.h"
#include "core/style/symbol_json.h"

#include <QFileInfo>
#include <QImageReader>
#include <QPainterPath>
#include <QSvgRenderer>
#include <cmath>

namespace kw {

namespace {

/// \a content fitted into \a box keeping its aspect ratio, placed by \a alignment.
QRectF fitted(const QSizeF &content, const QRectF &box, Qt::Alignment alignment)
{
    if (content.isEmpty()) return box;
    const QSizeF s = content.scaled(box.size(), Qt::KeepAspectRatio);
    double x = box.left() + (box.width() - s.width()) / 2, y = box.top() + (box.height() - s.height()) / 2;
    if (alignment & Qt::AlignLeft)
        x = box.left();
    else if (alignment & Qt::AlignRight)
        x = box.right() - s.width();
    if (alignment & Qt::AlignTop)
        y = box.top();
    else if (alignment & Qt::AlignBottom)
        y = box.bottom() - s.height();
    return QRectF(QPointF(x, y), s);
}

void drawMissing(QPainter &painter, const QSizeF &size)
{
    painter.save();
    painter.setPen(QPen(QColor(170, 170, 170), std::max(1.0, size.width() / 200)));
    painter.setBrush(QColor(245, 245, 245));
    const QRectF r(QPointF(0, 0), size);
    painter.drawRect(r);
    painter.drawLine(r.topLeft(), r.bottomRight());
    painter.drawLine(r.topRight(), r.bottomLeft());
    painter.restore();
}

} // namespace

// ---- LayoutNorthArrowItem -------------------------------------------------------------------------

double LayoutNorthArrowItem::arrowRotation(const LayoutRenderContext &context) const
{
    const auto *map =
        context.layout ? dynamic_cast<const LayoutMapItem *>(context.layout->item(m_mapId)) : nullptr;
    if (!map) return 0;
    double angle = map->mapRotation();
    if (m_trueNorth && context.project && context.project->crs.isValid() &&
        !context.project->crs.isGeographic()) {
        // Grid convergence: the direction of a meridian at the map centre, measured in the map CRS.
        const Envelope v = map->mapSettings(context).visibleExtent();
        const CoordinateTransform toGeo(context.project->crs, Crs::wgs84());
        const QPointF c(v.centerX(), v.centerY());
        const QPointF geo = toGeo.transform(c);
        const QPointF north = toGeo.transform(QPointF(geo.x(), geo.y() + 0.01), true);
        if (std::isfinite(north.x()) && std::isfinite(north.y()))
            angle += std::atan2(north.x() - c.x(), north.y() - c.y()) * 180.0 / M_PI;
    }
    return angle;
}

void LayoutNorthArrowItem::drawContent(QPainter &painter, const LayoutRenderContext &context,
                                       const QSizeF &size) const
{
    const QString path = context.project ? context.project->resolvePath(m_svg) : m_svg;
    QSvgRenderer svg(path);
    if (!svg.isValid()) {
        context.substituted(
            QStringLiteral("north arrow '%1': cannot read '%2'; the default arrow is drawn").arg(id(), path));
        svg.load(defaultSvg());
    }
    const QRectF box = fitted(svg.defaultSize(), QRectF(QPointF(0, 0), size), Qt::AlignCenter);
    painter.save();
    painter.translate(size.width() / 2, size.height() / 2);
    painter.rotate(arrowRotation(context));
    painter.translate(-size.width() / 2, -size.height() / 2);
    svg.render(&painter, box);
    painter.restore();
}

void LayoutNorthArrowItem::writeProperties(QJsonObject &o) const
{
    o[QStringLiteral("map")] = m_mapId;
    o[QStringLiteral("svg")] = m_svg;
    if (m_trueNorth) o[QStringLiteral("true_north")] = true;
}

QStringList LayoutNorthArrowItem::propertyKeys() const
{
    return {QStringLiteral("map"), QStringLiteral("svg"), QStringLiteral("true_north")};
}

Status LayoutNorthArrowItem::readProperties(const QJsonObject &o)
{
    m_mapId = o.value(QLatin1String("map")).toString();
    m_svg = o.value(QLatin1String("svg")).toString(defaultSvg());
    m_trueNorth = o.value(QLatin1String("true_north")).toBool(false);
    return {};
}

// ---- LayoutPictureItem ----------------------------------------------------------------------------

void LayoutPictureItem::drawContent(QPainter &painter, const LayoutRenderContext &context,
                                    const QSizeF &size) const
{
    const QString path = context.project ? context.project->resolvePath(m_path) : m_path;
    const QRectF box(QPointF(0, 0), size);
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) ||
        path.endsWith(QLatin1String(".svgz"), Qt::CaseInsensitive)) {
        QSvgRenderer svg(path);
        if (svg.isValid()) {
            painter.setRenderHint(QPainter::Antialiasing, true);
            svg.render(&painter, m_keepAspect ? fitted(svg.defaultSize(), box, m_alignment) : box);
            return;
        }
    } else {
        QImageReader reader(path);
        const QImage image = reader.read();
        if (!image.isNull()) {
            if (context.vectorOutput)
                context.rasterised(
                    QStringLiteral("picture '%1': %2 is an image").arg(id(), QFileInfo(path).fileName()));
            painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
            painter.drawImage(m_keepAspect ? fitted(image.size(), box, m_alignment) : box, image);
            return;
        }
    }
    context.substituted(
        QStringLiteral("picture '%1': cannot read '%2'; an empty box is drawn").arg(id(), path));
    drawMissing(painter, size);
}

void LayoutPictureItem::writeProperties(QJsonObject &o) const
{
    o[QStringLiteral("path")] = m_path;
    o[QStringLiteral("keep_aspect")] = m_keepAspect;
}

QStringList LayoutPictureItem::propertyKeys() const
{
    return {QStringLiteral("path"), QStringLiteral("keep_aspect")};
}

Status LayoutPictureItem::readProperties(const QJsonObject &o)
{
    m_path = o.value(QLatin1String("path")).toString(m_path);
    m_keepAspect = o.value(QLatin1String("keep_aspect")).toBool(true);
    return {};
}

// ---- LayoutShapeItem ------------------------------------------------------------------------------

void LayoutShapeItem::drawContent(QPainter &painter, const LayoutRenderContext &context,
                                  const QSizeF &size) const
{
    painter.setRenderHint(QPainter::Antialiasing, true);
    const double w = m_stroke.alpha() > 0 ? context.px(m_strokeWidth) : 0.0;
    painter.setPen(w > 0 ? QPen(m_stroke, w, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin) : QPen(Qt::NoPen));
    painter.setBrush(m_fill.alpha() > 0 ? QBrush(m_fill) : QBrush(Qt::NoBrush));
    const QRectF r = QRectF(QPointF(0, 0), size).adjusted(w / 2, w / 2, -w / 2, -w / 2);
    switch (m_shape) {
    case Shape::Rectangle:
        if (m_cornerRadius > 0)
            painter.drawRoundedRect(r, context.px(m_cornerRadius), context.px(m_cornerRadius));
        else
            painter.drawRect(r);
        break;
    case Shape::Ellipse:
        painter.drawEllipse(r);
        break;
    case Shape::Line:
        painter.setPen(QPen(m_stroke.alpha() > 0 ? m_stroke : QColor(Qt::black),
                            std::max(w, context.px(m_strokeWidth)), Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(QPointF(0, size.height() / 2), QPointF(size.width(), size.height() / 2));
        break;
    }
}

void LayoutShapeItem::writeProperties(QJsonObject &o) const
{
    o[QStringLiteral("shape")] = m_shape == Shape::Ellipse ? QStringLiteral("ellipse")
                                 : m_shape == Shape::Line  ? QStringLiteral("line")
                                                           : QStringLiteral("rectangle");
    o[QStringLiteral("fill")] = colorToString(m_fill);
    o[QStringLiteral("stroke")] = colorToString(m_stroke);
    o[QStringLiteral("stroke_width")] = m_strokeWidth;
    if (m_cornerRadius > 0) o[QStringLiteral("corner_radius")] = m_cornerRadius;
}

QStringList LayoutShapeItem::propertyKeys() const
{
    return {QStringLiteral("shape"), QStringLiteral("fill"), QStringLiteral("stroke"),
            QStringLiteral("stroke_width"), QStringLiteral("corner_radius")};
}

Status LayoutShapeItem::readProperties(const QJsonObject &o)
{
    const QString shape = o.value(QLatin1String("shape")).toString(QStringLiteral("rectangle"));
    if (shape == QLatin1String("rectangle"))
        m_shape = Shape::Rectangle;
    else if (shape == QLatin1String("ellipse"))
        m_shape = Shape::Ellipse;
    else if (shape == QLatin1String("line"))
        m_shape = Shape::Line;
    else
        return Error::input(QStringLiteral("unknown shape '%1' (rectangle, ellipse, line)").arg(shape));
    if (!readColor(o, "fill", m_fill) || !readColor(o, "stroke", m_stroke))
        return Error::input(QStringLiteral("invalid colour"));
    m_strokeWidth = o.value(QLatin1String("stroke_width")).toDouble(m_strokeWidth);
    m_cornerRadius = o.value(QLatin1String("corner_radius")).toDouble(0);
    return {};
}

} // namespace kw
