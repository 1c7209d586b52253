// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/geometry/geometry_engine.h"

#include "core/geometry/geos_context.h"

#include <functional>
#include <limits>
#include <vector>

namespace kw {

namespace {

/// Owns a GEOS geometry of the calling thread's context.
struct GeosPtr
{
    GEOSGeometry *g = nullptr;
    GeosPtr() = default;
    explicit GeosPtr(GEOSGeometry *p) : g(p) {}
    GeosPtr(const GeosPtr &) = delete;
    GeosPtr &operator=(const GeosPtr &) = delete;
    GeosPtr(GeosPtr &&o) noexcept : g(o.g) { o.g = nullptr; }
    GeosPtr &operator=(GeosPtr &&o) noexcept
    {
        std::swap(g, o.g);
        return *this;
    }
    ~GeosPtr()
    {
        if (g) GEOSGeom_destroy_r(geos::context(), g);
    }
    GEOSGeometry *release()
    {
        GEOSGeometry *p = g;
        g = nullptr;
        return p;
    }
    explicit operator bool() const { return g != nullptr; }
};

GeosPtr toGeos(const Geometry &geometry)
{
    GEOSContextHandle_t ctx = geos::context();
    const QByteArray wkb = geometry.toWkb();
    GEOSWKBReader *reader = GEOSWKBReader_create_r(ctx);
    GEOSGeometry *g = GEOSWKBReader_read_r(
        ctx, reader, reinterpret_cast<const unsigned char *>(wkb.constData()), size_t(wkb.size()));
    GEOSWKBReader_destroy_r(ctx, reader);
    return GeosPtr(g);
}

Result<Geometry> fromGeos(const GEOSGeometry *g)
{
    GEOSContextHandle_t ctx = geos::context();
    if (!g) return Error{ErrorKind::Internal, QStringLiteral("GEOS operation failed")};
    if (GEOSisEmpty_r(ctx, g) == 1) {
        const int type = GEOSGeomTypeId_r(ctx, g);
        switch (type) {
        case GEOS_POINT:
            return Geometry(GeometryType::Point);
        case GEOS_LINESTRING:
            return Geometry(GeometryType::LineString);
        case GEOS_POLYGON:
            return Geometry(GeometryType::Polygon);
        case GEOS_MULTIPOLYGON:
            return Geometry(GeometryType::MultiPolygon);
        default:
            return Geometry(GeometryType::GeometryCollection);
        }
    }
    GEOSWKBWriter *writer = GEOSWKBWriter_create_r(ctx);
    GEOSWKBWriter_setOutputDimension_r(ctx, writer, 2);
    size_t size = 0;
    unsigned char *buf = GEOSWKBWriter_write_r(ctx, writer, g, &size);
    GEOSWKBWriter_destroy_r(ctx, writer);
    if (!buf) return Error{ErrorKind::Internal, QStringLiteral("GEOS could not write a geometry")};
    auto result = Geometry::fromWkb({buf, size});
    GEOSFree_r(ctx, buf);
    return result;
}

bool isPolygonal(const Geometry &g)
{
    return g.family() == GeometryFamily::Polygon;
}

/// The polygonal parts of \a g as a Polygon or MultiPolygon (empty MultiPolygon when there are none).
GeosPtr polygonalPart(GeosPtr g)
{
    GEOSContextHandle_t ctx = geos::context();
    const int type = GEOSGeomTypeId_r(ctx, g.g);
    if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON) return g;
    std::vector<GEOSGeometry *> polygons;
    std::function<void(const GEOSGeometry *)> collect = [&](const GEOSGeometry *p) {
        const int t = GEOSGeomTypeId_r(ctx, p);
        if (t == GEOS_POLYGON && !GEOSisEmpty_r(ctx, p)) {
            polygons.push_back(GEOSGeom_clone_r(ctx, p));
        } else if (t == GEOS_MULTIPOLYGON || t == GEOS_GEOMETRYCOLLECTION) {
            for (int i = 0; i < GEOSGetNumGeometries_r(ctx, p); ++i)
                collect(GEOSGetGeometryN_r(ctx, p, i));
        }
    };
    collect(g.g);
    if (polygons.size() == 1) return GeosPtr(polygons.front());
    return GeosPtr(
        GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOLYGON, polygons.data(), unsigned(polygons.size())));
}

Result<Geometry> finish(GeosPtr result, bool polygonal, const char *what)
{
    if (!result) return Error{ErrorKind::Internal, QStringLiteral("GEOS %1 failed").arg(QLatin1String(what))};
    if (polygonal) result = polygonalPart(std::move(result));
    return fromGeos(result.g);
}

} // namespace

std::optional<QString> GeometryEngine::invalidReason(const Geometry &g)
{
    GEOSContextHandle_t ctx = geos::context();
    GeosPtr geos = toGeos(g);
    if (!geos) return QStringLiteral("unreadable geometry");
    if (GEOSisValid_r(ctx, geos.g) == 1) return std::nullopt;
    char *reason = GEOSisValidReason_r(ctx, geos.g);
    const QString text = reason ? QString::fromUtf8(reason) : QStringLiteral("invalid");
    GEOSFree_r(ctx, reason);
    return text;
}

Result<Geometry> GeometryEngine::makeValid(const Geometry &g)
{
    GeosPtr geos = toGeos(g);
    if (!geos) return Error::input(QStringLiteral("unreadable geometry"));
    return finish(GeosPtr(GEOSMakeValid_r(geos::context(), geos.g)), isPolygonal(g), "make-valid");
}

Result<Geometry> GeometryEngine::buffer(const Geometry &g, double distance, int quadrantSegments)
{
    GeosPtr geos = toGeos(g);
    if (!geos) return Error::input(QStringLiteral("unreadable geometry"));
    return finish(GeosPtr(GEOSBuffer_r(geos::context(), geos.g, distance, quadrantSegments)), true, "buffer");
}

Result<Geometry> GeometryEngine::intersection(const Geometry &a, const Geometry &b)
{
    GeosPtr ga = toGeos(a), gb = toGeos(b);
    if (!ga || !gb) return Error::input(QStringLiteral("unreadable geometry"));
    return finish(GeosPtr(GEOSIntersection_r(geos::context(), ga.g, gb.g)), isPolygonal(a) && isPolygonal(b),
                  "intersection");
}

Result<Geometry> GeometryEngine::unaryUnion(std::span<const Geometry> geometries)
{
    GEOSContextHandle_t ctx = geos::context();
    std::vector<GEOSGeometry *> parts;
    bool polygonal = !geometries.empty();
    for (const Geometry &g : geometries) {
        if (g.isEmpty()) continue;
        GeosPtr p = toGeos(g);
        if (!p) {
            for (GEOSGeometry *q : parts)
                GEOSGeom_destroy_r(ctx, q);
            return Error::input(QStringLiteral("unreadable geometry"));
        }
        polygonal = polygonal && isPolygonal(g);
        parts.push_back(p.release());
    }
    GeosPtr collection(
        GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, parts.data(), unsigned(parts.size())));
    return finish(GeosPtr(GEOSUnaryUnion_r(ctx, collection.g)), polygonal, "union");
}

double GeometryEngine::area(const Geometry &g)
{
    GeosPtr geos = toGeos(g);
    double a = 0;
    if (geos) GEOSArea_r(geos::context(), geos.g, &a);
    return a;
}

double GeometryEngine::length(const Geometry &g)
{
    GeosPtr geos = toGeos(g);
    double l = 0;
    if (geos) GEOSLength_r(geos::context(), geos.g, &l);
    return l;
}

double GeometryEngine::distance(const Geometry &a, const Geometry &b)
{
    GeosPtr ga = toGeos(a), gb = toGeos(b);
    double d = std::numeric_limits<double>::quiet_NaN();
    if (ga && gb) GEOSDistance_r(geos::context(), ga.g, gb.g, &d);
    return d;
}

struct PreparedGeometry::Impl
{
    GeosPtr geometry;
    const GEOSPreparedGeometry *prepared = nullptr;
    ~Impl()
    {
        if (prepared) GEOSPreparedGeom_destroy_r(geos::context(), prepared);
    }
};

PreparedGeometry::PreparedGeometry(const Geometry &g) : d(std::make_unique<Impl>())
{
    d->geometry = toGeos(g);
    if (d->geometry) d->prepared = GEOSPrepare_r(geos::context(), d->geometry.g);
}

PreparedGeometry::~PreparedGeometry() = default;
PreparedGeometry::PreparedGeometry(PreparedGeometry &&) noexcept = default;
PreparedGeometry &PreparedGeometry::operator=(PreparedGeometry &&) noexcept = default;

bool PreparedGeometry::isValid() const
{
    return d && d->prepared;
}

bool PreparedGeometry::covers(double x, double y) const
{
    if (!isValid()) return false;
    GEOSContextHandle_t ctx = geos::context();
    GeosPtr point(GEOSGeom_createPointFromXY_r(ctx, x, y));
    return point && GEOSPreparedIntersects_r(ctx, d->prepared, point.g) == 1;
}

bool PreparedGeometry::intersects(const Geometry &g) const
{
    if (!isValid()) return false;
    GeosPtr other = toGeos(g);
    return other && GEOSPreparedIntersects_r(geos::context(), d->prepared, other.g) == 1;
}

bool PreparedGeometry::withinDistance(const Geometry &g, double distance) const
{
    if (!isValid()) return false;
    GeosPtr other = toGeos(g);
    return other && GEOSPreparedDistanceWithin_r(geos::context(), d->prepared, other.g, distance) == 1;
}

} // namespace kw
