// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layout/atlas.h"
#include "core/layout/layout.h"
#include "core/layout/layout_render_context.h"
#include "core/util/result.h"

#include <QDateTime>
#include <QImage>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <functional>
#include <memory>
#include <optional>

namespace kw {

/// \brief Outcome of an export, as QGIS's QgsLayoutExporter::ExportResult.
enum class ExportResult {
    Success,
    Cancelled,
    FileError,       ///< an output cannot be written
    IteratorError,   ///< the atlas cannot be set up (coverage layer missing, bad expression)
    InvalidSettings, ///< unknown format, bad dpi, a pattern without {name} for many images
};

/// \brief What an export produced and what the user should know: the files written, parts rasterised in
/// a vector export, substitutions (fonts, missing pictures) and warnings (layers that failed to draw,
/// expressions that failed).
struct ExportReport
{
    ExportResult result = ExportResult::Success;
    Error error; ///< when result is not Success; its kind maps to the CLI's exit code
    QStringList files;
    ExportLog log;
    qint64 elapsedMs = 0;

    bool ok() const { return result == ExportResult::Success; }
    static ExportReport failure(ExportResult result, Error error);
};

/// \brief How LayoutExporter writes a PDF.
struct PdfExportSettings
{
    double dpi = 300;                ///< resolution of the PDF's device (and of any raster parts)
    bool rasterizeWholePage = false; ///< draw each page as one image (for printers that choke on vectors)
    QString title;                   ///< document title; empty: the layout's name
    std::optional<QDateTime> creationDate; ///< unset: SOURCE_DATE_EPOCH or now
};
/// \brief How LayoutExporter writes PNG, JPEG and TIFF.
struct ImageExportSettings
{
    double dpi = 150;
    int quality = 90; ///< JPEG
    /// Write a world file next to the image and, for TIFF, GeoTIFF tags, from the reference map.
    bool georeference = false;
    QString referenceMap; ///< map item id; empty: the first map
    /// Only the reference map's frame (with what lies on it), not the whole page.
    bool mapOnly = false;
    std::optional<int> page; ///< 0-based; unset: every page ("name_2.png" for the second)
};
/// \brief How LayoutExporter writes SVG.
struct SvgExportSettings
{
    /// SVG user units per inch. 254 (10 per mm) makes the document's width and height in mm exact, as
    /// QSvgGenerator takes a size in whole units.
    double dpi = 254;
    std::optional<int> page;
};

/// \brief Writes a layout to PDF, SVG, PNG, JPEG or TIFF — the one exporter behind the app's export dialog
/// and kartenwerk-cli, modelled on QGIS's QgsLayoutExporter: settings structs in, an ExportReport out.
///
/// - PDF: vector (maps through PainterRenderJob, text as text with embedded font subsets), exact page
///   sizes in mm, transparency as PDF opacity; what had to be drawn as an image is named in the log.
///   The creation date comes from SOURCE_DATE_EPOCH when set: the same project and data give the same
///   bytes (see pdf_fixups.h for how Qt's PDF is corrected).
/// - Images at a chosen dpi; a world file (.pgw/.jgw/.tfw) and, for TIFF, GeoTIFF tags when asked.
/// - Every file is written to a temporary name and renamed at the end.
///
/// The exporter works on a copy of the layout and a project snapshot, so exports can run on worker threads.
class LayoutExporter
{
public:
    enum class Format { Pdf, Svg, Png, Jpeg, Tiff };

    using PdfExportSettings = kw::PdfExportSettings;
    using ImageExportSettings = kw::ImageExportSettings;
    using SvgExportSettings = kw::SvgExportSettings;

    static std::optional<Format> formatForPath(const QString &path);
    static QStringList supportedSuffixes();

    LayoutExporter(Layout layout, std::shared_ptr<const LayoutProjectSnapshot> project,
                   QVariantMap variables = {});

    const Layout &layout() const { return m_layout; }
    /// Renders iteration \a index of \a iterator (an atlas page) instead of the plain layout.
    void setIteration(const LayoutIterator *iterator, int index);

    ExportReport exportToPdf(const QString &path, const PdfExportSettings &settings = {}) const;
    ExportReport exportToImage(const QString &path, const ImageExportSettings &settings = {}) const;
    ExportReport exportToSvg(const QString &path, const SvgExportSettings &settings = {}) const;
    /// By the file's suffix; \a dpi overrides the format's default.
    ExportReport exportToFile(const QString &path, std::optional<double> dpi = {}) const;

    /// The context for drawing page \a page (0-based) of the current iteration.
    LayoutRenderContext renderContext(int page, double dpi, bool vectorOutput, ExportLog *log) const;
    /// Draws page \a page onto \a painter (origin at the page's top-left, device pixels at \a dpi).
    void renderPage(QPainter &painter, int page, double dpi, bool vectorOutput,
                    ExportLog *log = nullptr) const;
    /// Page \a page as an image at \a dpi.
    QImage renderPageImage(int page, double dpi, ExportLog *log = nullptr) const;
    /// Image pixels of page \a page at \a dpi to map coordinates of \a mapId (nullopt without such a map).
    std::optional<QTransform> pageToMap(int page, double dpi, const QString &mapId) const;

    /// Variables every layout render sees: @project_title, @layout_name, @now and @date (from
    /// SOURCE_DATE_EPOCH when set), the project's variables, then \a overrides (e.g. --set NAME=VALUE).
    static QVariantMap layoutVariables(const Layout &layout, const LayoutProjectSnapshot &project,
                                       const QVariantMap &overrides);

    // ---- atlas ----------------------------------------------------------------------------------

    struct AtlasExportSettings
    {
        /// A path with "{name}" (one file per feature, named by the atlas page name) or a single PDF.
        QString output;
        int jobs = 1;  ///< pages rendered in parallel
        int shard = 1; ///< 1-based: this process exports pages shard, shard + shards, … (1-based numbering)
        int shards = 1;
        std::optional<double> dpi;
        /// Called on the calling thread after each page: (pages done, pages to do).
        std::function<void(int, int)> progress;
    };
    struct AtlasFailure
    {
        int index = 0; ///< 0-based atlas page
        QString name;
        Error error;
    };
    struct AtlasReport
    {
        int atlasCount = 0; ///< pages of the whole atlas
        QList<int> pages;   ///< 0-based pages this run exported (its shard)
        QStringList files;
        QList<AtlasFailure> failures;
        ExportLog log;
        qint64 elapsedMs = 0;
    };
    /// Exports the atlas of \a layout. A page that fails does not stop the others; they are listed in
    /// failures. The Error is for what stops the whole run (no atlas, bad pattern, unwritable PDF).
    static Result<AtlasReport> exportAtlas(const Layout &layout,
                                           std::shared_ptr<const LayoutProjectSnapshot> project,
                                           const QVariantMap &variables, const AtlasExportSettings &settings);
    /// The 0-based pages of shard \a shard (1-based) of \a shards: every shards-th page from shard - 1.
    /// The shards of one atlas partition its pages.
    static QList<int> shardPages(int count, int shard, int shards);

private:
    double defaultDpi(Format format) const;

    Layout m_layout;
    std::shared_ptr<const LayoutProjectSnapshot> m_project;
    QVariantMap m_variables;
    const LayoutIterator *m_iterator = nullptr;
    int m_iteration = -1;
};

} // namespace kw
