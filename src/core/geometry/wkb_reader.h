// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry/geometry.h"

#include <cstdint>
#include <cmath>
#include <cstring>

namespace kw::wkb {

/// Outcome of parsing one WKB blob.
enum class ParseStatus { Ok, Truncated, Unsupported, Curve };

/// \brief Streams a WKB geometry into a sink with beginPart()/beginRing()/addVertex(x, y).
///
/// Header-only so that the same loop serves Geometry and the bulk FeatureStore loader without a virtual
/// call per vertex. Z and M are read past; EWKB flags are understood; curves report ParseStatus::Curve so
/// the caller can linearise them with GDAL and try again.
template <typename Sink> class Reader
{
public:
    Reader(const uint8_t *data, size_t size, Sink &sink) : m_p(data), m_end(data + size), m_sink(sink) {}

    ParseStatus read(GeometryType &type)
    {
        uint32_t code = 0;
        bool le = true;
        int dims = 2;
        if (!header(code, le, dims))
            return m_status;
        type = baseType(code);
        if (type == GeometryType::Unknown)
            return isCurve(code) ? ParseStatus::Curve : ParseStatus::Unsupported;
        if (type == GeometryType::GeometryCollection) {
            // Members are flattened into parts; the caller decides what the mixed result means.
            uint32_t n = 0;
            if (!u32(le, n))
                return m_status;
            for (uint32_t i = 0; i < n; ++i) {
                GeometryType sub;
                const ParseStatus st = read(sub);
                if (st != ParseStatus::Ok)
                    return st;
                if (m_collectionType == GeometryType::Unknown)
                    m_collectionType = sub;
            }
            return ParseStatus::Ok;
        }
        return body(type, le, dims) ? ParseStatus::Ok : m_status;
    }

    /// For a GeometryCollection: the type of its first member.
    GeometryType collectionMemberType() const { return m_collectionType; }

private:
    static GeometryType baseType(uint32_t code)
    {
        code &= 0x0fffffffu;
        code %= 1000;
        if (code >= 1 && code <= 7)
            return GeometryType(code);
        return GeometryType::Unknown;
    }
    static bool isCurve(uint32_t code)
    {
        code &= 0x0fffffffu;
        code %= 1000;
        return code >= 8 && code <= 17;
    }

    bool header(uint32_t &code, bool &le, int &dims)
    {
        if (m_p + 5 > m_end)
            return fail(ParseStatus::Truncated);
        le = *m_p++ == 1;
        if (!u32(le, code))
            return false;
        dims = 2;
        const uint32_t iso = (code & 0x0fffffffu) / 1000;
        if (iso == 1 || iso == 2)
            dims = 3;
        else if (iso == 3)
            dims = 4;
        if (code & 0x80000000u)
            ++dims;
        if (code & 0x40000000u)
            ++dims;
        if (code & 0x20000000u) { // EWKB SRID
            uint32_t srid;
            if (!u32(le, srid))
                return false;
        }
        return true;
    }

    bool body(GeometryType type, bool le, int dims)
    {
        switch (type) {
        case GeometryType::Point: {
            double x, y;
            if (!vertex(le, dims, x, y))
                return false;
            if (std::isnan(x) || std::isnan(y))
                return true; // POINT EMPTY
            m_sink.beginPart();
            m_sink.beginRing();
            m_sink.addVertex(x, y);
            return true;
        }
        case GeometryType::LineString:
            m_sink.beginPart();
            return ring(le, dims);
        case GeometryType::Polygon: {
            uint32_t n;
            if (!u32(le, n))
                return false;
            if (n == 0)
                return true;
            m_sink.beginPart();
            for (uint32_t i = 0; i < n; ++i)
                if (!ring(le, dims))
                    return false;
            return true;
        }
        case GeometryType::MultiPoint:
        case GeometryType::MultiLineString:
        case GeometryType::MultiPolygon: {
            uint32_t n;
            if (!u32(le, n))
                return false;
            for (uint32_t i = 0; i < n; ++i) {
                uint32_t code;
                bool subLe;
                int subDims;
                if (!header(code, subLe, subDims))
                    return false;
                const GeometryType sub = baseType(code);
                if (sub == GeometryType::Unknown)
                    return fail(isCurve(code) ? ParseStatus::Curve : ParseStatus::Unsupported);
                if (!body(sub, subLe, subDims))
                    return false;
            }
            return true;
        }
        default:
            return fail(ParseStatus::Unsupported);
        }
    }

    bool ring(bool le, int dims)
    {
        uint32_t n;
        if (!u32(le, n))
            return false;
        if (size_t(m_end - m_p) < size_t(n) * 8 * dims)
            return fail(ParseStatus::Truncated);
        m_sink.beginRing();
        for (uint32_t i = 0; i < n; ++i) {
            double x = 0, y = 0; // the size check above guarantees vertex() succeeds
            vertex(le, dims, x, y);
            m_sink.addVertex(x, y);
        }
        return true;
    }

    bool vertex(bool le, int dims, double &x, double &y)
    {
        if (m_p + 8 * dims > m_end)
            return fail(ParseStatus::Truncated);
        x = f64(le, m_p);
        y = f64(le, m_p + 8);
        m_p += 8 * dims;
        return true;
    }

    bool u32(bool le, uint32_t &v)
    {
        if (m_p + 4 > m_end)
            return fail(ParseStatus::Truncated);
        std::memcpy(&v, m_p, 4);
        if (!le)
            v = __builtin_bswap32(v);
        m_p += 4;
        return true;
    }
    static double f64(bool le, const uint8_t *p)
    {
        uint64_t u;
        std::memcpy(&u, p, 8);
        if (!le)
            u = __builtin_bswap64(u);
        double d;
        std::memcpy(&d, &u, 8);
        return d;
    }
    bool fail(ParseStatus s)
    {
        m_status = s;
        return false;
    }

    const uint8_t *m_p;
    const uint8_t *m_end;
    Sink &m_sink;
    ParseStatus m_status = ParseStatus::Ok;
    GeometryType m_collectionType = GeometryType::Unknown;
};

} // namespace kw::wkb
