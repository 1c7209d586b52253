// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/gdal/gdal_raster.h"

#include "core/crs/coordinate_transform.h"

#include "core/data/gdal/gdal_provider.h"
#include "core/data/gdal/gdal_util.h"
#include "core/style/color_ramp.h"

#include <cpl_string.h>
#include <gdal_utils.h>
#include <gdalwarper.h>

#include <cmath>
#include <limits>
#include <vector>

namespace kw::gdal {

Result<std::pair<double, double>> bandRange(const QString &gdalPath)
{
    initialize();
    ErrorCapture capture;
    DatasetPtr ds(GDALOpenEx(gdalPath.toUtf8().constData(), GDAL_OF_RASTER, nullptr, nullptr, nullptr));
    if (!ds || GDALGetRasterCount(ds.ds) < 1)
        return Error::input(QStringLiteral("%1: cannot read raster: %2").arg(gdalPath, capture.message()));
    GDALRasterBandH band = GDALGetRasterBand(ds.ds, 1);
    double minmax[2] = {0, 255};
    if (GDALComputeRasterMinMax(band, TRUE, minmax) != CE_None)
        return Error::input(QStringLiteral("%1: cannot compute band statistics: %2").arg(gdalPath, capture.message()));
    return std::make_pair(minmax[0], minmax[1]);
}

Result<PixelValues> sampleBands(const QString &gdalPath, const Crs &rasterCrs, const QPointF &mapPoint, const Crs &mapCrs)
{
    initialize();
    ErrorCapture capture;
    DatasetPtr ds(GDALOpenEx(gdalPath.toUtf8().constData(), GDAL_OF_RASTER, nullptr, nullptr, nullptr));
    if (!ds)
        return Error::input(QStringLiteral("%1: cannot open raster: %2").arg(gdalPath, capture.message()));
    double gt[6];
    if (GDALGetGeoTransform(ds.ds, gt) != CE_None)
        return Error::input(QStringLiteral("%1: raster has no georeference").arg(gdalPath));
    QPointF p = mapPoint;
    if (rasterCrs.isValid() && mapCrs.isValid() && rasterCrs != mapCrs)
        p = CoordinateTransform(mapCrs, rasterCrs).transform(mapPoint);
    double inv[6];
    if (!GDALInvGeoTransform(gt, inv))
        return Error::input(QStringLiteral("%1: invalid geotransform").arg(gdalPath));
    const double col = inv[0] + inv[1] * p.x() + inv[2] * p.y();
    const double row = inv[3] + inv[4] * p.x() + inv[5] * p.y();
    PixelValues out;
    out.column = int(std::floor(col));
    out.row = int(std::floor(row));
    if (!std::isfinite(col) || !std::isfinite(row) || out.column < 0 || out.row < 0 ||
        out.column >= GDALGetRasterXSize(ds.ds) || out.row >= GDALGetRasterYSize(ds.ds))
        return Error::usage(QStringLiteral("outside the raster"));
    for (int b = 1; b <= GDALGetRasterCount(ds.ds); ++b) {
        GDALRasterBandH band = GDALGetRasterBand(ds.ds, b);
        double v = std::numeric_limits<double>::quiet_NaN();
        if (GDALRasterIO(band, GF_Read, out.column, out.row, 1, 1, &v, 1, 1, GDT_Float64, 0, 0) != CE_None)
            return Error::input(QStringLiteral("%1: cannot read band %2: %3").arg(gdalPath).arg(b).arg(capture.message()));
        int hasNoData = 0;
        const double noData = GDALGetRasterNoDataValue(band, &hasNoData);
        if (hasNoData && v == noData)
            v = std::numeric_limits<double>::quiet_NaN();
        out.values.append(v);
        const QString description = QString::fromUtf8(GDALGetDescription(band));
        out.bandNames.append(description.isEmpty() ? QStringLiteral("Band %1").arg(b) : description);
    }
    return out;
}

namespace {

int progressCallback(double, const char *, void *data)
{
    const auto *cancel = static_cast<const std::atomic_bool *>(data);
    return cancel && cancel->load() ? FALSE : TRUE;
}

} // namespace

Result<QImage> warpToImage(const WarpRequest &r)
{
    initialize();
    ErrorCapture capture;
    DatasetPtr src(GDALOpenEx(r.gdalPath.toUtf8().constData(), GDAL_OF_RASTER, nullptr, nullptr, nullptr));
    if (!src)
        return Error::input(QStringLiteral("%1: cannot open raster: %2").arg(r.gdalPath, capture.message()));
    const int srcBands = GDALGetRasterCount(src.ds);
    if (srcBands < 1)
        return Error::input(QStringLiteral("%1: raster has no bands").arg(r.gdalPath));
    GDALRasterBandH first = GDALGetRasterBand(src.ds, 1);
    const bool palette = GDALGetRasterColorInterpretation(first) == GCI_PaletteIndex;
    const bool srcAlpha = GDALGetRasterColorInterpretation(GDALGetRasterBand(src.ds, srcBands)) == GCI_AlphaBand;
    const int colorBands = srcAlpha ? srcBands - 1 : srcBands;
    const bool rgb = colorBands >= 3;
    const int dataBands = rgb ? 3 : 1;
    const GDALDataType type = (rgb || palette) ? GDT_Byte : GDT_Float32;

    const int w = r.size.width(), h = r.size.height();
    GDALDriverH mem = GDALGetDriverByName("MEM");
    DatasetPtr dst(GDALCreate(mem, "", w, h, dataBands + 1, type, nullptr));
    if (!dst)
        return Error::output(QStringLiteral("cannot allocate a %1x%2 raster buffer").arg(w).arg(h));
    const double mupp = r.extent.width() / w;
    double gt[6] = {r.extent.xmin, mupp, 0, r.extent.ymax, 0, -r.extent.height() / h};
    GDALSetGeoTransform(dst.ds, gt);
    const QByteArray mapWkt = r.mapCrs.wkt().toUtf8();
    GDALSetProjection(dst.ds, mapWkt.constData());
    GDALSetRasterColorInterpretation(GDALGetRasterBand(dst.ds, dataBands + 1), GCI_AlphaBand);

    CPLStringList args;
    args.AddString("-r");
    args.AddString(r.style.nearest || palette ? "near" : "bilinear");
    args.AddString("-dstalpha");
    args.AddString("-wo");
    args.AddString("SAMPLE_GRID=YES");
    // Transform every output pixel's source location exactly: map projections near the tile edges bend.
    args.AddString("-et");
    args.AddString("0.125");
    const bool haveSrcCrs = GDALGetSpatialRef(src.ds) != nullptr;
    QByteArray srcWkt;
    if (r.sourceCrs.isValid() || !haveSrcCrs) {
        srcWkt = (r.sourceCrs.isValid() ? r.sourceCrs : r.mapCrs).wkt().toUtf8();
        args.AddString("-s_srs");
        args.AddString(srcWkt.constData());
    }
    if (srcAlpha)
        args.AddString("-srcalpha");
    // gdalwarp learnt -b only in GDAL 3.7: pick the bands (colour bands, then alpha) through a VRT instead,
    // unless the source has exactly those already.
    DatasetPtr selected;
    if (srcBands != dataBands + (srcAlpha ? 1 : 0)) {
        CPLStringList vrtArgs;
        vrtArgs.AddString("-of");
        vrtArgs.AddString("VRT");
        for (int b = 1; b <= dataBands; ++b) {
            vrtArgs.AddString("-b");
            vrtArgs.AddString(QByteArray::number(b).constData());
        }
        if (srcAlpha) {
            vrtArgs.AddString("-b");
            vrtArgs.AddString(QByteArray::number(srcBands).constData());
        }
        GDALTranslateOptions *vrtOpts = GDALTranslateOptionsNew(vrtArgs.List(), nullptr);
        selected.ds = vrtOpts ? GDALTranslate("", src.ds, vrtOpts, nullptr) : nullptr;
        GDALTranslateOptionsFree(vrtOpts);
        if (!selected)
            return Error::input(QStringLiteral("%1: cannot select raster bands: %2").arg(r.gdalPath, capture.message()));
    }
    GDALWarpAppOptions *opts = GDALWarpAppOptionsNew(args.List(), nullptr);
    if (!opts)
        return Error::input(QStringLiteral("%1: invalid warp options: %2").arg(r.gdalPath, capture.message()));
    GDALWarpAppOptionsSetProgress(opts, progressCallback, const_cast<std::atomic_bool *>(r.cancel));
    int usageError = FALSE;
    GDALDatasetH srcHandle = selected ? selected.ds : src.ds;
    GDALDatasetH out = GDALWarp(nullptr, dst.ds, 1, &srcHandle, opts, &usageError);
    GDALWarpAppOptionsFree(opts);
    if (r.cancel && r.cancel->load())
        return Error::cancelled();
    if (!out)
        return Error::input(QStringLiteral("%1: cannot warp raster to the map: %2").arg(r.gdalPath, capture.message()));

    QImage image(w, h, QImage::Format_ARGB32_Premultiplied);
    std::vector<uint8_t> alpha(size_t(w) * h);
    if (GDALRasterIO(GDALGetRasterBand(dst.ds, dataBands + 1), GF_Read, 0, 0, w, h, alpha.data(), w, h, GDT_Byte, 0,
                     0) != CE_None)
        return Error::input(QStringLiteral("%1: read failed: %2").arg(r.gdalPath, capture.message()));

    const auto premul = [](QRgb c, uint8_t a) {
        const int alphaTotal = qAlpha(c) * a / 255;
        return qPremultiply(qRgba(qRed(c), qGreen(c), qBlue(c), alphaTotal));
    };
    if (rgb) {
        std::vector<uint8_t> bands(size_t(w) * h * 3);
        for (int b = 0; b < 3; ++b)
            if (GDALRasterIO(GDALGetRasterBand(dst.ds, b + 1), GF_Read, 0, 0, w, h, bands.data() + size_t(b) * w * h,
                             w, h, GDT_Byte, 0, 0) != CE_None)
                return Error::input(QStringLiteral("%1: read failed: %2").arg(r.gdalPath, capture.message()));
        for (int y = 0; y < h; ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < w; ++x) {
                const size_t i = size_t(y) * w + x;
                line[x] = premul(qRgb(bands[i], bands[size_t(w) * h + i], bands[2 * size_t(w) * h + i]), alpha[i]);
            }
        }
    } else if (palette) {
        std::vector<uint8_t> idx(size_t(w) * h);
        if (GDALRasterIO(GDALGetRasterBand(dst.ds, 1), GF_Read, 0, 0, w, h, idx.data(), w, h, GDT_Byte, 0, 0) !=
            CE_None)
            return Error::input(QStringLiteral("%1: read failed: %2").arg(r.gdalPath, capture.message()));
        QRgb lut[256];
        GDALColorTableH ct = GDALGetRasterColorTable(first);
        for (int i = 0; i < 256; ++i) {
            const GDALColorEntry *e = ct && i < GDALGetColorEntryCount(ct) ? GDALGetColorEntry(ct, i) : nullptr;
            lut[i] = e ? qRgba(e->c1, e->c2, e->c3, e->c4) : qRgba(0, 0, 0, 0);
        }
        for (int y = 0; y < h; ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < w; ++x) {
                const size_t i = size_t(y) * w + x;
                line[x] = premul(lut[idx[i]], alpha[i]);
            }
        }
    } else {
        std::vector<float> values(size_t(w) * h);
        if (GDALRasterIO(GDALGetRasterBand(dst.ds, 1), GF_Read, 0, 0, w, h, values.data(), w, h, GDT_Float32, 0,
                         0) != CE_None)
            return Error::input(QStringLiteral("%1: read failed: %2").arg(r.gdalPath, capture.message()));
        ColorRamp ramp = ColorRamp::named(r.style.ramp);
        if (r.style.invertRamp)
            ramp = ramp.inverted();
        QRgb lut[256];
        for (int i = 0; i < 256; ++i)
            lut[i] = ramp.color(i / 255.0).rgba();
        const double lo = std::isnan(r.style.min) ? r.dataMin : r.style.min;
        const double hi = std::isnan(r.style.max) ? r.dataMax : r.style.max;
        const double k = hi > lo ? 255.0 / (hi - lo) : 0.0;
        for (int y = 0; y < h; ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < w; ++x) {
                const size_t i = size_t(y) * w + x;
                const double v = values[i];
                const int li = std::isfinite(v) ? int(std::clamp((v - lo) * k, 0.0, 255.0) + 0.5) : 0;
                line[x] = premul(lut[li], std::isfinite(v) ? alpha[i] : 0);
            }
        }
    }
    return image;
}

} // namespace kw::gdal
