// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/data/field.h"
#include "core/geometry/envelope.h"
#include "core/geometry/geometry.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kw {

/// Raster properties reported by `info`.
struct RasterInfo
{
    int width = 0;
    int height = 0;
    int bandCount = 0;
    int overviewCount = 0;
    QString dataType;  ///< GDAL's name, e.g. "Byte", "Float32"
    QString colorInterpretation; ///< "Gray", "Palette", "RGB", "RGBA"
    double pixelSizeX = 0;
    double pixelSizeY = 0;
};

/// \brief What a source holds in one layer: geometry type, count, CRS, extent, fields (or raster bands).
struct LayerInfo
{
    QString name;
    bool isRaster = false;
    GeometryType geometryType = GeometryType::Unknown;
    qint64 featureCount = -1; ///< -1 when the driver cannot tell without reading everything
    Crs crs;
    Envelope extent;          ///< in the layer's own CRS
    Fields fields;
    std::optional<RasterInfo> raster;
    QString gdalPath; ///< what GDAL opens for this raster (a subdataset name inside containers)
    QStringList warnings; ///< problems found that did not stop reading (e.g. CSV rows with extra cells)
};

/// \brief The result of inspecting a data source: its driver and every layer.
struct SourceInfo
{
    QString uri;
    QString driver;
    QList<LayerInfo> layers;

    const LayerInfo *layer(const QString &name) const
    {
        for (const LayerInfo &l : layers)
            if (l.name == name)
                return &l;
        return nullptr;
    }
};

} // namespace kw
