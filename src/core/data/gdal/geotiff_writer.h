// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/util/result.h"

#include <QImage>
#include <QString>
#include <array>
#include <optional>

namespace kw::gdal {

/// GDAL's affine geotransform: x = gt[0] + col·gt[1] + row·gt[2], y = gt[3] + col·gt[4] + row·gt[5],
/// for the outer corner of pixel (col, row).
using GeoTransform = std::array<double, 6>;

/// Writes \a image as a TIFF through GDAL's GTiff driver (RGB, or RGBA when it has transparency,
/// deflate-compressed), georeferenced when \a geotransform and a valid \a crs are given (a GeoTIFF).
///
/// The file is written under a temporary name in the same folder and renamed at the end, so a failed
/// export leaves nothing behind. Used for GeoTIFFs, and for plain TIFFs where Qt's TIFF plugin
/// (qt6-image-formats-plugins) is missing.
Status writeTiff(const QImage &image, const QString &path,
                 const std::optional<GeoTransform> &geotransform = {}, const Crs &crs = {});

/// \a image as a GeoTIFF: writeTiff() with georeferencing.
inline Status writeGeoTiff(const QImage &image, const GeoTransform &geotransform, const Crs &crs,
                           const QString &path)
{
    return writeTiff(image, path, geotransform, crs);
}

} // namespace kw::gdal
