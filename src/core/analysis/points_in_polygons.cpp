// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/analysis/points_in_polygons.h"

#include "core/analysis/feature_builder.h"
#include "core/crs/coordinate_transform.h"
#include "core/geometry/geometry_engine.h"
#include "core/index/spatial_index.h"

#include <algorithm>
#include <cmath>

namespace kw {

Result<PointsInPolygons::Output> PointsInPolygons::run(const FeatureStore &points,
                                                       const FeatureStore &polygons, const Options &options)
{
    if (points.family() != GeometryFamily::Point && points.featureCount() > 0)
        return Error::usage(QStringLiteral("the points layer holds %1 geometries, not points")
                                .arg(geometryTypeName(points.geometryType(0))));
    if (polygons.family() != GeometryFamily::Polygon && polygons.featureCount() > 0)
        return Error::usage(QStringLiteral("the polygon layer holds %1 geometries, not polygons")
                                .arg(geometryTypeName(polygons.geometryType(0))));
    if (!options.values.empty() && options.values.size() != points.featureCount())
        return Error{ErrorKind::Internal, QStringLiteral("one value per point expected")};

    // Values per point feature.
    std::vector<double> values;
    QString valueName = options.valueName;
    if (!options.values.empty()) {
        values = options.values;
        if (valueName.isEmpty()) valueName = QStringLiteral("value");
    } else if (!options.field.isEmpty()) {
        const int col = points.attributes().fieldIndex(options.field);
        if (col < 0) {
            QStringList numeric;
            for (const Field &f : points.fields())
                if (f.type == FieldType::Int || f.type == FieldType::Double) numeric << f.name;
            return Error::input(QStringLiteral("the points have no field '%1' (numeric fields: %2)")
                                    .arg(options.field, numeric.isEmpty()
                                                            ? QStringLiteral("none")
                                                            : numeric.join(QStringLiteral(", "))));
        }
        const FieldType t = points.fields()[col].type;
        if (t != FieldType::Int && t != FieldType::Double)
            return Error::input(QStringLiteral("field '%1' of the points is not numeric").arg(options.field));
        values.resize(points.featureCount());
        for (size_t f = 0; f < values.size(); ++f)
            values[f] = points.attributes().number(f, col);
        if (valueName.isEmpty()) valueName = options.field;
    }
    const bool withStatistic = !values.empty();

    // Point positions in the polygons' CRS (each part of a multipoint), with an index of their own.
    struct Position
    {
        double x, y;
        uint32_t feature;
    };
    std::vector<Position> positions;
    positions.reserve(points.featureCount());
    for (size_t f = 0; f < points.featureCount(); ++f)
        for (uint32_t p = points.partBegin(f); p < points.partEnd(f); ++p) {
            const uint32_t v = points.vertexBegin(points.ringBegin(p));
            positions.push_back({points.vertices()[2 * v], points.vertices()[2 * v + 1], uint32_t(f)});
        }
    Output out;
    if (points.crs().isValid() && polygons.crs().isValid() && points.crs() != polygons.crs()) {
        const CoordinateTransform ct(points.crs(), polygons.crs());
        if (Status st = ct.check(); !st.ok()) return st.error();
        for (Position &p : positions)
            ct.transformInPlace(&p.x, 1);
    } else if (points.crs().isValid() != polygons.crs().isValid()) {
        out.warnings << QStringLiteral("one layer has no CRS: coordinates are taken as they are");
    }
    std::vector<Envelope> boxes;
    boxes.reserve(positions.size());
    for (const Position &p : positions)
        boxes.push_back(std::isfinite(p.x) && std::isfinite(p.y) ? Envelope(p.x, p.y, p.x, p.y) : Envelope());
    const SpatialIndex index(boxes);

    Fields fields = polygons.fields();
    const int countCol = int(fields.size());
    fields << Field{QStringLiteral("count"), FieldType::Int, QStringLiteral("Integer64")};
    if (withStatistic && options.statistic != Aggregation::Count)
        out.statisticField = aggregationName(options.statistic) + QLatin1Char('_') + valueName;
    else if (withStatistic)
        out.statisticField = QStringLiteral("count_") + valueName;
    const int statCol = out.statisticField.isEmpty() ? -1 : int(fields.size());
    if (statCol >= 0)
        fields << Field{out.statisticField,
                        options.statistic == Aggregation::Count ? FieldType::Int : FieldType::Double,
                        QString()};
    auto result = std::make_shared<FeatureStore>(fields, polygons.crs());
    result->setSourceCrs(polygons.sourceCrs());

    std::vector<uint8_t> counted(points.featureCount(), 0);
    std::vector<uint32_t> inside;
    std::vector<double> insideValues;
    for (size_t f = 0; f < polygons.featureCount(); ++f) {
        Geometry g = polygons.geometry(f);
        if (!g.isEmpty()) {
            if (const auto reason = GeometryEngine::invalidReason(g)) {
                auto valid = GeometryEngine::makeValid(g);
                if (valid.ok() && !valid->isEmpty()) {
                    g = *valid;
                    ++out.repaired;
                } else {
                    out.warnings << QStringLiteral(
                                        "polygon %1 is invalid (%2) and could not be repaired; it counts "
                                        "no points")
                                        .arg(polygons.fid(f))
                                        .arg(*reason);
                    g = Geometry(g.type());
                }
            }
        }
        inside.clear();
        if (!g.isEmpty()) {
            const PreparedGeometry prepared(g);
            index.query(g.envelope(), [&](size_t i) {
                if (prepared.covers(positions[i].x, positions[i].y)) inside.push_back(positions[i].feature);
            });
            // A multipoint counts once even when several of its parts lie inside.
            std::sort(inside.begin(), inside.end());
            inside.erase(std::unique(inside.begin(), inside.end()), inside.end());
        }
        analysis::appendFeature(*result, polygons.fid(f), g);
        analysis::copyRow(polygons.attributes(), f, result->attributes());
        result->attributes().setInt(countCol, int64_t(inside.size()));
        if (statCol >= 0) {
            insideValues.clear();
            for (uint32_t p : inside)
                insideValues.push_back(values[p]);
            const double v = aggregate(insideValues, options.statistic);
            if (!std::isnan(v)) {
                if (options.statistic == Aggregation::Count)
                    result->attributes().setInt(statCol, int64_t(v));
                else
                    result->attributes().setDouble(statCol, v);
            }
        }
        for (uint32_t p : inside)
            counted[p] = 1;
    }
    result->finish();
    out.pointsOutside = size_t(std::count(counted.begin(), counted.end(), uint8_t(0)));
    out.polygons = std::move(result);
    return out;
}

} // namespace kw
