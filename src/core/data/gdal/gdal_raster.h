// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/geometry/envelope.h"
#include "core/layers/raster_layer.h"
#include "core/util/result.h"

#include <QImage>
#include <QPointF>
#include <QStringList>

#include <atomic>

namespace kw::gdal {

/// Approximate minimum and maximum of band 1 (read from overviews where there are some).
Result<std::pair<double, double>> bandRange(const QString &gdalPath);

/// \brief The values of every band of a raster at one point (identify).
struct PixelValues
{
    int column = -1, row = -1;   ///< the pixel hit
    QList<double> values;        ///< per band; NaN for nodata
    QStringList bandNames;       ///< "Band 1" or the band's description
};

/// The pixel of \a gdalPath (in \a rasterCrs) under \a mapPoint (in \a mapCrs); an error outside the raster.
Result<PixelValues> sampleBands(const QString &gdalPath, const Crs &rasterCrs, const QPointF &mapPoint, const Crs &mapCrs);

/// \brief One raster drawing request: the output pixel grid in the map CRS.
struct WarpRequest
{
    QString gdalPath;
    Crs sourceCrs; ///< invalid: the raster's own (or the map CRS when it has none)
    Crs mapCrs;
    Envelope extent;
    QSize size;
    RasterStyle style;
    double dataMin = 0, dataMax = 255;
    const std::atomic_bool *cancel = nullptr;
};

/// Warps the raster onto the request's grid (GDAL picks overviews) and colours it: premultiplied ARGB.
Result<QImage> warpToImage(const WarpRequest &request);

} // namespace kw::gdal
