// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry/envelope.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <span>
#include <vector>

namespace kw {

/// Geometry types as stored: curves are linearised on reading, Z/M dropped for drawing.
enum class GeometryType : uint8_t {
    Unknown = 0,
    Point = 1,
    LineString = 2,
    Polygon = 3,
    MultiPoint = 4,
    MultiLineString = 5,
    MultiPolygon = 6,
    GeometryCollection = 7,
};

/// What a renderer draws: markers, strokes or fills.
enum class GeometryFamily : uint8_t { None, Point, Line, Polygon, Mixed };

GeometryFamily familyOf(GeometryType t);
QString geometryTypeName(GeometryType t);

/// \brief One geometry as flat coordinate arrays: parts made of rings (or paths) made of x,y pairs.
///
/// A point part is a ring with one vertex; a line part is one ring; a polygon part is an exterior ring
/// followed by its holes. The same layout is used, for many features at once, by FeatureStore, so that
/// drawing never needs per-vertex objects.
class Geometry
{
public:
    Geometry() = default;
    explicit Geometry(GeometryType type) : m_type(type) {}

    GeometryType type() const { return m_type; }
    GeometryFamily family() const { return familyOf(m_type); }
    bool isEmpty() const { return m_xy.empty(); }

    int partCount() const { return int(m_partRingEnd.size()); }
    int ringCount() const { return int(m_ringEnd.size()); }
    int vertexCount() const { return int(m_xy.size() / 2); }

    /// Starts a new part (for a point: one vertex follows; for a polygon: exterior ring then holes).
    void beginPart();
    /// Starts a new ring or path in the current part.
    void beginRing();
    void addVertex(double x, double y);

    const std::vector<double> &xy() const { return m_xy; }
    std::vector<double> &xy() { return m_xy; }
    const std::vector<uint32_t> &ringEnds() const { return m_ringEnd; }
    const std::vector<uint32_t> &partRingEnds() const { return m_partRingEnd; }

    Envelope envelope() const;

    /// Parses OGC WKB or ISO WKB (2D, Z, M, ZM; curves rejected: the GDAL reader linearises them first).
    static Result<Geometry> fromWkb(std::span<const uint8_t> wkb);
    /// Parses WKT (via GEOS).
    static Result<Geometry> fromWkt(const QString &wkt);
    QByteArray toWkb() const;
    QString toWkt(int precision = 3) const;

    bool operator==(const Geometry &o) const = default;

private:
    GeometryType m_type = GeometryType::Unknown;
    std::vector<double> m_xy;           // x0,y0,x1,y1,...
    std::vector<uint32_t> m_ringEnd;     // per ring: index one past its last vertex
    std::vector<uint32_t> m_partRingEnd; // per part: index one past its last ring
};

} // namespace kw
