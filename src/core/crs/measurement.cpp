// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crs/measurement.h"

#include "core/crs/coordinate_transform.h"
#include "core/crs/proj_context.h"

#include <QHash>

#include <geodesic.h>

#include <cmath>

namespace kw {

namespace {

/// The geographic CRS and ellipsoid of a map CRS, cached per thread (PROJ objects are per thread).
struct Ellipsoid
{
    bool ok = false;
    geod_geodesic geod{};
    CoordinateTransform toGeographic;
};

const Ellipsoid &ellipsoidFor(const Crs &crs)
{
    thread_local QHash<QString, Ellipsoid> cache;
    const QString key = crs.wkt();
    auto it = cache.find(key);
    if (it != cache.end())
        return *it;
    Ellipsoid e;
    PJ_CONTEXT *ctx = proj::context();
    proj::PjPtr pj(proj_create(ctx, key.toUtf8().constData()));
    if (pj) {
        proj::PjPtr geodetic(proj_crs_get_geodetic_crs(ctx, pj.pj));
        proj::PjPtr ellipsoid(geodetic ? proj_get_ellipsoid(ctx, geodetic.pj) : nullptr);
        double a = 0, invFlattening = 0;
        int computed = 0;
        if (ellipsoid && proj_ellipsoid_get_parameters(ctx, ellipsoid.pj, &a, nullptr, &computed, &invFlattening)) {
            const char *wkt = proj_as_wkt(ctx, geodetic.pj, PJ_WKT2_2019, nullptr);
            auto geographic = wkt ? Crs::fromWkt(QString::fromUtf8(wkt)) : Result<Crs>(Error::input(QString()));
            if (geographic.ok() && a > 0) {
                geod_init(&e.geod, a, invFlattening > 0 ? 1.0 / invFlattening : 0.0);
                e.toGeographic = CoordinateTransform(crs, *geographic);
                e.ok = true;
            }
        }
    }
    return *cache.insert(key, e);
}

/// The points as longitude/latitude of the CRS's datum, or nullopt.
std::optional<std::vector<double>> toLonLat(const std::vector<QPointF> &points, const Crs &crs, const Ellipsoid &e)
{
    std::vector<double> xy;
    xy.reserve(points.size() * 2);
    for (const QPointF &p : points) {
        xy.push_back(p.x());
        xy.push_back(p.y());
    }
    if (!e.toGeographic.transformInPlace(xy.data(), points.size()).ok())
        return std::nullopt;
    for (double v : xy)
        if (!std::isfinite(v))
            return std::nullopt;
    return xy;
}

} // namespace

std::optional<double> Measurement::length(const std::vector<QPointF> &points, const Crs &crs)
{
    if (!crs.isValid())
        return std::nullopt;
    if (points.size() < 2)
        return 0.0;
    const Ellipsoid &e = ellipsoidFor(crs);
    if (!e.ok)
        return std::nullopt;
    const auto ll = toLonLat(points, crs, e);
    if (!ll)
        return std::nullopt;
    double total = 0;
    for (size_t i = 1; i < points.size(); ++i) {
        double s12 = 0;
        geod_inverse(&e.geod, (*ll)[2 * i - 1], (*ll)[2 * i - 2], (*ll)[2 * i + 1], (*ll)[2 * i], &s12, nullptr, nullptr);
        total += s12;
    }
    return total;
}

std::optional<double> Measurement::area(const std::vector<QPointF> &points, const Crs &crs)
{
    if (!crs.isValid())
        return std::nullopt;
    if (points.size() < 3)
        return 0.0;
    const Ellipsoid &e = ellipsoidFor(crs);
    if (!e.ok)
        return std::nullopt;
    const auto ll = toLonLat(points, crs, e);
    if (!ll)
        return std::nullopt;
    std::vector<double> lats(points.size()), lons(points.size());
    for (size_t i = 0; i < points.size(); ++i) {
        lons[i] = (*ll)[2 * i];
        lats[i] = (*ll)[2 * i + 1];
    }
    double area = 0;
    geod_polygonarea(&e.geod, lats.data(), lons.data(), int(points.size()), &area, nullptr);
    return std::abs(area);
}

double Measurement::wgs84Distance(const QPointF &a, const QPointF &b)
{
    geod_geodesic g;
    geod_init(&g, 6378137.0, 1 / 298.257223563);
    double s12 = 0;
    geod_inverse(&g, a.y(), a.x(), b.y(), b.x(), &s12, nullptr, nullptr);
    return s12;
}

} // namespace kw
