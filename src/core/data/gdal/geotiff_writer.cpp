// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/gdal/geotiff_writer.h"

#include "core/data/gdal/gdal_provider.h"
#include "core/data/gdal/gdal_util.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>
#include <cpl_string.h>
#include <cstdio>
#include <ogr_srs_api.h>
#include <vector>

namespace kw::gdal {

Status writeTiff(const QImage &source, const QString &path, const std::optional<GeoTransform> &geotransform,
                 const Crs &crs)
{
    initialize();
    ErrorCapture capture;
    GDALDriverH driver = GDALGetDriverByName("GTiff");
    if (!driver) return Error::output(QStringLiteral("%1: GDAL has no GTiff driver").arg(path));
    const bool alpha = source.hasAlphaChannel();
    const QImage image = source.convertToFormat(alpha ? QImage::Format_RGBA8888 : QImage::Format_RGB888);
    const int bands = alpha ? 4 : 3;
    const QFileInfo info(path);
    // A temporary name in the target folder: rename() is then atomic (same file system).
    const QString temp = info.absoluteDir().filePath(
        QStringLiteral(".%1.%2.tmp.tif")
            .arg(info.fileName(), QUuid::createUuid().toString(QUuid::Id128).left(12)));
    CPLStringList options;
    options.SetNameValue("COMPRESS", "DEFLATE");
    options.SetNameValue("PREDICTOR", "2");
    options.SetNameValue("PHOTOMETRIC", "RGB");
    if (alpha) options.SetNameValue("ALPHA", "YES");
    options.SetNameValue("TILED", "YES");
    {
        DatasetPtr ds(GDALCreate(driver, temp.toUtf8().constData(), image.width(), image.height(), bands,
                                 GDT_Byte, options.List()));
        if (!ds) {
            QFile::remove(temp);
            return Error::output(QStringLiteral("%1: cannot write: %2").arg(path, capture.message()));
        }
        if (geotransform) {
            double gt[6];
            std::copy(geotransform->begin(), geotransform->end(), gt);
            GDALSetGeoTransform(ds.ds, gt);
        }
        if (crs.isValid()) {
            OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
            const QByteArray wkt = crs.wkt().toUtf8();
            if (OSRSetFromUserInput(srs, wkt.constData()) == OGRERR_NONE) {
                OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
                GDALSetSpatialRef(ds.ds, srs);
            }
            OSRDestroySpatialReference(srs);
        }
        // The image's rows are interleaved RGB(A) bytes: one RasterIO per band with pixel spacing.
        const int bpl = int(image.bytesPerLine());
        for (int b = 0; b < bands; ++b) {
            GDALRasterBandH band = GDALGetRasterBand(ds.ds, b + 1);
            GDALSetRasterColorInterpretation(band, b == 0   ? GCI_RedBand
                                                   : b == 1 ? GCI_GreenBand
                                                   : b == 2 ? GCI_BlueBand
                                                            : GCI_AlphaBand);
            if (GDALRasterIO(band, GF_Write, 0, 0, image.width(), image.height(),
                             const_cast<uchar *>(image.constBits()) + b, image.width(), image.height(),
                             GDT_Byte, bands, bpl) != CE_None) {
                QFile::remove(temp);
                return Error::output(QStringLiteral("%1: cannot write: %2").arg(path, capture.message()));
            }
        }
    } // closes (and flushes) the dataset
    if (!capture.message().isEmpty() && CPLGetLastErrorType() >= CE_Failure) {
        QFile::remove(temp);
        return Error::output(QStringLiteral("%1: cannot write: %2").arg(path, capture.message()));
    }
    if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(temp);
        return Error::output(QStringLiteral("%1: cannot write (rename failed)").arg(path));
    }
    return {};
}

} // namespace kw::gdal
