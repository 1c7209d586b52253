// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/render/map_settings.h"
#include "core/util/result.h"

#include <QString>
#include <QHash>
#include <QStringList>

namespace kw {

/// \brief Writes a map to a file; the format follows the extension (png, jpg, pdf, svg).
///
/// Raster formats go through ParallelRenderJob; PDF and SVG are drawn as vectors by PainterRenderJob.
/// Files are written to a temporary name and renamed at the end: a failed export leaves nothing behind.
class MapExporter
{
public:
    enum class Format { Png, Jpeg, Pdf, Svg };
    static std::optional<Format> formatForPath(const QString &path);
    static QStringList supportedSuffixes();

    struct Report
    {
        QStringList layerErrors; ///< layers that could not be drawn
        qint64 renderMs = 0;
        /// Extent of the features of streamed layers, by layer name (streamed exports only): the caller
        /// can tell when data reached beyond the extent its source's metadata declared.
        QHash<QString, Envelope> streamedExtents;
    };
    static Result<Report> exportMap(const MapSettings &settings, const QString &path, int jpegQuality = 90);
};

} // namespace kw
