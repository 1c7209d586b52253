// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/datagen/geos_ops.h"

namespace kw::datagen {

GeosOps::GeosOps() : m_h(GEOS_init_r()) {}

GeosOps::~GeosOps()
{
    GEOS_finish_r(m_h);
}

GEOSGeometry *GeosOps::makePolygon(const Polygon &p)
{
    std::vector<GEOSGeometry *> rings;
    for (const Ring &r : p) {
        GEOSCoordSequence *seq = GEOSCoordSeq_create_r(m_h, unsigned(r.size() + 1), 2);
        for (size_t i = 0; i <= r.size(); ++i) {
            const Vec2 v = r[i % r.size()];
            GEOSCoordSeq_setXY_r(m_h, seq, unsigned(i), v.x, v.y);
        }
        rings.push_back(GEOSGeom_createLinearRing_r(m_h, seq));
    }
    return GEOSGeom_createPolygon_r(m_h, rings[0], rings.size() > 1 ? rings.data() + 1 : nullptr,
                                    unsigned(rings.size() - 1));
}

GEOSGeometry *GeosOps::makeLine(const std::vector<Vec2> &line)
{
    GEOSCoordSequence *seq = GEOSCoordSeq_create_r(m_h, unsigned(line.size()), 2);
    for (size_t i = 0; i < line.size(); ++i)
        GEOSCoordSeq_setXY_r(m_h, seq, unsigned(i), line[i].x, line[i].y);
    return GEOSGeom_createLineString_r(m_h, seq);
}

std::vector<Vec2> GeosOps::readSequence(const GEOSGeometry *g)
{
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(m_h, g);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(m_h, seq, &n);
    std::vector<Vec2> out(n);
    for (unsigned i = 0; i < n; ++i)
        GEOSCoordSeq_getXY_r(m_h, seq, i, &out[i].x, &out[i].y);
    return out;
}

Polygon GeosOps::readPolygon(const GEOSGeometry *g)
{
    Polygon p;
    auto ring = [&](const GEOSGeometry *r) {
        std::vector<Vec2> pts = readSequence(r);
        if (pts.size() > 1) pts.pop_back(); // our rings are closed implicitly
        p.push_back(std::move(pts));
    };
    ring(GEOSGetExteriorRing_r(m_h, g));
    for (int i = 0; i < GEOSGetNumInteriorRings_r(m_h, g); ++i)
        ring(GEOSGetInteriorRingN_r(m_h, g, i));
    return p;
}

Polygon GeosOps::largestPolygon(const GEOSGeometry *g)
{
    Polygon best;
    double bestArea = 0;
    for (int i = 0; i < GEOSGetNumGeometries_r(m_h, g); ++i) {
        const GEOSGeometry *part = GEOSGetGeometryN_r(m_h, g, i);
        if (GEOSGeomTypeId_r(m_h, part) != GEOS_POLYGON) continue;
        double area = 0;
        GEOSArea_r(m_h, part, &area);
        if (area > bestArea) {
            bestArea = area;
            best = readPolygon(part);
        }
    }
    return best;
}

std::vector<Polygon> GeosOps::voronoi(const std::vector<Vec2> &seeds, const Polygon &clip)
{
    std::vector<GEOSGeometry *> points;
    for (Vec2 s : seeds)
        points.push_back(GEOSGeom_createPointFromXY_r(m_h, s.x, s.y));
    GEOSGeometry *multi =
        GEOSGeom_createCollection_r(m_h, GEOS_MULTIPOINT, points.data(), unsigned(points.size()));
    GEOSGeometry *area = makePolygon(clip);
    // The diagram's own frame must cover the clip area, or outer cells would be cut short.
    GEOSGeometry *frame = GEOSEnvelope_r(m_h, area);
    GEOSGeometry *bigFrame = GEOSBuffer_r(m_h, frame, 5000, 1);
    GEOSGeometry *cells = GEOSVoronoiDiagram_r(m_h, multi, bigFrame, 0.0, 0);
    std::vector<Polygon> out(seeds.size());
    const GEOSPreparedGeometry *preparedArea = GEOSPrepare_r(m_h, area);
    for (int i = 0; cells && i < GEOSGetNumGeometries_r(m_h, cells); ++i) {
        const GEOSGeometry *cell = GEOSGetGeometryN_r(m_h, cells, i);
        // The diagram does not keep the input order: find the seed inside each cell.
        const GEOSPreparedGeometry *pc = GEOSPrepare_r(m_h, cell);
        for (size_t s = 0; s < seeds.size(); ++s) {
            if (!GEOSPreparedContains_r(m_h, pc, points[s])) continue;
            GEOSGeometry *clipped = GEOSIntersection_r(m_h, cell, area);
            if (clipped) {
                out[s] = largestPolygon(clipped);
                GEOSGeom_destroy_r(m_h, clipped);
            }
            break;
        }
        GEOSPreparedGeom_destroy_r(m_h, pc);
    }
    GEOSPreparedGeom_destroy_r(m_h, preparedArea);
    if (cells) GEOSGeom_destroy_r(m_h, cells);
    GEOSGeom_destroy_r(m_h, bigFrame);
    GEOSGeom_destroy_r(m_h, frame);
    GEOSGeom_destroy_r(m_h, area);
    GEOSGeom_destroy_r(m_h, multi); // owns the points
    return out;
}

std::vector<std::vector<Vec2>> GeosOps::clipLine(const std::vector<Vec2> &line, const Polygon &areaPolygon)
{
    std::vector<std::vector<Vec2>> out;
    if (line.size() < 2 || areaPolygon.empty() || areaPolygon[0].size() < 3) return out;
    GEOSGeometry *l = makeLine(line);
    GEOSGeometry *a = makePolygon(areaPolygon);
    GEOSGeometry *r = GEOSIntersection_r(m_h, l, a);
    if (r) {
        GEOSGeometry *merged = GEOSLineMerge_r(m_h, r);
        const GEOSGeometry *parts = merged ? merged : r;
        for (int i = 0; i < GEOSGetNumGeometries_r(m_h, parts); ++i) {
            const GEOSGeometry *part = GEOSGetGeometryN_r(m_h, parts, i);
            if (GEOSGeomTypeId_r(m_h, part) == GEOS_LINESTRING) out.push_back(readSequence(part));
        }
        if (merged) GEOSGeom_destroy_r(m_h, merged);
        GEOSGeom_destroy_r(m_h, r);
    }
    GEOSGeom_destroy_r(m_h, a);
    GEOSGeom_destroy_r(m_h, l);
    return out;
}

Polygon GeosOps::intersection(const Polygon &pa, const Polygon &pb)
{
    return overlay(pa, pb, false);
}

Polygon GeosOps::difference(const Polygon &pa, const Polygon &pb)
{
    return overlay(pa, pb, true);
}

Polygon GeosOps::overlay(const Polygon &pa, const Polygon &pb, bool difference)
{
    if (pa.empty() || pb.empty()) return difference ? pa : Polygon();
    GEOSGeometry *a = makePolygon(pa);
    GEOSGeometry *b = makePolygon(pb);
    GEOSGeometry *r = difference ? GEOSDifference_r(m_h, a, b) : GEOSIntersection_r(m_h, a, b);
    Polygon out = r ? largestPolygon(r) : Polygon();
    if (r) GEOSGeom_destroy_r(m_h, r);
    GEOSGeom_destroy_r(m_h, a);
    GEOSGeom_destroy_r(m_h, b);
    return out;
}

} // namespace kw::datagen
