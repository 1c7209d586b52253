// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/temporal/animation_exporter.h"

#include "core/render/png_writer.h"
#include "core/render/render_job.h"
#include "core/render/time_stamp_overlay.h"
#include "core/temporal/temporal_controller.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace kw {

namespace {

QString frameName(int index)
{
    return QStringLiteral("frame_%1.png").arg(index, 5, 10, QLatin1Char('0'));
}

Status moveFile(const QString &from, const QString &to)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return Error::output(
            QStringLiteral("%1: cannot write: %2").arg(to, QString::fromLocal8Bit(strerror(errno))));
    return {};
}

} // namespace

std::optional<AnimationExporter::Output> AnimationExporter::outputFor(const QString &path)
{
    if (path.endsWith(QLatin1Char('/')) || QFileInfo(path).isDir()) return Output::Frames;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("mp4")) return Output::Mp4;
    if (suffix == QLatin1String("gif")) return Output::Gif;
    return std::nullopt;
}

QString AnimationExporter::ffmpegProgram()
{
    if (qEnvironmentVariableIsSet("KARTENWERK_FFMPEG")) {
        const QString p = qEnvironmentVariable("KARTENWERK_FFMPEG");
        return QFileInfo(p).isExecutable() ? p : QString();
    }
    return QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
}

QImage AnimationExporter::renderFrame(const MapSettings &map, const TemporalSettings &temporal, int64_t t,
                                      bool timeStamp, QStringList *errors)
{
    TemporalController::apply(map.layers(), temporal, t);
    QImage image = ParallelRenderJob::renderImage(map, errors);
    if (timeStamp) {
        QPainter painter(&image);
        TimeStampOverlay::draw(painter, QRectF(QPointF(0, 0), QSizeF(image.size())),
                               TemporalController::label(temporal, t), map.dpi());
    }
    return image;
}

Result<AnimationExporter::Report> AnimationExporter::exportAnimation(const MapSettings &map,
                                                                     const TemporalSettings &temporal,
                                                                     const QString &path,
                                                                     const Options &options)
{
    const auto output = outputFor(path);
    if (!output)
        return Error::usage(
            QStringLiteral("%1: unsupported animation output (use a folder ending in '/', .mp4 or .gif)")
                .arg(path));
    if (!temporal.isValid())
        return Error::usage(
            QStringLiteral("the time range is empty (the end must be after the start, the step not zero)"));
    Report report;
    if (*output != Output::Frames) {
        report.encoder = ffmpegProgram();
        if (report.encoder.isEmpty())
            return Error::output(
                QStringLiteral("%1: writing %2 needs the program 'ffmpeg', which was not found (install it, "
                               "e.g. apt install ffmpeg, or set KARTENWERK_FFMPEG; or write PNG frames "
                               "to a folder: -o DIR/)")
                    .arg(path, *output == Output::Mp4 ? QStringLiteral("MP4") : QStringLiteral("GIF")));
    }
    const std::vector<int64_t> frames = temporal.frameTimes();
    if (frames.empty()) return Error::usage(QStringLiteral("no frame in the time range"));

    // The target folder (of the file, or the frame folder itself) must exist: frames go to a temporary
    // folder inside it, so that moving them is a rename on one file system.
    const QString targetDir =
        *output == Output::Frames ? QDir::cleanPath(path) : QFileInfo(path).absolutePath();
    if (*output == Output::Frames && !QDir().mkpath(targetDir))
        return Error::output(QStringLiteral("%1: cannot create the folder").arg(targetDir));
    if (!QFileInfo(targetDir).isDir())
        return Error::output(QStringLiteral("%1: the folder does not exist").arg(targetDir));
    QTemporaryDir work(QDir(targetDir).filePath(QStringLiteral(".kartenwerk-animation-XXXXXX")));
    if (!work.isValid())
        return Error::output(QStringLiteral("%1: cannot write: %2").arg(targetDir, work.errorString()));

    for (size_t k = 0; k < frames.size(); ++k) {
        if (options.progress && !options.progress(int(k), int(frames.size()))) return Error::cancelled();
        QStringList errors;
        QImage image = renderFrame(map, temporal, frames[k], options.timeStamp, &errors);
        for (const QString &e : std::as_const(errors))
            if (!report.layerErrors.contains(e)) report.layerErrors << e;
        const int dpm = int(map.dpi() / 0.0254 + 0.5);
        image.setDotsPerMeterX(dpm);
        image.setDotsPerMeterY(dpm);
        const QString file = work.filePath(frameName(int(k) + 1));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly) || !PngWriter().write(image, &out, file).ok())
            return Error::output(QStringLiteral("%1: cannot write frame %2").arg(path).arg(k + 1));
    }
    report.frames = int(frames.size());
    if (options.progress) options.progress(report.frames, report.frames);

    if (*output == Output::Frames) {
        // Old frames of a longer earlier run would look like part of this one: replace them all.
        QDir dir(targetDir);
        for (const QString &old : dir.entryList({QStringLiteral("frame_?????.png")}, QDir::Files))
            dir.remove(old);
        for (int k = 1; k <= report.frames; ++k)
            if (Status st = moveFile(work.filePath(frameName(k)), dir.filePath(frameName(k))); !st.ok())
                return st.error();
        return report;
    }

    const QString encoded =
        work.filePath(*output == Output::Mp4 ? QStringLiteral("out.mp4") : QStringLiteral("out.gif"));
    QStringList args{QStringLiteral("-y"),
                     QStringLiteral("-loglevel"),
                     QStringLiteral("error"),
                     QStringLiteral("-framerate"),
                     QString::number(temporal.framesPerSecond, 'g', 6),
                     QStringLiteral("-i"),
                     work.filePath(QStringLiteral("frame_%05d.png"))};
    if (*output == Output::Mp4)
        args << QStringLiteral("-c:v") << QStringLiteral("libx264") << QStringLiteral("-pix_fmt")
             << QStringLiteral("yuv420p") << QStringLiteral("-vf")
             << QStringLiteral("pad=ceil(iw/2)*2:ceil(ih/2)*2") << QStringLiteral("-movflags")
             << QStringLiteral("+faststart");
    else
        args << QStringLiteral("-vf") << QStringLiteral("split[a][b];[a]palettegen[p];[b][p]paletteuse")
             << QStringLiteral("-loop") << (temporal.loop ? QStringLiteral("0") : QStringLiteral("-1"));
    args << encoded;
    QProcess ffmpeg;
    ffmpeg.setProcessChannelMode(QProcess::MergedChannels);
    ffmpeg.start(report.encoder, args);
    if (!ffmpeg.waitForStarted(30000))
        return Error::output(
            QStringLiteral("%1: cannot start %2: %3").arg(path, report.encoder, ffmpeg.errorString()));
    ffmpeg.waitForFinished(-1);
    if (ffmpeg.exitStatus() != QProcess::NormalExit || ffmpeg.exitCode() != 0 || !QFileInfo::exists(encoded))
        return Error::output(
            QStringLiteral("%1: %2 failed: %3")
                .arg(path, report.encoder, QString::fromLocal8Bit(ffmpeg.readAll()).trimmed().right(500)));
    if (Status st = moveFile(encoded, QFileInfo(path).absoluteFilePath()); !st.ok()) return st.error();
    return report;
}

} // namespace kw
