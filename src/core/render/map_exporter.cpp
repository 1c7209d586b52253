// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/map_exporter.h"

#include "core/render/png_writer.h"
#include "core/render/render_job.h"
#include "core/render/streaming_render_job.h"

#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace kw {

std::optional<MapExporter::Format> MapExporter::formatForPath(const QString &path)
{
    const QString s = QFileInfo(path).suffix().toLower();
    if (s == QLatin1String("png"))
        return Format::Png;
    if (s == QLatin1String("jpg") || s == QLatin1String("jpeg"))
        return Format::Jpeg;
    if (s == QLatin1String("pdf"))
        return Format::Pdf;
    if (s == QLatin1String("svg"))
        return Format::Svg;
    return std::nullopt;
}

QStringList MapExporter::supportedSuffixes()
{
    return {QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("pdf"),
            QStringLiteral("svg")};
}

Result<MapExporter::Report> MapExporter::exportMap(const MapSettings &settings, const QString &path, int jpegQuality)
{
    const auto format = formatForPath(path);
    if (!format)
        return Error::usage(QStringLiteral("%1: unsupported output format (use %2)")
                                .arg(path, supportedSuffixes().join(QStringLiteral(", "))));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::output(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));

    Report report;
    const QSize size = settings.outputSize();
    switch (*format) {
    case Format::Png:
    case Format::Jpeg: {
        QImage image;
        if (StreamingRenderJob::wantsStreaming(settings)) {
            // Layers nobody loaded (the command line) are read and drawn batch by batch.
            StreamingRenderJob job(settings);
            job.start();
            if (!job.readErrors().isEmpty()) {
                file.cancelWriting();
                return Error::input(job.readErrors().join(QLatin1Char('\n')));
            }
            report.layerErrors = job.errors();
            report.renderMs = job.renderTimeMs();
            report.streamedExtents = job.streamedExtents();
            image = job.image();
        } else {
            ParallelRenderJob job(settings);
            job.start();
            job.waitForFinished();
            report.layerErrors = job.errors();
            report.renderMs = job.renderTimeMs();
            image = job.image();
        }
        const int dpm = int(settings.dpi() / 0.0254 + 0.5);
        image.setDotsPerMeterX(dpm);
        image.setDotsPerMeterY(dpm);
        if (*format == Format::Png) {
            if (Status st = PngWriter().write(image, &file, path); !st.ok()) {
                file.cancelWriting();
                return st.error();
            }
        } else if (!image.convertToFormat(QImage::Format_RGB32).save(&file, "JPEG", jpegQuality)) {
            file.cancelWriting();
            return Error::output(QStringLiteral("%1: cannot write image: %2").arg(path, file.errorString()));
        }
        break;
    }
    case Format::Pdf: {
        QPdfWriter writer(&file);
        writer.setCreator(QStringLiteral("Kartenwerk"));
        writer.setResolution(int(settings.dpi() + 0.5));
        const QSizeF pagePt(size.width() * 72.0 / settings.dpi(), size.height() * 72.0 / settings.dpi());
        writer.setPageSize(QPageSize(pagePt, QPageSize::Point, QString(), QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter;
        if (!painter.begin(&writer)) {
            file.cancelWriting();
            return Error::output(QStringLiteral("%1: cannot start PDF").arg(path));
        }
        // The writer's device pixels are at its resolution; scale in case rounding of the dpi moved them.
        painter.scale(writer.width() / double(size.width()), writer.height() / double(size.height()));
        PainterRenderJob job(settings, &painter);
        job.start();
        painter.end();
        report.layerErrors = job.errors();
        report.renderMs = job.renderTimeMs();
        break;
    }
    case Format::Svg: {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setResolution(int(settings.dpi() + 0.5));
        svg.setTitle(QStringLiteral("Kartenwerk map"));
        QPainter painter;
        if (!painter.begin(&svg)) {
            file.cancelWriting();
            return Error::output(QStringLiteral("%1: cannot start SVG").arg(path));
        }
        PainterRenderJob job(settings, &painter);
        job.start();
        painter.end();
        report.layerErrors = job.errors();
        report.renderMs = job.renderTimeMs();
        break;
    }
    }
    if (!file.commit())
        return Error::output(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    return report;
}

} // namespace kw
