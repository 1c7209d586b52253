// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/gdal/geopackage_writer.h"

#include "core/data/gdal/gdal_provider.h"
#include "core/data/gdal/gdal_util.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <QTimeZone>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ogr_api.h>
#include <ogr_srs_api.h>

namespace kw {

struct GeoPackageWriter::Impl
{
    QString target;
    QString temp;
    GDALDatasetH ds = nullptr;
    bool committed = false;

    ~Impl()
    {
        if (ds) GDALClose(ds);
        if (!committed && !temp.isEmpty()) QFile::remove(temp);
    }

    Error fail(const QString &what, const gdal::ErrorCapture &capture) const
    {
        const QString reason = capture.message();
        return Error::output(
            QStringLiteral("%1: %2%3")
                .arg(target, what, reason.isEmpty() ? QString() : QStringLiteral(": ") + reason));
    }

    Result<OGRLayerH> createLayer(const QString &name, const Crs &crs, OGRwkbGeometryType type,
                                  const Fields &fields, const gdal::ErrorCapture &capture)
    {
        OGRSpatialReferenceH srs = nullptr;
        if (crs.isValid() && type != wkbNone) {
            srs = OSRNewSpatialReference(nullptr);
            const QByteArray def = (crs.authId().isEmpty() ? crs.wkt() : crs.authId()).toUtf8();
            if (OSRSetFromUserInput(srs, def.constData()) != OGRERR_NONE) {
                OSRDestroySpatialReference(srs);
                srs = OSRNewSpatialReference(nullptr);
                OSRSetFromUserInput(srs, crs.wkt().toUtf8().constData());
            }
            OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
        }
        const char *options[] = {"FID=fid", nullptr};
        OGRLayerH layer =
            GDALDatasetCreateLayer(ds, name.toUtf8().constData(), srs, type, const_cast<char **>(options));
        if (srs) OSRRelease(srs);
        if (!layer) return fail(QStringLiteral("cannot create layer '%1'").arg(name), capture);
        for (const Field &f : fields) {
            OGRFieldType ogrType = OFTString;
            OGRFieldSubType sub = OFSTNone;
            switch (f.type) {
            case FieldType::Int:
                ogrType = OFTInteger64;
                break;
            case FieldType::Double:
                ogrType = OFTReal;
                break;
            case FieldType::String:
                ogrType = OFTString;
                break;
            case FieldType::Date:
                ogrType = OFTDate;
                break;
            case FieldType::DateTime:
                ogrType = OFTDateTime;
                break;
            case FieldType::Bool:
                ogrType = OFTInteger;
                sub = OFSTBoolean;
                break;
            }
            OGRFieldDefnH defn = OGR_Fld_Create(f.name.toUtf8().constData(), ogrType);
            OGR_Fld_SetSubType(defn, sub);
            const OGRErr err = OGR_L_CreateField(layer, defn, TRUE);
            OGR_Fld_Destroy(defn);
            if (err != OGRERR_NONE)
                return fail(QStringLiteral("cannot create field '%1' in layer '%2'").arg(f.name, name),
                            capture);
        }
        return layer;
    }

    static void setAttributes(OGRFeatureH feature, const AttributeTable &table, size_t row)
    {
        for (int col = 0; col < table.columnCount(); ++col) {
            if (table.isNull(row, col)) {
                OGR_F_SetFieldNull(feature, col);
                continue;
            }
            switch (table.type(col)) {
            case FieldType::Int:
                OGR_F_SetFieldInteger64(feature, col, table.intData(col)[row]);
                break;
            case FieldType::Double:
                OGR_F_SetFieldDouble(feature, col, table.doubleData(col)[row]);
                break;
            case FieldType::String:
                OGR_F_SetFieldString(feature, col, table.stringAt(row, col).toUtf8().constData());
                break;
            case FieldType::Bool:
                OGR_F_SetFieldInteger(feature, col, table.boolData(col)[row] ? 1 : 0);
                break;
            case FieldType::Date:
            case FieldType::DateTime: {
                const int64_t ms = table.intData(col)[row];
                const QDateTime dt = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
                const QDate d = dt.date();
                const QTime t = dt.time();
                const float seconds = float(t.second()) + float(t.msec()) / 1000.0f;
                OGR_F_SetFieldDateTimeEx(feature, col, d.year(), d.month(), d.day(), t.hour(), t.minute(),
                                         seconds, table.type(col) == FieldType::Date ? 0 : 100);
                break;
            }
            }
        }
    }
};

GeoPackageWriter::GeoPackageWriter() : d(std::make_unique<Impl>()) {}

GeoPackageWriter::~GeoPackageWriter() = default;

Result<std::unique_ptr<GeoPackageWriter>> GeoPackageWriter::create(const QString &path)
{
    gdal::initialize();
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return Error::output(QStringLiteral("%1: the folder does not exist").arg(path));
    if (info.exists() && info.isDir()) return Error::output(QStringLiteral("%1: is a folder").arg(path));
    // A unique name in the target's folder, so the final rename stays on one file system.
    QTemporaryFile reserve(
        info.absoluteDir().filePath(QStringLiteral(".%1.XXXXXX.gpkg").arg(info.completeBaseName())));
    if (!reserve.open())
        return Error::output(QStringLiteral("%1: cannot write in %2: %3")
                                 .arg(path, info.absolutePath(), reserve.errorString()));
    const QString temp = reserve.fileName();
    reserve.close();
    reserve.remove(); // GDAL refuses to create a GeoPackage over an existing file

    std::unique_ptr<GeoPackageWriter> w(new GeoPackageWriter());
    w->d->target = path;
    w->d->temp = temp;
    gdal::ErrorCapture capture;
    GDALDriverH driver = GDALGetDriverByName("GPKG");
    if (!driver) return Error::output(QStringLiteral("%1: GDAL has no GeoPackage driver").arg(path));
    w->d->ds = GDALCreate(driver, temp.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!w->d->ds) return w->d->fail(QStringLiteral("cannot create a GeoPackage"), capture);
    return w;
}

Status GeoPackageWriter::addLayer(const FeatureStore &store, const QString &name)
{
    if (!d->ds) return Error::output(QStringLiteral("%1: already committed").arg(d->target));
    gdal::ErrorCapture capture;
    // One geometry type for the layer: the single type when all features share it, else the multi type of
    // the family (GeoPackage readers expect features to match the declared type).
    bool same = true, any = false;
    GeometryType first = GeometryType::Unknown;
    for (size_t f = 0; f < store.featureCount(); ++f) {
        const GeometryType t = store.geometryType(f);
        if (t == GeometryType::Unknown || store.partBegin(f) == store.partEnd(f)) continue;
        if (!any)
            first = t;
        else if (t != first)
            same = false;
        any = true;
    }
    OGRwkbGeometryType layerType = wkbUnknown;
    bool promote = false;
    if (any && same) {
        layerType = OGRwkbGeometryType(int(first));
    } else if (any) {
        switch (store.family()) {
        case GeometryFamily::Point:
            layerType = wkbMultiPoint;
            break;
        case GeometryFamily::Line:
            layerType = wkbMultiLineString;
            break;
        case GeometryFamily::Polygon:
            layerType = wkbMultiPolygon;
            break;
        default:
            layerType = wkbGeometryCollection;
            break;
        }
        promote = layerType != wkbGeometryCollection;
    }
    auto layer = d->createLayer(name, store.crs(), layerType, store.fields(), capture);
    if (!layer.ok()) return layer.error();
    if (GDALDatasetStartTransaction(d->ds, FALSE) != OGRERR_NONE)
        return d->fail(QStringLiteral("cannot start a transaction"), capture);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(*layer);
    for (size_t f = 0; f < store.featureCount(); ++f) {
        OGRFeatureH feature = OGR_F_Create(defn);
        Impl::setAttributes(feature, store.attributes(), f);
        if (store.partBegin(f) != store.partEnd(f) && store.geometryType(f) != GeometryType::Unknown) {
            const QByteArray wkb = store.geometry(f).toWkb();
            OGRGeometryH g = nullptr;
            if (OGR_G_CreateFromWkb(reinterpret_cast<const unsigned char *>(wkb.constData()), nullptr, &g,
                                    int(wkb.size())) == OGRERR_NONE &&
                g) {
                if (promote) {
                    if (layerType == wkbMultiPolygon)
                        g = OGR_G_ForceToMultiPolygon(g);
                    else if (layerType == wkbMultiLineString)
                        g = OGR_G_ForceToMultiLineString(g);
                    else if (layerType == wkbMultiPoint)
                        g = OGR_G_ForceToMultiPoint(g);
                }
                OGR_F_SetGeometryDirectly(feature, g);
            }
        }
        const OGRErr err = OGR_L_CreateFeature(*layer, feature);
        OGR_F_Destroy(feature);
        if (err != OGRERR_NONE) {
            GDALDatasetRollbackTransaction(d->ds);
            return d->fail(QStringLiteral("cannot write feature %1 of layer '%2'").arg(f).arg(name), capture);
        }
    }
    if (GDALDatasetCommitTransaction(d->ds) != OGRERR_NONE)
        return d->fail(QStringLiteral("cannot write layer '%1'").arg(name), capture);
    return {};
}

Status GeoPackageWriter::addTable(const AttributeTable &table, const QString &name)
{
    if (!d->ds) return Error::output(QStringLiteral("%1: already committed").arg(d->target));
    gdal::ErrorCapture capture;
    auto layer = d->createLayer(name, Crs(), wkbNone, table.fields(), capture);
    if (!layer.ok()) return layer.error();
    if (GDALDatasetStartTransaction(d->ds, FALSE) != OGRERR_NONE)
        return d->fail(QStringLiteral("cannot start a transaction"), capture);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(*layer);
    for (size_t row = 0; row < table.rowCount(); ++row) {
        OGRFeatureH feature = OGR_F_Create(defn);
        Impl::setAttributes(feature, table, row);
        const OGRErr err = OGR_L_CreateFeature(*layer, feature);
        OGR_F_Destroy(feature);
        if (err != OGRERR_NONE) {
            GDALDatasetRollbackTransaction(d->ds);
            return d->fail(QStringLiteral("cannot write row %1 of table '%2'").arg(row).arg(name), capture);
        }
    }
    if (GDALDatasetCommitTransaction(d->ds) != OGRERR_NONE)
        return d->fail(QStringLiteral("cannot write table '%1'").arg(name), capture);
    return {};
}

Status GeoPackageWriter::commit()
{
    if (!d->ds) return Error::output(QStringLiteral("%1: already committed").arg(d->target));
    gdal::ErrorCapture capture;
    GDALClose(d->ds);
    d->ds = nullptr;
    if (!capture.message().isEmpty() && CPLGetLastErrorType() >= CE_Failure)
        return d->fail(QStringLiteral("cannot finish the GeoPackage"), capture);
    // rename(2) replaces an existing target atomically; QFile::rename would refuse to.
    if (std::rename(QFile::encodeName(d->temp).constData(), QFile::encodeName(d->target).constData()) != 0)
        return Error::output(
            QStringLiteral("%1: cannot replace: %2").arg(d->target, QString::fromLocal8Bit(strerror(errno))));
    d->committed = true;
    return {};
}

Status writeGeoPackage(const FeatureStore &store, const QString &path, const QString &layerName)
{
    auto writer = GeoPackageWriter::create(path);
    if (!writer.ok()) return writer.error();
    if (Status st = (*writer)->addLayer(store, layerName); !st.ok()) return st;
    return (*writer)->commit();
}

} // namespace kw
