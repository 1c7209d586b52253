// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cli_common.h"
#include "cli/commands.h"
#include "core/sensors/sensor_cache.h"
#include "core/sensors/sensor_source.h"
#include "core/temporal/time_format.h"
#include "core/temporal/time_series_chart.h"

#include <QDateTime>
#include <QFileInfo>

namespace kw::cli {

namespace {

const char *const sensorsUsage =
    "Usage: kartenwerk-cli sensors COMMAND [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  import SOURCE -o CACHE.gpkg  read sensor data and store it in a local GeoPackage cache\n"
    "  info SOURCE                  sites, series, properties and time range of a sensor source\n"
    "\n"
    "A SOURCE is a SensorThings API service root URL (…/v1.0 or …/v1.1), a sensor cache, a wide table\n"
    "(a column per property, coordinates per row: the sensor.community archive format) or a long table\n"
    "(one row per observation) with --sites. Run 'kartenwerk-cli sensors COMMAND --help' for options.\n";

/// Options every command reading a sensor source takes.
struct SourceOptions
{
    QCommandLineOption from{
        QStringLiteral("from"),
        QStringLiteral("Observations from this time on (ISO 8601; without an offset: local "
                       "time, Europe/Berlin)."),
        QStringLiteral("ISO8601")};
    QCommandLineOption to{QStringLiteral("to"), QStringLiteral("Observations before this time (exclusive)."),
                          QStringLiteral("ISO8601")};
    QCommandLineOption property{QStringLiteral("property"),
                                QStringLiteral("Only this observed property (repeatable; default: all)."),
                                QStringLiteral("NAME")};
    QCommandLineOption sites{
        QStringLiteral("sites"),
        QStringLiteral("Site layer of a long table (SRC[:LAYER]), joined to the rows by id."),
        QStringLiteral("SITES_SOURCE")};
    QCommandLineOption siteIdField{
        QStringLiteral("site-id-field"),
        QStringLiteral("Id field of the site layer (default: the table's id field name, "
                       "then sensor_id, id)."),
        QStringLiteral("F")};
    QCommandLineOption crs{QStringLiteral("crs"), QStringLiteral("CRS of the sites (default EPSG:25832)."),
                           QStringLiteral("CRS"), QStringLiteral("EPSG:25832")};
    QCommandLineOption timeout{QStringLiteral("timeout"),
                               QStringLiteral("Seconds to wait for each web request (default 30)."),
                               QStringLiteral("S"), QStringLiteral("30")};
    QCommandLineOption maxPages{
        QStringLiteral("max-pages"),
        QStringLiteral("Pages of a web collection to follow at most (default 10000)."), QStringLiteral("N"),
        QStringLiteral("10000")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({from, to, property, sites, siteIdField, crs, timeout, maxPages});
    }

    /// Builds the query; an error (Usage) names the bad option.
    Result<SensorQuery> query(const QCommandLineParser &parser) const
    {
        SensorQuery q;
        if (parser.isSet(from)) {
            q.from = parseTime(parser.value(from));
            if (!q.from)
                return Error::usage(
                    QStringLiteral("invalid --from '%1' (ISO 8601, e.g. 2026-09-01T00:00:00+02:00)")
                        .arg(parser.value(from)));
        }
        if (parser.isSet(to)) {
            q.to = parseTime(parser.value(to));
            if (!q.to)
                return Error::usage(
                    QStringLiteral("invalid --to '%1' (ISO 8601, e.g. 2026-10-06)").arg(parser.value(to)));
        }
        if (q.from && q.to && *q.to <= *q.from)
            return Error::usage(QStringLiteral("--to must be after --from"));
        q.properties = parser.values(property);
        if (parser.isSet(sites)) {
            const SourceUri s = sourceWithLayer(parser.value(sites));
            q.sites = s.toString();
        }
        q.siteIdField = parser.value(siteIdField);
        if (parser.isSet(siteIdField) && !parser.isSet(sites))
            return Error::usage(QStringLiteral("--site-id-field needs --sites"));
        auto c = Crs::fromUserInput(parser.value(crs));
        if (!c.ok()) return Error::usage(QStringLiteral("invalid --crs: %1").arg(c.error().message));
        q.targetCrs = *c;
        bool ok = false;
        const double seconds = parser.value(timeout).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 3600)
            return Error::usage(
                QStringLiteral("invalid --timeout '%1' (seconds, up to 3600)").arg(parser.value(timeout)));
        q.timeoutMs = int(seconds * 1000);
        q.maxPages = parser.value(maxPages).toInt(&ok);
        if (!ok || q.maxPages < 1)
            return Error::usage(QStringLiteral("invalid --max-pages '%1'").arg(parser.value(maxPages)));
        return q;
    }
};

QString timeRange(const SensorData &data)
{
    const auto extent = data.timeExtent();
    if (!extent) return QStringLiteral("no observations");
    const QTimeZone zone = TimeFormat::displayZone();
    return TimeFormat::toDisplay(extent->first, zone) + QStringLiteral(" to ") +
           TimeFormat::toDisplay(extent->second, zone);
}

int runImport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Read sensor sites, series and observations and store them in a local GeoPackage (the sensor cache; "
        "schema in plugins/sensorthings/README.md), so that maps can be made offline and again later.\n"
        "SOURCE: a SensorThings API service root (…/v1.0, …/v1.1), a table in wide format (sensor.community "
        "archive files) or in long format (one row per observation; needs --sites), or a sensor cache.\n"
        "Prints the numbers of sites, series and observations imported. The cache is written atomically."));
    parser.addPositionalArgument(QStringLiteral("SOURCE"), QStringLiteral("URL, file or SRC[:LAYER]."));
    SourceOptions source;
    source.addTo(parser);
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("The sensor cache to write (.gpkg)."),
                                    QStringLiteral("CACHE.gpkg"));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")},
                                   QStringLiteral("No progress messages."));
    parser.addOptions({output, quiet});
    if (int code = parseCommand(parser, args, QStringLiteral("sensors import"), out, err); code >= 0)
        return code;
    const auto fail = [&](int code, const QString &message) {
        err << "kartenwerk-cli sensors import: " << message << "\n";
        return code;
    };
    if (parser.positionalArguments().size() != 1)
        return fail(Usage, QStringLiteral("expected exactly one SOURCE (see --help)"));
    if (!parser.isSet(output)) return fail(Usage, QStringLiteral("no output file given (-o CACHE.gpkg)"));
    const QString outPath = parser.value(output);
    if (QFileInfo(outPath).suffix().compare(QLatin1String("gpkg"), Qt::CaseInsensitive) != 0)
        return fail(Usage, QStringLiteral("%1: the sensor cache is a GeoPackage (.gpkg)").arg(outPath));
    auto query = source.query(parser);
    if (!query.ok()) return fail(exitCodeFor(query.error()), query.error().message);
    if (!parser.isSet(quiet)) {
        QString lastStage;
        query->progress = [&err, lastStage](const SensorProgress &p) mutable {
            if (p.stage != lastStage) {
                err << p.stage << "…\n";
                err.flush();
                lastStage = p.stage;
            }
            return true;
        };
    }

    const QString sourceText = sourceWithLayer(parser.positionalArguments().first()).toString();
    auto data = SensorSources::load(sourceText, *query);
    if (!data.ok()) return fail(exitCodeFor(data.error()), data.error().message);
    for (const QString &w : data->warnings())
        err << "warning: " << w << "\n";

    QMap<QString, QString> meta;
    meta.insert(QStringLiteral("origin"), data->origin().isEmpty() ? sourceText : data->origin());
    if (query->from) meta.insert(QStringLiteral("from"), TimeFormat::toIsoUtc(*query->from));
    if (query->to) meta.insert(QStringLiteral("to"), TimeFormat::toIsoUtc(*query->to));
    if (!query->properties.isEmpty())
        meta.insert(QStringLiteral("properties"), query->properties.join(QLatin1Char(',')));
    if (!query->sites.isEmpty()) meta.insert(QStringLiteral("sites"), query->sites);
    meta.insert(QStringLiteral("imported"),
                TimeFormat::toIsoUtc(QDateTime::currentMSecsSinceEpoch() / 1000 * 1000));
    if (Status st = SensorCache::write(*data, outPath, meta); !st.ok())
        return fail(exitCodeFor(st.error()), st.error().message);
    out << "imported " << data->sites().size() << " sites, " << data->series().size() << " series, "
        << data->observationCount() << " observations into " << outPath << " (" << timeRange(*data) << ")\n";
    return Ok;
}

int runInfo(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Describe a sensor source: its sites and, per observed property, the number of series and "
        "observations, the unit and the time range."));
    parser.addPositionalArgument(QStringLiteral("SOURCE"), QStringLiteral("URL, file or SRC[:LAYER]."));
    SourceOptions source;
    source.addTo(parser);
    if (int code = parseCommand(parser, args, QStringLiteral("sensors info"), out, err); code >= 0)
        return code;
    const auto fail = [&](int code, const QString &message) {
        err << "kartenwerk-cli sensors info: " << message << "\n";
        return code;
    };
    if (parser.positionalArguments().size() != 1)
        return fail(Usage, QStringLiteral("expected exactly one SOURCE (see --help)"));
    auto query = source.query(parser);
    if (!query.ok()) return fail(exitCodeFor(query.error()), query.error().message);
    const QString sourceText = sourceWithLayer(parser.positionalArguments().first()).toString();
    auto data = SensorSources::load(sourceText, *query);
    if (!data.ok()) return fail(exitCodeFor(data.error()), data.error().message);
    for (const QString &w : data->warnings())
        err << "warning: " << w << "\n";
    out << "Source: " << sourceText << "\n";
    if (!data->origin().isEmpty() && data->origin() != sourceText)
        out << "Origin: " << data->origin() << "\n";
    out << "CRS: " << (data->crs().authId().isEmpty() ? data->crs().name() : data->crs().authId()) << "\n";
    out << "Sites: " << data->sites().size() << "\n";
    out << "Series: " << data->series().size() << "\n";
    out << "Observations: " << data->observationCount() << "\n";
    out << "Time: " << timeRange(*data) << "\n";
    for (const QString &p : data->properties()) {
        size_t series = 0, observations = 0;
        for (const SensorSeries &s : data->series())
            if (s.property == p) {
                ++series;
                observations += s.data.size();
            }
        const QString unit = data->unitOf(p);
        out << "  " << p << (unit.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(unit)) << ": " << series
            << " series, " << observations << " observations\n";
    }
    return Ok;
}

} // namespace

int runSensors(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString command = args.value(0);
    if (command == QLatin1String("import")) return runImport(args.mid(1), out, err);
    if (command == QLatin1String("info")) return runInfo(args.mid(1), out, err);
    if (command == QLatin1String("-h") || command == QLatin1String("--help") ||
        command == QLatin1String("help")) {
        out << sensorsUsage;
        return Ok;
    }
    err << "kartenwerk-cli sensors: "
        << (command.isEmpty() ? QStringLiteral("no command given")
                              : QStringLiteral("unknown command '%1'").arg(command))
        << "\n\n"
        << sensorsUsage;
    return Usage;
}

} // namespace kw::cli

namespace kw::cli {

int runChart(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Draw a time-series chart of sensor sites (one line per site) as PNG or SVG: time in local time "
        "(Europe/Berlin), values with their unit, gaps in the data left open, an optional cursor."));
    parser.addPositionalArgument(QStringLiteral("SOURCE"),
                                 QStringLiteral("A sensor source (cache, table, SensorThings URL)."));
    const QCommandLineOption property(QStringLiteral("property"), QStringLiteral("The observed property."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption site(
        QStringLiteral("site"),
        QStringLiteral("A site id (repeatable; default: the first 8 sites with the property)."),
        QStringLiteral("ID"));
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("Start of the time axis (ISO 8601)."),
                                  QStringLiteral("ISO8601"));
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("End of the time axis (ISO 8601, exclusive)."),
                                QStringLiteral("ISO8601"));
    const QCommandLineOption cursor(QStringLiteral("cursor"),
                                    QStringLiteral("Mark this time with a vertical line."),
                                    QStringLiteral("ISO8601"));
    const QCommandLineOption title(QStringLiteral("title"),
                                   QStringLiteral("Chart title (default: property and unit)."),
                                   QStringLiteral("TEXT"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Size in pixels (default 1200x500)."), QStringLiteral("WxH"),
                                  QStringLiteral("1200x500"));
    const QCommandLineOption dpi(QStringLiteral("dpi"),
                                 QStringLiteral("Resolution for text sizes (default 96)."),
                                 QStringLiteral("N"), QStringLiteral("96"));
    const QCommandLineOption sites(QStringLiteral("sites"), QStringLiteral("Long tables: the site layer."),
                                   QStringLiteral("SITES_SOURCE"));
    const QCommandLineOption siteIdField(QStringLiteral("site-id-field"),
                                         QStringLiteral("Id field of --sites."), QStringLiteral("F"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("OUT.png or OUT.svg."), QStringLiteral("OUT"));
    parser.addOptions({property, site, from, to, cursor, title, size, dpi, sites, siteIdField, output});
    if (int code = parseCommand(parser, args, QStringLiteral("chart"), out, err); code >= 0) return code;
    const auto fail = [&](int code, const QString &message) {
        err << "kartenwerk-cli chart: " << message << "\n";
        return code;
    };
    if (parser.positionalArguments().size() != 1)
        return fail(Usage, QStringLiteral("expected exactly one SOURCE (see --help)"));
    if (!parser.isSet(property)) return fail(Usage, QStringLiteral("no --property given"));
    if (!parser.isSet(output))
        return fail(Usage, QStringLiteral("no output file given (-o OUT.png or OUT.svg)"));
    const QString outPath = parser.value(output);
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        return fail(Usage, QStringLiteral("%1: unsupported chart format (use .png or .svg)").arg(outPath));
    const auto outSize = parseSize(parser.value(size));
    if (!outSize)
        return fail(Usage, QStringLiteral("invalid --size '%1' (expected WxH)").arg(parser.value(size)));
    bool ok = false;
    const double dpiValue = parser.value(dpi).toDouble(&ok);
    if (!ok || dpiValue < 10 || dpiValue > 2400)
        return fail(Usage, QStringLiteral("invalid --dpi '%1' (10 to 2400)").arg(parser.value(dpi)));
    SensorQuery q;
    if (parser.isSet(from) && !(q.from = parseTime(parser.value(from))))
        return fail(Usage, QStringLiteral("invalid --from '%1'").arg(parser.value(from)));
    if (parser.isSet(to) && !(q.to = parseTime(parser.value(to))))
        return fail(Usage, QStringLiteral("invalid --to '%1'").arg(parser.value(to)));
    if (q.from && q.to && *q.to <= *q.from) return fail(Usage, QStringLiteral("--to must be after --from"));
    std::optional<int64_t> cursorValue;
    if (parser.isSet(cursor) && !(cursorValue = parseTime(parser.value(cursor))))
        return fail(Usage, QStringLiteral("invalid --cursor '%1'").arg(parser.value(cursor)));
    q.properties = {parser.value(property)};
    if (parser.isSet(sites)) q.sites = sourceWithLayer(parser.value(sites)).toString();
    q.siteIdField = parser.value(siteIdField);

    const QString sourceText = sourceWithLayer(parser.positionalArguments().first()).toString();
    auto data = SensorSources::load(sourceText, q);
    if (!data.ok()) return fail(exitCodeFor(data.error()), data.error().message);
    for (const QString &w : data->warnings())
        err << "warning: " << w << "\n";
    if (data->series().empty())
        return fail(Input,
                    QStringLiteral("%1: no series of property '%2'").arg(sourceText, parser.value(property)));

    QList<int> chosen;
    const QStringList wanted = parser.values(site);
    for (const QString &id : wanted) {
        const int s = data->siteIndex(id);
        if (s < 0 || data->findSeries(s, parser.value(property)) < 0) {
            QStringList ids;
            for (const SensorSeries &se : data->series())
                ids << data->sites()[size_t(se.site)].id;
            return fail(Input,
                        QStringLiteral("%1: no site '%2' with '%3' (sites: %4)")
                            .arg(sourceText, id, parser.value(property), ids.join(QStringLiteral(", "))));
        }
        chosen << s;
    }
    if (chosen.isEmpty()) {
        for (size_t s = 0; s < data->sites().size() && chosen.size() < 8; ++s)
            if (data->findSeries(int(s), parser.value(property)) >= 0) chosen << int(s);
        if (data->sites().size() > 8)
            err << "warning: showing the first 8 of " << data->sites().size()
                << " sites; choose with --site\n";
    }
    TimeSeriesChart chart;
    const SensorSeries &first =
        data->series()[size_t(data->findSeries(chosen.first(), parser.value(property)))];
    chart.setUnit(first.unit);
    chart.setTitle(parser.isSet(title)
                       ? parser.value(title)
                       : first.property +
                             (first.unit.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(first.unit)));
    for (int s : chosen) {
        const SensorSeries &se = data->series()[size_t(data->findSeries(s, parser.value(property)))];
        const SensorSite &st = data->sites()[size_t(s)];
        chart.addLine(st.name.isEmpty() ? st.id : st.name, se.data.times(), se.data.values());
    }
    if (q.from || q.to) {
        const auto dataRange = chart.timeRange();
        if (dataRange)
            chart.setTimeRange(q.from.value_or(dataRange->first), q.to.value_or(dataRange->second + 1) - 1);
    }
    chart.setCursor(cursorValue);
    if (Status st = chart.exportTo(outPath, *outSize, dpiValue); !st.ok())
        return fail(exitCodeFor(st.error()), st.error().message);
    out << "wrote " << outPath << " (" << outSize->width() << "x" << outSize->height() << ", "
        << chosen.size() << " sites, " << first.property << ")\n";
    return Ok;
}

} // namespace kw::cli
