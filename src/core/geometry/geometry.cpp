// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/geometry/geometry.h"

#include "core/geometry/geos_context.h"
#include "core/geometry/wkb_reader.h"

#include <QStringList>
#include <QtEndian>

namespace kw {

GeometryFamily familyOf(GeometryType t)
{
    switch (t) {
    case GeometryType::Point:
    case GeometryType::MultiPoint:
        return GeometryFamily::Point;
    case GeometryType::LineString:
    case GeometryType::MultiLineString:
        return GeometryFamily::Line;
    case GeometryType::Polygon:
    case GeometryType::MultiPolygon:
        return GeometryFamily::Polygon;
    case GeometryType::GeometryCollection:
        return GeometryFamily::Mixed;
    case GeometryType::Unknown:
        break;
    }
    return GeometryFamily::None;
}

QString geometryTypeName(GeometryType t)
{
    switch (t) {
    case GeometryType::Point: return QStringLiteral("Point");
    case GeometryType::LineString: return QStringLiteral("LineString");
    case GeometryType::Polygon: return QStringLiteral("Polygon");
    case GeometryType::MultiPoint: return QStringLiteral("MultiPoint");
    case GeometryType::MultiLineString: return QStringLiteral("MultiLineString");
    case GeometryType::MultiPolygon: return QStringLiteral("MultiPolygon");
    case GeometryType::GeometryCollection: return QStringLiteral("GeometryCollection");
    case GeometryType::Unknown: break;
    }
    return QStringLiteral("Unknown");
}

void Geometry::beginPart()
{
    m_partRingEnd.push_back(uint32_t(m_ringEnd.size()));
}

void Geometry::beginRing()
{
    if (m_partRingEnd.empty())
        beginPart();
    m_ringEnd.push_back(uint32_t(m_xy.size() / 2));
    m_partRingEnd.back() = uint32_t(m_ringEnd.size());
}

void Geometry::addVertex(double x, double y)
{
    if (m_ringEnd.empty())
        beginRing();
    m_xy.push_back(x);
    m_xy.push_back(y);
    m_ringEnd.back() = uint32_t(m_xy.size() / 2);
}

Envelope Geometry::envelope() const
{
    Envelope e;
    for (size_t i = 0; i + 1 < m_xy.size(); i += 2)
        e.include(m_xy[i], m_xy[i + 1]);
    return e;
}

Result<Geometry> Geometry::fromWkb(std::span<const uint8_t> data)
{
    Geometry g;
    wkb::Reader<Geometry> reader(data.data(), data.size(), g);
    GeometryType type = GeometryType::Unknown;
    switch (reader.read(type)) {
    case wkb::ParseStatus::Ok:
        break;
    case wkb::ParseStatus::Truncated:
        return Error::input(QStringLiteral("truncated WKB geometry"));
    case wkb::ParseStatus::Curve:
        return Error::input(QStringLiteral("curved WKB geometry must be linearised first"));
    case wkb::ParseStatus::Unsupported:
        return Error::input(QStringLiteral("unsupported WKB geometry type"));
    }
    g.m_type = type;
    return g;
}

Result<Geometry> Geometry::fromWkt(const QString &wkt)
{
    GEOSContextHandle_t ctx = geos::context();
    GEOSWKTReader *reader = GEOSWKTReader_create_r(ctx);
    const QByteArray utf8 = wkt.toUtf8();
    GEOSGeometry *geom = GEOSWKTReader_read_r(ctx, reader, utf8.constData());
    GEOSWKTReader_destroy_r(ctx, reader);
    if (!geom)
        return Error::input(QStringLiteral("invalid WKT: %1").arg(wkt.left(80)));
    GEOSWKBWriter *writer = GEOSWKBWriter_create_r(ctx);
    GEOSWKBWriter_setOutputDimension_r(ctx, writer, 2);
    size_t size = 0;
    unsigned char *buf = GEOSWKBWriter_write_r(ctx, writer, geom, &size);
    GEOSWKBWriter_destroy_r(ctx, writer);
    const int geosType = GEOSGeomTypeId_r(ctx, geom);
    GEOSGeom_destroy_r(ctx, geom);
    if (!buf)
        return Error::input(QStringLiteral("cannot convert WKT: %1").arg(wkt.left(80)));
    auto result = fromWkb({buf, size});
    GEOSFree_r(ctx, buf);
    // GEOS writes "POINT EMPTY" as NaN coordinates, which fromWkb turns into an empty point; keep the type.
    if (result.ok() && result->type() == GeometryType::Unknown && geosType == GEOS_POINT)
        return Geometry(GeometryType::Point);
    return result;
}

namespace {
void putU32(QByteArray &b, uint32_t v)
{
    char buf[4];
    qToLittleEndian(v, buf);
    b.append(buf, 4);
}
void putF64(QByteArray &b, double v)
{
    char buf[8];
    qToLittleEndian(v, buf);
    b.append(buf, 8);
}
} // namespace

QByteArray Geometry::toWkb() const
{
    QByteArray b;
    const auto ringsOf = [&](int part, int &first, int &last) {
        first = part == 0 ? 0 : int(m_partRingEnd[part - 1]);
        last = int(m_partRingEnd[part]);
    };
    const auto writeRing = [&](int r) {
        const uint32_t v0 = r == 0 ? 0 : m_ringEnd[r - 1];
        const uint32_t v1 = m_ringEnd[r];
        putU32(b, v1 - v0);
        for (uint32_t v = v0; v < v1; ++v) {
            putF64(b, m_xy[2 * v]);
            putF64(b, m_xy[2 * v + 1]);
        }
    };
    const auto writePart = [&](GeometryType single, int part) {
        b.append(char(1));
        putU32(b, uint32_t(single));
        int r0, r1;
        ringsOf(part, r0, r1);
        if (single == GeometryType::Point) {
            const uint32_t v0 = r0 == 0 ? 0 : m_ringEnd[r0 - 1];
            putF64(b, m_xy[2 * v0]);
            putF64(b, m_xy[2 * v0 + 1]);
        } else if (single == GeometryType::LineString) {
            writeRing(r0);
        } else {
            putU32(b, uint32_t(r1 - r0));
            for (int r = r0; r < r1; ++r)
                writeRing(r);
        }
    };
    switch (m_type) {
    case GeometryType::Point:
    case GeometryType::LineString:
    case GeometryType::Polygon:
        if (partCount() == 0) {
            b.append(char(1));
            putU32(b, uint32_t(m_type));
            if (m_type == GeometryType::Point) {
                putF64(b, std::numeric_limits<double>::quiet_NaN());
                putF64(b, std::numeric_limits<double>::quiet_NaN());
            } else {
                putU32(b, 0);
            }
        } else {
            writePart(m_type, 0);
        }
        break;
    case GeometryType::MultiPoint:
    case GeometryType::MultiLineString:
    case GeometryType::MultiPolygon: {
        const GeometryType single = GeometryType(int(m_type) - 3);
        b.append(char(1));
        putU32(b, uint32_t(m_type));
        putU32(b, uint32_t(partCount()));
        for (int p = 0; p < partCount(); ++p)
            writePart(single, p);
        break;
    }
    default:
        b.append(char(1));
        putU32(b, uint32_t(GeometryType::GeometryCollection));
        putU32(b, 0);
        break;
    }
    return b;
}

QString Geometry::toWkt(int precision) const
{
    const auto num = [&](double v) { return QString::number(v, 'f', precision); };
    const auto ring = [&](int r) -> QString {
        const uint32_t v0 = r == 0 ? 0 : m_ringEnd[r - 1];
        QStringList pts;
        for (uint32_t v = v0; v < m_ringEnd[r]; ++v)
            pts << num(m_xy[2 * v]) + QLatin1Char(' ') + num(m_xy[2 * v + 1]);
        return QLatin1Char('(') + pts.join(QStringLiteral(", ")) + QLatin1Char(')');
    };
    const auto part = [&](int p, bool polygon) -> QString {
        const int r0 = p == 0 ? 0 : int(m_partRingEnd[p - 1]);
        if (!polygon)
            return ring(r0);
        QStringList rings;
        for (int r = r0; r < int(m_partRingEnd[p]); ++r)
            rings << ring(r);
        return QLatin1Char('(') + rings.join(QStringLiteral(", ")) + QLatin1Char(')');
    };
    const QString name = geometryTypeName(m_type).toUpper();
    if (partCount() == 0)
        return name + QStringLiteral(" EMPTY");
    const bool polygon = family() == GeometryFamily::Polygon;
    if (m_type == GeometryType::Point || m_type == GeometryType::LineString || m_type == GeometryType::Polygon)
        return name + QLatin1Char(' ') + part(0, polygon);
    QStringList parts;
    for (int p = 0; p < partCount(); ++p)
        parts << part(p, polygon);
    return name + QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
}

} // namespace kw
