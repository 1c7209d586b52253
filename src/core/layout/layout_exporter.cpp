// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layout/layout_exporter.h"

#include "core/data/gdal/geotiff_writer.h"
#include "core/layout/layout_map_item.h"
#include "core/layout/pdf_fixups.h"
#include "core/render/png_writer.h"
#include "core/util/source_date.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImageWriter>
#include <QMutex>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

namespace kw {

namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

Status writeAtomically(const QString &path, const QByteArray &bytes)
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return Error::output(
            QStringLiteral("%1: cannot write: the folder %2 does not exist").arg(path, info.absolutePath()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::output(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return Error::output(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    }
    if (!file.commit())
        return Error::output(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    return {};
}

/// "out.png" for the first page, "out_2.png" for the second, as QGIS names them.
QString pagePath(const QString &path, int page)
{
    if (page == 0) return path;
    const QFileInfo info(path);
    return info.dir().filePath(
        QStringLiteral("%1_%2.%3").arg(info.completeBaseName()).arg(page + 1).arg(info.suffix()));
}

QString worldFilePath(const QString &path)
{
    const QFileInfo info(path);
    const QString s = info.suffix().toLower();
    const QString ext = s == QLatin1String("png")                                   ? QStringLiteral("pgw")
                        : (s == QLatin1String("jpg") || s == QLatin1String("jpeg")) ? QStringLiteral("jgw")
                        : (s == QLatin1String("tif") || s == QLatin1String("tiff"))
                            ? QStringLiteral("tfw")
                            : s.left(1) + s.right(1) + QLatin1Char('w');
    return info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + ext);
}

/// The six lines of a world file: pixel size and rotation terms, then the centre of the top-left pixel.
QByteArray worldFile(const QTransform &imageToMap)
{
    const QPointF c = imageToMap.map(QPointF(0.5, 0.5));
    QByteArray out;
    for (double v : {imageToMap.m11(), imageToMap.m12(), imageToMap.m21(), imageToMap.m22(), c.x(), c.y()})
        out += QByteArray::number(v, 'f', 10) + '\n';
    return out;
}

/// \brief A multi-page PDF being written into memory, fixed up (page sizes, date) and saved at the end.
class PdfDocument
{
public:
    PdfDocument(double dpi, const QString &title) : m_writer(&m_buffer), m_dpi(std::round(dpi))
    {
        m_buffer.open(QIODevice::WriteOnly);
        m_writer.setResolution(int(m_dpi));
        m_writer.setCreator(QStringLiteral("Kartenwerk"));
        m_writer.setTitle(title);
    }

    /// Starts a page of \a page's size; returns the painter set up for page pixels at dpi().
    QPainter *beginPage(const LayoutPage &page)
    {
        const QPageSize size(page.size, QPageSize::Millimeter, QString(), QPageSize::ExactMatch);
        m_writer.setPageLayout(QPageLayout(size, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        if (m_pages.isEmpty()) {
            if (!m_painter.begin(&m_writer)) return nullptr;
        } else {
            m_writer.newPage();
        }
        m_pages << QSizeF(page.size.width() * kPointsPerMm, page.size.height() * kPointsPerMm);
        m_painter.save();
        // Qt places the page's content below the top of its rounded page height; setExactMediaBoxes()
        // then gives the page its exact height, so shift by the difference to keep the top margin exact.
        const double roundedHeight = m_writer.pageLayout().fullRectPoints().height();
        m_painter.translate(0, -(m_pages.last().height() - roundedHeight) * m_dpi / 72.0);
        return &m_painter;
    }
    void endPage() { m_painter.restore(); }
    double dpi() const { return m_dpi; }

    Result<QByteArray> finish(const QDateTime &created)
    {
        if (m_painter.isActive()) m_painter.end();
        QByteArray bytes = m_buffer.data();
        if (auto st = pdf::setExactMediaBoxes(bytes, m_pages); !st.ok()) return st.error();
        if (Status st = pdf::pinCreationDate(bytes, created); !st.ok()) return st.error();
        return bytes;
    }

private:
    QBuffer m_buffer;
    QPdfWriter m_writer;
    QPainter m_painter;
    double m_dpi;
    QList<QSizeF> m_pages;
};

} // namespace

ExportReport ExportReport::failure(ExportResult result, Error error)
{
    ExportReport r;
    r.result = result;
    r.error = std::move(error);
    return r;
}

std::optional<LayoutExporter::Format> LayoutExporter::formatForPath(const QString &path)
{
    const QString s = QFileInfo(path).suffix().toLower();
    if (s == QLatin1String("pdf")) return Format::Pdf;
    if (s == QLatin1String("svg")) return Format::Svg;
    if (s == QLatin1String("png")) return Format::Png;
    if (s == QLatin1String("jpg") || s == QLatin1String("jpeg")) return Format::Jpeg;
    if (s == QLatin1String("tif") || s == QLatin1String("tiff")) return Format::Tiff;
    return std::nullopt;
}

QStringList LayoutExporter::supportedSuffixes()
{
    return {QStringLiteral("pdf"), QStringLiteral("svg"), QStringLiteral("png"), QStringLiteral("jpg"),
            QStringLiteral("tif")};
}

LayoutExporter::LayoutExporter(Layout layout, std::shared_ptr<const LayoutProjectSnapshot> project,
                               QVariantMap variables)
    : m_layout(std::move(layout)), m_project(std::move(project))
{
    m_variables = m_project ? layoutVariables(m_layout, *m_project, variables) : variables;
}

void LayoutExporter::setIteration(const LayoutIterator *iterator, int index)
{
    m_iterator = iterator;
    m_iteration = index;
}

QVariantMap LayoutExporter::layoutVariables(const Layout &layout, const LayoutProjectSnapshot &project,
                                            const QVariantMap &overrides)
{
    QVariantMap v;
    v.insert(QStringLiteral("project_title"), project.title);
    v.insert(QStringLiteral("layout_name"), layout.name());
    // Local time for people, pinned by SOURCE_DATE_EPOCH for reproducible files.
    const QDateTime now = exportTimestamp().toLocalTime();
    v.insert(QStringLiteral("now"), now);
    v.insert(QStringLiteral("date"), now.date());
    v.insert(QStringLiteral("layout_numpages"), int(layout.pages().size()));
    for (auto it = project.variables.begin(); it != project.variables.end(); ++it)
        v.insert(it.key(), it.value());
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        v.insert(it.key(), it.value());
    return v;
}

LayoutRenderContext LayoutExporter::renderContext(int page, double dpi, bool vectorOutput,
                                                  ExportLog *log) const
{
    LayoutRenderContext c;
    c.dpi = dpi;
    c.vectorOutput = vectorOutput;
    c.project = m_project;
    c.layout = &m_layout;
    c.page = page;
    c.variables = m_variables;
    c.log = log;
    if (m_iterator && m_iteration >= 0) m_iterator->apply(m_iteration, c);
    m_layout.addPageVariables(c);
    return c;
}

void LayoutExporter::renderPage(QPainter &painter, int page, double dpi, bool vectorOutput,
                                ExportLog *log) const
{
    m_layout.renderPage(painter, renderContext(page, dpi, vectorOutput, log));
}

QImage LayoutExporter::renderPageImage(int page, double dpi, ExportLog *log) const
{
    if (page < 0 || page >= m_layout.pages().size()) return {};
    const QSizeF mm = m_layout.pages()[page].size;
    const QSize size(int(std::lround(mm.width() * dpi / 25.4)), int(std::lround(mm.height() * dpi / 25.4)));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    const int dpm = int(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    renderPage(painter, page, dpi, false, log);
    painter.end();
    return image;
}

std::optional<QTransform> LayoutExporter::pageToMap(int page, double dpi, const QString &mapId) const
{
    const LayoutItem *item = mapId.isEmpty() ? nullptr : m_layout.item(mapId);
    if (!item)
        for (const auto &i : m_layout.items())
            if (i->type() == LayoutItem::Type::Map && i->page() == page) {
                item = i.get();
                break;
            }
    const auto *map = dynamic_cast<const LayoutMapItem *>(item);
    if (!map) return std::nullopt;
    const LayoutRenderContext c = renderContext(page, dpi, false, nullptr);
    bool invertible = false;
    const QTransform t = (map->mapToItem(c) * map->itemToPage(dpi)).inverted(&invertible);
    if (!invertible) return std::nullopt;
    return t;
}

double LayoutExporter::defaultDpi(Format format) const
{
    switch (format) {
    case Format::Pdf:
        return 300;
    case Format::Svg:
        return 254;
    default:
        return 150;
    }
}

ExportReport LayoutExporter::exportToPdf(const QString &path, const PdfExportSettings &settings) const
{
    QElapsedTimer timer;
    timer.start();
    if (!(settings.dpi >= 10 && settings.dpi <= 2400))
        return ExportReport::failure(ExportResult::InvalidSettings,
                                     Error::usage(QStringLiteral("%1: dpi must be 10 to 2400").arg(path)));
    ExportReport report;
    PdfDocument pdf(settings.dpi, settings.title.isEmpty() ? m_layout.name() : settings.title);
    for (int p = 0; p < m_layout.pages().size(); ++p) {
        QPainter *painter = pdf.beginPage(m_layout.pages()[p]);
        if (!painter)
            return ExportReport::failure(ExportResult::FileError,
                                         Error::output(QStringLiteral("%1: cannot start the PDF").arg(path)));
        if (settings.rasterizeWholePage) {
            const QImage image = renderPageImage(p, settings.dpi, &report.log);
            report.log.rasterised(QStringLiteral("page %1: drawn as one image, as asked").arg(p + 1));
            painter->drawImage(QRectF(QPointF(0, 0), QSizeF(image.size())), image);
        } else {
            painter->setRenderHint(QPainter::Antialiasing, true);
            renderPage(*painter, p, pdf.dpi(), true, &report.log);
        }
        pdf.endPage();
    }
    auto bytes = pdf.finish(settings.creationDate.value_or(exportTimestamp()));
    if (!bytes.ok())
        return ExportReport::failure(ExportResult::FileError, Error::output(QStringLiteral("%1: %2").arg(
                                                                  path, bytes.error().message)));
    if (Status st = writeAtomically(path, *bytes); !st.ok())
        return ExportReport::failure(ExportResult::FileError, st.error());
    report.files << path;
    report.elapsedMs = timer.elapsed();
    return report;
}

ExportReport LayoutExporter::exportToImage(const QString &path, const ImageExportSettings &settings) const
{
    QElapsedTimer timer;
    timer.start();
    const auto format = formatForPath(path);
    if (!format || *format == Format::Pdf || *format == Format::Svg)
        return ExportReport::failure(
            ExportResult::InvalidSettings,
            Error::usage(QStringLiteral("%1: not an image format (png, jpg, tif)").arg(path)));
    if (!(settings.dpi >= 10 && settings.dpi <= 2400))
        return ExportReport::failure(ExportResult::InvalidSettings,
                                     Error::usage(QStringLiteral("%1: dpi must be 10 to 2400").arg(path)));
    if (settings.page && (*settings.page < 0 || *settings.page >= m_layout.pages().size()))
        return ExportReport::failure(
            ExportResult::InvalidSettings,
            Error::usage(QStringLiteral("%1: no page %2").arg(path).arg(*settings.page + 1)));
    ExportReport report;
    const int first = settings.page.value_or(0);
    const int last = settings.page.value_or(int(m_layout.pages().size()) - 1);
    for (int p = first; p <= last; ++p) {
        const QString out = settings.page ? path : pagePath(path, p);
        QImage image = renderPageImage(p, settings.dpi, &report.log);
        std::optional<QTransform> toMap;
        if (settings.georeference || settings.mapOnly) {
            toMap = pageToMap(p, settings.dpi, settings.referenceMap);
            if (!toMap && settings.mapOnly)
                return ExportReport::failure(
                    ExportResult::InvalidSettings,
                    Error::usage(QStringLiteral("%1: page %2 has no map to export").arg(out).arg(p + 1)));
            if (!toMap)
                report.log.warn(
                    QStringLiteral("%1: page %2 has no map: no georeferencing").arg(out).arg(p + 1));
        }
        if (settings.mapOnly && toMap) {
            const LayoutItem *map = settings.referenceMap.isEmpty()
                                        ? m_layout.firstItem(LayoutItem::Type::Map)
                                        : m_layout.item(settings.referenceMap);
            const QRect frame = map->itemToPage(settings.dpi)
                                    .mapRect(QRectF(0, 0, map->rect().width() * settings.dpi / 25.4,
                                                    map->rect().height() * settings.dpi / 25.4))
                                    .toAlignedRect()
                                    .intersected(image.rect());
            image = image.copy(frame);
            *toMap = QTransform::fromTranslate(frame.left(), frame.top()) * *toMap;
        }
        const int dpm = int(std::lround(settings.dpi / 0.0254));
        image.setDotsPerMeterX(dpm);
        image.setDotsPerMeterY(dpm);
        if (*format == Format::Tiff && (toMap || !QImageWriter::supportedImageFormats().contains("tiff"))) {
            // GeoTIFF tags only GDAL writes; plain TIFF goes through GDAL too where Qt's plugin is missing.
            std::optional<gdal::GeoTransform> gt;
            if (toMap) {
                const QPointF o = toMap->map(QPointF(0, 0));
                gt = gdal::GeoTransform{o.x(), toMap->m11(), toMap->m21(), o.y(), toMap->m12(), toMap->m22()};
            }
            const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
            if (Status st = gdal::writeTiff(rgb, out, gt, toMap ? m_project->crs : Crs()); !st.ok())
                return ExportReport::failure(ExportResult::FileError, st.error());
        } else if (*format == Format::Png) {
            const QByteArray bytes = PngWriter().encode(image);
            if (bytes.isEmpty())
                return ExportReport::failure(ExportResult::FileError,
                                             Error::internal(QStringLiteral("%1: cannot encode the PNG").arg(out)));
            if (Status st = writeAtomically(out, bytes); !st.ok())
                return ExportReport::failure(ExportResult::FileError, st.error());
        } else {
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            const char *fmt = *format == Format::Png ? "PNG" : *format == Format::Jpeg ? "JPEG" : "TIFF";
            const QImage toSave =
                *format == Format::Png ? image : image.convertToFormat(QImage::Format_RGB32);
            QImageWriter writer(&buffer, fmt);
            if (*format == Format::Jpeg) writer.setQuality(settings.quality);
            if (*format == Format::Tiff) writer.setCompression(1); // LZW
            if (!writer.write(toSave))
                return ExportReport::failure(
                    ExportResult::FileError,
                    Error::output(QStringLiteral("%1: cannot encode: %2").arg(out, writer.errorString())));
            if (Status st = writeAtomically(out, bytes); !st.ok())
                return ExportReport::failure(ExportResult::FileError, st.error());
        }
        report.files << out;
        if (settings.georeference && toMap) {
            const QString wf = worldFilePath(out);
            if (Status st = writeAtomically(wf, worldFile(*toMap)); !st.ok())
                return ExportReport::failure(ExportResult::FileError, st.error());
            report.files << wf;
        }
    }
    report.elapsedMs = timer.elapsed();
    return report;
}

ExportReport LayoutExporter::exportToSvg(const QString &path, const SvgExportSettings &settings) const
{
    QElapsedTimer timer;
    timer.start();
    if (!(settings.dpi >= 10 && settings.dpi <= 2400))
        return ExportReport::failure(ExportResult::InvalidSettings,
                                     Error::usage(QStringLiteral("%1: dpi must be 10 to 2400").arg(path)));
    ExportReport report;
    const int first = settings.page.value_or(0);
    const int last = settings.page.value_or(int(m_layout.pages().size()) - 1);
    for (int p = first; p <= last && p < m_layout.pages().size(); ++p) {
        const QString out = settings.page ? path : pagePath(path, p);
        const QSizeF mm = m_layout.pages()[p].size;
        const QSize size(int(std::lround(mm.width() * settings.dpi / 25.4)),
                         int(std::lround(mm.height() * settings.dpi / 25.4)));
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setResolution(int(std::lround(settings.dpi)));
        svg.setTitle(m_layout.name());
        svg.setDescription(QStringLiteral("Kartenwerk layout"));
        QPainter painter;
        if (!painter.begin(&svg))
            return ExportReport::failure(ExportResult::FileError,
                                         Error::output(QStringLiteral("%1: cannot start SVG").arg(out)));
        painter.setRenderHint(QPainter::Antialiasing, true);
        LayoutRenderContext context = renderContext(p, settings.dpi, true, &report.log);
        context.svgPass = LayoutRenderContext::SvgPass::Page;
        m_layout.renderPage(painter, context);
        painter.end();
        // Each map, drawn alone, replaces its marker as a nested <svg>: its viewport clips it to the frame.
        QString text = QString::fromUtf8(bytes);
        for (const auto &item : m_layout.items()) {
            if (item->type() != LayoutItem::Type::Map || item->page() != p) continue;
            const auto &map = static_cast<const LayoutMapItem &>(*item);
            const QSizeF itemSize(context.px(map.rect().width()), context.px(map.rect().height()));
            QByteArray mapBytes;
            QBuffer mapBuffer(&mapBytes);
            mapBuffer.open(QIODevice::WriteOnly);
            QSvgGenerator mapSvg;
            mapSvg.setOutputDevice(&mapBuffer);
            mapSvg.setSize(itemSize.toSize());
            mapSvg.setViewBox(QRectF(QPointF(0, 0), itemSize));
            mapSvg.setResolution(int(std::lround(settings.dpi)));
            QPainter mapPainter(&mapSvg);
            mapPainter.setRenderHint(QPainter::Antialiasing, true);
            LayoutRenderContext mapContext = context;
            mapContext.layout = &m_layout;
            mapContext.svgPass = LayoutRenderContext::SvgPass::Map;
            map.drawContent(mapPainter, mapContext, itemSize);
            mapPainter.end();
            QString inner = QString::fromUtf8(mapBytes);
            const int open = inner.indexOf(QLatin1String("<svg"));
            const int body = inner.indexOf(QLatin1Char('>'), open) + 1;
            const int close = inner.lastIndexOf(QLatin1String("</svg>"));
            if (open < 0 || body <= 0 || close < body) continue;
            const QString nested = QStringLiteral("<svg x=\"0\" y=\"0\" width=\"%1\" height=\"%2\" "
                                                  "viewBox=\"0 0 %1 %2\" overflow=\"hidden\">%3</svg>")
                                       .arg(itemSize.width(), 0, 'f', 3)
                                       .arg(itemSize.height(), 0, 'f', 3)
                                       .arg(inner.mid(body, close - body));
            const QRegularExpression marker(
                QStringLiteral("<text[^>]*>%1</text>")
                    .arg(QRegularExpression::escape(LayoutMapItem::svgMarker(map.id()))));
            const auto m = marker.match(text);
            if (m.hasMatch())
                text.replace(m.capturedStart(), m.capturedLength(), nested);
            else
                report.log.warn(QStringLiteral("%1: map '%2' could not be placed").arg(out, map.id()));
        }
        bytes = text.toUtf8();
        if (Status st = writeAtomically(out, bytes); !st.ok())
            return ExportReport::failure(ExportResult::FileError, st.error());
        report.files << out;
    }
    report.elapsedMs = timer.elapsed();
    return report;
}

ExportReport LayoutExporter::exportToFile(const QString &path, std::optional<double> dpi) const
{
    const auto format = formatForPath(path);
    if (!format)
        return ExportReport::failure(
            ExportResult::InvalidSettings,
            Error::usage(QStringLiteral("%1: unsupported output format (use %2)")
                             .arg(path, supportedSuffixes().join(QStringLiteral(", ")))));
    const double d = dpi.value_or(defaultDpi(*format));
    switch (*format) {
    case Format::Pdf: {
        PdfExportSettings s;
        s.dpi = d;
        return exportToPdf(path, s);
    }
    case Format::Svg: {
        SvgExportSettings s;
        s.dpi = d;
        return exportToSvg(path, s);
    }
    default: {
        ImageExportSettings s;
        s.dpi = d;
        return exportToImage(path, s);
    }
    }
}

// ---- atlas ----------------------------------------------------------------------------------------

QList<int> LayoutExporter::shardPages(int count, int shard, int shards)
{
    QList<int> pages;
    if (shards < 1 || shard < 1 || shard > shards) return pages;
    for (int i = shard - 1; i < count; i += shards)
        pages << i;
    return pages;
}

Result<LayoutExporter::AtlasReport>
LayoutExporter::exportAtlas(const Layout &layout, std::shared_ptr<const LayoutProjectSnapshot> project,
                            const QVariantMap &variables, const AtlasExportSettings &settings)
{
    QElapsedTimer timer;
    timer.start();
    if (!project) return Error::usage(QStringLiteral("atlas: no project"));
    if (!layout.atlas().enabled || layout.atlas().coverageLayer.isEmpty())
        return Error::usage(
            QStringLiteral("layout '%1' has no atlas (set a coverage layer)").arg(layout.name()));
    if (settings.shards < 1 || settings.shard < 1 || settings.shard > settings.shards)
        return Error::usage(QStringLiteral("invalid shard %1/%2 (K/N with 1 <= K <= N)")
                                .arg(settings.shard)
                                .arg(settings.shards));
    const auto format = formatForPath(settings.output);
    if (!format)
        return Error::usage(QStringLiteral("%1: unsupported output format (use %2)")
                                .arg(settings.output, supportedSuffixes().join(QStringLiteral(", "))));
    const bool perFeature = settings.output.contains(QLatin1String("{name}"));
    if (!perFeature && *format != Format::Pdf)
        return Error::usage(
            QStringLiteral("%1: only a PDF holds all atlas pages in one file; put {name} in the path "
                           "for one file per feature")
                .arg(settings.output));
    const QVariantMap base = layoutVariables(layout, *project, variables);
    auto iterator = AtlasIterator::create(layout.atlas(), *project, base);
    if (!iterator.ok()) return iterator.error();
    const auto it = std::make_shared<const AtlasIterator>(std::move(*iterator));

    AtlasReport report;
    report.atlasCount = it->count();
    report.pages = shardPages(it->count(), settings.shard, settings.shards);
    const QStringList names = it->fileNames();
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, settings.jobs));
    const int total = int(report.pages.size());
    const double dpi = settings.dpi.value_or(*format == Format::Pdf   ? 300.0
                                             : *format == Format::Svg ? 254.0
                                                                      : 150.0);

    if (perFeature) {
        struct Outcome
        {
            ExportReport report;
            QString path;
        };
        QList<QFuture<Outcome>> futures;
        for (int index : std::as_const(report.pages)) {
            const QString path = QString(settings.output).replace(QLatin1String("{name}"), names[index]);
            futures << QtConcurrent::run(&pool, [&layout, project, variables, it, index, path, dpi]() {
                // Each page builds its own exporter and with it its own renderers from the snapshot.
                LayoutExporter exporter(layout, project, variables);
                exporter.setIteration(it.get(), index);
                QDir().mkpath(QFileInfo(path).absolutePath());
                return Outcome{exporter.exportToFile(path, dpi), path};
            });
        }
        for (int k = 0; k < futures.size(); ++k) {
            const Outcome o = futures[k].result();
            const int index = report.pages[k];
            report.log.merge(o.report.log);
            if (o.report.ok())
                report.files << o.report.files;
            else
                report.failures << AtlasFailure{index, it->pageName(index), o.report.error};
            if (settings.progress) settings.progress(k + 1, total);
        }
        report.elapsedMs = timer.elapsed();
        return report;
    }

    if (report.pages.isEmpty()) {
        report.elapsedMs = timer.elapsed();
        return report; // an empty shard (more shards than pages) writes nothing
    }
    // One PDF: every atlas page becomes a PDF of its own on a worker (drawn and compressed there, so
    // compression runs on every core), and this thread joins them in atlas order (pdf::mergeDocuments).
    // The parts do not depend on the number of jobs, nor does the result.
    struct Part
    {
        QByteArray pdf;
        Error error;
        ExportLog log;
    };
    const QDateTime created = exportTimestamp();
    QList<QFuture<Part>> futures;
    for (int index : std::as_const(report.pages)) {
        futures << QtConcurrent::run(&pool, [&layout, project, variables, it, index, dpi, created]() {
            LayoutExporter exporter(layout, project, variables);
            exporter.setIteration(it.get(), index);
            Part r;
            PdfDocument doc(dpi, layout.name());
            for (int p = 0; p < exporter.layout().pages().size(); ++p) {
                QPainter *painter = doc.beginPage(exporter.layout().pages()[p]);
                if (!painter) {
                    r.error = Error::output(QStringLiteral("cannot start the PDF"));
                    return r;
                }
                painter->setRenderHint(QPainter::Antialiasing, true);
                exporter.renderPage(*painter, p, doc.dpi(), true, &r.log);
                doc.endPage();
            }
            auto bytes = doc.finish(created);
            if (bytes.ok())
                r.pdf = std::move(*bytes);
            else
                r.error = bytes.error();
            return r;
        });
    }
    QList<QByteArray> parts;
    for (int k = 0; k < futures.size(); ++k) {
        Part r = futures[k].result();
        futures[k] = QFuture<Part>();
        report.log.merge(r.log);
        if (r.pdf.isEmpty())
            return Error::output(QStringLiteral("%1: %2").arg(settings.output, r.error.message));
        parts << std::move(r.pdf);
        if (settings.progress) settings.progress(k + 1, total);
    }
    auto bytes = pdf::mergeDocuments(parts);
    parts.clear();
    if (bytes.ok()) {
        if (Status st = pdf::pinCreationDate(*bytes, created); !st.ok()) bytes = st.error();
    }
    if (!bytes.ok())
        return Error::output(QStringLiteral("%1: %2").arg(settings.output, bytes.error().message));
    QDir().mkpath(QFileInfo(settings.output).absolutePath());
    if (Status st = writeAtomically(settings.output, *bytes); !st.ok()) return st.error();
    report.files << settings.output;
    report.elapsedMs = timer.elapsed();
    return report;
}

} // namespace kw
