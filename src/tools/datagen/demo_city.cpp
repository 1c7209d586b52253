// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/datagen/demo_city.h"

#include "tools/datagen/geos_ops.h"
#include "tools/datagen/gpkg_writer.h"
#include "tools/datagen/readings.h"

#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

namespace kw::datagen {

namespace {

// All geometry is built in metres relative to the city centre and shifted on writing.
constexpr Vec2 centreUtm{410500, 5478500};

enum class Zone { Core, Urban, Campus, Village, Industrial, Open };

struct DistrictDef
{
    const char *name;
    double x, y; ///< km from the centre, roughly where the real district lies
    Zone zone;
    double density; ///< inhabitants per hectare of district area, before noise
};

// The real Ortsbezirke/Stadtteile of Kaiserslautern; positions and figures are approximations for the demo.
const DistrictDef districtDefs[] = {
    {"Innenstadt-West", -0.9, 0.1, Zone::Core, 27.9},
    {"Innenstadt-Ost", 0.9, 0.2, Zone::Core, 26.1},
    {"Innenstadt-Nord/Kaiserberg", 0.2, 1.4, Zone::Urban, 17.1},
    {"Innenstadt-Südwest", -0.6, -1.0, Zone::Core, 20.2},
    {"Innenstadt-Südost", 0.8, -1.0, Zone::Core, 19.8},
    {"Betzenberg", -1.7, -1.6, Zone::Urban, 11.7},
    {"Lämmchesberg/Uni-Wohnstadt", 1.9, -2.3, Zone::Campus, 9.9},
    {"Bännjerrück/Karl-Pfaff-Siedlung", -3.0, -0.4, Zone::Urban, 10.8},
    {"Kotten", -1.9, 1.3, Zone::Urban, 13.5},
    {"Grübentälchen/Volkspark", 2.5, -0.5, Zone::Urban, 11.7},
    {"Erzhütten/Wiesenthalerhof", 2.7, 1.7, Zone::Urban, 8.1},
    {"Morlautern", 0.9, 4.1, Zone::Village, 1.8},
    {"Erfenbach", -3.1, 4.0, Zone::Village, 1.8},
    {"Siegelbach", -4.9, 3.0, Zone::Village, 1.4},
    {"Hohenecken", -4.4, -3.6, Zone::Village, 1.4},
    {"Dansenberg", -1.6, -4.5, Zone::Village, 1.4},
    {"Mölschbach", 3.6, -4.4, Zone::Village, 0.7},
    {"Einsiedlerhof", -6.1, -0.9, Zone::Industrial, 0.9},
    {"Erlenbach", 3.7, 4.1, Zone::Village, 1.1},
};
constexpr int districtCount = int(std::size(districtDefs));

enum class Klasse { Haupt, Sammel, Wohn };
const char *klasseName(Klasse k)
{
    return k == Klasse::Haupt ? "hauptstrasse" : k == Klasse::Sammel ? "sammelstrasse" : "wohnstrasse";
}
double halfWidth(Klasse k)
{
    return k == Klasse::Haupt ? 9.0 : k == Klasse::Sammel ? 6.5 : 4.5;
}

struct Street
{
    std::vector<Vec2> pts;
    std::string name;
    Klasse klasse;
};

struct Patch
{
    Polygon area;
    Zone zone;
    int district;
};

struct Building
{
    Polygon rings;
    const char *funktion;
    int geschosse, baujahr;
};

struct Sensor
{
    Vec2 pos;
    std::string id, name, art, einheit;
    SensorSeries series;
};

// ---- names --------------------------------------------------------------------------------------

const char *const nameStems[] = {
    "Amsel",   "Birken",   "Buchen",  "Eichen",    "Linden",  "Rosen",   "Tulpen",    "Nelken",  "Veilchen",
    "Flieder", "Holunder", "Ahorn",   "Kastanien", "Fichten", "Tannen",  "Kiefern",   "Erlen",   "Weiden",
    "Eschen",  "Ulmen",    "Drossel", "Finken",    "Lerchen", "Meisen",  "Schwalben", "Spechts", "Falken",
    "Kranich", "Reiher",   "Eulen",   "Mühl",      "Kirch",   "Schul",   "Garten",    "Wiesen",  "Berg",
    "Wald",    "Sonnen",   "Höhen",   "Brunnen",   "Weiher",  "Pfälzer", "Kreuz",     "Markt",   "Schloss",
    "Burg",    "Hof",      "Feld",    "Acker",     "Stein",   "Röder",   "Jäger",     "Förster", "Bäcker",
    "Schmied", "Müller",   "Glocken", "Tal",       "Bach",    "Quell",   "Hügel",     "Hang",    "Rain",
    "Anger",   "Heide",    "Moor",    "Grün",      "Blumen",  "Äpfel",   "Kirschen",  "Trauben", "Hopfen",
    "Gersten", "Hafer",    "Weizen",  "Rüben",     "Flachs",  "Hanf",    "Ginster",   "Efeu"};
const char *const nameSuffixes[] = {"straße", "weg", "gasse", "ring", "allee", "pfad", "straße", "weg"};
const char *const personNames[] = {"Schiller",        "Goethe",          "Mozart",
                                   "Beethoven",       "Brahms",          "Händel",
                                   "Dürer",           "Röntgen",         "Kepler",
                                   "Gutenberg",       "Käthe-Kollwitz",  "Albert-Schweitzer",
                                   "Hans-Böckler",    "Friedrich-Ebert", "Geschwister-Scholl",
                                   "Carl-Zeiss",      "Max-Planck",      "Robert-Koch",
                                   "Sophie-La-Roche", "Anne-Frank",      "Fröbel",
                                   "Pestalozzi",      "Lessing",         "Heine",
                                   "Uhland",          "Mörike",          "Hölderlin",
                                   "Eichendorff",     "Fontane",         "Büchner"};
const char *const phraseNames[] = {
    "Am Kirchberg",      "Im Grünen",      "Auf der Höhe",       "Zum Sportplatz", "An der Mühle",
    "Am Weiher",         "Im Tal",         "Hinter den Gärten",  "Am Hang",        "Zur Eiche",
    "Am Rösselsbrunnen", "Im Wiesengrund", "Auf dem Kämmerchen", "Am Schäferhof",  "In der Aue",
    "Zum Lämmchen",      "Am Bännjer",     "Unter den Linden",   "Am Fröhnerhof",  "Im Steinrößchen"};

/// Hands out street names, each at most once per district until the stock runs out.
class StreetNamer
{
public:
    explicit StreetNamer(Random rng) : m_rng(rng) {}
    std::string next(int district)
    {
        for (int attempt = 0; attempt < 60; ++attempt) {
            std::string n = candidate();
            if (m_used[district].insert(n).second) return n;
        }
        return candidate();
    }

private:
    std::string candidate()
    {
        const double k = m_rng.uniform();
        if (k < 0.66)
            return std::string(nameStems[m_rng.integer(0, std::size(nameStems) - 1)]) +
                   nameSuffixes[m_rng.integer(0, std::size(nameSuffixes) - 1)];
        if (k < 0.9)
            return std::string(personNames[m_rng.integer(0, std::size(personNames) - 1)]) +
                   (m_rng.chance(0.7) ? "straße" : "weg");
        return phraseNames[m_rng.integer(0, std::size(phraseNames) - 1)];
    }
    Random m_rng;
    std::map<int, std::set<std::string>> m_used;
};

/// "Goethestraße" style names need "Goethe-Straße" when the stem is hyphenated already.
std::string fixHyphen(std::string n)
{
    for (const char *suffix : {"straße", "weg"}) {
        const std::string s = suffix;
        if (n.size() > s.size() && n.compare(n.size() - s.size(), s.size(), s) == 0 &&
            n.find('-') != std::string::npos) {
            std::string cap = s == "straße" ? "-Straße" : "-Weg";
            return n.substr(0, n.size() - s.size()) + cap;
        }
    }
    return n;
}

// ---- geometry helpers ---------------------------------------------------------------------------

/// A closed, blob-like ring: radius modulated by a few random harmonics.
Ring blob(Random &rng, Vec2 c, double rx, double ry, double roughness, int vertices, double rotation = 0)
{
    double amp[4], phase[4];
    for (int i = 0; i < 4; ++i) {
        amp[i] = roughness * rng.uniform(0.3, 1.0) / (i + 1);
        phase[i] = rng.uniform(0, 2 * pi);
    }
    Ring r;
    for (int i = 0; i < vertices; ++i) {
        const double t = 2 * pi * i / vertices;
        double f = 1;
        for (int k = 0; k < 4; ++k)
            f += amp[k] * std::sin((k + 2) * t + phase[k]);
        f *= 1 + rng.uniform(-0.015, 0.015);
        const Vec2 local{rx * f * std::cos(t), ry * f * std::sin(t)};
        const Vec2 u = fromPolar(1, rotation);
        r.push_back(c + u * local.x + u.perp() * local.y);
    }
    return r;
}

/// Densifies a ring so that shared edges of neighbouring polygons get identical new vertices: each edge is
/// split from its lexicographically smaller end.
Ring densifyRing(const Ring &ring, double step)
{
    Ring out;
    for (size_t i = 0; i < ring.size(); ++i) {
        const Vec2 a = ring[i], b = ring[(i + 1) % ring.size()];
        out.push_back(a);
        const bool forward = a.x < b.x || (a.x == b.x && a.y < b.y);
        const Vec2 p = forward ? a : b, q = forward ? b : a;
        const int n = int(std::ceil((q - p).length() / step));
        std::vector<Vec2> mid;
        for (int k = 1; k < n; ++k)
            mid.push_back(p + (q - p) * (double(k) / n));
        if (!forward) std::reverse(mid.begin(), mid.end());
        out.insert(out.end(), mid.begin(), mid.end());
    }
    return out;
}

Polygon warped(const Polygon &p, const Warp &w, double step)
{
    Polygon out;
    for (const Ring &r : p) {
        Ring d = densifyRing(r, step);
        w.apply(d);
        out.push_back(std::move(d));
    }
    return out;
}

bool inPolygon(Vec2 p, const Polygon &poly)
{
    if (poly.empty() || !pointInRing(p, poly[0])) return false;
    for (size_t i = 1; i < poly.size(); ++i)
        if (pointInRing(p, poly[i])) return false;
    return true;
}

void orient(Ring &r, bool ccw)
{
    if ((ringArea(r) > 0) != ccw) std::reverse(r.begin(), r.end());
}

/// Point and unit tangent at arc length \a s along \a line.
std::pair<Vec2, Vec2> along(const std::vector<Vec2> &line, const std::vector<double> &cum, double s)
{
    const size_t i = std::min<size_t>(line.size() - 2,
                                      size_t(std::upper_bound(cum.begin(), cum.end(), s) - cum.begin()) - 1);
    const Vec2 a = line[i], b = line[i + 1];
    const double len = cum[i + 1] - cum[i];
    const double t = len > 0 ? std::clamp((s - cum[i]) / len, 0.0, 1.0) : 0.0;
    return {a + (b - a) * t, (b - a).normalized()};
}

// ---- the city -----------------------------------------------------------------------------------

class DemoCity
{
public:
    explicit DemoCity(uint64_t seed) : m_rng(seed * 0x9e3779b97f4a7c15ULL + 0x4b4c) {}

    void build()
    {
        makeBoundaryAndDistricts();
        makeMainRoads();
        makeResidentialStreets();
        Random sw = m_rng.fork(40);
        const Warp streetWarp(sw, 18, 520, 5);
        for (Street &s : m_streets) {
            s.pts = densify(s.pts, 20);
            streetWarp.apply(s.pts);
        }
        for (Patch &p : m_patches)
            p.area = warped(p.area, streetWarp, 40);
        placeBuildings();
        placeSensors();
        makeProjects();
    }

    bool write(const std::string &path, std::string &error);
    std::vector<SensorSeries> series() const
    {
        std::vector<SensorSeries> out;
        for (const Sensor &s : m_sensors)
            out.push_back(s.series);
        return out;
    }

private:
    struct Project
    {
        Polygon poly;
        std::string titel, status, referat;
        double budget;
        int beginn[3], ende[3];
    };

    Zone zoneAt(Vec2 p, int *district = nullptr) const
    {
        for (const Patch &patch : m_patches)
            if (inPolygon(p, patch.area)) {
                if (district) *district = patch.district;
                return patch.zone;
            }
        if (district) *district = districtAt(p);
        return Zone::Open;
    }
    int districtAt(Vec2 p) const
    {
        for (int i = 0; i < districtCount; ++i)
            if (inPolygon(p, m_districts[size_t(i)])) return i;
        return -1;
    }

    void makeBoundaryAndDistricts();
    void makeMainRoads();
    void makeResidentialStreets();
    void addGrid(Random &rng, const Polygon &area, int district, Zone zone, double su, double sv,
                 double angle);
    void placeBuildings();
    /// Places a building on the lot at \a p (or leaves it empty by chance); false when the lot is blocked.
    bool tryBuilding(Random &rng, Vec2 p, Vec2 t, int side, Zone zone, Klasse klasse, double &advance);
    void placeSensors();
    void makeProjects();

    Random m_rng;
    GeosOps m_geos;
    Polygon m_boundary;
    std::vector<Vec2> m_seeds;
    std::vector<Polygon> m_districts;
    std::vector<Street> m_streets;
    std::vector<Patch> m_patches;
    std::vector<Building> m_buildings;
    std::vector<OrientedBox> m_boxes;
    SpatialHash<uint32_t> m_boxIndex{60};
    struct Segment
    {
        Vec2 a, b;
        double hw;
        uint32_t street;
    };
    std::vector<Segment> m_segments;
    std::vector<int> m_streetDistrict; ///< district of each residential street, for naming
    size_t m_mainStreets = 0;          ///< streets before this index are main roads
    SpatialHash<uint32_t> m_segmentIndex{60};
    std::vector<Sensor> m_sensors;
    std::vector<Project> m_projects;
};

void DemoCity::makeBoundaryAndDistricts()
{
    Random rng = m_rng.fork(1);
    // About 15 km x 12 km, reaching further west (Einsiedlerhof) as the real city does.
    Ring boundary = blob(rng, {-300, 0}, 7300, 5900, 0.09, 96);
    for (Vec2 &p : boundary) {
        p.x = std::clamp(p.x, -7600.0, 7400.0);
        p.y = std::clamp(p.y, -6000.0, 6000.0);
    }
    for (const DistrictDef &d : districtDefs)
        m_seeds.push_back({d.x * 1000 + rng.uniform(-120, 120), d.y * 1000 + rng.uniform(-120, 120)});
    const std::vector<Polygon> cells = m_geos.voronoi(m_seeds, Polygon{boundary});
    // Voronoi edges are straight; a gentle warp makes them look like boundaries that follow terrain and
    // roads.
    const Warp w(rng, 160, 2600, 5);
    for (const Polygon &cell : cells)
        m_districts.push_back(warped(cell, w, 60));
    m_boundary = warped(Polygon{boundary}, w, 60);
    for (Vec2 &s : m_seeds)
        s = w(s);
}

void DemoCity::makeMainRoads()
{
    Random rng = m_rng.fork(2);
    const Warp roadWarp(rng, 110, 1900, 4);
    auto addLine = [&](std::vector<Vec2> pts, const std::string &name, Klasse k, bool clip) {
        pts = densify(pts, 40);
        roadWarp.apply(pts);
        if (!clip) {
            m_streets.push_back({pts, name, k});
            return;
        }
        for (auto &part : m_geos.clipLine(pts, m_boundary))
            if (polylineLength(part) > 50) m_streets.push_back({part, name, k});
    };
    // Rings: split into named sections as real ring roads are.
    auto ring = [&](Vec2 c, double rx, double ry, const std::vector<const char *> &names, Klasse k) {
        const Ring r = blob(rng, c, rx, ry, 0.06, 72);
        const size_t n = names.size();
        for (size_t s = 0; s < n; ++s) {
            std::vector<Vec2> pts;
            for (size_t i = s * r.size() / n; i <= (s + 1) * r.size() / n; ++i)
                pts.push_back(r[i % r.size()]);
            addLine(pts, names[s], k, false);
        }
    };
    ring({0, 80}, 780, 620, {"Burgstraße", "Lauterstraße", "Spittelstraße", "Maxstraße", "Fackelstraße"},
         Klasse::Haupt);
    ring({-100, 0}, 2150, 1800, {"Nordring", "Westring", "Südring", "Ostring"}, Klasse::Sammel);

    struct Radial
    {
        double angle; // degrees, counter-clockwise from east
        const char *inner, *outer;
        int village; // district index the road passes, -1: none
    };
    const Radial radials[] = {
        {180, "Pariser Straße", "Kaiserstraße", 17},
        {142, "Merkurstraße", "Siegelbacher Straße", 13},
        {112, "Kanalstraße", "Erfenbacher Straße", 12},
        {80, "Mainzer Straße", "Morlauterer Straße", 11},
        {52, "Mannheimer Straße", "Erlenbacher Straße", 18},
        {12, "Eisenbahnstraße", "Hochspeyerer Straße", -1},
        {-42, "Schulstraße", "Mölschbacher Straße", 16},
        {-82, "Trippstadter Straße", "Dansenberger Straße", 15},
        {-128, "Vogelwehstraße", "Hohenecker Straße", 14},
        {-162, "Kaiserbergring", "Landstuhler Straße", -1},
    };
    for (const Radial &r : radials) {
        const double a = r.angle * pi / 180;
        const Vec2 dir = fromPolar(1, a);
        const Vec2 start = dir * 700;
        const Vec2 mid = dir * 2150;
        std::vector<Vec2> inner{start, mid};
        addLine(inner, r.inner, Klasse::Haupt, false);
        std::vector<Vec2> outer{mid};
        Vec2 end = dir * 9000;
        if (r.village >= 0) {
            const Vec2 v = m_seeds[size_t(r.village)];
            outer.push_back(v);
            end = v + (v - mid).normalized() * 6000;
        }
        outer.push_back(end);
        addLine(outer, r.outer, Klasse::Haupt, true);
    }
    // Country roads between neighbouring villages.
    const std::pair<int, const char *> links[][2] = {
        {{13, "Erfenbacher Weg"}, {12, ""}},  {{12, "Morlauterer Weg"}, {11, ""}},
        {{11, "Erlenbacher Weg"}, {18, ""}},  {{14, "Dansenberger Weg"}, {15, ""}},
        {{15, "Mölschbacher Weg"}, {16, ""}}, {{17, "Hohenecker Weg"}, {14, ""}},
        {{17, "Siegelbacher Weg"}, {13, ""}},
    };
    for (const auto &l : links)
        addLine({m_seeds[size_t(l[0].first)], m_seeds[size_t(l[1].first)]}, l[0].second, Klasse::Sammel,
                true);
}

void DemoCity::addGrid(Random &rng, const Polygon &area, int district, Zone zone, double su, double sv,
                       double angle)
{
    if (area.empty() || area[0].size() < 3) return;
    m_patches.push_back({area, zone, district});
    const Vec2 u = fromPolar(1, angle), v = u.perp();
    double umin = 1e300, umax = -1e300, vmin = 1e300, vmax = -1e300;
    Vec2 c;
    for (Vec2 p : area[0])
        c = c + p * (1.0 / area[0].size());
    for (Vec2 p : area[0]) {
        const Vec2 d = p - c;
        umin = std::min(umin, d.dot(u));
        umax = std::max(umax, d.dot(u));
        vmin = std::min(vmin, d.dot(v));
        vmax = std::max(vmax, d.dot(v));
    }
    const auto at = [&](double a, double b) { return c + u * a + v * b; };
    const double u0 = umin + rng.uniform(0, su), v0 = vmin + rng.uniform(0, sv);
    auto emit = [&](const std::vector<Vec2> &line, Klasse k) {
        for (auto &part : m_geos.clipLine(line, area)) {
            if (polylineLength(part) < 45) continue;
            m_streets.push_back({part, "", k});
            m_streetDistrict.push_back(district);
        }
    };
    // Long streets along u, broken now and then; short cross streets in a brick pattern (T-junctions).
    int row = 0;
    for (double b = v0; b < vmax; b += sv * rng.uniform(0.85, 1.15), ++row) {
        std::vector<Vec2> line;
        for (double a = umin - su; a < umax + su; a += su) {
            if (rng.chance(0.07) && line.size() >= 2) {
                emit(line, row % 5 == 2 && zone != Zone::Village ? Klasse::Sammel : Klasse::Wohn);
                line.clear();
                continue;
            }
            if (line.empty()) line.push_back(at(a, b));
            line.push_back(at(a + su, b));
        }
        if (line.size() >= 2)
            emit(line, row % 5 == 2 && zone != Zone::Village ? Klasse::Sammel : Klasse::Wohn);
        const double shift = (row % 2) * su * rng.uniform(0.3, 0.6);
        for (double a = u0 + shift; a < umax; a += su)
            if (rng.chance(0.82)) emit({at(a, b), at(a, b + sv)}, Klasse::Wohn);
    }
}

void DemoCity::makeResidentialStreets()
{
    Random rng = m_rng.fork(3);
    m_mainStreets = m_streets.size();
    const double baseAngle = rng.uniform(-0.3, 0.3);
    Random shapes = rng.fork(50);
    const Polygon coreBlob{blob(shapes, {0, 0}, 1500, 1300, 0.1, 64)};
    const Polygon town{blob(shapes, {-200, 0}, 3500, 3000, 0.14, 72)};
    for (int i = 0; i < districtCount; ++i) {
        const DistrictDef &d = districtDefs[i];
        const Vec2 s = m_seeds[size_t(i)];
        Random r = rng.fork(uint64_t(i) + 100);
        const double angle =
            baseAngle + (d.zone == Zone::Core ? r.uniform(-0.35, 0.35) : r.uniform(-0.8, 0.8));
        // Parks, cemeteries and sports grounds: holes without streets in the built-up area.
        const auto withParks = [&](Polygon area, int parks) {
            for (int k = 0; k < parks && !area.empty(); ++k) {
                const Vec2 c = area[0][size_t(r.integer(0, int64_t(area[0].size()) - 1))];
                const Vec2 inward = (s - c).normalized() * r.uniform(250, 600);
                const Polygon park{
                    blob(r, c + inward, r.uniform(140, 320), r.uniform(110, 240), 0.2, 24, r.uniform(0, pi))};
                // The market square and shopping streets are built up: no park right in the centre.
                if ((c + inward).length() > 1000) area = m_geos.difference(area, park);
            }
            return area;
        };
        const Polygon &district = m_districts[size_t(i)];
        switch (d.zone) {
        case Zone::Core: {
            // The dense centre is smaller than the four Innenstadt districts; their outer parts are suburbs.
            const Polygon coreArea = m_geos.intersection(district, coreBlob);
            addGrid(r, withParks(coreArea, i == 0 ? 1 : 0), i, Zone::Core, 118, 90, angle); // one Stadtpark
            const Polygon rest = m_geos.difference(m_geos.intersection(district, town), coreBlob);
            addGrid(r, withParks(rest, 1), i, Zone::Urban, 200, 118, angle + r.uniform(-0.4, 0.4));
            break;
        }
        case Zone::Urban:
        case Zone::Campus: {
            const Polygon area = withParks(m_geos.intersection(district, town), 2);
            if (d.zone == Zone::Campus)
                addGrid(r, area, i, d.zone, 210, 130, angle);
            else
                addGrid(r, area, i, d.zone, 200, 118, angle);
            break;
        }
        case Zone::Village: {
            // Villages stretch along their through road, which runs roughly towards the city.
            const double along = std::atan2(s.y, s.x);
            const Polygon area{blob(r, s, r.uniform(650, 900), r.uniform(330, 480), 0.22, 40, along)};
            addGrid(r, m_geos.intersection(district, area), i, Zone::Village, 150, 100,
                    along + r.uniform(-0.2, 0.2));
            break;
        }
        case Zone::Industrial: {
            const Polygon area{blob(r, s + Vec2{300, 0}, 1300, 700, 0.12, 40, r.uniform(-0.3, 0.3))};
            addGrid(r, m_geos.intersection(district, area), i, Zone::Industrial, 280, 190, angle);
            break;
        }
        default:
            break;
        }
    }
    // Siegelbach's industrial estate lies east of the village.
    {
        Random r = rng.fork(999);
        const int i = 13;
        const Polygon area{blob(r, m_seeds[size_t(i)] + Vec2{1100, -500}, 650, 420, 0.1, 32, 0.4)};
        addGrid(r, m_geos.intersection(m_districts[size_t(i)], area), i, Zone::Industrial, 240, 170, 0.35);
    }
    // Names: one per street, from a single namer so each district has distinct names.
    StreetNamer namer(rng.fork(7));
    for (size_t k = m_mainStreets; k < m_streets.size(); ++k)
        m_streets[k].name = fixHyphen(namer.next(m_streetDistrict[k - m_mainStreets]));
}

struct ZoneParams
{
    double frontage[2], depth[2], gap[2], setback[2];
    double probability, lShare, courtyardShare, margin;
};

ZoneParams paramsFor(Zone z)
{
    switch (z) {
    case Zone::Core:
        return {{12, 24}, {11, 16}, {0.2, 1.2}, {1.0, 2.0}, 0.95, 0.25, 0.2, 0.2};
    case Zone::Urban:
        return {{10, 16}, {9, 13}, {8, 16}, {3, 7}, 0.6, 0.25, 0.0, 1.5};
    case Zone::Campus:
        return {{12, 40}, {10, 22}, {10, 22}, {5, 12}, 0.8, 0.3, 0.08, 2.0};
    case Zone::Village:
        return {{9, 16}, {9, 13}, {8, 18}, {2, 6}, 0.6, 0.35, 0.0, 1.5};
    case Zone::Industrial:
        return {{30, 90}, {24, 60}, {10, 24}, {8, 16}, 0.85, 0.2, 0.0, 4.0};
    case Zone::Open:
        return {{10, 22}, {10, 18}, {80, 300}, {6, 14}, 0.05, 0.4, 0.0, 3.0};
    }
    return paramsFor(Zone::Open);
}

const char *funktionFor(Random &rng, Zone z)
{
    static const char *const f[] = {"wohnen", "gewerbe", "oeffentlich", "industrie"};
    std::vector<double> w;
    switch (z) {
    case Zone::Core:
        w = {0.56, 0.30, 0.11, 0.03};
        break;
    case Zone::Urban:
        w = {0.84, 0.09, 0.05, 0.02};
        break;
    case Zone::Campus:
        w = {0.55, 0.05, 0.38, 0.02};
        break;
    case Zone::Village:
        w = {0.84, 0.08, 0.03, 0.05};
        break;
    case Zone::Industrial:
        w = {0.03, 0.36, 0.02, 0.59};
        break;
    case Zone::Open:
        w = {0.45, 0.25, 0.02, 0.28};
        break;
    }
    return f[rng.weighted(w)];
}

int baujahrFor(Random &rng, Zone z)
{
    // Eras as in a west German city: old core rebuilt after 1945, suburbs of the 1960s/70s, new estates.
    struct Era
    {
        int from, to;
    };
    const Era eras[] = {{1750, 1870}, {1871, 1918}, {1919, 1944}, {1948, 1969},
                        {1970, 1989}, {1990, 2009}, {2010, 2025}};
    std::vector<double> w;
    switch (z) {
    case Zone::Core:
        w = {0.03, 0.22, 0.08, 0.40, 0.14, 0.09, 0.04};
        break;
    case Zone::Urban:
        w = {0.0, 0.05, 0.10, 0.35, 0.28, 0.15, 0.07};
        break;
    case Zone::Campus:
        w = {0.0, 0.0, 0.02, 0.15, 0.55, 0.18, 0.10};
        break;
    case Zone::Village:
        w = {0.10, 0.12, 0.08, 0.22, 0.22, 0.16, 0.10};
        break;
    case Zone::Industrial:
        w = {0.0, 0.02, 0.05, 0.18, 0.30, 0.30, 0.15};
        break;
    case Zone::Open:
        w = {0.15, 0.15, 0.1, 0.2, 0.2, 0.1, 0.1};
        break;
    }
    const Era &e = eras[rng.weighted(w)];
    return int(rng.integer(e.from, e.to));
}

int geschosseFor(Random &rng, Zone z, const char *funktion)
{
    if (std::string(funktion) == "industrie") return int(rng.integer(1, 2));
    switch (z) {
    case Zone::Core:
        return int(rng.integer(3, 6));
    case Zone::Urban:
        return rng.chance(0.06) ? int(rng.integer(5, 9)) : int(rng.integer(1, 3));
    case Zone::Campus:
        return rng.chance(0.25) ? int(rng.integer(6, 14)) : int(rng.integer(2, 5));
    case Zone::Village:
        return int(rng.integer(1, 2));
    case Zone::Industrial:
        return int(rng.integer(1, 3));
    case Zone::Open:
        return int(rng.integer(1, 2));
    }
    return 1;
}

bool DemoCity::tryBuilding(Random &rng, Vec2 p, Vec2 t, int side, Zone zone, Klasse klasse, double &advance)
{
    const ZoneParams z = paramsFor(zone);
    const double w = rng.uniform(z.frontage[0], z.frontage[1]);
    const double gap = rng.uniform(z.gap[0], z.gap[1]);
    const bool place = rng.chance(z.probability);
    const double shapeDice = rng.uniform();
    const double dep = rng.uniform(z.depth[0], z.depth[1]);
    const double setback = halfWidth(klasse) + rng.uniform(z.setback[0], z.setback[1]);
    const double wingFrac = rng.uniform(0.3, 0.5), wingDepth = rng.uniform(0.6, 1.2);
    const double rot = rng.normal(0, zone == Zone::Core ? 0.01 : 0.04);
    const bool wingLeft = rng.chance(0.5);
    const double wall = rng.uniform(7, 10);
    advance = w + gap;
    if (!place)
        return true; // an empty lot (garden, car park) is as good as a building: move on by a full lot
    const Vec2 u = fromPolar(1, std::atan2(t.y, t.x) + rot);
    const Vec2 n = u.perp() * double(side);
    const Vec2 front = p + t * (w / 2);
    // Local frame: a along the street, b away from it.
    const auto at = [&](double a, double b) { return front + u * a + n * (setback + b); };

    Polygon rings;
    std::vector<OrientedBox> boxes;
    const auto box = [&](double a0, double a1, double b0, double b1) {
        OrientedBox o;
        o.c = at((a0 + a1) / 2, (b0 + b1) / 2);
        o.u = u;
        o.hu = std::abs(a1 - a0) / 2;
        o.hv = std::abs(b1 - b0) / 2;
        return o;
    };
    const double ha = w / 2;
    if (shapeDice < z.courtyardShare && w >= 24) {
        // Perimeter block with a courtyard.
        const double d = std::max(dep * 1.8, 22.0);
        rings.push_back({at(-ha, 0), at(ha, 0), at(ha, d), at(-ha, d)});
        rings.push_back(
            {at(-ha + wall, wall), at(ha - wall, wall), at(ha - wall, d - wall), at(-ha + wall, d - wall)});
        boxes.push_back(box(-ha, ha, 0, d));
    } else if (shapeDice < z.courtyardShare + z.lShare) {
        // L-shape: the wing goes back from one end.
        const double wing = w * wingFrac;
        const double back = dep * (1 + wingDepth);
        if (wingLeft) {
            rings.push_back({at(-ha, 0), at(ha, 0), at(ha, dep), at(-ha + wing, dep), at(-ha + wing, back),
                             at(-ha, back)});
            boxes.push_back(box(-ha, -ha + wing, dep, back));
        } else {
            rings.push_back(
                {at(-ha, 0), at(ha, 0), at(ha, back), at(ha - wing, back), at(ha - wing, dep), at(-ha, dep)});
            boxes.push_back(box(ha - wing, ha, dep, back));
        }
        boxes.push_back(box(-ha, ha, 0, dep));
    } else {
        rings.push_back({at(-ha, 0), at(ha, 0), at(ha, dep), at(-ha, dep)});
        boxes.push_back(box(-ha, ha, 0, dep));
    }
    for (const OrientedBox &b : boxes) {
        for (const Vec2 &k : b.corners())
            if (!inPolygon(k, m_boundary)) return false;
        const double r = b.radius() + 12;
        bool clear = m_segmentIndex.visit(b.c.x - r, b.c.y - r, b.c.x + r, b.c.y + r, [&](uint32_t si) {
            const Segment &s = m_segments[si];
            return b.distanceTo(s.a, s.b) >= s.hw + 1.0;
        });
        if (!clear) return false;
        clear = m_boxIndex.visit(b.c.x - r, b.c.y - r, b.c.x + r, b.c.y + r,
                                 [&](uint32_t bi) { return !b.overlaps(m_boxes[bi], z.margin); });
        if (!clear) return false;
    }
    for (const OrientedBox &b : boxes) {
        const double r = b.radius();
        m_boxIndex.insert(b.c.x - r, b.c.y - r, b.c.x + r, b.c.y + r, uint32_t(m_boxes.size()));
        m_boxes.push_back(b);
    }
    orient(rings[0], true);
    for (size_t i = 1; i < rings.size(); ++i)
        orient(rings[i], false);
    const char *funktion = funktionFor(rng, zone);
    m_buildings.push_back({rings, funktion, geschosseFor(rng, zone, funktion), baujahrFor(rng, zone)});
    return true;
}

void DemoCity::placeBuildings()
{
    for (size_t si = 0; si < m_streets.size(); ++si) {
        const Street &s = m_streets[si];
        for (size_t i = 1; i < s.pts.size(); ++i) {
            const Segment seg{s.pts[i - 1], s.pts[i], halfWidth(s.klasse), uint32_t(si)};
            const double m = seg.hw + 1;
            m_segmentIndex.insert(std::min(seg.a.x, seg.b.x) - m, std::min(seg.a.y, seg.b.y) - m,
                                  std::max(seg.a.x, seg.b.x) + m, std::max(seg.a.y, seg.b.y) + m,
                                  uint32_t(m_segments.size()));
            m_segments.push_back(seg);
        }
    }
    Random rng = m_rng.fork(4);
    // Main roads first: the big frontage buildings of the centre stand along them.
    for (Klasse k : {Klasse::Haupt, Klasse::Sammel, Klasse::Wohn})
        for (const Street &s : m_streets) {
            if (s.klasse != k || s.pts.size() < 2) continue;
            std::vector<double> cum{0};
            for (size_t i = 1; i < s.pts.size(); ++i)
                cum.push_back(cum.back() + (s.pts[i] - s.pts[i - 1]).length());
            for (int side : {-1, 1}) {
                for (double pos = rng.uniform(2, 10); pos < cum.back() - 6;) {
                    const auto [p, t] = along(s.pts, cum, pos);
                    const Zone zone = zoneAt(p);
                    double advance = 10;
                    // A blocked lot (junction, neighbour) is retried a little further on.
                    if (!tryBuilding(rng, p, t, side, zone, k, advance))
                        advance = std::min(advance, zone == Zone::Open ? advance : 5.0);
                    pos += advance;
                }
            }
        }
}

void DemoCity::placeSensors()
{
    Random rng = m_rng.fork(5);
    struct KindDef
    {
        SensorKind kind;
        const char *code, *art, *einheit, *label;
        int count;
    };
    const KindDef kinds[] = {
        {SensorKind::Luftqualitaet, "LQ", "luftqualitaet", "µg/m³", "Luftmessstation", 7},
        {SensorKind::Laerm, "LA", "laerm", "dB(A)", "Lärmmessstelle", 8},
        {SensorKind::Verkehr, "VK", "verkehr", "Fz/h", "Verkehrszählstelle", 10},
        {SensorKind::Parken, "PK", "parken", "%", "Parkplatz", 8},
        {SensorKind::Passanten, "PA", "passanten", "Personen/h", "Passantenzähler", 7},
    };
    for (const KindDef &k : kinds) {
        int made = 0;
        for (int attempt = 0; made < k.count && attempt < 20000; ++attempt) {
            const Street &s = m_streets[size_t(rng.integer(0, int64_t(m_streets.size()) - 1))];
            const Vec2 p = s.pts[size_t(rng.integer(0, int64_t(s.pts.size()) - 1))];
            const double dist = p.length();
            const Zone zone = zoneAt(p);
            // Where a city would put each kind: counters in the centre, traffic and air on main roads.
            bool fits = false;
            switch (k.kind) {
            case SensorKind::Luftqualitaet:
                fits = s.klasse == Klasse::Haupt && dist < 4500;
                break;
            case SensorKind::Laerm:
                fits = s.klasse != Klasse::Wohn && dist < 5000;
                break;
            case SensorKind::Verkehr:
                fits = s.klasse == Klasse::Haupt;
                break;
            case SensorKind::Parken:
                fits = zone == Zone::Core && dist < 1800;
                break;
            case SensorKind::Passanten:
                fits = zone == Zone::Core && dist < 1100 && s.klasse != Klasse::Haupt;
                break;
            }
            if (!fits) continue;
            bool farEnough = true;
            for (const Sensor &o : m_sensors)
                farEnough = farEnough && (o.pos - p).length() > (k.kind == SensorKind::Passanten ? 120 : 350);
            if (!farEnough) continue;
            ++made;
            Sensor sensor;
            // Beside the road, not on it.
            sensor.pos =
                p + Vec2{rng.uniform(-1, 1), rng.uniform(-1, 1)}.normalized() * (halfWidth(s.klasse) + 2);
            char id[16];
            std::snprintf(id, sizeof id, "KL-%s-%03d", k.code, made);
            sensor.id = id;
            sensor.name = std::string(k.label) + " " + s.name;
            sensor.art = k.art;
            sensor.einheit = k.einheit;
            sensor.series.id = id;
            sensor.series.kind = k.kind;
            sensor.series.central = dist < 1500;
            switch (k.kind) {
            case SensorKind::Luftqualitaet:
                sensor.series.level = rng.uniform(0.7, 1.3) * (dist < 1500 ? 1.2 : 1.0);
                break;
            case SensorKind::Laerm:
                sensor.series.level = rng.uniform(-4, 5);
                break;
            case SensorKind::Verkehr:
                sensor.series.level = std::round(rng.uniform(700, 1700));
                break;
            case SensorKind::Parken:
                sensor.series.level = rng.uniform(0.88, 1.04);
                break;
            case SensorKind::Passanten:
                sensor.series.level = std::round(rng.uniform(900, 3200));
                break;
            }
            m_sensors.push_back(sensor);
        }
    }
}

void DemoCity::makeProjects()
{
    Random rng = m_rng.fork(6);
    struct Template
    {
        const char *title, *referat;
        bool street; ///< named after the nearest street, else after the district
    };
    const Template templates[] = {
        {"Neubau Kita %s", "Referat Jugend und Sport", false},
        {"Sanierung Grundschule %s", "Referat Schulen", false},
        {"Umgestaltung %s", "Referat Stadtentwicklung", true},
        {"Radweg %s", "Referat Tiefbau", true},
        {"Kanalsanierung %s", "Referat Tiefbau", true},
        {"Neubaugebiet %s", "Referat Stadtentwicklung", false},
        {"Sporthalle %s", "Referat Jugend und Sport", false},
        {"Quartiersplatz %s", "Referat Stadtentwicklung", false},
        {"Glasfaserausbau %s", "Referat Stadtentwicklung", false},
        {"Spielplatz %s", "Referat Grünflächen", false},
        {"Barrierefreier Umbau Haltestelle %s", "Referat Tiefbau", true},
        {"Begrünung %s", "Referat Grünflächen", true},
        {"Feuerwache %s", "Referat Feuerwehr und Katastrophenschutz", false},
        {"Sanierung Brücke %s", "Referat Tiefbau", true},
        {"Energetische Sanierung Verwaltungsgebäude %s", "Referat Gebäudewirtschaft", false},
        {"Regenrückhaltebecken %s", "Referat Umweltschutz", false},
        {"Pflegeheim %s", "Referat Soziales", false},
        {"Jugendzentrum %s", "Referat Jugend und Sport", false}};
    const char *const statuses[] = {"geplant", "in_bau", "abgeschlossen", "gestoppt"};
    std::set<std::string> titles;
    for (int attempt = 0; m_projects.size() < 35 && attempt < 5000; ++attempt) {
        // Projects sit where the city is: near a random building.
        if (m_buildings.empty()) break;
        const Building &b = m_buildings[size_t(rng.integer(0, int64_t(m_buildings.size()) - 1))];
        const Vec2 c = b.rings[0][0] + Vec2{rng.uniform(-60, 60), rng.uniform(-60, 60)};
        int district = districtAt(c);
        if (district < 0) continue;
        const Template &tp = templates[rng.integer(0, std::size(templates) - 1)];
        std::string place;
        const std::string tpl = tp.title;
        if (tp.street) {
            // Street projects take the name of the nearest street.
            double best = 1e300;
            for (const Segment &s : m_segments) {
                const double d = pointSegmentDistance(c, s.a, s.b);
                if (d < best) {
                    best = d;
                    place = m_streets[s.street].name;
                }
            }
        } else {
            place = districtDefs[district].name;
        }
        if (place.empty()) continue;
        char title[200];
        std::snprintf(title, sizeof title, tpl.c_str(), place.c_str());
        if (!titles.insert(title).second) continue;
        Project p;
        p.titel = title;
        const double size = tpl.find("Neubaugebiet") == 0 ? rng.uniform(250, 450) : rng.uniform(60, 220);
        Ring ring = blob(rng, c, size / 2, size / 2 * rng.uniform(0.5, 0.9), 0.12, int(rng.integer(5, 9)),
                         rng.uniform(0, pi));
        orient(ring, true);
        p.poly = {ring};
        p.status = statuses[rng.weighted({0.3, 0.35, 0.28, 0.07})];
        p.referat = tp.referat;
        p.budget = std::round(std::exp(rng.uniform(std::log(150e3), std::log(40e6))) / 1000) * 1000;
        // Dates follow the status as seen on 2026-09-01.
        int y0, m0;
        if (p.status == "geplant") {
            y0 = int(rng.integer(2026, 2028));
            m0 = int(rng.integer(1, 12));
            if (y0 == 2026) m0 = std::max(m0, 10);
        } else if (p.status == "abgeschlossen") {
            y0 = int(rng.integer(2018, 2024));
            m0 = int(rng.integer(1, 12));
        } else {
            y0 = int(rng.integer(2022, 2026));
            m0 = int(rng.integer(1, y0 == 2026 ? 8 : 12));
        }
        int months = int(rng.integer(6, 48));
        if (p.status == "abgeschlossen") months = std::min(months, (2026 - y0) * 12 + 7 - m0);
        if (p.status == "in_bau") months = std::max(months, (2026 - y0) * 12 + 9 - m0 + 3);
        const int y1 = y0 + (m0 - 1 + months) / 12, m1 = (m0 - 1 + months) % 12 + 1;
        p.beginn[0] = y0, p.beginn[1] = m0, p.beginn[2] = 1;
        p.ende[0] = y1, p.ende[1] = m1, p.ende[2] = 28;
        m_projects.push_back(p);
    }
}

bool DemoCity::write(const std::string &path, std::string &error)
{
    GpkgWriter out;
    if (!out.create(path)) {
        error = out.error();
        return false;
    }
    const int stadtteile = out.addLayer(
        "stadtteile", wkbPolygon,
        {{"name", OFTString}, {"id", OFTInteger}, {"einwohner", OFTInteger}, {"flaeche_ha", OFTReal}});
    const int projekte = out.addLayer("projekte", wkbPolygon,
                                      {{"titel", OFTString},
                                       {"status", OFTString},
                                       {"budget_eur", OFTReal},
                                       {"referat", OFTString},
                                       {"beginn", OFTDate},
                                       {"ende", OFTDate}});
    const int gebaeude =
        out.addLayer("gebaeude", wkbPolygon,
                     {{"funktion", OFTString}, {"geschosse", OFTInteger}, {"baujahr", OFTInteger}});
    const int strassen =
        out.addLayer("strassen", wkbLineString, {{"name", OFTString}, {"klasse", OFTString}});
    const int sensoren = out.addLayer(
        "sensoren", wkbPoint,
        {{"sensor_id", OFTString}, {"name", OFTString}, {"art", OFTString}, {"einheit", OFTString}});
    if (stadtteile < 0 || projekte < 0 || gebaeude < 0 || strassen < 0 || sensoren < 0 || !out.begin()) {
        error = out.error();
        return false;
    }
    bool ok = true;
    Random rng = m_rng.fork(8);
    for (int i = 0; i < districtCount && ok; ++i) {
        Polygon poly = m_districts[size_t(i)];
        if (poly.empty()) continue;
        orient(poly[0], true);
        const double ha = std::abs(ringArea(poly[0])) / 1e4;
        auto &f = out.feature(stadtteile, centreUtm);
        f.setString(0, districtDefs[i].name);
        f.setInt(1, i + 1);
        f.setInt(2, std::llround(ha * districtDefs[i].density * rng.uniform(0.85, 1.15) / 10) * 10);
        f.setReal(3, std::round(ha * 10) / 10);
        f.setPolygon(poly);
        ok = f.write();
    }
    for (const Project &p : m_projects) {
        auto &f = out.feature(projekte, centreUtm);
        f.setString(0, p.titel);
        f.setString(1, p.status);
        f.setReal(2, p.budget);
        f.setString(3, p.referat);
        f.setDate(4, p.beginn[0], p.beginn[1], p.beginn[2]);
        f.setDate(5, p.ende[0], p.ende[1], p.ende[2]);
        f.setPolygon(p.poly);
        ok = ok && f.write();
    }
    for (const Building &b : m_buildings) {
        auto &f = out.feature(gebaeude, centreUtm);
        f.setString(0, b.funktion);
        f.setInt(1, b.geschosse);
        f.setInt(2, b.baujahr);
        f.setPolygon(b.rings);
        ok = ok && f.write();
    }
    for (const Street &s : m_streets) {
        auto &f = out.feature(strassen, centreUtm);
        f.setString(0, s.name);
        f.setString(1, klasseName(s.klasse));
        f.setLine(s.pts);
        ok = ok && f.write();
    }
    for (const Sensor &s : m_sensors) {
        auto &f = out.feature(sensoren, centreUtm);
        f.setString(0, s.id);
        f.setString(1, s.name);
        f.setString(2, s.art);
        f.setString(3, s.einheit);
        f.setPoint(s.pos);
        ok = ok && f.write();
    }
    if (!ok || !out.close()) {
        error = out.error();
        return false;
    }
    std::fprintf(stderr,
                 "kartenwerk-datagen: %d districts, %zu streets, %zu buildings, %zu sensors, %zu projects\n",
                 districtCount, m_streets.size(), m_buildings.size(), m_sensors.size(), m_projects.size());
    return true;
}

} // namespace

bool writeDemo(const std::string &outDir, const DemoOptions &options, std::string &error)
{
    std::error_code ec;
    std::filesystem::create_directories(outDir, ec);
    if (ec) {
        error = "cannot create " + outDir + ": " + ec.message();
        return false;
    }
    DemoCity city(options.seed);
    city.build();
    if (!city.write(outDir + "/kaiserslautern.gpkg", error)) return false;
    return writeReadings(outDir + "/messwerte.csv", city.series(), options.days, options.seed, error);
}

} // namespace kw::datagen
