// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/vector_layer_renderer.h"

#include "core/style/marker.h"

#include <QPainterPath>

#include <cmath>
#include <numeric>

namespace kw {

namespace {

/// Maps map coordinates to device pixels and drops vertices that would land on the same pixel.
struct PixelMapper
{
    double x0, y0, k;
    double tol;

    /// Appends ring [v0, v1) to \a out, simplified; returns the number of points appended.
    size_t appendRing(const double *xy, uint32_t v0, uint32_t v1, std::vector<QPointF> &out) const
    {
        const size_t start = out.size();
        if (v1 <= v0)
            return 0;
        double lastX = (xy[2 * v0] - x0) * k;
        double lastY = (y0 - xy[2 * v0 + 1]) * k;
        if (!std::isfinite(lastX) || !std::isfinite(lastY))
            return 0;
        out.emplace_back(lastX, lastY);
        for (uint32_t v = v0 + 1; v < v1; ++v) {
            const double px = (xy[2 * v] - x0) * k;
            const double py = (y0 - xy[2 * v + 1]) * k;
            if (std::abs(px - lastX) < tol && std::abs(py - lastY) < tol && v + 1 < v1)
                continue;
            if (!std::isfinite(px) || !std::isfinite(py))
                continue;
            out.emplace_back(px, py);
            lastX = px;
            lastY = py;
        }
        return out.size() - start;
    }
};

} // namespace

VectorLayerRenderer::VectorLayerRenderer(std::shared_ptr<const FeatureStore> store, const Symbol &symbol)
    : m_store(std::move(store)), m_symbol(symbol)
{
}

const std::vector<uint32_t> &VectorLayerRenderer::visibleFeatures(const RenderContext &context)
{
    if (m_visibleComputed)
        return m_visible;
    m_visibleComputed = true;
    // Symbols reach beyond their geometry: grow the query so markers and strokes at the edge are drawn.
    const double marginPx = 2 + toPixels(std::max(m_symbol.markerSize, m_symbol.strokeWidth),
                                         std::max(m_symbol.markerUnit, m_symbol.strokeUnit), context.dpi(),
                                         context.mapUnitsPerPixel());
    const double m = marginPx * context.mapUnitsPerPixel();
    const Envelope &e = context.extent();
    const Envelope query(e.xmin - m, e.ymin - m, e.xmax + m, e.ymax + m);
    const Envelope layer = m_store->extent();
    if (query.contains(layer.xmin, layer.ymin) && query.contains(layer.xmax, layer.ymax)) {
        m_all = true;
        m_visible.resize(m_store->featureCount());
        std::iota(m_visible.begin(), m_visible.end(), 0u);
    } else {
        m_visible = m_store->index().query(query);
    }
    return m_visible;
}

size_t VectorLayerRenderer::workEstimate(const RenderContext &context) const
{
    return const_cast<VectorLayerRenderer *>(this)->visibleFeatures(context).size();
}

bool VectorLayerRenderer::render(QPainter &painter, const RenderContext &context)
{
    return renderSlice(painter, context, 0, 1);
}

bool VectorLayerRenderer::renderSlice(QPainter &painter, const RenderContext &context, int part, int parts)
{
    const std::vector<uint32_t> &ids = visibleFeatures(context);
    const size_t begin = ids.size() * size_t(part) / size_t(parts);
    const size_t end = ids.size() * size_t(part + 1) / size_t(parts);
    if (begin >= end)
        return true;

    const FeatureStore &s = *m_store;
    const double *xy = s.vertices();
    const double mupp = context.mapUnitsPerPixel();
    const PixelMapper map{context.extent().xmin, context.extent().ymax, 1.0 / mupp,
                          context.isVectorOutput() ? 0.1 : simplifyTolerancePx};

    painter.setRenderHint(QPainter::Antialiasing, true);
    const double strokePx = toPixels(m_symbol.strokeWidth, m_symbol.strokeUnit, context.dpi(), mupp);
    QPen pen(m_symbol.strokeColor, strokePx, m_symbol.strokeStyle, m_symbol.capStyle, m_symbol.joinStyle);
    if (!m_symbol.dashPattern.isEmpty())
        pen.setDashPattern(m_symbol.dashPattern);
    const bool hasStroke = strokePx > 0 && m_symbol.strokeColor.alpha() > 0 && m_symbol.strokeStyle != Qt::NoPen;
    if (m_symbol.opacity < 1.0)
        painter.setOpacity(painter.opacity() * m_symbol.opacity);

    std::vector<QPointF> pts;
    pts.reserve(4096);
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);

    const double sizePx = toPixels(m_symbol.markerSize, m_symbol.markerUnit, context.dpi(), mupp);
    const double markerStrokePx = hasStroke ? strokePx : 0.0;
    QImage marker;
    QPointF markerOffset;
    const GeometryFamily layerFamily = s.family();
    if (layerFamily == GeometryFamily::Point || layerFamily == GeometryFamily::Mixed) {
        if (!context.isVectorOutput()) {
            marker = markerImage(m_symbol, sizePx, markerStrokePx);
            markerOffset = QPointF(marker.width() / 2.0, marker.height() / 2.0);
        }
    }

    painter.setPen(hasStroke ? pen : QPen(Qt::NoPen));
    painter.setBrush(m_symbol.fillColor);
    bool strokeOnly = false; // lines draw without brush

    for (size_t i = begin; i < end; ++i) {
        if (((i - begin) & 0x3ff) == 0 && context.isCancelled())
            return false;
        const uint32_t f = ids[i];
        const GeometryFamily family = familyOf(s.geometryType(f));
        const uint32_t p0 = s.partBegin(f), p1 = s.partEnd(f);
        if (p0 == p1)
            continue;
        switch (family) {
        case GeometryFamily::Point:
        case GeometryFamily::Mixed: {
            for (uint32_t p = p0; p < p1; ++p) {
                for (uint32_t r = s.ringBegin(p); r < s.ringEnd(p); ++r) {
                    const uint32_t v = s.vertexBegin(r);
                    if (v >= s.vertexEnd(r))
                        continue;
                    const QPointF c((xy[2 * v] - map.x0) * map.k, (map.y0 - xy[2 * v + 1]) * map.k);
                    if (!std::isfinite(c.x()) || !std::isfinite(c.y()))
                        continue;
                    if (!marker.isNull()) {
                        painter.drawImage(c - markerOffset, marker);
                    } else {
                        drawMarker(painter, m_symbol, c, sizePx, markerStrokePx);
                        painter.setPen(hasStroke ? pen : QPen(Qt::NoPen));
                        painter.setBrush(m_symbol.fillColor);
                    }
                }
            }
            break;
        }
        case GeometryFamily::Line: {
            if (!strokeOnly) {
                painter.setBrush(Qt::NoBrush);
                strokeOnly = true;
            }
            if (!hasStroke)
                break;
            for (uint32_t p = p0; p < p1; ++p) {
                for (uint32_t r = s.ringBegin(p); r < s.ringEnd(p); ++r) {
                    pts.clear();
                    const size_t n = map.appendRing(xy, s.vertexBegin(r), s.vertexEnd(r), pts);
                    if (n >= 2)
                        painter.drawPolyline(pts.data(), int(n));
                }
            }
            break;
        }
        case GeometryFamily::Polygon: {
            if (strokeOnly) {
                painter.setBrush(m_symbol.fillColor);
                strokeOnly = false;
            }
            for (uint32_t p = p0; p < p1; ++p) {
                const uint32_t r0 = s.ringBegin(p), r1 = s.ringEnd(p);
                if (r1 - r0 == 1) {
                    pts.clear();
                    const size_t n = map.appendRing(xy, s.vertexBegin(r0), s.vertexEnd(r0), pts);
                    if (n >= 3) {
                        painter.drawPolygon(pts.data(), int(n));
                    } else if (n > 0) {
                        // Smaller than a pixel: a dot keeps dense areas (many tiny buildings) visible.
                        const QColor c = hasStroke ? m_symbol.strokeColor : m_symbol.fillColor;
                        painter.fillRect(QRectF(pts[0].x() - 0.5, pts[0].y() - 0.5, 1, 1), c);
                    }
                } else {
                    path.clear();
                    path.setFillRule(Qt::OddEvenFill);
                    for (uint32_t r = r0; r < r1; ++r) {
                        pts.clear();
                        const size_t n = map.appendRing(xy, s.vertexBegin(r), s.vertexEnd(r), pts);
                        if (n < 3)
                            continue;
                        path.moveTo(pts[0]);
                        for (size_t k = 1; k < n; ++k)
                            path.lineTo(pts[k]);
                        path.closeSubpath();
                    }
                    if (!path.isEmpty())
                        painter.drawPath(path);
                }
            }
            break;
        }
        case GeometryFamily::None:
            break;
        }
    }
    return true;
}

} // namespace kw
