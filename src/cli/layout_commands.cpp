// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/layout_commands.h"

#include "cli/cli_common.h"
#include "core/layers/layer.h"
#include "core/layout/layout_exporter.h"
#include "core/project/project.h"
#include "core/project/project_checker.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>
#include <cmath>

namespace kw::cli {

namespace {

/// Options the layout commands share.
struct LayoutOptions
{
    QCommandLineOption output{{QStringLiteral("o"), QStringLiteral("output")},
                              QStringLiteral("Output file."),
                              QStringLiteral("OUT")};
    QCommandLineOption layout{QStringLiteral("layout"), QStringLiteral("Name of a layout in the project."),
                              QStringLiteral("NAME")};
    QCommandLineOption templ{QStringLiteral("template"),
                             QStringLiteral("A layout template instead: a .kwlayout file or a built-in one "
                                            "(council_a4_landscape, slide_16_9)."),
                             QStringLiteral("FILE")};
    QCommandLineOption dpi{
        QStringLiteral("dpi"),
        QStringLiteral("Resolution (default: PDF 300, images 150; SVG 254, i.e. 10 units per mm)."),
        QStringLiteral("N")};
    QCommandLineOption set{
        QStringLiteral("set"),
        QStringLiteral("Set a variable read as @NAME in layout texts, overriding the project's "
                       "(repeatable), e.g. --set title=\"Radwege 2026\"."),
        QStringLiteral("NAME=VALUE")};
    QCommandLineOption quiet{{QStringLiteral("q"), QStringLiteral("quiet")},
                             QStringLiteral("Print nothing but errors.")};
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("Print a JSON report on stdout.")};
};

struct Loaded
{
    std::unique_ptr<Project> project;
    Layout layout;
    QVariantMap variables;
};

/// Reads the project, loads its layers, picks the layout and parses --set. Returns an exit code on failure.
int load(QCommandLineParser &parser, const LayoutOptions &o, const QString &command, QTextStream &err,
         Loaded &loaded)
{
    const auto fail = [&](int code, const QString &message) {
        err << "kartenwerk-cli " << command << ": " << message << "\n";
        return code;
    };
    if (parser.positionalArguments().size() != 1)
        return fail(Usage, QStringLiteral("expected exactly one PROJECT (.kwproj; see --help)"));
    if (parser.isSet(o.layout) == parser.isSet(o.templ))
        return fail(Usage, QStringLiteral("give either --layout NAME or --template FILE"));
    static const QRegularExpression name(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    for (const QString &assignment : parser.values(o.set)) {
        const int eq = assignment.indexOf(QLatin1Char('='));
        const QString key = eq < 0 ? assignment : assignment.left(eq);
        if (eq < 0 || !name.match(key).hasMatch())
            return fail(Usage, QStringLiteral(
                                   "invalid --set '%1' (expected NAME=VALUE, NAME of letters, digits and _)")
                                   .arg(assignment));
        loaded.variables.insert(key, assignment.mid(eq + 1));
    }
    const QString path = parser.positionalArguments().first();
    QStringList warnings;
    auto project = Project::read(path, &warnings);
    if (!project.ok()) return fail(Input, project.error().message);
    for (const QString &w : std::as_const(warnings))
        err << "warning: " << path << ": " << w << "\n";
    loaded.project = std::move(*project);
    if (parser.isSet(o.layout)) {
        const Layout *layout = loaded.project->layout(parser.value(o.layout));
        if (!layout) {
            QStringList names;
            for (const Layout &l : loaded.project->layouts())
                names << l.name();
            return fail(
                Input, QStringLiteral("%1: no layout named '%2' (layouts: %3)")
                           .arg(path, parser.value(o.layout),
                                names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))));
        }
        loaded.layout = *layout;
    } else {
        const QString t = parser.value(o.templ);
        auto layout =
            Layout::builtinTemplates().contains(t) ? Layout::builtinTemplate(t) : Layout::readTemplate(t);
        if (!layout.ok()) return fail(Input, layout.error().message);
        loaded.layout = std::move(*layout);
    }
    const QStringList failed = loaded.project->loadLayers();
    if (!failed.isEmpty())
        return fail(Input, QStringLiteral("%1: cannot load layer %2 (run 'kartenwerk-cli check %1')")
                               .arg(path, failed.join(QStringLiteral("; "))));
    return -1;
}

std::optional<double> dpiValue(QCommandLineParser &parser, const LayoutOptions &o, bool *ok)
{
    *ok = true;
    if (!parser.isSet(o.dpi)) return std::nullopt;
    const double v = parser.value(o.dpi).toDouble(ok);
    if (!*ok || v < 10 || v > 2400) {
        *ok = false;
        return std::nullopt;
    }
    return v;
}

void printLog(const ExportLog &log, QTextStream &err, bool quiet)
{
    for (const QString &s : log.substitutions())
        err << "warning: " << s << "\n";
    for (const QString &s : log.warnings())
        err << "warning: " << s << "\n";
    if (!quiet)
        for (const QString &s : log.rasterisedItems())
            err << "note: rasterised: " << s << "\n";
}

QJsonObject logJson(const ExportLog &log)
{
    return {{QStringLiteral("rasterised"), QJsonArray::fromStringList(log.rasterisedItems())},
            {QStringLiteral("substitutions"), QJsonArray::fromStringList(log.substitutions())},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(log.warnings())}};
}

/// A progress bar on one terminal line, redrawn in place.
void progressBar(QTextStream &err, int done, int total, qint64 elapsedMs)
{
    const int width = 30;
    const int filled = total > 0 ? done * width / total : width;
    const double rate = elapsedMs > 0 ? done * 1000.0 / elapsedMs : 0;
    err << "\r[" << QString(filled, QLatin1Char('#')) << QString(width - filled, QLatin1Char('.')) << "] "
        << done << "/" << total << " pages  " << QString::number(rate, 'f', 1) << " pages/s";
    if (done == total) err << "\n";
    err.flush();
}

} // namespace

int runExport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Export a print layout of a project: PDF (vector, text selectable, fonts embedded, exact page size), "
        "SVG, or PNG/JPEG/TIFF at --dpi. The format follows the extension of -o. Pages after the first of a "
        "multi-page layout go to NAME_2.EXT, … for images and SVG.\n"
        "SOURCE_DATE_EPOCH, when set, gives @now and the PDF creation date: equal inputs give equal files."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file (.kwproj)."));
    LayoutOptions o;
    const QCommandLineOption georef(
        QStringLiteral("georef"),
        QStringLiteral("Images: write a world file (.pgw/.jgw/.tfw) and, for TIFF, a "
                       "GeoTIFF, from the layout's (first) map."));
    const QCommandLineOption mapOnly(
        QStringLiteral("map-only"),
        QStringLiteral("Images: only the map frame (with --georef: a georeferenced map)."));
    const QCommandLineOption page(QStringLiteral("page"),
                                  QStringLiteral("Images and SVG: only this page (1-based)."),
                                  QStringLiteral("N"));
    parser.addOptions({o.output, o.layout, o.templ, o.dpi, o.set, georef, mapOnly, page, o.quiet, o.json});
    if (int code = parse(parser, args, QStringLiteral("export"), out, err); code >= 0) return code;
    const auto fail = [&](int code, const QString &message) {
        err << "kartenwerk-cli export: " << message << "\n";
        return code;
    };
    if (!parser.isSet(o.output)) return fail(Usage, QStringLiteral("no output file given (-o OUT)"));
    const QString outPath = parser.value(o.output);
    const auto format = LayoutExporter::formatForPath(outPath);
    if (!format)
        return fail(
            Usage,
            QStringLiteral("%1: unsupported output format (use pdf, svg, png, jpg or tif)").arg(outPath));
    bool ok = true;
    const auto dpi = dpiValue(parser, o, &ok);
    if (!ok) return fail(Usage, QStringLiteral("invalid --dpi '%1' (10 to 2400)").arg(parser.value(o.dpi)));
    std::optional<int> pageIndex;
    if (parser.isSet(page)) {
        const int p = parser.value(page).toInt(&ok);
        if (!ok || p < 1)
            return fail(Usage, QStringLiteral("invalid --page '%1' (1, 2, …)").arg(parser.value(page)));
        pageIndex = p - 1;
    }
    const bool image = *format != LayoutExporter::Format::Pdf && *format != LayoutExporter::Format::Svg;
    if ((parser.isSet(georef) || parser.isSet(mapOnly)) && !image)
        return fail(Usage, QStringLiteral("--georef and --map-only are for images (png, jpg, tif)"));

    Loaded loaded;
    if (int code = load(parser, o, QStringLiteral("export"), err, loaded); code >= 0) return code;
    if (pageIndex && *pageIndex >= loaded.layout.pages().size())
        return fail(Usage, QStringLiteral("layout '%1' has %2 page(s)")
                               .arg(loaded.layout.name())
                               .arg(loaded.layout.pages().size()));
    const auto snapshot = LayoutProjectSnapshot::fromProject(*loaded.project);
    const LayoutExporter exporter(loaded.layout, snapshot, loaded.variables);
    ExportReport report;
    if (*format == LayoutExporter::Format::Pdf) {
        LayoutExporter::PdfExportSettings s;
        s.dpi = dpi.value_or(300);
        report = exporter.exportToPdf(outPath, s);
    } else if (*format == LayoutExporter::Format::Svg) {
        LayoutExporter::SvgExportSettings s;
        s.dpi = dpi.value_or(254);
        s.page = pageIndex;
        report = exporter.exportToSvg(outPath, s);
    } else {
        LayoutExporter::ImageExportSettings s;
        s.dpi = dpi.value_or(150);
        s.georeference = parser.isSet(georef);
        s.mapOnly = parser.isSet(mapOnly);
        s.page = pageIndex;
        report = exporter.exportToImage(outPath, s);
    }
    if (!report.ok()) return fail(exitCodeFor(report.error), report.error.message);
    printLog(report.log, err, parser.isSet(o.quiet));
    if (parser.isSet(o.json)) {
        QJsonObject root = logJson(report.log);
        root[QStringLiteral("layout")] = loaded.layout.name();
        root[QStringLiteral("files")] = QJsonArray::fromStringList(report.files);
        root[QStringLiteral("elapsed_ms")] = report.elapsedMs;
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
    } else if (!parser.isSet(o.quiet)) {
        out << "wrote " << report.files.join(QStringLiteral(", ")) << " (layout '" << loaded.layout.name()
            << "', " << loaded.layout.pages().size() << " page(s), " << report.elapsedMs << " ms)\n";
    }
    return Ok;
}

int runAtlas(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Export the atlas of a layout: its pages once per feature of the coverage layer (filtered and sorted "
        "as the layout says).\n"
        "-o 'DIR/{name}.pdf' writes one file per feature, {name} being the atlas page name (any format); "
        "-o ALL.pdf writes one multi-page PDF. Pages render in parallel with --jobs.\n"
        "--shard K/N exports pages K, K+N, K+2N, … (K is 1-based, as in job arrays): running shards 1/N to "
        "N/N exports every page exactly once.\n"
        "A page that fails does not stop the others; the failures are listed and the exit code is 3 (output) "
        "or 2 (input)."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file (.kwproj)."));
    LayoutOptions o;
    const QCommandLineOption jobs(QStringLiteral("jobs"),
                                  QStringLiteral("Pages rendered (and compressed) in parallel (default: the "
                                                 "number of cores)."),
                                  QStringLiteral("N"), QString::number(std::max(1, QThread::idealThreadCount())));
    const QCommandLineOption shard(QStringLiteral("shard"), QStringLiteral("Only shard K of N (1-based K)."),
                                   QStringLiteral("K/N"));
    parser.addOptions({o.output, o.layout, o.templ, o.dpi, o.set, jobs, shard, o.quiet, o.json});
    if (int code = parse(parser, args, QStringLiteral("atlas"), out, err); code >= 0) return code;
    const auto fail = [&](int code, const QString &message) {
        err << "kartenwerk-cli atlas: " << message << "\n";
        return code;
    };
    if (!parser.isSet(o.output))
        return fail(Usage, QStringLiteral("no output given (-o 'DIR/{name}.pdf' or -o ALL.pdf)"));
    LayoutExporter::AtlasExportSettings settings;
    settings.output = parser.value(o.output);
    bool ok = true;
    settings.dpi = dpiValue(parser, o, &ok);
    if (!ok) return fail(Usage, QStringLiteral("invalid --dpi '%1' (10 to 2400)").arg(parser.value(o.dpi)));
    settings.jobs = parser.value(jobs).toInt(&ok);
    if (!ok || settings.jobs < 1 || settings.jobs > 256)
        return fail(Usage, QStringLiteral("invalid --jobs '%1' (1 to 256)").arg(parser.value(jobs)));
    if (parser.isSet(shard)) {
        static const QRegularExpression re(QStringLiteral("^(\\d+)/(\\d+)$"));
        const auto m = re.match(parser.value(shard));
        settings.shard = m.hasMatch() ? m.captured(1).toInt() : 0;
        settings.shards = m.hasMatch() ? m.captured(2).toInt() : 0;
        if (settings.shards < 1 || settings.shard < 1 || settings.shard > settings.shards)
            return fail(Usage, QStringLiteral("invalid --shard '%1' (K/N with 1 <= K <= N, e.g. 1/4)")
                                   .arg(parser.value(shard)));
    }
    if (!LayoutExporter::formatForPath(settings.output))
        return fail(Usage, QStringLiteral("%1: unsupported output format (use pdf, svg, png, jpg or tif)")
                               .arg(settings.output));
    Loaded loaded;
    if (int code = load(parser, o, QStringLiteral("atlas"), err, loaded); code >= 0) return code;
    const bool quiet = parser.isSet(o.quiet);
    const bool bar = !quiet && !parser.isSet(o.json) && isTerminal(err);
    QElapsedTimer timer;
    timer.start();
    if (bar) settings.progress = [&](int done, int total) { progressBar(err, done, total, timer.elapsed()); };
    const auto snapshot = LayoutProjectSnapshot::fromProject(*loaded.project);
    auto result = LayoutExporter::exportAtlas(loaded.layout, snapshot, loaded.variables, settings);
    if (!result.ok()) return fail(exitCodeFor(result.error()), result.error().message);
    const LayoutExporter::AtlasReport &r = *result;
    printLog(r.log, err, quiet);
    int code = Ok;
    for (const auto &f : r.failures) {
        err << "kartenwerk-cli atlas: page " << f.index + 1 << " (" << f.name << "): " << f.error.message
            << "\n";
        code = std::max(code, exitCodeFor(f.error) == Output ? int(Output) : int(Input));
    }
    const int done = int(r.pages.size()) - int(r.failures.size());
    const double rate = r.elapsedMs > 0 ? done * 1000.0 / r.elapsedMs : 0;
    if (parser.isSet(o.json)) {
        QJsonObject root = logJson(r.log);
        QJsonArray failures, pages;
        for (const auto &f : r.failures)
            failures.append(QJsonObject{{QStringLiteral("page"), f.index + 1},
                                        {QStringLiteral("name"), f.name},
                                        {QStringLiteral("error"), f.error.message}});
        for (int p : r.pages)
            pages.append(p + 1);
        root[QStringLiteral("layout")] = loaded.layout.name();
        root[QStringLiteral("atlas_pages")] = r.atlasCount;
        root[QStringLiteral("pages")] = pages;
        root[QStringLiteral("exported")] = done;
        root[QStringLiteral("files")] = QJsonArray::fromStringList(r.files);
        root[QStringLiteral("failures")] = failures;
        root[QStringLiteral("shard")] = QStringLiteral("%1/%2").arg(settings.shard).arg(settings.shards);
        root[QStringLiteral("jobs")] = settings.jobs;
        root[QStringLiteral("elapsed_ms")] = r.elapsedMs;
        root[QStringLiteral("pages_per_second")] = std::round(rate * 100) / 100;
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
    } else if (!quiet) {
        out << "atlas '" << loaded.layout.name() << "': " << done << " of " << r.pages.size() << " page(s)";
        if (settings.shards > 1)
            out << " (shard " << settings.shard << "/" << settings.shards << " of " << r.atlasCount << ")";
        out << " in " << QString::number(r.elapsedMs / 1000.0, 'f', 1) << " s ("
            << QString::number(rate, 'f', 2) << " pages/s, " << settings.jobs << " job(s))";
        if (!r.files.isEmpty())
            out << " -> "
                << (r.files.size() == 1 ? r.files.first()
                                        : QFileInfo(r.files.first()).absolutePath() + QStringLiteral("/"));
        out << "\n";
    }
    return code;
}

int runCheck(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Check a project before exporting it: missing data files, layers that cannot be read, unknown CRSs, "
        "fonts that are not installed, web services that do not answer (a HEAD request with a short "
        "timeout), and what an export of each layout would substitute or rasterise (a dry run at low "
        "resolution).\nExit code 2 when something is missing or broken, 0 otherwise (warnings and notes "
        "do not count)."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file (.kwproj)."));
    const QCommandLineOption layout(QStringLiteral("layout"), QStringLiteral("Check only this layout."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"), QStringLiteral("Timeout of each web service check in ms (default 3000)."),
        QStringLiteral("MS"), QStringLiteral("3000"));
    const QCommandLineOption offline(QStringLiteral("offline"),
                                     QStringLiteral("Skip the web service checks."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON report."));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")},
                                   QStringLiteral("Print only problems."));
    parser.addOptions({layout, timeout, offline, json, quiet});
    if (int code = parse(parser, args, QStringLiteral("check"), out, err); code >= 0) return code;
    const auto fail = [&](int code, const QString &message) {
        err << "kartenwerk-cli check: " << message << "\n";
        return code;
    };
    if (parser.positionalArguments().size() != 1)
        return fail(Usage, QStringLiteral("expected exactly one PROJECT (.kwproj; see --help)"));
    bool ok = false;
    ProjectChecker::Options options;
    options.timeoutMs = parser.isSet(offline) ? 0 : parser.value(timeout).toInt(&ok);
    if (!parser.isSet(offline) && (!ok || options.timeoutMs < 1))
        return fail(Usage, QStringLiteral("invalid --timeout '%1'").arg(parser.value(timeout)));
    options.layout = parser.value(layout);
    const QString path = parser.positionalArguments().first();
    QStringList warnings;
    auto project = Project::read(path, &warnings);
    if (!project.ok()) {
        if (parser.isSet(json)) {
            out << QJsonDocument(QJsonObject{{QStringLiteral("ok"), false},
                                             {QStringLiteral("error"), project.error().message}})
                       .toJson(QJsonDocument::Indented);
        }
        return fail(Input, project.error().message);
    }
    const CheckReport report = ProjectChecker::check(**project, options);
    if (parser.isSet(json)) {
        QJsonObject root = report.toJson();
        root[QStringLiteral("project")] = path;
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
    } else {
        for (const QString &w : std::as_const(warnings))
            out << "warning  project: " << w << "\n";
        for (const CheckIssue &i : report.issues) {
            if (parser.isSet(quiet) && i.severity == CheckIssue::Severity::Info) continue;
            out << CheckIssue::severityName(i.severity).leftJustified(8) << " "
                << CheckIssue::kindName(i.kind) << ": " << i.subject << ": " << i.message << "\n";
        }
        if (!parser.isSet(quiet) || report.hasErrors())
            out << path << ": " << report.layers << " layer(s), " << report.layouts
                << " layout(s): " << report.count(CheckIssue::Severity::Error) << " error(s), "
                << report.count(CheckIssue::Severity::Warning) << " warning(s)"
                << (report.hasErrors() ? "" : " - ready to export") << "\n";
    }
    return report.hasErrors() ? Input : Ok;
}

} // namespace kw::cli
