// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cli_runner.h"

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/layout_commands.h"

#include "core/crs/coordinate_transform.h"
#include "core/data/data_provider.h"
#include "core/layers/layer_factory.h"
#include "core/layers/vector_layer.h"
#include "core/plugin/plugin_manager.h"
#include "core/project/project.h"
#include "core/render/map_exporter.h"
#include "core/render/streaming_render_job.h"
#include "core/style/classification.h"
#include "core/temporal/temporal_controller.h"

#include <QColor>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cmath>

namespace kw::cli {

namespace {

const char *const usageText = R"(Usage: kartenwerk-cli COMMAND [OPTIONS]

Commands:
  info SOURCE [--json]        describe the layers of a data source
  render SOURCE... -o OUT     render sources (or a .kwproj project) to PNG, JPEG, PDF or SVG
  classify SOURCE --field F   class breaks of a numeric field (equal, quantile, jenks, ...)
  sld export|import PROJECT   exchange a layer's style as OGC SLD 1.0 / SE 1.1
  sensors import|info SOURCE  sensor data (SensorThings API, tables) and the offline sensor cache
  chart SOURCE --property P   time-series chart of sensor sites (PNG, SVG)
  animate PROJECT -o OUT      frames of a project over time (PNG folder, MP4, GIF)
  aggregate --points P --polygons A -o OUT.gpkg   points in polygons (count, mean, ...)
  buffer SRC --distance M -o OUT.gpkg             buffers in metres
  export PROJECT --layout NAME -o OUT
                              export a print layout to PDF, SVG, PNG, JPEG or TIFF
  atlas PROJECT --layout NAME -o 'DIR/{name}.pdf' | -o ALL.pdf
                              export an atlas: one page per feature of a coverage layer
  check PROJECT               report missing data, fonts, CRSs and services before an export

Run 'kartenwerk-cli COMMAND --help' for the options of a command.
A SOURCE is a file, directory or GDAL connection string, optionally followed by
'|layername=NAME' and '|crs=CRS' (overrides the data's CRS); 'xyz:URL' with {z}/{x}/{y}
names a tile service.

Exit codes: 0 ok, 1 usage error, 2 input error (missing, unreadable or corrupt data,
unknown CRS or layer), 3 output error (cannot write).
)";

QString crsLabel(const Crs &crs)
{
    if (!crs.isValid())
        return QStringLiteral("unknown");
    return crs.authId().isEmpty() ? crs.name() : crs.authId();
}

QJsonObject layerJson(const LayerInfo &l)
{
    QJsonObject o;
    o[QStringLiteral("name")] = l.name;
    o[QStringLiteral("type")] = l.isRaster ? QStringLiteral("raster") : QStringLiteral("vector");
    o[QStringLiteral("crs")] = l.crs.isValid() ? QJsonValue(crsLabel(l.crs)) : QJsonValue();
    if (l.crs.isValid())
        o[QStringLiteral("crs_name")] = l.crs.name();
    if (l.crs.epsg())
        o[QStringLiteral("epsg")] = *l.crs.epsg();
    if (!l.extent.isNull())
        o[QStringLiteral("extent")] = QJsonArray{l.extent.xmin, l.extent.ymin, l.extent.xmax, l.extent.ymax};
    if (l.isRaster && l.raster) {
        const RasterInfo &r = *l.raster;
        o[QStringLiteral("width")] = r.width;
        o[QStringLiteral("height")] = r.height;
        o[QStringLiteral("bands")] = r.bandCount;
        o[QStringLiteral("data_type")] = r.dataType;
        o[QStringLiteral("color_interpretation")] = r.colorInterpretation;
        o[QStringLiteral("overviews")] = r.overviewCount;
        o[QStringLiteral("pixel_size")] = QJsonArray{r.pixelSizeX, r.pixelSizeY};
        return o;
    }
    o[QStringLiteral("geometry_type")] = geometryTypeName(l.geometryType);
    o[QStringLiteral("feature_count")] = l.featureCount;
    QJsonArray fields;
    for (const Field &f : l.fields)
        fields.append(QJsonObject{{QStringLiteral("name"), f.name},
                                  {QStringLiteral("type"), fieldTypeName(f.type)},
                                  {QStringLiteral("source_type"), f.sourceType}});
    o[QStringLiteral("fields")] = fields;
    return o;
}

QString num(double v)
{
    // Always C digits: machine output must not depend on the user's locale.
    return QString::number(v, 'f', std::abs(v) < 1000 ? 6 : 3);
}

int runInfo(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Describe every layer of a data source: driver, geometry type, "
                                                    "feature count, CRS, extent and fields."));
    parser.addPositionalArgument(QStringLiteral("SOURCE"), QStringLiteral("File, directory or connection string."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    if (int code = parseCommand(parser, args, QStringLiteral("info"), out, err); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        err << "kartenwerk-cli info: expected exactly one SOURCE (see --help)\n";
        return Usage;
    }
    const SourceUri uri = SourceUri::parse(parser.positionalArguments().first());
    auto info = DataProviders::inspect(uri);
    if (!info.ok()) {
        err << "kartenwerk-cli info: " << info.error().message << "\n";
        return exitCodeFor(info.error());
    }
    if (parser.isSet(json)) {
        QJsonArray layers;
        for (const LayerInfo &l : info->layers)
            layers.append(layerJson(l));
        QJsonObject root{{QStringLiteral("source"), uri.path},
                         {QStringLiteral("driver"), info->driver},
                         {QStringLiteral("layers"), layers}};
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return Ok;
    }
    out << "Source: " << uri.path << "\n";
    out << "Driver: " << info->driver << "\n";
    out << "Layers: " << info->layers.size() << "\n";
    for (const LayerInfo &l : info->layers) {
        out << "\nLayer: " << l.name << (l.isRaster ? " (raster)" : "") << "\n";
        if (l.isRaster && l.raster) {
            const RasterInfo &r = *l.raster;
            out << "  Size: " << r.width << " x " << r.height << ", " << r.bandCount << " band(s) of "
                << r.dataType << " (" << r.colorInterpretation << ")\n";
            out << "  Overviews: " << r.overviewCount << "\n";
            out << "  Pixel size: " << num(r.pixelSizeX) << " x " << num(r.pixelSizeY) << "\n";
        } else {
            out << "  Geometry: " << geometryTypeName(l.geometryType) << "\n";
            out << "  Features: " << l.featureCount << "\n";
        }
        out << "  CRS: " << crsLabel(l.crs);
        if (l.crs.isValid() && !l.crs.authId().isEmpty())
            out << " (" << l.crs.name() << ")";
        out << "\n";
        if (!l.extent.isNull())
            out << "  Extent: " << num(l.extent.xmin) << ", " << num(l.extent.ymin) << " - " << num(l.extent.xmax)
                << ", " << num(l.extent.ymax) << "\n";
        if (!l.isRaster) {
            out << "  Fields: " << l.fields.size() << "\n";
            for (const Field &f : l.fields)
                out << "    " << f.name << ": " << fieldTypeName(f.type) << " (" << f.sourceType << ")\n";
        }
        for (const QString &w : l.warnings)
            err << "warning: " << w << "\n";
    }
    return Ok;
}

std::optional<Envelope> parseExtent(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 4)
        return std::nullopt;
    double v[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        v[i] = parts[i].trimmed().toDouble(&ok);
        if (!ok)
            return std::nullopt;
    }
    if (!(v[0] < v[2] && v[1] < v[3]))
        return std::nullopt;
    return Envelope(v[0], v[1], v[2], v[3]);
}

int runRender(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Render data sources to a map image (PNG, JPEG) or vector document (PDF, SVG).\n"
                       "The map CRS is --crs or else the first layer's; the extent is --extent or else the union "
                       "of all layers plus a margin."));
    parser.addPositionalArgument(QStringLiteral("SOURCE..."),
                                 QStringLiteral("Data sources, drawn bottom to top, or one project file (.kwproj) whose "
                                                "styles and labels are used; the options override the project's."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Output file (.png, .jpg, .pdf, .svg)."), QStringLiteral("OUT"));
    const QCommandLineOption layer(QStringLiteral("layer"), QStringLiteral("Only this layer (repeatable)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Output size in pixels (default 1920x1080)."),
                                  QStringLiteral("WxH"), QStringLiteral("1920x1080"));
    const QCommandLineOption dpi(QStringLiteral("dpi"), QStringLiteral("Resolution for symbol sizes (default 96)."),
                                 QStringLiteral("N"), QStringLiteral("96"));
    const QCommandLineOption crs(QStringLiteral("crs"), QStringLiteral("Map CRS, e.g. EPSG:25832."),
                                 QStringLiteral("CRS"));
    const QCommandLineOption extent(QStringLiteral("extent"), QStringLiteral("Map extent in the map CRS."),
                                    QStringLiteral("xmin,ymin,xmax,ymax"));
    const QCommandLineOption background(QStringLiteral("background"),
                                        QStringLiteral("Background colour (name, #rrggbb or 'transparent')."),
                                        QStringLiteral("COLOR"), QStringLiteral("white"));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")},
                                   QStringLiteral("Print nothing on success."));
    const QCommandLineOption time(
        QStringLiteral("time"),
        QStringLiteral("Show time-aware layers (sensors, date ranges) at this time, with the project's window "
                       "and aggregation (default: the project's current time, if it has time settings)."),
        QStringLiteral("ISO8601"));
    const QCommandLineOption noStreaming(
        QStringLiteral("no-streaming"),
        QStringLiteral("Read every layer completely before drawing. By default, for PNG and JPEG output, layers "
                       "without labels or draw order are drawn batch by batch while they are read, which needs "
                       "far less memory; the image is the same."));
    parser.addOptions({output, layer, size, dpi, crs, extent, background, quiet, time, noStreaming});
    if (int code = parseCommand(parser, args, QStringLiteral("render"), out, err); code >= 0)
        return code;

    const auto fail = [&](int code, const QString &message) {
        err << "kartenwerk-cli render: " << message << "\n";
        return code;
    };
    if (parser.positionalArguments().isEmpty())
        return fail(Usage, QStringLiteral("no SOURCE given (see --help)"));
    if (!parser.isSet(output))
        return fail(Usage, QStringLiteral("no output file given (-o OUT)"));
    const QString outPath = parser.value(output);
    const auto outFormat = MapExporter::formatForPath(outPath);
    if (!outFormat)
        return fail(Usage, QStringLiteral("%1: unsupported output format (use png, jpg, pdf or svg)").arg(outPath));
    // Raster output draws big layers while reading them (StreamingRenderJob); PDF/SVG need them loaded.
    bool streaming = !parser.isSet(noStreaming) &&
                     (*outFormat == MapExporter::Format::Png || *outFormat == MapExporter::Format::Jpeg);
    const auto isStreamable = [](const Layer &l) {
        return l.kind() == Layer::Kind::Vector && static_cast<const VectorLayer &>(l).canStream();
    };
    const auto outSize = parseSize(parser.value(size));
    if (!outSize)
        return fail(Usage, QStringLiteral("invalid --size '%1' (expected WxH, e.g. 1920x1080)").arg(parser.value(size)));
    bool dpiOk = false;
    const double dpiValue = parser.value(dpi).toDouble(&dpiOk);
    if (!dpiOk || dpiValue < 10 || dpiValue > 2400)
        return fail(Usage, QStringLiteral("invalid --dpi '%1' (10 to 2400)").arg(parser.value(dpi)));
    std::optional<Envelope> extentValue;
    if (parser.isSet(extent)) {
        extentValue = parseExtent(parser.value(extent));
        if (!extentValue)
            return fail(Usage, QStringLiteral("invalid --extent '%1' (expected xmin,ymin,xmax,ymax with min < max)")
                                   .arg(parser.value(extent)));
    }
    QColor bg;
    const QString bgText = parser.value(background);
    if (bgText.compare(QLatin1String("transparent"), Qt::CaseInsensitive) == 0 ||
        bgText.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        bg = Qt::transparent;
    else
        bg = QColor::fromString(bgText);
    if (!bg.isValid())
        return fail(Usage, QStringLiteral("invalid --background '%1'").arg(bgText));

    std::optional<int64_t> timeValue;
    if (parser.isSet(time) && !(timeValue = parseTime(parser.value(time))))
        return fail(Usage,
                    QStringLiteral("invalid --time '%1' (ISO 8601, e.g. 2026-09-18T16:00)").arg(parser.value(time)));
    Crs mapCrs;
    if (parser.isSet(crs)) {
        auto c = Crs::fromUserInput(parser.value(crs));
        if (!c.ok())
            return fail(Input, c.error().message);
        mapCrs = *c;
    }

    const QStringList sources = parser.positionalArguments();
    const bool projectMode = sources.size() == 1 && sources.first().endsWith(QLatin1String(".kwproj"), Qt::CaseInsensitive);
    const QStringList wanted = parser.values(layer);
    std::unique_ptr<Project> project;
    QList<std::shared_ptr<Layer>> layers;
    QElapsedTimer timer;
    timer.start();
    if (projectMode) {
        QStringList warnings;
        auto read = Project::read(sources.first(), &warnings);
        if (!read.ok())
            return fail(Input, read.error().message);
        project = std::move(*read);
        for (const QString &w : warnings)
            err << "warning: " << sources.first() << ": " << w << "\n";
        if (mapCrs.isValid())
            project->setCrs(mapCrs);
        mapCrs = project->crs();
        // Streaming needs the whole picture to be drawn in one go: not with time-aware rendering.
        streaming = streaming && !project->temporal() && !timeValue;
        const QStringList failed =
            project->loadLayers(false, [&](const Layer &l) { return streaming && isStreamable(l); });
        if (!failed.isEmpty())
            return fail(Input, QStringLiteral("%1: cannot load layer %2").arg(sources.first(), failed.join(QStringLiteral("; "))));
        layers = project->renderLayers();
        if (!wanted.isEmpty()) {
            for (const QString &w : wanted)
                if (std::none_of(layers.begin(), layers.end(), [&](const auto &l) { return l->name() == w || l->id() == w; }))
                    return fail(Input, QStringLiteral("no layer named '%1' in %2").arg(w, sources.first()));
            layers.erase(std::remove_if(layers.begin(), layers.end(),
                                        [&](const auto &l) { return !wanted.contains(l->name()) && !wanted.contains(l->id()); }),
                         layers.end());
        }
    } else {
        QStringList found;
        QStringList sourcePaths, available; // for messages: users must see which files were searched
        for (const QString &source : sources) {
            const SourceUri uri = SourceUri::parse(source);
            auto info = DataProviders::inspect(uri);
            if (!info.ok())
                return fail(exitCodeFor(info.error()), info.error().message);
            sourcePaths << uri.path;
            QStringList names;
            for (const LayerInfo &l : info->layers) {
                available << l.name;
                if (wanted.contains(l.name))
                    names << l.name;
            }
            if (!wanted.isEmpty() && names.isEmpty())
                continue;
            found << names;
            auto created = LayerFactory::fromSource(uri, names);
            if (!created.ok())
                return fail(exitCodeFor(created.error()), created.error().message);
            layers << *created;
        }
        for (const QString &w : wanted)
            if (!found.contains(w))
                return fail(Input, QStringLiteral("no layer named '%1' in %2 (layers: %3)")
                                       .arg(w, sourcePaths.join(QStringLiteral(", ")),
                                            available.join(QStringLiteral(", "))));
        if (layers.isEmpty())
            return fail(Input, QStringLiteral("%1: no drawable layer").arg(sourcePaths.join(QStringLiteral(", "))));

        // The map CRS defaults to the first layer's, as in QGIS.
        if (!mapCrs.isValid()) {
            for (const auto &l : layers) {
                auto info = DataProviders::inspect(l->source());
                if (info.ok())
                    for (const LayerInfo &li : info->layers)
                        if (li.name == (l->kind() == Layer::Kind::Vector ? static_cast<VectorLayer &>(*l).layerName()
                                                                         : l->source().layerName) &&
                            li.crs.isValid()) {
                            mapCrs = li.crs;
                            break;
                        }
                if (mapCrs.isValid())
                    break;
            }
        }

        int styleIndex = 0;
        for (auto &l : layers)
            if (l->kind() == Layer::Kind::Vector)
            {
                static_cast<VectorLayer &>(*l).setDefaultStyleIndex(styleIndex++);
                // A map needs only what its style reads; the attribute table is the app's business.
                static_cast<VectorLayer &>(*l).setLoadAllAttributes(false);
            }
        streaming = streaming && !timeValue;
        // Layers load concurrently: each opens its own GDAL handle. Streamed ones are read while drawing.
        QtConcurrent::blockingMap(layers, [&](std::shared_ptr<Layer> &l) {
            if (!(streaming && isStreamable(*l)))
                l->load(mapCrs);
        });
        for (const auto &l : layers)
            if (!l->error().isEmpty())
                return fail(Input, l->error());
    }
    {
        std::optional<TemporalSettings> temporal = project ? project->temporal() : std::nullopt;
        if (!temporal && timeValue)
            temporal = TemporalController::defaultSettings(layers);
        if (temporal) {
            const int64_t t = timeValue ? *timeValue : temporal->current.value_or(temporal->begin);
            TemporalController::apply(layers, *temporal, t);
        }
    }
    const bool extentUserGiven = extentValue.has_value() || (project && !project->extent().isNull());
    if (!extentValue && project && !project->extent().isNull())
        extentValue = project->extent();
    // The map extent without reading streamed layers: from their sources' metadata, or else by loading.
    Envelope full;
    for (const auto &l : layers) {
        if (l->isLoaded() || !l->error().isEmpty() || !isStreamable(*l)) {
            full.include(l->extent());
            continue;
        }
        if (extentValue)
            continue;
        auto known = static_cast<VectorLayer &>(*l).sourceExtent(mapCrs);
        if (!known.ok())
            return fail(exitCodeFor(known.error()), known.error().message);
        if (*known)
            full.include(**known);
        else if (Status st = l->load(mapCrs); !st.ok())
            return fail(Input, l->error());
        else
            full.include(l->extent());
    }
    const qint64 loadMs = timer.elapsed();
    for (const auto &l : layers) {
        if (l->kind() != Layer::Kind::Vector || !l->isLoaded())
            continue;
        const auto store = static_cast<VectorLayer &>(*l).store();
        const GeometryReport &r = store->report();
        for (const QString &w : store->warnings())
            err << "warning: " << w << "\n";
        if (r.invalid)
            err << "warning: " << l->source().path << " layer " << l->name() << ": " << r.invalid
                << " unreadable geometries kept as empty\n";
        if (r.untransformable)
            err << "warning: " << l->source().path << " layer " << l->name() << ": " << r.untransformable
                << " features partly outside the area where " << crsLabel(mapCrs) << " is defined\n";
    }
    MapSettings settings;
    settings.setCrs(mapCrs);
    settings.setOutputSize(*outSize);
    settings.setDpi(dpiValue);
    settings.setBackground(bg);
    settings.setLayers(layers);
    if (extentValue)
        settings.setExtent(*extentValue);
    else if (!full.isNull())
        settings.setExtent(full.buffered(0.03, 100.0));
    else
        return fail(Input, QStringLiteral("the layers have no extent (no geometries?)"));

    auto result = MapExporter::exportMap(settings, outPath);
    if (!result.ok())
        return fail(exitCodeFor(result.error()), result.error().message);
    for (const QString &e : result->layerErrors)
        err << "warning: " << e << "\n";
    // The automatic extent of streamed layers came from their metadata: say so when the data reached beyond.
    if (!extentUserGiven)
        for (auto it = result->streamedExtents.cbegin(); it != result->streamedExtents.cend(); ++it) {
            const Envelope &d = *it;
            const Envelope v = settings.visibleExtent();
            if (!(v.contains(d.xmin, d.ymin) && v.contains(d.xmax, d.ymax)))
                err << "warning: layer " << it.key()
                    << " has features beyond the extent its source declares (e.g. a stale gpkg_contents); "
                       "the map may be cut off: use --extent or --no-streaming\n";
        }
    if (!parser.isSet(quiet))
        out << "wrote " << outPath << " (" << outSize->width() << "x" << outSize->height() << ", " << layers.size()
            << " layer(s), " << crsLabel(mapCrs) << ", load " << loadMs << " ms, render " << result->renderMs
            << " ms" << (StreamingRenderJob::wantsStreaming(settings) ? ", streamed" : "") << ")\n";
    return Ok;
}

/// A class bound in C digits, 15 significant ones: R's 855.39999999999998 reads 855.4.
QString breakText(double v)
{
    return QString::number(v, 'g', 15);
}

int runClassify(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Classify a numeric field for a thematic map and print each class as 'lower - upper: count'.\n"
        "Class i holds the values v with lower < v <= upper; the first class also holds its lower "
        "bound. Null values are left out. Methods: equal (equal intervals), quantile (R's type 7), "
        "jenks (Fisher-Jenks natural breaks), pretty (round numbers as R's pretty(); the number of "
        "classes is approximate), stddev (R classInt's \"sd\": round steps of standard deviations "
        "around the mean), manual (--breaks)."));
    parser.addPositionalArgument(QStringLiteral("SOURCE"),
                                 QStringLiteral("File, directory or connection string."));
    const QCommandLineOption layer(QStringLiteral("layer"),
                                   QStringLiteral("Layer to read (needed when the source has several)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption field(QStringLiteral("field"), QStringLiteral("Numeric field to classify."),
                                   QStringLiteral("F"));
    const QCommandLineOption method(
        QStringLiteral("method"),
        QStringLiteral("equal, quantile, jenks, pretty, stddev or manual (default quantile)."),
        QStringLiteral("METHOD"), QStringLiteral("quantile"));
    const QCommandLineOption classes(QStringLiteral("classes"),
                                     QStringLiteral("Number of classes, 1 to 256 (default 5)."),
                                     QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption breaks(
        QStringLiteral("breaks"),
        QStringLiteral("Class bounds for --method manual, ascending, comma-separated."),
        QStringLiteral("B0,B1,..."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({layer, field, method, classes, breaks, json});
    if (int code = parseCommand(parser, args, QStringLiteral("classify"), out, err); code >= 0) return code;

    const auto fail = [&](int code, const QString &message) {
        err << "kartenwerk-cli classify: " << message << "\n";
        return code;
    };
    if (parser.positionalArguments().size() != 1)
        return fail(Usage, QStringLiteral("expected exactly one SOURCE (see --help)"));
    if (!parser.isSet(field)) return fail(Usage, QStringLiteral("no field given (--field F)"));
    const QString fieldName = parser.value(field);
    const auto methodValue = classificationMethodFromName(parser.value(method));
    if (!methodValue)
        return fail(Usage, QStringLiteral(
                               "unknown method '%1' (use equal, quantile, jenks, pretty, stddev or manual)")
                               .arg(parser.value(method)));
    bool classesOk = false;
    const int classCount = parser.value(classes).toInt(&classesOk);
    if (!classesOk || classCount < 1 || classCount > 256)
        return fail(Usage, QStringLiteral("invalid --classes '%1' (1 to 256)").arg(parser.value(classes)));
    ClassifyOptions options;
    if (*methodValue == ClassificationMethod::Manual) {
        if (!parser.isSet(breaks))
            return fail(Usage, QStringLiteral("--method manual needs --breaks B0,B1,..."));
        for (const QString &part : parser.value(breaks).split(QLatin1Char(','))) {
            bool ok = false;
            options.breaks.push_back(part.trimmed().toDouble(&ok)); // QString::toDouble always reads C digits
            if (!ok)
                return fail(Usage, QStringLiteral("invalid number '%1' in --breaks").arg(part.trimmed()));
        }
    } else if (parser.isSet(breaks)) {
        return fail(Usage, QStringLiteral("--breaks is only for --method manual"));
    }

    const SourceUri uri = SourceUri::parse(parser.positionalArguments().first());
    auto info = DataProviders::inspect(uri);
    if (!info.ok()) return fail(exitCodeFor(info.error()), info.error().message);
    QStringList vectorLayers;
    for (const LayerInfo &l : info->layers)
        if (!l.isRaster) vectorLayers << l.name;
    QString layerName = parser.isSet(layer) ? parser.value(layer) : uri.layerName;
    if (layerName.isEmpty()) {
        if (vectorLayers.isEmpty())
            return fail(Input, QStringLiteral("%1 contains no vector layer").arg(uri.path));
        if (vectorLayers.size() > 1)
            return fail(Usage, QStringLiteral("%1 has %2 vector layers; choose one with --layer: %3")
                                   .arg(uri.path)
                                   .arg(vectorLayers.size())
                                   .arg(vectorLayers.join(QStringLiteral(", "))));
        layerName = vectorLayers.first();
    }
    const LayerInfo *layerInfo = info->layer(layerName);
    if (!layerInfo || layerInfo->isRaster)
        return fail(Input, QStringLiteral("no vector layer named '%1' in %2 (layers: %3)")
                               .arg(layerName, uri.path, vectorLayers.join(QStringLiteral(", "))));

    QStringList numericFields;
    const Field *fieldInfo = nullptr;
    for (const Field &f : layerInfo->fields) {
        if (f.type == FieldType::Int || f.type == FieldType::Double) numericFields << f.name;
        if (f.name == fieldName) fieldInfo = &f;
    }
    const QString numericList =
        numericFields.isEmpty() ? QStringLiteral("none") : numericFields.join(QStringLiteral(", "));
    if (!fieldInfo)
        return fail(Input, QStringLiteral("layer '%1' has no field '%2'; numeric fields: %3")
                               .arg(layerName, fieldName, numericList));
    if (fieldInfo->type != FieldType::Int && fieldInfo->type != FieldType::Double)
        return fail(Input, QStringLiteral("field '%1' is not numeric (%2); numeric fields: %3")
                               .arg(fieldName, fieldInfo->sourceType, numericList));

    LoadOptions loadOptions;
    loadOptions.allFields = false; // only the classified column is decoded
    loadOptions.fields = {fieldName};
    auto store = DataProviders::loadVector(uri, layerName, loadOptions);
    if (!store.ok()) return fail(exitCodeFor(store.error()), store.error().message);
    const AttributeTable &table = (*store)->attributes();
    const int column = table.fieldIndex(fieldName);
    if (column < 0)
        return fail(Input,
                    QStringLiteral("field '%1' could not be read from layer '%2'").arg(fieldName, layerName));
    std::vector<double> values(table.rowCount());
    for (size_t row = 0; row < values.size(); ++row)
        values[row] = table.number(row, column);
    if (std::none_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); }))
        return fail(Input, QStringLiteral("field '%1' has no values to classify (%2 features, all null)")
                               .arg(fieldName)
                               .arg(values.size()));

    auto result = classify(values, *methodValue, classCount, options);
    if (!result.ok()) return fail(exitCodeFor(result.error()), result.error().message);
    const Classification &c = *result;

    if (parser.isSet(json)) {
        QJsonArray breakArray, countArray;
        for (double b : c.breaks)
            breakArray.append(b);
        for (size_t n : c.counts)
            countArray.append(qint64(n));
        QJsonObject root{{QStringLiteral("source"), uri.path},
                         {QStringLiteral("layer"), layerName},
                         {QStringLiteral("field"), fieldName},
                         {QStringLiteral("method"), classificationMethodName(c.method)},
                         {QStringLiteral("classes"), c.classCount()},
                         {QStringLiteral("breaks"), breakArray},
                         {QStringLiteral("counts"), countArray},
                         {QStringLiteral("values"), qint64(c.valueCount)},
                         {QStringLiteral("nulls"), qint64(c.nullCount)},
                         {QStringLiteral("mean"), c.mean},
                         {QStringLiteral("stddev"), c.stddev}};
        if (c.outside) root[QStringLiteral("outside")] = qint64(c.outside);
        if (!c.note.isEmpty()) root[QStringLiteral("note")] = c.note;
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return Ok;
    }
    out << "Field " << fieldName << " of layer " << layerName << ": " << classificationMethodName(c.method)
        << ", " << c.classCount() << " classes, " << c.valueCount << " values";
    if (c.nullCount) out << ", " << c.nullCount << " null";
    if (c.outside) out << ", " << c.outside << " outside the breaks";
    out << "\n";
    if (!c.note.isEmpty()) out << "Note: " << c.note << "\n";
    for (int i = 0; i < c.classCount(); ++i)
        out << breakText(c.breaks[size_t(i)]) << " - " << breakText(c.breaks[size_t(i) + 1]) << ": "
            << c.counts[size_t(i)] << "\n";
    return Ok;
}
} // namespace

int runCli(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.isEmpty()) {
        err << usageText;
        return Usage;
    }
    const QString command = args.first();
    const QStringList rest = args.mid(1);
    if (command == QLatin1String("-h") || command == QLatin1String("--help") || command == QLatin1String("help")) {
        out << usageText;
        return Ok;
    }
    if (command == QLatin1String("--version")) {
        out << "kartenwerk-cli " << KW_VERSION << "\n";
        return Ok;
    }
    // Plugins may provide data and sensor sources to any command.
    for (const QString &failure : PluginManager::loadAll())
        err << "warning: plugin not loaded: " << failure << "\n";
    if (command == QLatin1String("info"))
        return runInfo(rest, out, err);
    if (command == QLatin1String("render"))
        return runRender(rest, out, err);
    if (command == QLatin1String("classify"))
        return runClassify(rest, out, err);
    if (command == QLatin1String("sld"))
        return runSld(rest, out, err);
    if (command == QLatin1String("sensors"))
        return runSensors(rest, out, err);
    if (command == QLatin1String("chart"))
        return runChart(rest, out, err);
    if (command == QLatin1String("animate"))
        return runAnimate(rest, out, err);
    if (command == QLatin1String("aggregate"))
        return runAggregate(rest, out, err);
    if (command == QLatin1String("buffer"))
        return runBuffer(rest, out, err);
    if (command == QLatin1String("export"))
        return runExport(rest, out, err);
    if (command == QLatin1String("atlas"))
        return runAtlas(rest, out, err);
    if (command == QLatin1String("check"))
        return runCheck(rest, out, err);
    err << "kartenwerk-cli: unknown command '" << command << "'\n\n" << usageText;
    return Usage;
}

} // namespace kw::cli
