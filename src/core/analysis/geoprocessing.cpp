// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/geoprocessing.h"

#include "core/analysis/feature_builder.h"
#include "core/crs/coordinate_transform.h"
#include "core/geometry/geometry_engine.h"

#include <QHash>
#include <cmath>

namespace kw {

namespace {

/// \a g with its vertices transformed by \a ct.
Geometry transformed(Geometry g, const CoordinateTransform &ct)
{
    if (!ct.isIdentity() && !g.xy().empty()) ct.transformInPlace(g.xy().data(), g.xy().size() / 2);
    return g;
}

/// Copies the geometries of \a in into the CRS \a crs, repairing invalid ones.
struct Prepared
{
    std::vector<Geometry> geometries; ///< in the working CRS; empty when unusable
    size_t repaired = 0;
    QStringList warnings;
};

Result<Prepared> prepare(const FeatureStore &in, const Crs &crs)
{
    Prepared p;
    CoordinateTransform ct;
    if (in.crs().isValid() && crs.isValid() && in.crs() != crs) {
        ct = CoordinateTransform(in.crs(), crs);
        if (Status st = ct.check(); !st.ok()) return st.error();
    }
    p.geometries.reserve(in.featureCount());
    for (size_t f = 0; f < in.featureCount(); ++f) {
        Geometry g = transformed(in.geometry(f), ct);
        if (!g.isEmpty()) {
            if (const auto reason = GeometryEngine::invalidReason(g)) {
                auto valid = GeometryEngine::makeValid(g);
                if (valid.ok() && !valid->isEmpty()) {
                    g = *valid;
                    ++p.repaired;
                } else {
                    p.warnings << QStringLiteral("feature %1 is invalid (%2) and was left out")
                                      .arg(in.fid(f))
                                      .arg(*reason);
                    g = Geometry(g.type());
                }
            }
        }
        p.geometries.push_back(std::move(g));
    }
    return p;
}

bool isMetric(const Crs &crs)
{
    if (!crs.isValid() || crs.isGeographic()) return false;
    const QString wkt = crs.wkt();
    // Projected CRSs measured in feet (US State Plane) would make "metres" wrong by a factor of 3.28.
    return !wkt.contains(QLatin1String("foot"), Qt::CaseInsensitive) &&
           !wkt.contains(QLatin1String("feet"), Qt::CaseInsensitive);
}

} // namespace

Crs Geoprocessing::utmZone(double lon, double lat)
{
    const int zone = std::clamp(int(std::floor((lon + 180.0) / 6.0)) + 1, 1, 60);
    const int code = (lat >= 0 ? 32600 : 32700) + zone;
    auto crs = Crs::fromEpsg(code);
    return crs.ok() ? *crs : Crs();
}

Result<Crs> Geoprocessing::metricCrsFor(const Crs &crs, const Envelope &extent)
{
    if (!crs.isValid())
        return Error::input(
            QStringLiteral("the data has no CRS, so distances in metres are unknown (give one with "
                           "|crs=EPSG:…)"));
    if (isMetric(crs)) return crs;
    if (extent.isNull()) return Error::input(QStringLiteral("the data has no extent"));
    QPointF centre(extent.centerX(), extent.centerY());
    if (!crs.isGeographic() || crs != Crs::wgs84()) {
        const CoordinateTransform ct(crs, Crs::wgs84());
        centre = ct.transform(centre);
    }
    if (!std::isfinite(centre.x()) || !std::isfinite(centre.y()))
        return Error::input(QStringLiteral("cannot find the UTM zone of the data"));
    const Crs utm = utmZone(centre.x(), centre.y());
    if (!utm.isValid()) return Error::input(QStringLiteral("cannot create the UTM CRS of the data"));
    return utm;
}

Result<Geoprocessing::Output> Geoprocessing::buffer(const FeatureStore &in, double metres,
                                                    int quadrantSegments)
{
    auto crs = metricCrsFor(in.crs(), in.extent());
    if (!crs.ok()) return crs.error();
    auto prepared = prepare(in, *crs);
    if (!prepared.ok()) return prepared.error();
    Output out;
    out.repaired = prepared->repaired;
    out.warnings = prepared->warnings;
    out.store = std::make_shared<FeatureStore>(in.fields(), *crs);
    out.store->setSourceCrs(*crs);
    for (size_t f = 0; f < in.featureCount(); ++f) {
        const Geometry &g = prepared->geometries[f];
        Geometry b(GeometryType::Polygon);
        if (!g.isEmpty()) {
            auto buffered = GeometryEngine::buffer(g, metres, quadrantSegments);
            if (!buffered.ok())
                return Error{buffered.error().kind,
                             QStringLiteral("feature %1: %2").arg(in.fid(f)).arg(buffered.error().message)};
            b = *buffered;
        }
        analysis::appendFeature(*out.store, in.fid(f), b);
        analysis::copyRow(in.attributes(), f, out.store->attributes());
    }
    out.store->finish();
    return out;
}

Result<Geoprocessing::Output> Geoprocessing::intersection(const FeatureStore &a, const FeatureStore &b)
{
    auto pa = prepare(a, a.crs());
    auto pb = prepare(b, a.crs());
    if (!pa.ok()) return pa.error();
    if (!pb.ok()) return pb.error();
    Fields fields = a.fields();
    for (Field f : b.fields()) {
        bool clash = false;
        for (const Field &x : a.fields())
            clash = clash || x.name.compare(f.name, Qt::CaseInsensitive) == 0;
        if (clash) f.name = QStringLiteral("b_") + f.name;
        fields << f;
    }
    Output out;
    out.repaired = pa->repaired + pb->repaired;
    out.warnings = pa->warnings + pb->warnings;
    out.store = std::make_shared<FeatureStore>(fields, a.crs());
    out.store->setSourceCrs(a.sourceCrs());
    std::vector<Envelope> boxes;
    for (const Geometry &g : pb->geometries)
        boxes.push_back(g.envelope());
    const SpatialIndex index(boxes);
    int64_t fid = 1;
    for (size_t i = 0; i < a.featureCount(); ++i) {
        const Geometry &ga = pa->geometries[i];
        if (ga.isEmpty()) continue;
        const PreparedGeometry prepared(ga);
        for (uint32_t j : index.query(ga.envelope())) {
            const Geometry &gb = pb->geometries[j];
            if (gb.isEmpty() || !prepared.intersects(gb)) continue;
            auto part = GeometryEngine::intersection(ga, gb);
            if (!part.ok()) return part.error();
            if (part->isEmpty()) continue; // touching only: no common area (or line) left
            analysis::appendFeature(*out.store, fid++, *part);
            analysis::copyRow(a.attributes(), i, out.store->attributes());
            analysis::copyRow(b.attributes(), j, out.store->attributes(), a.attributes().columnCount());
        }
    }
    out.store->finish();
    return out;
}

Result<Geoprocessing::Output> Geoprocessing::dissolve(const FeatureStore &in, const QString &field)
{
    int col = -1;
    if (!field.isEmpty()) {
        col = in.attributes().fieldIndex(field);
        if (col < 0) return Error::input(QStringLiteral("no field '%1'").arg(field));
    }
    auto prepared = prepare(in, in.crs());
    if (!prepared.ok()) return prepared.error();
    QStringList keys;
    QHash<QString, std::vector<size_t>> groups;
    for (size_t f = 0; f < in.featureCount(); ++f) {
        const QString key = col < 0 ? QString() : in.attributes().text(f, col);
        if (!groups.contains(key)) keys << key;
        groups[key].push_back(f);
    }
    Fields fields;
    if (col >= 0) fields << in.fields()[col];
    Output out;
    out.repaired = prepared->repaired;
    out.warnings = prepared->warnings;
    out.store = std::make_shared<FeatureStore>(fields, in.crs());
    out.store->setSourceCrs(in.sourceCrs());
    int64_t fid = 1;
    for (const QString &key : std::as_const(keys)) {
        std::vector<Geometry> parts;
        for (size_t f : groups[key])
            parts.push_back(prepared->geometries[f]);
        auto merged = GeometryEngine::unaryUnion(parts);
        if (!merged.ok()) return merged.error();
        analysis::appendFeature(*out.store, fid++, *merged);
        if (col >= 0) out.store->attributes().setVariant(0, in.attributes().value(groups[key].front(), col));
    }
    out.store->finish();
    return out;
}

Result<std::vector<uint8_t>> Geoprocessing::withinDistance(const FeatureStore &in,
                                                           const FeatureStore &reference, double metres)
{
    auto crs = metricCrsFor(in.crs(), in.extent());
    if (!crs.ok()) return crs.error();
    auto pin = prepare(in, *crs);
    auto pref = prepare(reference, *crs);
    if (!pin.ok()) return pin.error();
    if (!pref.ok()) return pref.error();
    std::vector<Envelope> boxes;
    for (const Geometry &g : pin->geometries)
        boxes.push_back(g.envelope());
    const SpatialIndex index(boxes);
    std::vector<uint8_t> selected(in.featureCount(), 0);
    for (const Geometry &r : pref->geometries) {
        if (r.isEmpty()) continue;
        const PreparedGeometry prepared(r);
        const Envelope e = r.envelope();
        const Envelope search(e.xmin - metres, e.ymin - metres, e.xmax + metres, e.ymax + metres);
        index.query(search, [&](size_t i) {
            if (!selected[i] && !pin->geometries[i].isEmpty() &&
                prepared.withinDistance(pin->geometries[i], metres))
                selected[i] = 1;
        });
    }
    return selected;
}

Result<Geoprocessing::Output> Geoprocessing::repair(const FeatureStore &in)
{
    auto prepared = prepare(in, in.crs());
    if (!prepared.ok()) return prepared.error();
    Output out;
    out.repaired = prepared->repaired;
    out.warnings = prepared->warnings;
    out.store = std::make_shared<FeatureStore>(in.fields(), in.crs());
    out.store->setSourceCrs(in.sourceCrs());
    for (size_t f = 0; f < in.featureCount(); ++f) {
        analysis::appendFeature(*out.store, in.fid(f), prepared->geometries[f]);
        analysis::copyRow(in.attributes(), f, out.store->attributes());
    }
    out.store->finish();
    return out;
}

} // namespace kw
