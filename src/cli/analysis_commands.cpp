// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cli_common.h"
#include "cli/commands.h"
#include "core/analysis/geoprocessing.h"
#include "core/analysis/points_in_polygons.h"
#include "core/data/gdal/geopackage_writer.h"
#include "core/sensors/sensor_features.h"
#include "core/sensors/sensor_source.h"
#include "core/temporal/time_format.h"

#include <QFileInfo>

namespace kw::cli {

namespace {

QString crsName(const Crs &crs)
{
    if (!crs.isValid()) return QStringLiteral("unknown CRS");
    return crs.authId().isEmpty() ? crs.name() : crs.authId();
}

bool isGeoPackagePath(const QString &path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("gpkg"), Qt::CaseInsensitive) == 0;
}

} // namespace

int runAggregate(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Points in polygons: count the points in each polygon and aggregate a value of them (e.g. sensors "
        "into "
        "districts). A point counts for every polygon that covers it, border included. Points and polygons "
        "may "
        "be in different CRSs; the result is in the polygons' CRS. Invalid polygons are repaired (GEOS "
        "MakeValid) and counted. The output GeoPackage holds the polygons with their attributes plus 'count' "
        "and '<stat>_<field>'.\n"
        "The points may be sensors: with --property, the points are the sites of a sensor source (a sensor "
        "cache, a table, a SensorThings URL) and each site's value is its observations of that property in "
        "[--from, --to) aggregated with --window-stat (default mean)."));
    const QCommandLineOption points(QStringLiteral("points"), QStringLiteral("The point layer: SRC[:LAYER]."),
                                    QStringLiteral("SRC[:LAYER]"));
    const QCommandLineOption polygons(QStringLiteral("polygons"),
                                      QStringLiteral("The polygon layer: SRC[:LAYER]."),
                                      QStringLiteral("SRC[:LAYER]"));
    const QCommandLineOption field(QStringLiteral("field"),
                                   QStringLiteral("Numeric field of the points to aggregate."),
                                   QStringLiteral("F"));
    const QCommandLineOption stat(QStringLiteral("stat"),
                                  QStringLiteral("count, mean, min, max, sum or median (default count)."),
                                  QStringLiteral("STAT"), QStringLiteral("count"));
    const QCommandLineOption property(
        QStringLiteral("property"),
        QStringLiteral("Sensor points: the observed property whose values are aggregated."),
        QStringLiteral("NAME"));
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("Sensor points: observations from (ISO 8601)."),
                                  QStringLiteral("ISO8601"));
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("Sensor points: observations before (ISO 8601)."),
                                QStringLiteral("ISO8601"));
    const QCommandLineOption windowStat(
        QStringLiteral("window-stat"),
        QStringLiteral("Sensor points: how a site's observations become its value "
                       "(mean, min, max, sum, count, last, median; default mean)."),
        QStringLiteral("STAT"), QStringLiteral("mean"));
    const QCommandLineOption sites(QStringLiteral("sites"),
                                   QStringLiteral("Sensor points from a long table: the site layer."),
                                   QStringLiteral("SITES_SOURCE"));
    const QCommandLineOption siteIdField(QStringLiteral("site-id-field"),
                                         QStringLiteral("Id field of --sites."), QStringLiteral("F"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("The GeoPackage to write."), QStringLiteral("OUT.gpkg"));
    const QCommandLineOption outputLayer(
        QStringLiteral("output-layer"),
        QStringLiteral("Layer name in the output (default: the polygons' layer)."), QStringLiteral("NAME"));
    parser.addOptions({points, polygons, field, stat, property, from, to, windowStat, sites, siteIdField,
                       output, outputLayer});
    if (int code = parseCommand(parser, args, QStringLiteral("aggregate"), out, err); code >= 0) return code;
    const auto fail = [&](int code, const QString &message) {
        err << "kartenwerk-cli aggregate: " << message << "\n";
        return code;
    };
    if (!parser.positionalArguments().isEmpty())
        return fail(Usage, QStringLiteral("unexpected argument '%1' (see --help)")
                               .arg(parser.positionalArguments().first()));
    if (!parser.isSet(points) || !parser.isSet(polygons))
        return fail(Usage, QStringLiteral("--points and --polygons are needed"));
    if (!parser.isSet(output)) return fail(Usage, QStringLiteral("no output file given (-o OUT.gpkg)"));
    const QString outPath = parser.value(output);
    if (!isGeoPackagePath(outPath))
        return fail(Usage, QStringLiteral("%1: the output is a GeoPackage (.gpkg)").arg(outPath));
    const auto statistic = aggregationFromName(parser.value(stat));
    const QStringList spatialStats{QStringLiteral("count"), QStringLiteral("mean"), QStringLiteral("min"),
                                   QStringLiteral("max"),   QStringLiteral("sum"),  QStringLiteral("median")};
    if (!statistic || !spatialStats.contains(aggregationName(*statistic)))
        return fail(Usage, QStringLiteral("unknown --stat '%1' (use %2)")
                               .arg(parser.value(stat), spatialStats.join(QStringLiteral(", "))));
    const bool sensorPoints = parser.isSet(property);
    if (sensorPoints && parser.isSet(field))
        return fail(Usage, QStringLiteral("--field and --property exclude each other"));
    if (!sensorPoints && (parser.isSet(from) || parser.isSet(to) || parser.isSet(sites)))
        return fail(Usage, QStringLiteral("--from, --to and --sites are for sensor points (--property)"));
    if (*statistic != Aggregation::Count && !parser.isSet(field) && !sensorPoints)
        return fail(
            Usage,
            QStringLiteral("--stat %1 needs --field F (or --property for sensors)").arg(parser.value(stat)));
    const auto windowAggregation = aggregationFromName(parser.value(windowStat));
    if (!windowAggregation)
        return fail(Usage, QStringLiteral("unknown --window-stat '%1'").arg(parser.value(windowStat)));

    auto polygonLayer = loadLayer(parser.value(polygons));
    if (!polygonLayer.ok()) return fail(exitCodeFor(polygonLayer.error()), polygonLayer.error().message);
    for (const QString &w : polygonLayer->store->warnings())
        err << "warning: " << w << "\n";

    std::shared_ptr<FeatureStore> pointStore;
    PointsInPolygons::Options options;
    options.statistic = *statistic;
    QString pointLabel = parser.value(points);
    if (sensorPoints) {
        SensorQuery q;
        if (parser.isSet(from) && !(q.from = parseTime(parser.value(from))))
            return fail(Usage, QStringLiteral("invalid --from '%1'").arg(parser.value(from)));
        if (parser.isSet(to) && !(q.to = parseTime(parser.value(to))))
            return fail(Usage, QStringLiteral("invalid --to '%1'").arg(parser.value(to)));
        if (q.from && q.to && *q.to <= *q.from)
            return fail(Usage, QStringLiteral("--to must be after --from"));
        q.properties = {parser.value(property)};
        if (parser.isSet(sites)) q.sites = sourceWithLayer(parser.value(sites)).toString();
        q.siteIdField = parser.value(siteIdField);
        auto data = SensorSources::load(sourceWithLayer(parser.value(points)).toString(), q);
        if (!data.ok()) return fail(exitCodeFor(data.error()), data.error().message);
        for (const QString &w : data->warnings())
            err << "warning: " << w << "\n";
        auto features = SensorFeatures::create(std::make_shared<const SensorData>(std::move(*data)),
                                               parser.value(property), polygonLayer->store->crs());
        if (!features.ok()) return fail(exitCodeFor(features.error()), features.error().message);
        auto window = features->wholeRange(*windowAggregation);
        if (!window)
            return fail(Input, QStringLiteral("%1: no observations of '%2' in the time range")
                                   .arg(parser.value(points), parser.value(property)));
        if (q.from) window->begin = *q.from;
        if (q.to) window->end = *q.to;
        pointStore = features->at(*window);
        options.values = features->values(*window);
        options.valueName = features->property();
        const QTimeZone zone = TimeFormat::displayZone();
        pointLabel = QStringLiteral("%1 (%2, %3 of %4)")
                         .arg(parser.value(points), features->property(), aggregationName(*windowAggregation),
                              q.from || q.to ? QStringLiteral("[%1, %2)")
                                                   .arg(TimeFormat::toIsoLocal(window->begin, zone),
                                                        TimeFormat::toIsoLocal(window->end, zone))
                                             : QStringLiteral("all observations, %1 to %2")
                                                   .arg(TimeFormat::toDisplay(window->begin, zone),
                                                        TimeFormat::toDisplay(window->end - 1, zone)));
    } else {
        auto pointLayer = loadLayer(parser.value(points));
        if (!pointLayer.ok()) return fail(exitCodeFor(pointLayer.error()), pointLayer.error().message);
        for (const QString &w : pointLayer->store->warnings())
            err << "warning: " << w << "\n";
        pointStore = pointLayer->store;
        options.field = parser.value(field);
    }
    auto result = PointsInPolygons::run(*pointStore, *polygonLayer->store, options);
    if (!result.ok())
        return fail(exitCodeFor(result.error()) == Usage ? Input : exitCodeFor(result.error()),
                    result.error().message);
    for (const QString &w : result->warnings)
        err << "warning: " << w << "\n";
    const QString layerName = parser.isSet(outputLayer) ? parser.value(outputLayer) : polygonLayer->name;
    if (Status st = writeGeoPackage(*result->polygons, outPath, layerName); !st.ok())
        return fail(exitCodeFor(st.error()), st.error().message);
    size_t counted = 0;
    const int countCol = result->polygons->attributes().fieldIndex(QStringLiteral("count"));
    for (size_t f = 0; f < result->polygons->featureCount(); ++f)
        counted += size_t(result->polygons->attributes().intData(countCol)[f]);
    out << "wrote " << outPath << " layer " << layerName << ": " << result->polygons->featureCount()
        << " polygons, " << pointStore->featureCount() << " points from " << pointLabel << " ("
        << result->pointsOutside << " in no polygon), fields count"
        << (result->statisticField.isEmpty() ? QString() : QStringLiteral(", ") + result->statisticField)
        << ", " << crsName(result->polygons->crs());
    if (result->repaired) out << ", " << result->repaired << " invalid polygons repaired";
    out << "\n";
    return Ok;
}

int runBuffer(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Buffer every feature by a distance in metres. Data in a geographic CRS (or one measured in feet) is "
        "projected to the UTM zone of its centre first, and the result is written in that CRS (named in the "
        "message). Invalid geometries are repaired (GEOS MakeValid). Attributes are kept."));
    parser.addPositionalArgument(QStringLiteral("SRC[:LAYER]"), QStringLiteral("The layer to buffer."));
    const QCommandLineOption distance(QStringLiteral("distance"),
                                      QStringLiteral("Buffer distance in metres (negative shrinks areas)."),
                                      QStringLiteral("METRES"));
    const QCommandLineOption segments(QStringLiteral("segments"),
                                      QStringLiteral("Segments per quarter circle (default 8)."),
                                      QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption dissolve(QStringLiteral("dissolve"),
                                      QStringLiteral("Merge all buffers into one area."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("The GeoPackage to write."), QStringLiteral("OUT.gpkg"));
    const QCommandLineOption outputLayer(
        QStringLiteral("output-layer"), QStringLiteral("Layer name in the output (default: <layer>_buffer)."),
        QStringLiteral("NAME"));
    parser.addOptions({distance, segments, dissolve, output, outputLayer});
    if (int code = parseCommand(parser, args, QStringLiteral("buffer"), out, err); code >= 0) return code;
    const auto fail = [&](int code, const QString &message) {
        err << "kartenwerk-cli buffer: " << message << "\n";
        return code;
    };
    if (parser.positionalArguments().size() != 1)
        return fail(Usage, QStringLiteral("expected exactly one SRC[:LAYER] (see --help)"));
    if (!parser.isSet(distance)) return fail(Usage, QStringLiteral("no --distance given"));
    bool ok = false;
    const double metres = parser.value(distance).toDouble(&ok);
    if (!ok || !std::isfinite(metres) || std::abs(metres) > 1e7)
        return fail(Usage,
                    QStringLiteral("invalid --distance '%1' (metres, e.g. 250)").arg(parser.value(distance)));
    const int quadrantSegments = parser.value(segments).toInt(&ok);
    if (!ok || quadrantSegments < 1 || quadrantSegments > 100)
        return fail(Usage, QStringLiteral("invalid --segments '%1' (1 to 100)").arg(parser.value(segments)));
    if (!parser.isSet(output)) return fail(Usage, QStringLiteral("no output file given (-o OUT.gpkg)"));
    const QString outPath = parser.value(output);
    if (!isGeoPackagePath(outPath))
        return fail(Usage, QStringLiteral("%1: the output is a GeoPackage (.gpkg)").arg(outPath));

    auto layer = loadLayer(parser.positionalArguments().first());
    if (!layer.ok()) return fail(exitCodeFor(layer.error()), layer.error().message);
    auto result = Geoprocessing::buffer(*layer->store, metres, quadrantSegments);
    if (!result.ok())
        return fail(exitCodeFor(result.error()) == Usage ? Input : exitCodeFor(result.error()),
                    result.error().message);
    if (parser.isSet(dissolve)) {
        auto merged = Geoprocessing::dissolve(*result->store);
        if (!merged.ok()) return fail(Input, merged.error().message);
        result->store = merged->store;
    }
    for (const QString &w : result->warnings)
        err << "warning: " << w << "\n";
    const QString layerName =
        parser.isSet(outputLayer) ? parser.value(outputLayer) : layer->name + QStringLiteral("_buffer");
    if (Status st = writeGeoPackage(*result->store, outPath, layerName); !st.ok())
        return fail(exitCodeFor(st.error()), st.error().message);
    out << "wrote " << outPath << " layer " << layerName << ": " << result->store->featureCount()
        << " features buffered by " << number(metres) << " m in " << crsName(result->store->crs());
    if (result->store->crs() != layer->store->crs())
        out << " (the data's " << crsName(layer->store->crs()) << " is not in metres)";
    if (result->repaired) out << ", " << result->repaired << " invalid geometries repaired";
    out << "\n";
    return Ok;
}

} // namespace kw::cli
