// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/vector_layer_renderer.h"

#include "core/render/thin_line_rasterizer.h"
#include "core/style/color_ramp.h"
#include "core/style/marker.h"
#include "core/style/thematic_renderers.h"

#include <QFontMetricsF>
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

    QPointF map(double x, double y) const { return {(x - x0) * k, (y0 - y) * k}; }

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

/// Douglas–Peucker on \a n points in place: drops the vertices within \a eps of the chord their neighbours
/// span; returns how many remain. At a city's full extent a road is a few pixels of gently bending
/// pieces, each about a pixel long after PixelMapper's vertex dropping; a quarter pixel off the chord is
/// not visible under a line a pixel and a half wide, and halves what is rasterised.
size_t simplifyPolyline(QPointF *p, size_t n, double eps, std::vector<uint8_t> &keep, std::vector<std::pair<size_t, size_t>> &stack)
{
    if (n < 3)
        return n;
    keep.assign(n, 0);
    keep[0] = keep[n - 1] = 1;
    stack.clear();
    stack.emplace_back(0, n - 1);
    const double eps2 = eps * eps;
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        if (b - a < 2)
            continue;
        const double dx = p[b].x() - p[a].x(), dy = p[b].y() - p[a].y();
        const double len2 = dx * dx + dy * dy;
        double worst = -1;
        size_t at = a;
        for (size_t i = a + 1; i < b; ++i) {
            const double ex = p[i].x() - p[a].x(), ey = p[i].y() - p[a].y();
            // Distance to the chord (not its line: a road that turns back must keep its turn).
            const double t = len2 > 1e-12 ? std::clamp((ex * dx + ey * dy) / len2, 0.0, 1.0) : 0.0;
            const double fx = ex - t * dx, fy = ey - t * dy;
            const double d2 = fx * fx + fy * fy;
            if (d2 > worst) {
                worst = d2;
                at = i;
            }
        }
        if (worst > eps2) {
            keep[at] = 1;
            stack.emplace_back(a, at);
            stack.emplace_back(at, b);
        }
    }
    size_t out = 0;
    for (size_t i = 0; i < n; ++i)
        if (keep[i])
            p[out++] = p[i];
    return out;
}

/// Drawing state of one symbol, built once per render.
struct SymbolState
{
    Symbol symbol;
    QPen pen;
    QBrush brush;
    bool hasStroke = false;
    double strokePx = 0;
    double sizePx = 0;
    QImage marker; // raster outputs only
    QPointF markerOffset;
    bool segmentsOnly = false; // thin opaque raster lines: drawn as separate segments (see renderSlice)
};

/// Area-weighted centroid of a ring (pixel or map coordinates); falls back to the vertex mean.
QPointF ringCentroid(const QPointF *p, size_t n, double *areaOut = nullptr)
{
    double a = 0, cx = 0, cy = 0;
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        const double cross = p[j].x() * p[i].y() - p[i].x() * p[j].y();
        a += cross;
        cx += (p[j].x() + p[i].x()) * cross;
        cy += (p[j].y() + p[i].y()) * cross;
    }
    if (areaOut)
        *areaOut = std::abs(a / 2);
    if (std::abs(a) < 1e-12) {
        QPointF m;
        for (size_t i = 0; i < n; ++i)
            m += p[i];
        return n ? m / double(n) : m;
    }
    return {cx / (3 * a), cy / (3 * a)};
}

bool insideRing(const std::vector<QPointF> &ring, const QPointF &pt)
{
    bool inside = false;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const QPointF &a = ring[i], &b = ring[j];
        if ((a.y() > pt.y()) != (b.y() > pt.y()) &&
            pt.x() < (b.x() - a.x()) * (pt.y() - a.y()) / (b.y() - a.y()) + a.x())
            inside = !inside;
    }
    return inside;
}

/// A point inside the largest part of a polygon feature, in pixels, and that part's pixel bounds.
bool polygonAnchor(const FeatureStore &s, size_t f, const PixelMapper &map, QPointF &anchor, QRectF &bounds)
{
    const double *xy = s.vertices();
    double bestArea = -1;
    std::vector<QPointF> ring, bestRing;
    for (uint32_t p = s.partBegin(f); p < s.partEnd(f); ++p) {
        const uint32_t r = s.ringBegin(p);
        if (r >= s.ringEnd(p))
            continue;
        ring.clear();
        for (uint32_t v = s.vertexBegin(r); v < s.vertexEnd(r); ++v)
            ring.push_back(map.map(xy[2 * v], xy[2 * v + 1]));
        if (ring.size() < 3)
            continue;
        double area = 0;
        ringCentroid(ring.data(), ring.size(), &area);
        if (area > bestArea) {
            bestArea = area;
            bestRing = ring;
        }
    }
    if (bestRing.size() < 3)
        return false;
    anchor = ringCentroid(bestRing.data(), bestRing.size());
    bounds = QPolygonF(QList<QPointF>(bestRing.begin(), bestRing.end())).boundingRect();
    if (!insideRing(bestRing, anchor)) {
        // Concave shapes (an L, a crescent): take the middle of the widest span on the centre line.
        const double y = bounds.center().y();
        std::vector<double> xs;
        for (size_t i = 0, j = bestRing.size() - 1; i < bestRing.size(); j = i++) {
            const QPointF &a = bestRing[i], &b = bestRing[j];
            if ((a.y() > y) != (b.y() > y))
                xs.push_back((b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()) + a.x());
        }
        std::sort(xs.begin(), xs.end());
        double widest = -1;
        for (size_t i = 0; i + 1 < xs.size(); i += 2)
            if (xs[i + 1] - xs[i] > widest) {
                widest = xs[i + 1] - xs[i];
                anchor = QPointF((xs[i] + xs[i + 1]) / 2, y);
            }
    }
    return true;
}

/// The representative point of a feature for markers (points: the point; lines: the middle vertex).
bool featureAnchor(const FeatureStore &s, size_t f, const PixelMapper &map, QPointF &anchor)
{
    const GeometryFamily family = familyOf(s.geometryType(f));
    if (s.partBegin(f) == s.partEnd(f))
        return false;
    if (family == GeometryFamily::Polygon) {
        QRectF bounds;
        return polygonAnchor(s, f, map, anchor, bounds);
    }
    const uint32_t r = s.ringBegin(s.partBegin(f));
    const uint32_t v0 = s.vertexBegin(r), v1 = s.vertexEnd(r);
    if (v1 <= v0)
        return false;
    const uint32_t v = family == GeometryFamily::Line ? (v0 + v1 - 1) / 2 : v0;
    anchor = map.map(s.vertices()[2 * v], s.vertices()[2 * v + 1]);
    return std::isfinite(anchor.x()) && std::isfinite(anchor.y());
}

} // namespace

VectorLayerRenderer::VectorLayerRenderer(std::shared_ptr<const FeatureStore> store,
                                         std::unique_ptr<FeatureRenderer> renderer, LabelSettings labels,
                                         LabelTextFunction labelText,
                                         std::shared_ptr<const std::vector<uint8_t>> filterMask)
    : m_store(std::move(store)), m_renderer(std::move(renderer)), m_labels(std::move(labels)),
      m_labelText(std::move(labelText)), m_filter(std::move(filterMask))
{
    if (!m_labelText)
        m_labels.enabled = false;
}

VectorLayerRenderer::~VectorLayerRenderer() = default;

void VectorLayerRenderer::setHighlight(const LayerHighlight &highlight)
{
    // Set right after construction, before any worker asks for the visible features (computed once).
    m_highlight = highlight;
}

bool VectorLayerRenderer::supportsSlicing() const
{
    return m_renderer && m_renderer->type() != FeatureRenderer::Type::Heatmap;
}

const std::vector<uint32_t> &VectorLayerRenderer::visibleFeatures(const RenderContext &context)
{
    std::call_once(m_visibleOnce, [&] { computeVisible(context); });
    return m_visible;
}

double VectorLayerRenderer::queryMarginPx(const RenderContext &context) const
{
    // Symbols reach beyond their geometry: grow the query so markers and strokes at the edge are drawn.
    double marginPx = 2;
    if (m_renderer)
        for (const Symbol &s : m_renderer->symbols())
            marginPx = std::max({marginPx, 2 + toPixels(s.markerSize, s.markerUnit, context.dpi(), context.mapUnitsPerPixel()),
                                 2 + toPixels(s.strokeWidth, s.strokeUnit, context.dpi(), context.mapUnitsPerPixel())});
    if (m_renderer && m_renderer->type() == FeatureRenderer::Type::Heatmap) {
        const auto &h = static_cast<const HeatmapRenderer &>(*m_renderer);
        marginPx = std::max(marginPx, toPixels(h.radius(), h.radiusUnit(), context.dpi(), context.mapUnitsPerPixel()));
    }
    if (m_renderer && m_renderer->type() == FeatureRenderer::Type::Proportional)
        marginPx = std::max(marginPx, toPixels(static_cast<const ProportionalRenderer &>(*m_renderer).maxSize(),
                                               m_renderer->symbols().front().markerUnit, context.dpi(),
                                               context.mapUnitsPerPixel()));
    return marginPx;
}

void VectorLayerRenderer::computeVisible(const RenderContext &context)
{
    const double m = queryMarginPx(context) * context.mapUnitsPerPixel();
    const Envelope &e = context.extent();
    const Envelope query(e.xmin - m, e.ymin - m, e.xmax + m, e.ymax + m);
    const Envelope layer = m_store->extent();
    if (query.contains(layer.xmin, layer.ymin) && query.contains(layer.xmax, layer.ymax)) {
        m_visible.resize(m_store->featureCount());
        std::iota(m_visible.begin(), m_visible.end(), 0u);
    } else {
        m_visible = m_store->index().query(query);
    }
    if (m_filter) {
        const std::vector<uint8_t> &mask = *m_filter;
        std::erase_if(m_visible, [&mask](uint32_t f) { return f >= mask.size() || !mask[f]; });
    }
    if (m_highlight && m_highlight->others == LayerHighlight::Others::Hide) {
        const std::vector<uint32_t> &keep = m_highlight->features;
        std::erase_if(m_visible, [&keep](uint32_t f) { return !std::binary_search(keep.begin(), keep.end(), f); });
    }
    if (m_renderer && m_renderer->hasDrawOrder()) {
        std::vector<std::pair<double, uint32_t>> keyed;
        keyed.reserve(m_visible.size());
        for (uint32_t f : m_visible)
            keyed.emplace_back(m_renderer->drawOrderKey(*m_store, f), f);
        std::stable_sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        for (size_t i = 0; i < keyed.size(); ++i)
            m_visible[i] = keyed[i].second;
    }
}

size_t VectorLayerRenderer::workEstimate(const RenderContext &context) const
{
    // Called on the job's (UI) thread: an O(1) guess from the overlap of view and layer, assuming an even
    // spread of features. Querying and sorting a million ids here would stall the UI.
    const Envelope layer = m_store->extent();
    const Envelope &view = context.extent();
    if (layer.isNull() || !layer.intersects(view))
        return 0;
    const double w = std::min(layer.xmax, view.xmax) - std::max(layer.xmin, view.xmin);
    const double h = std::min(layer.ymax, view.ymax) - std::max(layer.ymin, view.ymin);
    const double area = layer.width() * layer.height();
    const double fraction = area > 0 ? std::clamp(w * h / area, 0.0, 1.0) : 1.0;
    return size_t(double(m_store->featureCount()) * fraction);
}

bool VectorLayerRenderer::render(QPainter &painter, const RenderContext &context)
{
    prepareSlices(1, context);
    return renderSlice(painter, context, 0, 1);
}

void VectorLayerRenderer::prepareSlices(int parts, const RenderContext &context)
{
    // Each slice writes only its own label list: no locking while workers run.
    m_sliceLabels.assign(size_t(parts), {});
    m_labelDpi = context.dpi();
}

bool VectorLayerRenderer::renderSlice(QPainter &painter, const RenderContext &context, int part, int parts)
{
    if (!m_renderer)
        return false;
    if (m_renderer->type() == FeatureRenderer::Type::Heatmap)
        return part == 0 ? renderHeatmap(painter, context) : true;
    const std::vector<uint32_t> &ids = visibleFeatures(context);
    const size_t begin = ids.size() * size_t(part) / size_t(parts);
    const size_t end = ids.size() * size_t(part + 1) / size_t(parts);
    if (begin >= end)
        return true;

    const FeatureStore &s = *m_store;
    const double *xy = s.vertices();
    const double mupp = context.mapUnitsPerPixel();
    const double dpi = context.dpi();
    const PixelMapper map{context.extent().xmin, context.extent().ymax, 1.0 / mupp,
                          // Vector outputs: 0.02 mm on paper (at least 0.1 px) is far below what print
                          // shows, and a print-resolution PDF keeps a fraction of the vertices.
                          context.isVectorOutput() ? std::max(0.1, 0.02 * dpi / 25.4) : simplifyTolerancePx};
    painter.setRenderHint(QPainter::Antialiasing, true);

    std::vector<SymbolState> states;
    for (const Symbol &sym : m_renderer->symbols()) {
        SymbolState st;
        st.symbol = sym;
        st.strokePx = toPixels(sym.strokeWidth, sym.strokeUnit, dpi, mupp);
        st.hasStroke = st.strokePx > 0 && sym.strokeColor.alpha() > 0 && sym.strokeStyle != Qt::NoPen;
        QColor stroke = sym.strokeColor, fill = sym.fillColor;
        if (sym.opacity < 1.0) {
            stroke.setAlphaF(stroke.alphaF() * float(sym.opacity));
            fill.setAlphaF(fill.alphaF() * float(sym.opacity));
        }
        // Below ~2.5 px a round join or cap differs from a bevel or square one by less than a pixel's
        // coverage, but Qt strokes rounds with Bézier arcs at every vertex: the dominant cost of drawing
        // dense road networks. Raster output only; vectors keep what the symbol says.
        const bool thin = !context.isVectorOutput() && st.strokePx < 2.5;
        const Qt::PenJoinStyle join = thin && sym.joinStyle == Qt::RoundJoin ? Qt::BevelJoin : sym.joinStyle;
        const Qt::PenCapStyle cap = thin && sym.capStyle == Qt::RoundCap ? Qt::SquareCap : sym.capStyle;
        st.pen = st.hasStroke ? QPen(stroke, st.strokePx, sym.strokeStyle, cap, join) : QPen(Qt::NoPen);
        // Qt rasterises separate segments with square caps directly (QRasterizer::rasterizeLine) but runs
        // polylines through QStroker, which builds join geometry at every vertex: 1 s of a 1.1 s render
        // of 500,000 roads. For thin opaque solid lines the overlapping square ends of consecutive
        // segments cover the joins; translucent ones would show the overlaps, so they keep polylines.
        // At 1 px and below Qt takes its cosmetic stroker for polylines anyway, which is fast and would draw
        // the shared vertices of separate segments twice.
        st.segmentsOnly = thin && st.strokePx > 1.0 && st.hasStroke && stroke.alpha() == 255 && sym.strokeStyle == Qt::SolidLine &&
                          sym.dashPattern.isEmpty() && cap == Qt::SquareCap;
        if (st.hasStroke && !sym.dashPattern.isEmpty())
            st.pen.setDashPattern(sym.dashPattern);
        st.brush = fill.alpha() > 0 ? QBrush(fill) : QBrush(Qt::NoBrush);
        st.symbol.fillColor = fill;
        st.symbol.strokeColor = stroke;
        st.sizePx = toPixels(sym.markerSize, sym.markerUnit, dpi, mupp);
        states.push_back(st);
    }
    // Dimmed copies of the symbols follow the originals: symbol i of a dimmed feature is state n + i.
    const size_t symbolCount = states.size();
    const bool dimOthers = m_highlight && m_highlight->others == LayerHighlight::Others::Dim;
    if (dimOthers) {
        const double k = std::clamp(m_highlight->dimOpacity, 0.0, 1.0);
        for (size_t i = 0; i < symbolCount; ++i) {
            SymbolState st = states[i];
            QColor stroke = st.symbol.strokeColor, fill = st.symbol.fillColor;
            stroke.setAlphaF(stroke.alphaF() * float(k));
            fill.setAlphaF(fill.alphaF() * float(k));
            st.symbol.strokeColor = stroke;
            st.symbol.fillColor = fill;
            if (st.hasStroke)
                st.pen.setColor(stroke);
            st.segmentsOnly = st.segmentsOnly && stroke.alpha() == 255; // translucent segments would show overlaps
            st.brush = fill.alpha() > 0 ? QBrush(fill) : QBrush(Qt::NoBrush);
            states.push_back(st);
        }
    }
    const auto isDimmed = [&](uint32_t f) {
        return dimOthers && !std::binary_search(m_highlight->features.begin(), m_highlight->features.end(), f);
    };
    const bool markersOnly = m_renderer->drawsMarkersOnly();
    const auto markerImageFor = [&](SymbolState &st) -> const QImage & {
        if (st.marker.isNull() && !context.isVectorOutput()) {
            st.marker = markerImage(st.symbol, st.sizePx, st.hasStroke ? st.strokePx : 0.0);
            st.markerOffset = QPointF(st.marker.width() / 2.0, st.marker.height() / 2.0);
        }
        return st.marker;
    };

    std::vector<QPointF> pts;
    std::vector<uint8_t> dpKeep;
    std::vector<std::pair<size_t, size_t>> dpStack;
    pts.reserve(4096);
    std::vector<QLineF> segments;
    QPainterPath path;
    std::vector<int> chosen;
    chosen.reserve(4);
    int current = -1;
    bool brushOff = false;
    // Segments of consecutive features with the same thin-line symbol go to Qt in one drawLines() call:
    // per call Qt sets up its rasteriser, which cost more than the short segments themselves. On a plain
    // image ThinLineRasterizer draws them instead, queued across symbols and sorted into tiles; anything
    // else the painter draws must wait until the queue is drawn (flushSegments(true)).
    ThinLineRasterizer direct(painter);
    const auto flushSegments = [&](bool all) {
        if (!segments.empty()) {
            const SymbolState &st = states[size_t(current)];
            if (direct.isActive())
                direct.add(segments.data(), segments.size(), st.strokePx, st.pen.color().rgba());
            else
                painter.drawLines(segments.data(), int(segments.size()));
            segments.clear();
        }
        if (all)
            direct.flush();
    };
    // Before the painter draws anything itself, everything queued for ThinLineRasterizer must be drawn.
    const auto painterDraws = [&] { flushSegments(true); };
    const auto use = [&](int i, bool line) {
        if (i != current) {
            flushSegments(false); // pending segments are in the current symbol's style
            painter.setPen(states[size_t(i)].pen);
            current = i;
            brushOff = !line;
        }
        if (line != brushOff) {
            painter.setBrush(line ? QBrush(Qt::NoBrush) : states[size_t(i)].brush);
            brushOff = line;
        }
    };
    const auto drawMarkerAt = [&](SymbolState &st, const QPointF &c, double sizeOverride) {
        painterDraws();
        if (!std::isnan(sizeOverride)) {
            const double px = toPixels(sizeOverride, st.symbol.markerUnit, dpi, mupp);
            drawMarker(painter, st.symbol, c, px, st.hasStroke ? st.strokePx : 0.0);
            current = -1;
            return;
        }
        const QImage &img = markerImageFor(st);
        if (!img.isNull()) {
            painter.drawImage(c - st.markerOffset, img);
        } else {
            drawMarker(painter, st.symbol, c, st.sizePx, st.hasStroke ? st.strokePx : 0.0);
            current = -1;
        }
    };

    std::vector<uint8_t> drawn(m_labels.enabled ? end - begin : 0, 0);
    for (size_t i = begin; i < end; ++i) {
        if (((i - begin) & 0x3ff) == 0 && context.isCancelled())
            return false;
        const uint32_t f = ids[i];
        const uint32_t p0 = s.partBegin(f), p1 = s.partEnd(f);
        if (p0 == p1)
            continue;
        double sizeOverride = std::numeric_limits<double>::quiet_NaN();
        m_renderer->choose(s, f, chosen, sizeOverride);
        if (chosen.empty())
            continue;
        if (!drawn.empty())
            drawn[i - begin] = 1;
        const GeometryFamily family = familyOf(s.geometryType(f));
        const int stateOffset = isDimmed(f) ? int(symbolCount) : 0;
        for (int chosenIndex : chosen) {
            const int symbolIndex = chosenIndex + stateOffset;
            SymbolState &st = states[size_t(symbolIndex)];
            if (markersOnly || family == GeometryFamily::Point || family == GeometryFamily::Mixed) {
                if (markersOnly && family != GeometryFamily::Point) {
                    QPointF c;
                    if (featureAnchor(s, f, map, c))
                        drawMarkerAt(st, c, sizeOverride);
                    continue;
                }
                for (uint32_t p = p0; p < p1; ++p)
                    for (uint32_t r = s.ringBegin(p); r < s.ringEnd(p); ++r) {
                        const uint32_t v = s.vertexBegin(r);
                        if (v >= s.vertexEnd(r))
                            continue;
                        const QPointF c = map.map(xy[2 * v], xy[2 * v + 1]);
                        if (std::isfinite(c.x()) && std::isfinite(c.y()))
                            drawMarkerAt(st, c, sizeOverride);
                    }
                continue;
            }
            if (family == GeometryFamily::Line) {
                if (!st.hasStroke)
                    continue;
                use(symbolIndex, true);
                for (uint32_t p = p0; p < p1; ++p)
                    for (uint32_t r = s.ringBegin(p); r < s.ringEnd(p); ++r) {
                        pts.clear();
                        size_t n = map.appendRing(xy, s.vertexBegin(r), s.vertexEnd(r), pts);
                        if (n < 2)
                            continue;
                        if (st.segmentsOnly) {
                            n = simplifyPolyline(pts.data(), n, 0.25, dpKeep, dpStack);
                            for (size_t k = 1; k < n; ++k)
                                segments.emplace_back(pts[k - 1], pts[k]);
                            if (segments.size() >= 16384)
                                flushSegments(false);
                        } else {
                            painterDraws();
                            painter.drawPolyline(pts.data(), int(n));
                        }
                    }
                continue;
            }
            if (family != GeometryFamily::Polygon)
                continue;
            use(symbolIndex, false);
            for (uint32_t p = p0; p < p1; ++p) {
                const uint32_t r0 = s.ringBegin(p), r1 = s.ringEnd(p);
                if (r1 - r0 == 1) {
                    pts.clear();
                    const size_t n = map.appendRing(xy, s.vertexBegin(r0), s.vertexEnd(r0), pts);
                    if (n >= 3) {
                        painterDraws();
                        painter.drawPolygon(pts.data(), int(n));
                    } else if (n > 0) {
                        // Smaller than a pixel: a dot keeps dense areas (many tiny buildings) visible. A
                        // million of them are a city seen whole; QPainter::fillRect costs ~250 ns each.
                        const QColor c = st.hasStroke ? st.symbol.strokeColor : st.symbol.fillColor;
                        if (direct.isActive() && c.alpha() == 255) {
                            flushSegments(false);
                            direct.addDot(pts[0], 1.0, c.rgba());
                        } else {
                            painterDraws();
                            painter.fillRect(QRectF(pts[0].x() - 0.5, pts[0].y() - 0.5, 1, 1), c);
                        }
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
                    if (!path.isEmpty()) {
                        painterDraws();
                        painter.drawPath(path);
                    }
                }
            }
        }
    }
    flushSegments(true);
    if (m_labels.enabled) {
        // Label only what was drawn: the same features, in the same order.
        std::vector<uint32_t> labelled;
        for (size_t i = begin; i < end; ++i)
            if (drawn[i - begin])
                labelled.push_back(ids[i]);
        std::vector<LabelFeature> &out = m_sliceLabels[size_t(part)];
        const QFont font = m_labels.font(dpi);
        const QFontMetricsF fm(font);
        const double asc = fm.ascent(), desc = fm.descent();
        double markerRadius = 0;
        for (const SymbolState &st : states)
            markerRadius = std::max(markerRadius, st.sizePx / 2);
        const double gap = 0.6 * dpi / 25.4;
        std::vector<QPointF> line;
        for (uint32_t f : labelled) {
            LabelFeature lf;
            lf.text = m_labelText(s, f).trimmed();
            if (lf.text.isEmpty())
                continue;
            const double w = fm.horizontalAdvance(lf.text);
            const QRectF box(0, -asc, w, asc + desc);
            const GeometryFamily family = familyOf(s.geometryType(f));
            const auto add = [&](QPointF origin, double angle = 0) { lf.candidates.push_back({origin, angle, box}); };
            const bool polygonInside = family == GeometryFamily::Polygon && !markersOnly &&
                                       m_labels.placement != LabelSettings::Placement::AroundPoint;
            if (polygonInside) {
                QPointF c;
                QRectF bounds;
                if (!polygonAnchor(s, f, map, c, bounds))
                    continue;
                if (m_labels.fitInPolygon && w > bounds.width())
                    continue;
                add(QPointF(c.x() - w / 2, c.y() + (asc - desc) / 2));
            } else if (family == GeometryFamily::Line && !markersOnly) {
                // Along the longest part, at its middle (then at a third and two thirds), kept upright.
                uint32_t bestRing = 0;
                double bestLen = -1;
                for (uint32_t p = s.partBegin(f); p < s.partEnd(f); ++p)
                    for (uint32_t r = s.ringBegin(p); r < s.ringEnd(p); ++r) {
                        line.clear();
                        map.appendRing(xy, s.vertexBegin(r), s.vertexEnd(r), line);
                        double len = 0;
                        for (size_t k = 1; k < line.size(); ++k)
                            len += std::hypot(line[k].x() - line[k - 1].x(), line[k].y() - line[k - 1].y());
                        if (len > bestLen) {
                            bestLen = len;
                            bestRing = r;
                        }
                    }
                if (bestLen < w + 4)
                    continue;
                line.clear();
                map.appendRing(xy, s.vertexBegin(bestRing), s.vertexEnd(bestRing), line);
                std::vector<double> cum(line.size(), 0.0);
                for (size_t k = 1; k < line.size(); ++k)
                    cum[k] = cum[k - 1] + std::hypot(line[k].x() - line[k - 1].x(), line[k].y() - line[k - 1].y());
                const auto at = [&](double d) {
                    const auto it = std::lower_bound(cum.begin(), cum.end(), d);
                    const size_t k = std::clamp<size_t>(size_t(it - cum.begin()), 1, line.size() - 1);
                    const double seg = cum[k] - cum[k - 1];
                    const double t = seg > 0 ? (d - cum[k - 1]) / seg : 0;
                    return line[k - 1] + (line[k] - line[k - 1]) * t;
                };
                for (double fraction : {0.5, 0.33, 0.67}) {
                    const double mid = bestLen * fraction;
                    if (mid - w / 2 < 0 || mid + w / 2 > bestLen)
                        continue;
                    QPointF a = at(mid - w / 2), b = at(mid + w / 2);
                    if (b.x() < a.x())
                        std::swap(a, b);
                    const double angle = -std::atan2(b.y() - a.y(), b.x() - a.x()) * 180 / M_PI;
                    const double rad = -angle * M_PI / 180;
                    // Origin = start of the chord, moved so the text's vertical middle sits on the line.
                    const double shift = (asc - desc) / 2;
                    add(QPointF(a.x() - std::sin(rad) * shift, a.y() + std::cos(rad) * shift), angle);
                }
            } else {
                QPointF c;
                if (!featureAnchor(s, f, map, c))
                    continue;
                if (m_labels.placement == LabelSettings::Placement::OverPoint) {
                    add(QPointF(c.x() - w / 2, c.y() + (asc - desc) / 2));
                } else {
                    const double r = markerRadius + gap;
                    const double d = markerRadius * 0.7 + gap;
                    add(QPointF(c.x() + d, c.y() - d - desc));
                    add(QPointF(c.x() - d - w, c.y() - d - desc));
                    add(QPointF(c.x() + d, c.y() + d + asc));
                    add(QPointF(c.x() - d - w, c.y() + d + asc));
                    add(QPointF(c.x() + r, c.y() + (asc - desc) / 2));
                    add(QPointF(c.x() - r - w, c.y() + (asc - desc) / 2));
                    add(QPointF(c.x() - w / 2, c.y() - r - desc));
                    add(QPointF(c.x() - w / 2, c.y() + r + asc));
                }
            }
            if (!lf.candidates.empty())
                out.push_back(std::move(lf));
        }
    }
    return true;
}

std::unique_ptr<LayerLabels> VectorLayerRenderer::takeLabels()
{
    if (!m_labels.enabled)
        return nullptr;
    auto labels = std::make_unique<LayerLabels>();
    labels->settings = m_labels;
    labels->font = m_labels.font(m_labelDpi);
    labels->haloPx = m_labels.haloWidth * m_labelDpi / 25.4;
    for (auto &slice : m_sliceLabels)
        for (auto &lf : slice)
            labels->features.push_back(std::move(lf));
    m_sliceLabels.clear();
    return labels;
}

bool VectorLayerRenderer::renderHeatmap(QPainter &painter, const RenderContext &context)
{
    const auto &heat = static_cast<const HeatmapRenderer &>(*m_renderer);
    const std::vector<uint32_t> &ids = visibleFeatures(context);
    const QSize size = context.outputSize();
    const double radiusPx = std::max(1.0, toPixels(heat.radius(), heat.radiusUnit(), context.dpi(),
                                                   context.mapUnitsPerPixel()));
    // A coarser grid for big radii: the surface is smooth, so this loses nothing visible.
    const int step = std::max(1, int(radiusPx / 12));
    const int gw = size.width() / step + 1, gh = size.height() / step + 1;
    std::vector<float> grid(size_t(gw) * gh, 0.0f);
    const PixelMapper map{context.extent().xmin, context.extent().ymax, 1.0 / context.mapUnitsPerPixel(), 0};
    const double rg = radiusPx / step;
    const int ri = int(std::ceil(rg));
    for (size_t i = 0; i < ids.size(); ++i) {
        if ((i & 0x3ff) == 0 && context.isCancelled())
            return false;
        const uint32_t f = ids[i];
        const double w = heat.weight(*m_store, f);
        if (w <= 0)
            continue;
        QPointF c;
        if (!featureAnchor(*m_store, f, map, c))
            continue;
        const double gx = c.x() / step, gy = c.y() / step;
        for (int y = std::max(0, int(gy) - ri); y <= std::min(gh - 1, int(gy) + ri); ++y)
            for (int x = std::max(0, int(gx) - ri); x <= std::min(gw - 1, int(gx) + ri); ++x) {
                const double d2 = ((x - gx) * (x - gx) + (y - gy) * (y - gy)) / (rg * rg);
                if (d2 < 1)
                    grid[size_t(y) * gw + x] += float(w * (1 - d2) * (1 - d2)); // quartic kernel
            }
    }
    float maxValue = float(heat.maxDensity());
    if (maxValue <= 0)
        for (float v : grid)
            maxValue = std::max(maxValue, v);
    if (maxValue <= 0)
        return true;
    const ColorRamp ramp = ColorRamp::named(heat.ramp());
    QRgb lut[256];
    for (int i = 0; i < 256; ++i)
        lut[i] = qPremultiply(ramp.color(i / 255.0).rgba());
    QImage image(gw, gh, QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < gh; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < gw; ++x) {
            const float v = grid[size_t(y) * gw + x];
            line[x] = v > 0 ? lut[std::clamp(int(v / maxValue * 255.0f + 0.5f), 0, 255)] : 0;
        }
    }
    painter.save();
    painter.setOpacity(painter.opacity() * heat.opacity());
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(QRectF(0, 0, double(gw) * step, double(gh) * step), image);
    painter.restore();
    return true;
}

} // namespace kw
