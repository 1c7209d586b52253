// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tools/datagen/random.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>
#include <vector>

namespace kw::datagen {

constexpr double pi = 3.14159265358979323846;

struct Vec2
{
    double x = 0, y = 0;
    Vec2 operator+(Vec2 o) const { return {x + o.x, y + o.y}; }
    Vec2 operator-(Vec2 o) const { return {x - o.x, y - o.y}; }
    Vec2 operator*(double k) const { return {x * k, y * k}; }
    double dot(Vec2 o) const { return x * o.x + y * o.y; }
    double cross(Vec2 o) const { return x * o.y - y * o.x; }
    double length() const { return std::hypot(x, y); }
    Vec2 normalized() const
    {
        const double l = length();
        return l > 0 ? Vec2{x / l, y / l} : Vec2{1, 0};
    }
    Vec2 perp() const { return {-y, x}; } ///< rotated 90 degrees counter-clockwise
};

using Ring = std::vector<Vec2>; ///< closed implicitly: the first point is not repeated

inline Vec2 fromPolar(double r, double angle)
{
    return {r * std::cos(angle), r * std::sin(angle)};
}

double segmentDistance(Vec2 a, Vec2 b, Vec2 c, Vec2 d);
double pointSegmentDistance(Vec2 p, Vec2 a, Vec2 b);
bool pointInRing(Vec2 p, const Ring &ring);
double ringArea(const Ring &ring); ///< signed: positive when counter-clockwise
double polylineLength(const std::vector<Vec2> &line);
/// Inserts vertices so that no segment is longer than \a step; splits each segment evenly.
std::vector<Vec2> densify(const std::vector<Vec2> &line, double step);

/// \brief A rectangle with any orientation: centre, unit axis along its length and half extents.
struct OrientedBox
{
    Vec2 c, u; ///< u is a unit vector; the other axis is u.perp()
    double hu = 0, hv = 0;

    std::array<Vec2, 4> corners() const
    {
        const Vec2 a = u * hu, b = u.perp() * hv;
        return {c - a - b, c + a - b, c + a + b, c - a + b};
    }
    bool overlaps(const OrientedBox &o, double margin) const;
    /// Distance from the segment to the box, 0 when they touch.
    double distanceTo(Vec2 a, Vec2 b) const;
    bool contains(Vec2 p) const
    {
        const Vec2 d = p - c;
        return std::abs(d.dot(u)) <= hu && std::abs(d.dot(u.perp())) <= hv;
    }
    double radius() const { return std::hypot(hu, hv); }
};

/// \brief A smooth random displacement field: a sum of plane waves.
///
/// Its derivative stays below one when amplitude * 2 pi / wavelength < 1, so warping a planar drawing with it
/// keeps the drawing planar: lines that did not cross do not cross afterwards.
class Warp
{
public:
    Warp() = default;
    Warp(Random &rng, double amplitude, double wavelength, int waves = 4);
    Vec2 operator()(Vec2 p) const;
    void apply(std::vector<Vec2> &pts) const
    {
        for (Vec2 &p : pts)
            p = (*this)(p);
    }

private:
    struct Wave
    {
        Vec2 k;
        double phase, ax, ay;
    };
    std::vector<Wave> m_waves;
};

/// \brief A uniform grid of buckets over the plane for neighbourhood queries of small objects.
template <typename T> class SpatialHash
{
public:
    explicit SpatialHash(double cell) : m_cell(cell) {}

    void insert(double xmin, double ymin, double xmax, double ymax, const T &value)
    {
        for (int64_t i = key(xmin); i <= key(xmax); ++i)
            for (int64_t j = key(ymin); j <= key(ymax); ++j)
                m_cells[pack(i, j)].push_back(value);
    }
    /// Calls \a f for every value whose box may touch the query box; stops early when \a f returns false.
    /// A value spanning several cells can be visited more than once.
    template <typename F> bool visit(double xmin, double ymin, double xmax, double ymax, F &&f) const
    {
        for (int64_t i = key(xmin); i <= key(xmax); ++i)
            for (int64_t j = key(ymin); j <= key(ymax); ++j) {
                const auto it = m_cells.find(pack(i, j));
                if (it == m_cells.end()) continue;
                for (const T &v : it->second)
                    if (!f(v)) return false;
            }
        return true;
    }

private:
    int64_t key(double v) const { return int64_t(std::floor(v / m_cell)); }
    static uint64_t pack(int64_t i, int64_t j) { return (uint64_t(i) << 32) ^ (uint64_t(j) & 0xffffffffULL); }
    double m_cell;
    std::unordered_map<uint64_t, std::vector<T>> m_cells;
};

} // namespace kw::datagen
