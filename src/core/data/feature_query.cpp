// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/feature_query.h"

#include "core/expression/expression.h"

#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace kw {

namespace {

double segmentDistance(const QPointF &p, double ax, double ay, double bx, double by)
{
    const double dx = bx - ax, dy = by - ay;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x() - ax) * dx + (p.y() - ay) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.x() - (ax + t * dx), p.y() - (ay + t * dy));
}

/// Even-odd test over every ring of a polygon part, so holes count as outside.
bool insidePart(const FeatureStore &s, uint32_t part, double x, double y)
{
    const double *xy = s.vertices();
    bool inside = false;
    for (uint32_t r = s.ringBegin(part); r < s.ringEnd(part); ++r) {
        const uint32_t b = s.vertexBegin(r), e = s.vertexEnd(r);
        if (e - b < 3)
            continue;
        for (uint32_t i = b, j = e - 1; i < e; j = i++) {
            const double xi = xy[2 * i], yi = xy[2 * i + 1], xj = xy[2 * j], yj = xy[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
                inside = !inside;
        }
    }
    return inside;
}

bool insideRing(const std::vector<QPointF> &ring, double x, double y)
{
    bool inside = false;
    const size_t n = ring.size();
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        const QPointF &a = ring[i], &b = ring[j];
        if ((a.y() > y) != (b.y() > y) && x < (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()) + a.x())
            inside = !inside;
    }
    return inside;
}

double cross(double ax, double ay, double bx, double by, double cx, double cy)
{
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

bool segmentsIntersect(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy)
{
    const double d1 = cross(cx, cy, dx, dy, ax, ay), d2 = cross(cx, cy, dx, dy, bx, by);
    const double d3 = cross(ax, ay, bx, by, cx, cy), d4 = cross(ax, ay, bx, by, dx, dy);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        return true;
    const auto onSegment = [](double px, double py, double qx, double qy, double rx, double ry) {
        return std::min(px, qx) <= rx && rx <= std::max(px, qx) && std::min(py, qy) <= ry && ry <= std::max(py, qy);
    };
    return (d1 == 0 && onSegment(cx, cy, dx, dy, ax, ay)) || (d2 == 0 && onSegment(cx, cy, dx, dy, bx, by)) ||
           (d3 == 0 && onSegment(ax, ay, bx, by, cx, cy)) || (d4 == 0 && onSegment(ax, ay, bx, by, dx, dy));
}

bool featureIntersectsRing(const FeatureStore &s, size_t f, const std::vector<QPointF> &ring)
{
    const double *xy = s.vertices();
    const GeometryFamily family = familyOf(s.geometryType(f));
    for (uint32_t p = s.partBegin(f); p < s.partEnd(f); ++p) {
        for (uint32_t r = s.ringBegin(p); r < s.ringEnd(p); ++r) {
            const uint32_t b = s.vertexBegin(r), e = s.vertexEnd(r);
            for (uint32_t i = b; i < e; ++i)
                if (insideRing(ring, xy[2 * i], xy[2 * i + 1]))
                    return true;
            if (family == GeometryFamily::Point)
                continue;
            // Edges crossing the selection ring (a closed ring for polygons, an open path for lines).
            const uint32_t last = family == GeometryFamily::Polygon ? e : e - 1;
            for (uint32_t i = b; i < last && e - b >= 2; ++i) {
                const uint32_t j = i + 1 < e ? i + 1 : b;
                for (size_t k = 0; k < ring.size(); ++k) {
                    const QPointF &c = ring[k], &d = ring[(k + 1) % ring.size()];
                    if (segmentsIntersect(xy[2 * i], xy[2 * i + 1], xy[2 * j], xy[2 * j + 1], c.x(), c.y(), d.x(), d.y()))
                        return true;
                }
            }
        }
        // The selection ring may lie entirely inside a polygon.
        if (family == GeometryFamily::Polygon && !ring.empty() && insidePart(s, p, ring.front().x(), ring.front().y()))
            return true;
    }
    return false;
}

} // namespace

double FeatureQuery::distance(const FeatureStore &s, size_t f, const QPointF &pt)
{
    const double *xy = s.vertices();
    const GeometryFamily family = familyOf(s.geometryType(f));
    double best = std::numeric_limits<double>::infinity();
    for (uint32_t p = s.partBegin(f); p < s.partEnd(f); ++p) {
        if (family == GeometryFamily::Polygon && insidePart(s, p, pt.x(), pt.y()))
            return 0;
        for (uint32_t r = s.ringBegin(p); r < s.ringEnd(p); ++r) {
            const uint32_t b = s.vertexBegin(r), e = s.vertexEnd(r);
            if (e - b == 1 || family == GeometryFamily::Point) {
                for (uint32_t i = b; i < e; ++i)
                    best = std::min(best, std::hypot(pt.x() - xy[2 * i], pt.y() - xy[2 * i + 1]));
                continue;
            }
            for (uint32_t i = b; i + 1 < e; ++i)
                best = std::min(best, segmentDistance(pt, xy[2 * i], xy[2 * i + 1], xy[2 * i + 2], xy[2 * i + 3]));
            if (family == GeometryFamily::Polygon && e - b > 2)
                best = std::min(best, segmentDistance(pt, xy[2 * (e - 1)], xy[2 * (e - 1) + 1], xy[2 * b], xy[2 * b + 1]));
        }
    }
    return best;
}

std::vector<uint32_t> FeatureQuery::at(const FeatureStore &store, const QPointF &point, double tolerance)
{
    const Envelope box(point.x() - tolerance, point.y() - tolerance, point.x() + tolerance, point.y() + tolerance);
    std::vector<uint32_t> out;
    for (uint32_t f : store.index().query(box))
        if (distance(store, f, point) <= tolerance)
            out.push_back(f);
    return out;
}

std::vector<uint32_t> FeatureQuery::intersecting(const FeatureStore &store, const Envelope &box)
{
    std::vector<uint32_t> out;
    const std::vector<QPointF> ring{{box.xmin, box.ymin}, {box.xmax, box.ymin}, {box.xmax, box.ymax}, {box.xmin, box.ymax}};
    for (uint32_t f : store.index().query(box)) {
        const Envelope &fe = store.featureEnvelope(f);
        // Wholly inside the box: no need to look at the geometry (the common case for a big rubber band).
        if (box.contains(fe.xmin, fe.ymin) && box.contains(fe.xmax, fe.ymax))
            out.push_back(f);
        else if (featureIntersectsRing(store, f, ring))
            out.push_back(f);
    }
    return out;
}

std::vector<uint32_t> FeatureQuery::intersecting(const FeatureStore &store, const std::vector<QPointF> &ring)
{
    std::vector<uint32_t> out;
    if (ring.size() < 3)
        return out;
    Envelope box;
    for (const QPointF &p : ring)
        box.include(p.x(), p.y());
    for (uint32_t f : store.index().query(box))
        if (featureIntersectsRing(store, f, ring))
            out.push_back(f);
    return out;
}

Result<std::vector<uint32_t>> FeatureQuery::matching(const FeatureStore &store, const QString &expression,
                                                     int *errorColumn)
{
    if (errorColumn)
        *errorColumn = 0;
    auto e = Expression::parse(expression, errorColumn);
    if (!e.ok())
        return e.error();
    if (Status st = e->prepare(store.fields()); !st.ok())
        return st.error();
    std::vector<uint32_t> out;
    ExpressionContext context(&store.attributes());
    for (size_t f = 0; f < store.featureCount(); ++f) {
        context.setRow(f);
        context.setFeatureId(store.fid(f));
        if (e->evaluateBool(context))
            out.push_back(uint32_t(f));
    }
    return out;
}

} // namespace kw
