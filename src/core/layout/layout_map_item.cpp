// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layout/layout_map_item.h"

#include "core/layers/layer.h"
#include "core/layers/vector_layer.h"
#include "core/layout/layout.h"
#include "core/render/render_job.h"
#include "core/style/symbol_json.h"

#include <QJsonArray>
#include <QLineF>
#include <QPainterPath>
#include <cmath>

namespace kw {

// ---- MapGrid --------------------------------------------------------------------------------------

QJsonObject MapGrid::toJson() const
{
    QJsonObject o{{QStringLiteral("enabled"), enabled},
                  {QStringLiteral("interval"), QJsonArray{intervalX, intervalY}},
                  {QStringLiteral("color"), colorToString(color)},
                  {QStringLiteral("width"), width},
                  {QStringLiteral("labels"), labels},
                  {QStringLiteral("font"), font.toJson()},
                  {QStringLiteral("sides"), QJsonArray::fromStringList(sides)},
                  {QStringLiteral("label_offset"), labelOffset}};
    return o;
}

Result<MapGrid> MapGrid::fromJson(const QJsonObject &o)
{
    MapGrid g;
    g.enabled = o.value(QLatin1String("enabled")).toBool(true);
    const QJsonValue interval = o.value(QLatin1String("interval"));
    if (interval.isArray()) {
        const QJsonArray a = interval.toArray();
        g.intervalX = a.size() > 0 ? a[0].toDouble(-1) : -1;
        g.intervalY = a.size() > 1 ? a[1].toDouble(-1) : g.intervalX;
    } else if (interval.isDouble()) {
        g.intervalX = g.intervalY = interval.toDouble();
    }
    if (!(g.intervalX > 0 && g.intervalY > 0))
        return Error::input(QStringLiteral("grid: interval must be positive (map units)"));
    if (!readColor(o, "color", g.color)) return Error::input(QStringLiteral("grid: invalid colour"));
    g.width = o.value(QLatin1String("width")).toDouble(g.width);
    g.labels = o.value(QLatin1String("labels")).toBool(g.labels);
    auto font = LayoutFont::fromJson(o.value(QLatin1String("font")).toObject(), g.font);
    if (!font.ok()) return Error::input(QStringLiteral("grid: %1").arg(font.error().message));
    g.font = *font;
    if (o.contains(QLatin1String("sides"))) {
        g.sides.clear();
        for (const QJsonValue &v : o.value(QLatin1String("sides")).toArray()) {
            const QString side = v.toString();
            if (!QStringList{QStringLiteral("left"), QStringLiteral("right"), QStringLiteral("top"),
                             QStringLiteral("bottom")}
                     .contains(side))
                return Error::input(
                    QStringLiteral("grid: unknown side '%1' (left, right, top, bottom)").arg(side));
            g.sides << side;
        }
    }
    g.labelOffset = o.value(QLatin1String("label_offset")).toDouble(g.labelOffset);
    return g;
}

// ---- LayoutMapItem --------------------------------------------------------------------------------

QList<std::shared_ptr<Layer>> LayoutMapItem::mapLayers(const LayoutRenderContext &context) const
{
    if (!context.project) return {};
    if (m_layers.isEmpty()) return context.project->visibleLayers();
    QList<std::shared_ptr<Layer>> out;
    for (const QString &id : m_layers) {
        if (auto l = context.project->layer(id)) {
            // A map with its own layer list draws them whether or not the layer tree shows them (as QGIS's
            // locked layers): a mask layer can be hidden in the project and drawn only on atlas pages.
            if (!l->isVisible()) {
                l = l->clone();
                l->setVisible(true);
            }
            out << l;
        } else
            context.warn(QStringLiteral("map '%1': no layer '%2' in the project").arg(this->id(), id));
    }
    return out;
}

MapSettings LayoutMapItem::mapSettings(const LayoutRenderContext &context) const
{
    MapSettings s;
    const QSize size(std::max(1, int(std::lround(context.px(rect().width())))),
                     std::max(1, int(std::lround(context.px(rect().height())))));
    s.setOutputSize(size);
    s.setDpi(context.dpi);
    s.setBackground(m_mapBackground);
    if (!context.project) return s;
    s.setCrs(context.project->crs);
    s.setLayers(mapLayers(context));
    s.setVariables(context.variables);
    Envelope extent = m_extent;
    if (extent.isNull())
        extent = !context.project->extent.isNull() ? context.project->extent
                                                   : context.project->fullExtent.buffered(0.03, 100.0);
    const auto centre = [](const Envelope &e) { return QPointF(e.centerX(), e.centerY()); };
    if (m_atlasDriven && context.atlas && !context.atlas->extent().isNull()) {
        const Envelope feature = context.atlas->extent();
        if (m_atlasScaling == AtlasScaling::Fixed) {
            if (m_scale > 0) {
                s.setScale(m_scale, centre(feature));
            } else {
                const double hw = extent.width() / 2, hh = extent.height() / 2;
                s.setExtent(Envelope(feature.centerX() - hw, feature.centerY() - hh, feature.centerX() + hw,
                                     feature.centerY() + hh));
            }
        } else {
            // The margin is a share of the feature's size added on each side; points get 100 map units. QGIS's
            // atlas margin is the growth in total (half on each side): our 8 % equals QGIS's 0.16, which
            // an importer of QGIS layouts has to convert.
            s.setExtent(feature.buffered(std::max(0.0, m_atlasMargin) / 100.0, 100.0));
        }
    } else if (m_scale > 0) {
        s.setScale(m_scale, centre(extent));
    } else {
        s.setExtent(extent);
    }
    if (context.atlas && context.atlas->store && context.atlas->others != LayerHighlight::Others::Show) {
        LayerHighlight h;
        h.features = {uint32_t(context.atlas->row)};
        h.others = context.atlas->others;
        h.dimOpacity = context.atlas->dimOpacity;
        s.setLayerHighlight(context.atlas->layerId, h);
    }
    return s;
}

QTransform LayoutMapItem::mapToItem(const LayoutRenderContext &context) const
{
    const MapSettings s = mapSettings(context);
    const Envelope v = s.visibleExtent();
    const double k = 1.0 / s.mapUnitsPerPixel();
    QTransform t(k, 0, 0, -k, -v.xmin * k, v.ymax * k);
    if (m_mapRotation != 0) {
        const QPointF c(s.outputSize().width() / 2.0, s.outputSize().height() / 2.0);
        t = t * QTransform().translate(c.x(), c.y()).rotate(m_mapRotation).translate(-c.x(), -c.y());
    }
    return t;
}

QPolygonF LayoutMapItem::visiblePolygon(const LayoutRenderContext &context) const
{
    const MapSettings s = mapSettings(context);
    const QRectF frame(QPointF(0, 0), QSizeF(s.outputSize()));
    return mapToItem(context).inverted().map(QPolygonF(frame));
}

void LayoutMapItem::drawContent(QPainter &painter, const LayoutRenderContext &context,
                                const QSizeF &size) const
{
    const QRectF frame(QPointF(0, 0), size);
    if (context.svgPass == LayoutRenderContext::SvgPass::Page) {
        painter.save();
        painter.setFont(context.font(QStringLiteral("DejaVu Sans"), 4));
        painter.drawText(QPointF(0, size.height() / 2), svgMarker(id()));
        painter.restore();
        if (m_grid.enabled) drawGrid(painter, context, size, false, true);
        return;
    }
    MapSettings settings = mapSettings(context);
    painter.save();
    painter.setClipRect(frame, Qt::IntersectClip);
    if (!settings.isValid() || settings.layers().isEmpty()) {
        painter.fillRect(frame, m_mapBackground.isValid() ? m_mapBackground : QColor(Qt::white));
        if (context.preview) {
            painter.setPen(QColor(150, 150, 150));
            painter.setFont(context.font(QStringLiteral("DejaVu Sans"), 9));
            painter.drawText(frame, Qt::AlignCenter, QStringLiteral("Karte (keine Ebenen)"));
        }
        painter.restore();
        return;
    }
    const QSize frameSize = settings.outputSize();
    if (m_mapRotation != 0) {
        // Render a larger, unrotated map around the same centre at the same scale, then turn it.
        const double a = m_mapRotation * M_PI / 180.0;
        const double w = frameSize.width(), h = frameSize.height();
        const QSize big(int(std::ceil(std::abs(w * std::cos(a)) + std::abs(h * std::sin(a)))) + 2,
                        int(std::ceil(std::abs(w * std::sin(a)) + std::abs(h * std::cos(a)))) + 2);
        const double mupp = settings.mapUnitsPerPixel();
        const Envelope v = settings.visibleExtent();
        settings.setOutputSize(big);
        settings.setExtent(
            Envelope(v.centerX() - big.width() * mupp / 2, v.centerY() - big.height() * mupp / 2,
                     v.centerX() + big.width() * mupp / 2, v.centerY() + big.height() * mupp / 2));
        painter.translate(w / 2, h / 2);
        painter.rotate(m_mapRotation);
        painter.translate(-big.width() / 2.0, -big.height() / 2.0);
    }
    QStringList errors;
    if (context.vectorOutput) {
        const double scale = settings.scale();
        for (const auto &l : settings.layers()) {
            if (!l->isVisible() || !l->isVisibleAtScale(scale)) continue;
            if (l->kind() == Layer::Kind::Raster)
                context.rasterised(QStringLiteral("map '%1': raster layer '%2' is embedded as an image")
                                       .arg(id(), l->name()));
            else if (static_cast<const VectorLayer &>(*l).renderer().type() == FeatureRenderer::Type::Heatmap)
                context.rasterised(QStringLiteral("map '%1': heatmap of layer '%2' is embedded as an image")
                                       .arg(id(), l->name()));
        }
        PainterRenderJob job(settings, &painter);
        job.start();
        errors = job.errors();
    } else {
        const QImage image = ParallelRenderJob::renderImage(settings, &errors);
        // Turned by a map rotation the image is resampled: smoothly, or thin lines break into dots.
        painter.setRenderHint(QPainter::SmoothPixmapTransform, m_mapRotation != 0);
        painter.drawImage(QRectF(QPointF(0, 0), QSizeF(settings.outputSize())), image);
    }
    painter.restore();
    for (const QString &e : std::as_const(errors))
        context.warn(QStringLiteral("map '%1': %2").arg(id(), e));
    if (!m_overviewOf.isEmpty()) drawOverview(painter, context);
    if (m_grid.enabled)
        drawGrid(painter, context, size, true, context.svgPass != LayoutRenderContext::SvgPass::Map);
}

void LayoutMapItem::drawOverview(QPainter &painter, const LayoutRenderContext &context) const
{
    const auto *other =
        context.layout ? dynamic_cast<const LayoutMapItem *>(context.layout->item(m_overviewOf)) : nullptr;
    if (!other || other == this) {
        context.warn(QStringLiteral("overview '%1': no map item '%2'").arg(id(), m_overviewOf));
        return;
    }
    const QPolygonF shown = mapToItem(context).map(other->visiblePolygon(context));
    const QSize size = mapSettings(context).outputSize();
    painter.save();
    painter.setClipRect(QRectF(QPointF(0, 0), QSizeF(size)), Qt::IntersectClip);
    painter.setRenderHint(QPainter::Antialiasing, true);
    QPen pen(m_overviewStroke, context.px(m_overviewWidth));
    pen.setJoinStyle(Qt::MiterJoin);
    painter.setPen(m_overviewStroke.alpha() > 0 ? pen : QPen(Qt::NoPen));
    painter.setBrush(m_overviewFill.alpha() > 0 ? QBrush(m_overviewFill) : QBrush(Qt::NoBrush));
    painter.drawPolygon(shown);
    painter.restore();
}

namespace {

QString gridLabel(double v, double interval)
{
    // Whole numbers for metre grids; decimals only as many as the interval needs (degrees).
    int decimals = 0;
    while (decimals < 6 && std::abs(interval * std::pow(10.0, decimals) -
                                    std::round(interval * std::pow(10.0, decimals))) > 1e-9)
        ++decimals;
    return QString::number(v, 'f', decimals);
}

} // namespace

void LayoutMapItem::drawGrid(QPainter &painter, const LayoutRenderContext &context, const QSizeF &size,
                             bool drawLines, bool drawLabels) const
{
    const QTransform toItem = mapToItem(context);
    const QRectF frame(QPointF(0, 0), size);
    const QRectF bounds = toItem.inverted().map(QPolygonF(frame)).boundingRect();
    const double ix = m_grid.intervalX, iy = m_grid.intervalY;
    // A grid of more than a few hundred lines is a mistake (degrees interval on a metre map): skip it.
    if (bounds.width() / ix > 400 || bounds.height() / iy > 400) {
        context.warn(
            QStringLiteral("map '%1': grid interval too small for the extent; grid not drawn").arg(id()));
        return;
    }
    struct GridLine
    {
        QLineF line;
        double value;
        bool vertical;
    };
    std::vector<GridLine> lines;
    // Lines reach a little beyond the frame, so that they cross its edges (where the labels go) instead
    // of ending exactly on them.
    const QRectF reach = bounds.adjusted(-bounds.width() * 0.01, -bounds.height() * 0.01,
                                         bounds.width() * 0.01, bounds.height() * 0.01);
    for (double x = std::ceil(bounds.left() / ix) * ix; x <= bounds.right(); x += ix)
        lines.push_back({toItem.map(QLineF(x, reach.top(), x, reach.bottom())), x, true});
    for (double y = std::ceil(bounds.top() / iy) * iy; y <= bounds.bottom(); y += iy)
        lines.push_back({toItem.map(QLineF(reach.left(), y, reach.right(), y)), y, false});

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (drawLines) {
        painter.save();
        painter.setClipRect(frame, Qt::IntersectClip);
        painter.setPen(QPen(m_grid.color, context.px(m_grid.width), Qt::SolidLine, Qt::FlatCap));
        for (const GridLine &g : lines)
            painter.drawLine(g.line);
        painter.restore();
    }

    if (drawLabels && m_grid.labels && !m_grid.sides.isEmpty()) {
        const QFont font =
            context.font(m_grid.font.family, m_grid.font.size, m_grid.font.bold, m_grid.font.italic);
        const QFontMetricsF fm(font);
        painter.setFont(font);
        painter.setPen(m_grid.font.color);
        const double offset = context.px(m_grid.labelOffset);
        const QLineF left(frame.topLeft(), frame.bottomLeft()), right(frame.topRight(), frame.bottomRight());
        const QLineF top(frame.topLeft(), frame.topRight()), bottom(frame.bottomLeft(), frame.bottomRight());
        for (const GridLine &g : lines) {
            const QString text = gridLabel(g.value, g.vertical ? ix : iy);
            const double w = fm.horizontalAdvance(text);
            // Eastings along the top and bottom edges, northings along the left and right ones (read
            // from below, as on topographic maps).
            const auto at = [&](const QLineF &edge, QPointF &p) {
                return g.line.intersects(edge, &p) == QLineF::BoundedIntersection;
            };
            QPointF p;
            if (g.vertical) {
                if (m_grid.sides.contains(QLatin1String("bottom")) && at(bottom, p) &&
                    p.x() - w / 2 >= -w / 4 && p.x() + w / 2 <= frame.width() + w / 4)
                    painter.drawText(QPointF(p.x() - w / 2, p.y() + offset + fm.ascent()), text);
                if (m_grid.sides.contains(QLatin1String("top")) && at(top, p) && p.x() - w / 2 >= -w / 4 &&
                    p.x() + w / 2 <= frame.width() + w / 4)
                    painter.drawText(QPointF(p.x() - w / 2, p.y() - offset - fm.descent()), text);
            } else {
                for (const auto &[side, edge, sign] : {std::tuple{QStringLiteral("left"), left, -1.0},
                                                       std::tuple{QStringLiteral("right"), right, 1.0}}) {
                    if (!m_grid.sides.contains(side) || !at(edge, p) || p.y() - w / 2 < -w / 4 ||
                        p.y() + w / 2 > frame.height() + w / 4)
                        continue;
                    painter.save();
                    painter.translate(p);
                    painter.rotate(-90);
                    // After the turn, x runs up the page and y to the right of the reader's baseline.
                    const double baseline = sign < 0 ? -offset - fm.descent() : offset + fm.ascent();
                    painter.drawText(QPointF(-w / 2, baseline), text);
                    painter.restore();
                }
            }
        }
    }
    painter.restore();
}

void LayoutMapItem::writeProperties(QJsonObject &o) const
{
    if (!m_extent.isNull())
        o[QStringLiteral("extent")] = QJsonArray{m_extent.xmin, m_extent.ymin, m_extent.xmax, m_extent.ymax};
    if (m_scale > 0) o[QStringLiteral("scale")] = m_scale;
    if (!m_layers.isEmpty()) o[QStringLiteral("layers")] = QJsonArray::fromStringList(m_layers);
    if (m_mapRotation != 0) o[QStringLiteral("map_rotation")] = m_mapRotation;
    o[QStringLiteral("map_background")] = colorToString(m_mapBackground);
    if (m_atlasDriven) {
        o[QStringLiteral("atlas_driven")] = true;
        o[QStringLiteral("atlas_scaling")] =
            m_atlasScaling == AtlasScaling::Fixed ? QStringLiteral("fixed") : QStringLiteral("auto");
        o[QStringLiteral("atlas_margin")] = m_atlasMargin;
    }
    if (m_grid.enabled) o[QStringLiteral("grid")] = m_grid.toJson();
    if (!m_overviewOf.isEmpty()) {
        o[QStringLiteral("overview_of")] = m_overviewOf;
        o[QStringLiteral("overview_fill")] = colorToString(m_overviewFill);
        o[QStringLiteral("overview_stroke")] = colorToString(m_overviewStroke);
        o[QStringLiteral("overview_width")] = m_overviewWidth;
    }
}

QStringList LayoutMapItem::propertyKeys() const
{
    return {
        QStringLiteral("extent"),        QStringLiteral("scale"),          QStringLiteral("layers"),
        QStringLiteral("map_rotation"),  QStringLiteral("map_background"), QStringLiteral("atlas_driven"),
        QStringLiteral("atlas_scaling"), QStringLiteral("atlas_margin"),   QStringLiteral("grid"),
        QStringLiteral("overview_of"),   QStringLiteral("overview_fill"),  QStringLiteral("overview_stroke"),
        QStringLiteral("overview_width")};
}

Status LayoutMapItem::readProperties(const QJsonObject &o)
{
    if (o.contains(QLatin1String("extent"))) {
        const QJsonArray a = o.value(QLatin1String("extent")).toArray();
        if (a.size() != 4) return Error::input(QStringLiteral("extent must be [xmin, ymin, xmax, ymax]"));
        m_extent = Envelope(a[0].toDouble(), a[1].toDouble(), a[2].toDouble(), a[3].toDouble());
        if (m_extent.width() <= 0 || m_extent.height() <= 0)
            return Error::input(QStringLiteral("extent is empty"));
    }
    m_scale = o.value(QLatin1String("scale")).toDouble(0);
    if (m_scale < 0) return Error::input(QStringLiteral("scale must be positive"));
    m_layers.clear();
    for (const QJsonValue &v : o.value(QLatin1String("layers")).toArray())
        m_layers << v.toString();
    m_mapRotation = o.value(QLatin1String("map_rotation")).toDouble(0);
    if (!readColor(o, "map_background", m_mapBackground) || !readColor(o, "overview_fill", m_overviewFill) ||
        !readColor(o, "overview_stroke", m_overviewStroke))
        return Error::input(QStringLiteral("invalid colour"));
    m_atlasDriven = o.value(QLatin1String("atlas_driven")).toBool(false);
    const QString scaling = o.value(QLatin1String("atlas_scaling")).toString(QStringLiteral("auto"));
    if (scaling != QLatin1String("auto") && scaling != QLatin1String("fixed"))
        return Error::input(QStringLiteral("atlas_scaling must be 'auto' or 'fixed'"));
    m_atlasScaling = scaling == QLatin1String("fixed") ? AtlasScaling::Fixed : AtlasScaling::Auto;
    m_atlasMargin = o.value(QLatin1String("atlas_margin")).toDouble(10);
    if (o.contains(QLatin1String("grid"))) {
        auto grid = MapGrid::fromJson(o.value(QLatin1String("grid")).toObject());
        if (!grid.ok()) return grid.error();
        m_grid = *grid;
    }
    m_overviewOf = o.value(QLatin1String("overview_of")).toString();
    m_overviewWidth = o.value(QLatin1String("overview_width")).toDouble(m_overviewWidth);
    return {};
}

} // namespace kw
