// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/datagen/synthetic_city.h"

#include "tools/datagen/geos_ops.h"
#include "tools/datagen/gpkg_writer.h"

#include <algorithm>
#include <numeric>

namespace kw::datagen {

namespace {

// Same origin as the demo city, so both can be shown together.
constexpr Vec2 centre{410500, 5478500};

struct Town
{
    Vec2 c;
    double sigma, weight, angle;
};

/// Outline of a building of one of four shapes (5 to 9 vertices with the closing one), centred on 0.
Ring buildingShape(Random &rng, double maxSide)
{
    const double a = maxSide * rng.uniform(0.45, 1.0); // along the street
    const double b = maxSide * rng.uniform(0.4, 0.75);
    const double ha = a / 2, hb = b / 2;
    const double kind = rng.uniform();
    if (kind < 0.45) // rectangle
        return {{-ha, -hb}, {ha, -hb}, {ha, hb}, {-ha, hb}};
    if (kind < 0.55) { // one corner cut off
        const double c = std::min(a, b) * rng.uniform(0.15, 0.35);
        return {{-ha, -hb}, {ha, -hb}, {ha, hb - c}, {ha - c, hb}, {-ha, hb}};
    }
    if (kind < 0.85) { // L-shape
        const double wa = a * rng.uniform(0.35, 0.6), wb = b * rng.uniform(0.35, 0.6);
        return {{-ha, -hb}, {ha, -hb}, {ha, -hb + wb}, {-ha + wa, -hb + wb}, {-ha + wa, hb}, {-ha, hb}};
    }
    // U-shape: a wing at either end
    const double w = a * rng.uniform(0.2, 0.32), d = b * rng.uniform(0.35, 0.6);
    return {{-ha, -hb},        {ha, -hb},          {ha, hb},      {ha - w, hb},
            {ha - w, -hb + d}, {-ha + w, -hb + d}, {-ha + w, hb}, {-ha, hb}};
}

} // namespace

bool writeSyntheticCity(const std::string &path, const CityOptions &options, std::string &error)
{
    const int64_t n = options.buildings;
    const int64_t m = options.roads >= 0 ? options.roads : n / 2;
    Random rng(options.seed * 0x2545f4914f6cdd1dULL + 17);
    // 100k buildings cover 12 km x 10 km; the area grows with the count so density stays the same.
    const double scale = std::sqrt(double(std::max<int64_t>(n, 1)) / 1e5);
    const double width = 12000 * scale, height = 10000 * scale;
    const Vec2 origin = centre - Vec2{width / 2, height / 2};

    // Towns give the density field: built-up cores, suburbs, empty country in between.
    Random townRng = rng.fork(1);
    std::vector<Town> towns;
    const int townCount = std::max(3, int(std::lround(14 * scale * scale)));
    for (int i = 0; i < townCount; ++i)
        towns.push_back({{townRng.uniform(0, width), townRng.uniform(0, height)},
                         townRng.uniform(500, 1600),
                         townRng.uniform(0.4, 1.0),
                         townRng.uniform(0, pi / 2)});

    // Candidate cells: 1.6 per building; the densest n of them get one building each.
    const double cell = std::sqrt(width * height / (1.6 * double(std::max<int64_t>(n, 1))));
    const int64_t cols = std::max<int64_t>(1, int64_t(width / cell));
    const int64_t rows = std::max<int64_t>(1, int64_t(height / cell));
    const int64_t cells = cols * rows;
    std::vector<float> weight(static_cast<size_t>(cells));
    Random cellRng = rng.fork(2);
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t c = 0; c < cols; ++c) {
            const Vec2 p{(c + 0.5) * cell, (r + 0.5) * cell};
            double w = 0.04;
            for (const Town &t : towns) {
                const Vec2 d = p - t.c;
                const double q = d.dot(d) / (2 * t.sigma * t.sigma);
                if (q < 12) w += t.weight * std::exp(-q);
            }
            weight[size_t(r * cols + c)] = float(w * cellRng.uniform(0.45, 1.0));
        }
    std::vector<uint32_t> order(static_cast<size_t>(cells));
    std::iota(order.begin(), order.end(), 0u);
    const int64_t take = std::min(n, cells);
    std::nth_element(order.begin(), order.begin() + take, order.end(), [&](uint32_t a, uint32_t b) {
        return weight[a] != weight[b] ? weight[a] > weight[b] : a < b; // ties by index: a total order
    });
    order.resize(size_t(take));
    std::sort(order.begin(), order.end());

    GpkgWriter out;
    if (!out.create(path)) {
        error = out.error();
        return false;
    }
    const int districts =
        out.addLayer("districts", wkbPolygon, {{"name", OFTString, 0}, {"population", OFTInteger, 0}});
    const int buildings =
        out.addLayer("buildings", wkbPolygon, {{"category", OFTString, 0}, {"height", OFTReal, 0}});
    const int roads = out.addLayer("roads", wkbLineString, {{"class", OFTString, 0}});
    if (districts < 0 || buildings < 0 || roads < 0 || !out.begin()) {
        error = out.error();
        return false;
    }

    // ~40 districts: Voronoi cells of jittered grid points.
    {
        Random dRng = rng.fork(3);
        std::vector<Vec2> seeds;
        const int dc = 8, dr = 5;
        for (int r = 0; r < dr; ++r)
            for (int c = 0; c < dc; ++c)
                seeds.push_back(
                    {(c + dRng.uniform(0.2, 0.8)) * width / dc, (r + dRng.uniform(0.2, 0.8)) * height / dr});
        GeosOps geos;
        const Polygon frame{{{0, 0}, {width, 0}, {width, height}, {0, height}}};
        const std::vector<Polygon> cellsOut = geos.voronoi(seeds, frame);
        for (size_t i = 0; i < cellsOut.size(); ++i) {
            if (cellsOut[i].empty()) continue;
            auto &f = out.feature(districts, origin);
            char name[32];
            std::snprintf(name, sizeof name, "District %02zu", i + 1);
            f.setString(0, name);
            f.setInt(1, dRng.integer(2000, 40000));
            f.setPolygon(cellsOut[i]);
            if (!f.write()) {
                error = out.error();
                return false;
            }
        }
    }

    static const char *const categories[] = {"residential", "commercial",   "industrial",
                                             "public",      "agricultural", "mixed"};
    const std::vector<double> categoryWeights{0.55, 0.14, 0.08, 0.06, 0.05, 0.12};
    static const double heightRange[][2] = {{4, 30}, {5, 45}, {6, 25}, {6, 30}, {4, 12}, {6, 35}};
    Random bRng = rng.fork(4);
    for (uint32_t idx : order) {
        const int64_t r = idx / cols, c = idx % cols;
        const Vec2 cc{(c + 0.5) * cell, (r + 0.5) * cell};
        // Orientation follows a smooth field so neighbouring buildings line up like along a street.
        const double angle =
            0.6 * std::sin(cc.x / 2300.0) + 0.5 * std::cos(cc.y / 1900.0) + bRng.normal(0, 0.05);
        Ring shape = buildingShape(bRng, cell * 0.62);
        const Vec2 u = fromPolar(1, angle);
        const Vec2 jitter{bRng.uniform(-0.12, 0.12) * cell, bRng.uniform(-0.12, 0.12) * cell};
        for (Vec2 &p : shape)
            p = cc + jitter + u * p.x + u.perp() * p.y;
        const size_t cat = bRng.weighted(categoryWeights);
        auto &f = out.feature(buildings, origin);
        f.setString(0, categories[cat]);
        f.setReal(1, std::round(bRng.uniform(heightRange[cat][0], heightRange[cat][1]) * 10) / 10);
        f.setPolygon(shape);
        if (!f.write()) {
            error = out.error();
            return false;
        }
    }

    static const char *const classes[] = {"primary", "secondary", "tertiary", "residential"};
    const std::vector<double> classWeights{0.05, 0.15, 0.25, 0.55};
    // Short pieces, like road segments split at junctions: long random walks would paint the whole map.
    static const double segmentLength[] = {90, 50, 30, 18};
    Random rRng = rng.fork(5);
    std::vector<Vec2> line;
    for (int64_t i = 0; i < m; ++i) {
        const size_t cls = rRng.weighted(classWeights);
        // Roads start where the buildings are, so the network follows the settlements.
        Vec2 p;
        if (!order.empty()) {
            const uint32_t idx = order[size_t(rRng.integer(0, int64_t(order.size()) - 1))];
            p = {(idx % cols + rRng.uniform()) * cell, (idx / cols + rRng.uniform()) * cell};
        } else {
            p = {rRng.uniform(0, width), rRng.uniform(0, height)};
        }
        double heading = rRng.uniform(0, 2 * pi);
        const int vertices = int(rRng.integer(3, 12));
        line.clear();
        line.push_back(p);
        for (int v = 1; v < vertices; ++v) {
            heading += rRng.normal(0, 0.25);
            p = p + fromPolar(segmentLength[cls] * rRng.uniform(0.5, 1.5), heading);
            p.x = std::clamp(p.x, 0.0, width);
            p.y = std::clamp(p.y, 0.0, height);
            line.push_back(p);
        }
        auto &f = out.feature(roads, origin);
        f.setString(0, classes[cls]);
        f.setLine(line);
        if (!f.write()) {
            error = out.error();
            return false;
        }
    }
    if (!out.close()) {
        error = out.error();
        return false;
    }
    return true;
}

} // namespace kw::datagen
