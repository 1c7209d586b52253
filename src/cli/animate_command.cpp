// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cli_common.h"
#include "cli/commands.h"
#include "core/layers/vector_layer.h"
#include "core/project/project.h"
#include "core/temporal/animation_exporter.h"
#include "core/temporal/temporal_controller.h"
#include "core/temporal/time_format.h"

namespace kw::cli {

int runAnimate(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Render a project over time: one frame per step with the time stamp drawn in (local time, "
        "Europe/Berlin), written as PNG frames into a folder or encoded as MP4 or GIF by the 'ffmpeg' "
        "program.\n"
        "Frames are at FROM, FROM+STEP, ... while before TO. Each frame shows the window [t, t+WINDOW) "
        "(WINDOW: one step unless given): observations exactly at FROM are in the first frame, those exactly "
        "at TO in none. Sensor layers show the observations of the window aggregated (--aggregation); layers "
        "with a date range show the features active in the window. The frames are what the app's time "
        "slider shows at the same times. Options not given come from the project's time settings."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("A project file (.kwproj)."));
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("First frame (ISO 8601; without offset: local time)."),
                                  QStringLiteral("ISO8601"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("End of the range (exclusive)."),
                                QStringLiteral("ISO8601"));
    const QCommandLineOption step(
        QStringLiteral("step"), QStringLiteral("Time between frames (ISO 8601 duration: PT15M, PT1H, P1D)."),
        QStringLiteral("DURATION"));
    const QCommandLineOption window(QStringLiteral("window"),
                                    QStringLiteral("Window of each frame (default: the step)."),
                                    QStringLiteral("DURATION"));
    const QCommandLineOption instant(
        QStringLiteral("instant"),
        QStringLiteral("Show the latest observation at each frame time (within one step) "
                       "instead of aggregating a window."));
    const QCommandLineOption aggregation(QStringLiteral("aggregation"),
                                         QStringLiteral("mean, min, max, sum, count, last, first or median."),
                                         QStringLiteral("A"));
    const QCommandLineOption fps(QStringLiteral("fps"), QStringLiteral("Frames per second of MP4 and GIF."),
                                 QStringLiteral("N"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Frame size in pixels (default 1280x720)."),
                                  QStringLiteral("WxH"), QStringLiteral("1280x720"));
    const QCommandLineOption dpi(QStringLiteral("dpi"),
                                 QStringLiteral("Resolution for symbol sizes (default 96)."),
                                 QStringLiteral("N"), QStringLiteral("96"));
    const QCommandLineOption extent(QStringLiteral("extent"),
                                    QStringLiteral("Map extent in the project's CRS."),
                                    QStringLiteral("xmin,ymin,xmax,ymax"));
    const QCommandLineOption noStamp(QStringLiteral("no-timestamp"),
                                     QStringLiteral("Do not draw the time into the frames."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("OUT.mp4, OUT.gif or a folder DIR/ for PNG frames."),
                                    QStringLiteral("OUT"));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")},
                                   QStringLiteral("Print nothing on success."));
    parser.addOptions(
        {from, to, step, window, instant, aggregation, fps, size, dpi, extent, noStamp, output, quiet});
    if (int code = parseCommand(parser, args, QStringLiteral("animate"), out, err); code >= 0) return code;
    const auto fail = [&](int code, const QString &message) {
        err << "kartenwerk-cli animate: " << message << "\n";
        return code;
    };
    if (parser.positionalArguments().size() != 1)
        return fail(Usage, QStringLiteral("expected exactly one PROJECT (see --help)"));
    if (!parser.isSet(output))
        return fail(Usage, QStringLiteral("no output given (-o OUT.mp4, OUT.gif or DIR/)"));
    const QString outPath = parser.value(output);
    if (!AnimationExporter::outputFor(outPath))
        return fail(
            Usage,
            QStringLiteral("%1: unsupported output (use .mp4, .gif or a folder ending in '/')").arg(outPath));
    const auto outSize = parseSize(parser.value(size));
    if (!outSize)
        return fail(Usage, QStringLiteral("invalid --size '%1' (expected WxH)").arg(parser.value(size)));
    bool ok = false;
    const double dpiValue = parser.value(dpi).toDouble(&ok);
    if (!ok || dpiValue < 10 || dpiValue > 2400)
        return fail(Usage, QStringLiteral("invalid --dpi '%1' (10 to 2400)").arg(parser.value(dpi)));

    // Parse every option before reading data, so that usage errors come first.
    std::optional<int64_t> fromValue, toValue;
    if (parser.isSet(from) && !(fromValue = parseTime(parser.value(from))))
        return fail(
            Usage,
            QStringLiteral("invalid --from '%1' (ISO 8601, e.g. 2026-09-18T00:00)").arg(parser.value(from)));
    if (parser.isSet(to) && !(toValue = parseTime(parser.value(to))))
        return fail(Usage, QStringLiteral("invalid --to '%1' (ISO 8601)").arg(parser.value(to)));
    std::optional<Duration> stepValue, windowValue;
    for (const auto &[option, target] : {std::pair{&step, &stepValue}, std::pair{&window, &windowValue}}) {
        if (!parser.isSet(*option)) continue;
        auto d = Duration::parse(parser.value(*option));
        if (!d.ok() || d->isZero())
            return fail(Usage, QStringLiteral("invalid --%1: %2")
                                   .arg(option->names().first(),
                                        d.ok() ? QStringLiteral("must not be zero") : d.error().message));
        *target = *d;
    }
    std::optional<Aggregation> aggregationValue;
    if (parser.isSet(aggregation) && !(aggregationValue = aggregationFromName(parser.value(aggregation))))
        return fail(Usage,
                    QStringLiteral("unknown --aggregation '%1' (use %2)")
                        .arg(parser.value(aggregation), aggregationNames().join(QStringLiteral(", "))));
    std::optional<double> fpsValue;
    if (parser.isSet(fps)) {
        fpsValue = parser.value(fps).toDouble(&ok);
        if (!ok || *fpsValue <= 0 || *fpsValue > 120)
            return fail(Usage, QStringLiteral("invalid --fps '%1' (0 to 120)").arg(parser.value(fps)));
    }
    std::optional<Envelope> extentValue;
    if (parser.isSet(extent)) {
        const QStringList parts = parser.value(extent).split(QLatin1Char(','));
        double v[4] = {};
        bool all = parts.size() == 4;
        for (int i = 0; all && i < 4; ++i)
            v[i] = parts[i].trimmed().toDouble(&all);
        if (!all || !(v[0] < v[2] && v[1] < v[3]))
            return fail(
                Usage,
                QStringLiteral("invalid --extent '%1' (xmin,ymin,xmax,ymax)").arg(parser.value(extent)));
        extentValue = Envelope(v[0], v[1], v[2], v[3]);
    }

    const QString projectPath = parser.positionalArguments().first();
    QStringList warnings;
    auto project = Project::read(projectPath, &warnings);
    if (!project.ok()) return fail(Input, project.error().message);
    for (const QString &w : warnings)
        err << "warning: " << projectPath << ": " << w << "\n";
    const QStringList failed = (*project)->loadLayers();
    if (!failed.isEmpty())
        return fail(
            Input,
            QStringLiteral("%1: cannot load layer %2").arg(projectPath, failed.join(QStringLiteral("; "))));
    const QList<std::shared_ptr<Layer>> layers = (*project)->renderLayers();

    TemporalSettings temporal;
    if ((*project)->temporal())
        temporal = *(*project)->temporal();
    else if (const auto defaults = TemporalController::defaultSettings(layers))
        temporal = *defaults;
    else if (!fromValue || !toValue)
        return fail(Usage,
                    QStringLiteral("%1 has no time settings and no time-aware layer: give --from and --to")
                        .arg(projectPath));
    if (fromValue) temporal.begin = *fromValue;
    if (toValue) temporal.end = *toValue;
    if (stepValue) temporal.step = *stepValue;
    if (windowValue) {
        temporal.window = *windowValue;
        temporal.windowMode = TemporalSettings::WindowMode::Interval;
    }
    if (parser.isSet(instant)) temporal.windowMode = TemporalSettings::WindowMode::Instant;
    if (aggregationValue) temporal.aggregation = *aggregationValue;
    if (fpsValue) temporal.framesPerSecond = *fpsValue;
    if (temporal.end <= temporal.begin) return fail(Usage, QStringLiteral("--to must be after --from"));
    const size_t frameCount = temporal.frameTimes(100001).size();
    if (frameCount > 100000)
        return fail(Usage, QStringLiteral("more than 100000 frames: choose a longer --step"));

    MapSettings map = (*project)->mapSettings(*outSize, dpiValue);
    if (extentValue) map.setExtent(*extentValue);
    if (!map.isValid())
        return fail(Input, QStringLiteral("%1: the layers have no extent (no geometries?)").arg(projectPath));

    AnimationExporter::Options options;
    options.timeStamp = !parser.isSet(noStamp);
    if (!parser.isSet(quiet))
        options.progress = [&err](int done, int total) {
            if (done == total || done % 25 == 0) {
                err << "frame " << done << " of " << total << "\n";
                err.flush();
            }
            return true;
        };
    auto report = AnimationExporter::exportAnimation(map, temporal, outPath, options);
    if (!report.ok()) return fail(exitCodeFor(report.error()), report.error().message);
    for (const QString &e : report->layerErrors)
        err << "warning: " << e << "\n";
    if (!parser.isSet(quiet)) {
        const QTimeZone zone = temporal.zone();
        out << "wrote " << report->frames << " frames to " << outPath << " ("
            << TimeFormat::toDisplay(temporal.begin, zone) << " to "
            << TimeFormat::toDisplay(temporal.end, zone) << ", step " << temporal.step.toString() << ", ";
        if (temporal.windowMode == TemporalSettings::WindowMode::Instant)
            out << "latest observation at each frame";
        else
            out << "each frame shows [t, t+"
                << (temporal.window.isZero() ? temporal.step : temporal.window).toString() << "), "
                << aggregationName(temporal.aggregation);
        out << ")\n";
    }
    return Ok;
}

} // namespace kw::cli
