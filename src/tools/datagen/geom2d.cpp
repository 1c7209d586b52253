// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/datagen/geom2d.h"

namespace kw::datagen {

double pointSegmentDistance(Vec2 p, Vec2 a, Vec2 b)
{
    const Vec2 ab = b - a;
    const double len2 = ab.dot(ab);
    const double t = len2 > 0 ? std::clamp((p - a).dot(ab) / len2, 0.0, 1.0) : 0.0;
    return (p - (a + ab * t)).length();
}

double segmentDistance(Vec2 a, Vec2 b, Vec2 c, Vec2 d)
{
    const double d1 = (b - a).cross(c - a), d2 = (b - a).cross(d - a);
    const double d3 = (d - c).cross(a - c), d4 = (d - c).cross(b - c);
    if (((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0))) return 0.0;
    return std::min({pointSegmentDistance(a, c, d), pointSegmentDistance(b, c, d),
                     pointSegmentDistance(c, a, b), pointSegmentDistance(d, a, b)});
}

bool pointInRing(Vec2 p, const Ring &ring)
{
    bool inside = false;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const Vec2 &a = ring[i], &b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
            inside = !inside;
    }
    return inside;
}

double ringArea(const Ring &ring)
{
    double s = 0;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        s += ring[j].cross(ring[i]);
    return s / 2;
}

double polylineLength(const std::vector<Vec2> &line)
{
    double s = 0;
    for (size_t i = 1; i < line.size(); ++i)
        s += (line[i] - line[i - 1]).length();
    return s;
}

std::vector<Vec2> densify(const std::vector<Vec2> &line, double step)
{
    std::vector<Vec2> out;
    if (line.empty()) return out;
    out.push_back(line.front());
    for (size_t i = 1; i < line.size(); ++i) {
        const Vec2 a = line[i - 1], b = line[i];
        const int n = std::max(1, int(std::ceil((b - a).length() / step)));
        for (int k = 1; k <= n; ++k)
            out.push_back(k == n ? b : a + (b - a) * (double(k) / n));
    }
    return out;
}

bool OrientedBox::overlaps(const OrientedBox &o, double margin) const
{
    if ((c - o.c).length() > radius() + o.radius() + margin) return false;
    // Separating axis test over the two axes of each box.
    const Vec2 axes[4] = {u, u.perp(), o.u, o.u.perp()};
    for (const Vec2 &axis : axes) {
        const double ra = hu * std::abs(u.dot(axis)) + hv * std::abs(u.perp().dot(axis));
        const double rb = o.hu * std::abs(o.u.dot(axis)) + o.hv * std::abs(o.u.perp().dot(axis));
        if (std::abs((o.c - c).dot(axis)) > ra + rb + margin) return false;
    }
    return true;
}

double OrientedBox::distanceTo(Vec2 a, Vec2 b) const
{
    if (contains(a) || contains(b)) return 0.0;
    const auto k = corners();
    double d = 1e300;
    for (int i = 0; i < 4; ++i)
        d = std::min(d, segmentDistance(a, b, k[i], k[(i + 1) % 4]));
    return d;
}

Warp::Warp(Random &rng, double amplitude, double wavelength, int waves)
{
    for (int i = 0; i < waves; ++i) {
        // Spread the wave directions and lengths so the field has no visible preferred direction.
        const double angle = rng.uniform(0, pi) + i * pi / waves;
        const double len = wavelength * rng.uniform(0.7, 1.4);
        const double amp = amplitude / std::sqrt(double(waves)) * rng.uniform(0.7, 1.3);
        const Vec2 k = fromPolar(2 * pi / len, angle);
        m_waves.push_back({k, rng.uniform(0, 2 * pi), amp * rng.uniform(-1, 1), amp * rng.uniform(-1, 1)});
    }
}

Vec2 Warp::operator()(Vec2 p) const
{
    Vec2 d;
    for (const Wave &w : m_waves) {
        const double s = std::sin(w.k.dot(p) + w.phase);
        d.x += w.ax * s;
        d.y += w.ay * s;
    }
    return p + d;
}

} // namespace kw::datagen
