// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/gdal/gdal_provider.h"

#include "core/crs/coordinate_transform.h"
#include "core/data/gdal/arrow_reader.h"
#include "core/data/gdal/gdal_util.h"
#include "core/geometry/wkb_reader.h"
#include "core/util/text_codec.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QStandardPaths>
#include <QTimeZone>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <ogr_api.h>

#include <mutex>
#include <optional>

namespace kw {

namespace {

/// What inspect() and layerExtent() found in local files, reused while the file and its siblings (a
/// GeoPackage's -wal, a Shapefile's .dbf) keep their names, sizes and modification times.
///
/// Before a map is drawn each of its sources is opened several times: to list its layers, to check
/// them, for the extent of the view, for the reader (16 opens of one GeoPackage for a three-layer
/// render, 2–4 ms each). Only the answers are kept, never an open dataset: GDAL handles are not
/// thread-safe, and a file changed on disk is simply read again.
class SourceMemo
{
public:
    static SourceMemo &instance()
    {
        static SourceMemo *memo = new SourceMemo; // never destroyed: used from worker threads until exit
        return *memo;
    }

    /// The stamp of a local regular file and its siblings; empty for anything else (not cached).
    static QByteArray stamp(const SourceUri &uri)
    {
        if (!uri.isLocalPath())
            return {};
        const QFileInfo file(uri.path);
        if (!file.isFile())
            return {};
        QByteArray s;
        const QDir dir = file.absoluteDir();
        const QFileInfoList siblings =
            dir.entryInfoList({file.completeBaseName() + QStringLiteral(".*")}, QDir::Files | QDir::Hidden, QDir::Name);
        for (const QFileInfo &f : siblings)
            s += f.fileName().toUtf8() + '\0' + QByteArray::number(f.size()) + '\0' +
                 QByteArray::number(f.lastModified().toMSecsSinceEpoch()) + '\n';
        return s;
    }

    /// Remembered answers of one kind (inspect(), layerExtent()), each with the stamp it was read at.
    template <typename T> class Answers
    {
    public:
        std::optional<T> find(const QString &key, const QByteArray &stamp) const
        {
            QMutexLocker lock(&m_mutex);
            const auto it = m_answers.constFind(key);
            if (stamp.isEmpty() || it == m_answers.constEnd() || it->first != stamp)
                return std::nullopt;
            return it->second;
        }
        void store(const QString &key, const QByteArray &stamp, const T &answer)
        {
            if (stamp.isEmpty())
                return;
            QMutexLocker lock(&m_mutex);
            if (m_answers.size() > 256)
                m_answers.clear();
            m_answers.insert(key, {stamp, answer});
        }

    private:
        mutable QMutex m_mutex;
        QHash<QString, std::pair<QByteArray, T>> m_answers;
    };

    Answers<SourceInfo> infos;
    Answers<std::optional<Envelope>> extents;
};

} // namespace

namespace gdal {

void initialize()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Never write next to the user's data: no .aux.xml statistics, no .gfs schema files.
        CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
        CPLSetConfigOption("GML_SAVE_RESOLVED_TO", nullptr);
        // WMS, WMTS and TMS tiles are cached on disk (xyz: sources set their own <Cache> to the same place).
        if (!CPLGetConfigOption("GDAL_DEFAULT_WMS_CACHE_PATH", nullptr)) {
            const QByteArray cache = (QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
                                      QStringLiteral("/kartenwerk/tiles"))
                                         .toUtf8();
            CPLSetConfigOption("GDAL_DEFAULT_WMS_CACHE_PATH", cache.constData());
        }
        // GDAL's SQLite and GeoPackage drivers load SpatiaLite into every connection they open; its set-up
        // opens and parses PROJ's database each time, ~half of opening a GeoPackage (a map opens each
        // source a few times: inspect, extent, read). We run no SQL with SpatiaLite functions; GeoPackage's
        // own functions (R-tree triggers) are GDAL's. A user's SPATIALITE_LOAD still wins.
        if (!CPLGetConfigOption("SPATIALITE_LOAD", nullptr))
            CPLSetConfigOption("SPATIALITE_LOAD", "NO");
        GDALAllRegister();
    });
}

QString label(const SourceUri &uri)
{
    return uri.path;
}

QString openPath(const SourceUri &uri)
{
    if (!uri.isXyz())
        return uri.path;
    QString url = uri.path.mid(4);
    url.replace(QLatin1String("{z}"), QLatin1String("${z}"))
        .replace(QLatin1String("{x}"), QLatin1String("${x}"))
        .replace(QLatin1String("{y}"), QLatin1String("${y}"));
    url.replace(QLatin1Char('&'), QLatin1String("&amp;"));
    const QString cache =
        QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/kartenwerk/tiles");
    return QStringLiteral("<GDAL_WMS><Service name=\"TMS\"><ServerUrl>%1</ServerUrl></Service>"
                          "<DataWindow><UpperLeftX>-20037508.34</UpperLeftX><UpperLeftY>20037508.34</UpperLeftY>"
                          "<LowerRightX>20037508.34</LowerRightX><LowerRightY>-20037508.34</LowerRightY>"
                          "<TileLevel>19</TileLevel><TileCountX>1</TileCountX><TileCountY>1</TileCountY>"
                          "<YOrigin>top</YOrigin></DataWindow><Projection>EPSG:3857</Projection>"
                          "<BlockSizeX>256</BlockSizeX><BlockSizeY>256</BlockSizeY><BandsCount>4</BandsCount>"
                          "<Cache><Path>%2</Path></Cache><ZeroBlockHttpCodes>204,404</ZeroBlockHttpCodes>"
                          "<UserAgent>Kartenwerk</UserAgent></GDAL_WMS>")
        .arg(url, cache);
}

Crs crsFromSrs(OGRSpatialReferenceH srs)
{
    if (!srs)
        return {};
    char *wkt = nullptr;
    const char *opts[] = {"FORMAT=WKT2_2019", nullptr};
    if (OSRExportToWktEx(srs, &wkt, opts) != OGRERR_NONE || !wkt) {
        CPLFree(wkt);
        return {};
    }
    auto crs = Crs::fromWkt(QString::fromUtf8(wkt));
    CPLFree(wkt);
    return crs.ok() ? *crs : Crs();
}

Result<GDALDatasetH> open(const SourceUri &uri, unsigned flags)
{
    initialize();
    const QString path = openPath(uri);
    if (uri.isLocalPath() && !QFileInfo::exists(path))
        return Error::input(QStringLiteral("%1: no such file or directory").arg(path));
    if (uri.isLocalPath() && QFileInfo(path).isFile() && !QFileInfo(path).isReadable())
        return Error::input(QStringLiteral("%1: permission denied").arg(path));
    CPLStringList openOptions;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("gml") || suffix == QLatin1String("xml"))
        openOptions.AddString("WRITE_GFS=NO");
    ErrorCapture capture;
    GDALDatasetH ds = GDALOpenEx(path.toUtf8().constData(), flags | GDAL_OF_VERBOSE_ERROR, nullptr,
                                 openOptions.List(), nullptr);
    if (!ds) {
        QString reason = capture.message();
        if (reason.isEmpty() || reason.contains(QLatin1String("not recognized as")))
            reason = QStringLiteral("not a supported or readable data format (corrupt or empty file?)");
        return Error::input(QStringLiteral("%1: %2").arg(label(uri), reason));
    }
    return ds;
}

} // namespace gdal

namespace {

GeometryType fromOgr(OGRwkbGeometryType t)
{
    switch (wkbFlatten(OGR_GT_GetLinear(t))) {
    case wkbPoint: return GeometryType::Point;
    case wkbLineString: return GeometryType::LineString;
    case wkbPolygon:
    case wkbTriangle: return GeometryType::Polygon;
    case wkbMultiPoint: return GeometryType::MultiPoint;
    case wkbMultiLineString: return GeometryType::MultiLineString;
    case wkbMultiPolygon:
    case wkbPolyhedralSurface:
    case wkbTIN: return GeometryType::MultiPolygon;
    case wkbGeometryCollection: return GeometryType::GeometryCollection;
    default: return GeometryType::Unknown;
    }
}

Field fieldFromOgr(OGRFieldDefnH def)
{
    Field f;
    f.name = QString::fromUtf8(OGR_Fld_GetNameRef(def));
    const OGRFieldType t = OGR_Fld_GetType(def);
    const OGRFieldSubType st = OGR_Fld_GetSubType(def);
    f.sourceType = QString::fromUtf8(OGR_GetFieldTypeName(t));
    if (st != OFSTNone)
        f.sourceType += QStringLiteral("(%1)").arg(QString::fromUtf8(OGR_GetFieldSubTypeName(st)));
    else if (OGR_Fld_GetWidth(def) > 0)
        f.sourceType += QStringLiteral("(%1%2)").arg(OGR_Fld_GetWidth(def)).arg(
            OGR_Fld_GetPrecision(def) > 0 ? QStringLiteral(".%1").arg(OGR_Fld_GetPrecision(def)) : QString());
    switch (t) {
    case OFTInteger:
        f.type = st == OFSTBoolean ? FieldType::Bool : FieldType::Int;
        break;
    case OFTInteger64:
        f.type = FieldType::Int;
        break;
    case OFTReal:
        f.type = FieldType::Double;
        break;
    case OFTDate:
        f.type = FieldType::Date;
        break;
    case OFTDateTime:
        f.type = FieldType::DateTime;
        break;
    default:
        f.type = FieldType::String;
        break;
    }
    return f;
}

LayerInfo vectorLayerInfo(OGRLayerH layer, const SourceUri &uri)
{
    LayerInfo info;
    info.name = QString::fromUtf8(OGR_L_GetName(layer));
    info.geometryType = fromOgr(OGR_L_GetGeomType(layer));
    info.featureCount = OGR_L_GetFeatureCount(layer, TRUE);
    if (info.featureCount < 0 && uri.isLocalPath()) {
        // Streaming drivers (OSM) cannot tell without reading; a local file is cheap enough to count.
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
        CPLStringList all;
        for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
            all.AddString(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
        all.AddString("OGR_GEOMETRY");
        OGR_L_SetIgnoredFields(layer, const_cast<const char **>(all.List()));
        OGR_L_ResetReading(layer);
        qint64 n = 0;
        while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
            OGR_F_Destroy(f);
            ++n;
        }
        OGR_L_SetIgnoredFields(layer, nullptr);
        OGR_L_ResetReading(layer);
        info.featureCount = n;
    }
    info.crs = uri.crs.isEmpty() ? gdal::crsFromSrs(OGR_L_GetSpatialRef(layer)) : Crs::fromUserInput(uri.crs).value();
    OGREnvelope env;
    if (OGR_L_GetGeomType(layer) != wkbNone && OGR_L_GetExtent(layer, &env, TRUE) == OGRERR_NONE)
        info.extent = Envelope(env.MinX, env.MinY, env.MaxX, env.MaxY);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
        info.fields << fieldFromOgr(OGR_FD_GetFieldDefn(defn, i));
    return info;
}

LayerInfo rasterLayerInfo(GDALDatasetH ds, const QString &name, const SourceUri &uri)
{
    LayerInfo info;
    info.name = name;
    info.isRaster = true;
    RasterInfo r;
    r.width = GDALGetRasterXSize(ds);
    r.height = GDALGetRasterYSize(ds);
    r.bandCount = GDALGetRasterCount(ds);
    if (r.bandCount > 0) {
        GDALRasterBandH b = GDALGetRasterBand(ds, 1);
        r.overviewCount = GDALGetOverviewCount(b);
        r.dataType = QString::fromUtf8(GDALGetDataTypeName(GDALGetRasterDataType(b)));
        const GDALColorInterp ci = GDALGetRasterColorInterpretation(b);
        if (ci == GCI_PaletteIndex)
            r.colorInterpretation = QStringLiteral("Palette");
        else if (r.bandCount >= 4)
            r.colorInterpretation = QStringLiteral("RGBA");
        else if (r.bandCount == 3)
            r.colorInterpretation = QStringLiteral("RGB");
        else
            r.colorInterpretation = QStringLiteral("Gray");
    }
    double gt[6];
    if (GDALGetGeoTransform(ds, gt) == CE_None) {
        r.pixelSizeX = gt[1];
        r.pixelSizeY = std::abs(gt[5]);
        const double xs[4] = {gt[0], gt[0] + gt[1] * r.width, gt[0] + gt[2] * r.height,
                              gt[0] + gt[1] * r.width + gt[2] * r.height};
        const double ys[4] = {gt[3], gt[3] + gt[4] * r.width, gt[3] + gt[5] * r.height,
                              gt[3] + gt[4] * r.width + gt[5] * r.height};
        for (int i = 0; i < 4; ++i)
            info.extent.include(xs[i], ys[i]);
    }
    info.crs = uri.crs.isEmpty() ? gdal::crsFromSrs(GDALGetSpatialRef(ds)) : Crs::fromUserInput(uri.crs).value();
    info.raster = r;
    return info;
}

} // namespace

Result<SourceInfo> GdalProvider::inspect(const SourceUri &uri) const
{
    const QByteArray stamp = SourceMemo::stamp(uri);
    const QString key = uri.toString();
    if (auto known = SourceMemo::instance().infos.find(key, stamp))
        return *known;
    auto result = inspectUncached(uri);
    if (result.ok())
        SourceMemo::instance().infos.store(key, stamp, *result);
    return result;
}

Result<SourceInfo> GdalProvider::inspectUncached(const SourceUri &uri) const
{
    if (!uri.crs.isEmpty()) {
        auto crs = Crs::fromUserInput(uri.crs);
        if (!crs.ok())
            return Error::input(QStringLiteral("%1: %2").arg(uri.path, crs.error().message));
    }
    auto opened = gdal::open(uri, GDAL_OF_VECTOR | GDAL_OF_RASTER);
    if (!opened.ok())
        return opened.error();
    gdal::DatasetPtr ds(*opened);
    gdal::ErrorCapture capture;
    SourceInfo info;
    info.uri = uri.toString();
    info.driver = QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(ds.ds)));
    for (int i = 0; i < GDALDatasetGetLayerCount(ds.ds); ++i) {
        OGRLayerH layer = GDALDatasetGetLayer(ds.ds, i);
        if (!uri.layerName.isEmpty() && uri.layerName != QString::fromUtf8(OGR_L_GetName(layer)))
            continue;
        info.layers << vectorLayerInfo(layer, uri);
    }
    if (GDALGetRasterCount(ds.ds) > 0) {
        const QString name = uri.isXyz() ? QStringLiteral("tiles") : QFileInfo(uri.path).completeBaseName();
        if (uri.layerName.isEmpty() || uri.layerName == name) {
            info.layers << rasterLayerInfo(ds.ds, name, uri);
            info.layers.back().gdalPath = gdal::openPath(uri);
        }
    }
    // Containers such as GeoPackage list their tile tables as subdatasets.
    if (char **sub = GDALGetMetadata(ds.ds, "SUBDATASETS")) {
        for (int i = 0; sub[i]; ++i) {
            const QString entry = QString::fromUtf8(sub[i]);
            if (!entry.contains(QLatin1String("_NAME=")))
                continue;
            const QString subPath = entry.section(QLatin1Char('='), 1);
            const QString name = subPath.section(QLatin1Char(':'), -1);
            if (!uri.layerName.isEmpty() && uri.layerName != name)
                continue;
            gdal::ErrorCapture subCapture;
            gdal::DatasetPtr sds(GDALOpenEx(subPath.toUtf8().constData(), GDAL_OF_RASTER, nullptr, nullptr, nullptr));
            if (sds) {
                info.layers << rasterLayerInfo(sds.ds, name, uri);
                info.layers.back().gdalPath = subPath;
            }
        }
    }
    if (!uri.layerName.isEmpty() && info.layers.isEmpty())
        return Error::input(QStringLiteral("%1: no layer named '%2'").arg(uri.path, uri.layerName));
    return info;
}

namespace {

void readAttributes(OGRFeatureH feature, const std::vector<int> &ogrIndex, const Fields &fields, AttributeTable &t,
                    bool utf8)
{
    for (int col = 0; col < int(ogrIndex.size()); ++col) {
        const int i = ogrIndex[col];
        if (!OGR_F_IsFieldSetAndNotNull(feature, i))
            continue;
        switch (fields[col].type) {
        case FieldType::Int:
            t.setInt(col, OGR_F_GetFieldAsInteger64(feature, i));
            break;
        case FieldType::Double:
            t.setDouble(col, OGR_F_GetFieldAsDouble(feature, i));
            break;
        case FieldType::Bool:
            t.setBool(col, OGR_F_GetFieldAsInteger(feature, i) != 0);
            break;
        case FieldType::Date:
        case FieldType::DateTime: {
            int y, m, d, h, mi, tz;
            float s;
            if (OGR_F_GetFieldAsDateTimeEx(feature, i, &y, &m, &d, &h, &mi, &s, &tz)) {
                const QTime time(h, mi, int(s), int((s - int(s)) * 1000));
                // tz: 0 unknown, 1 local time, 100 UTC, 100±n offsets of n quarter hours. Unknown and local
                // are taken as UTC here; sensor sources state their offset explicitly.
                const int offsetSeconds = tz > 1 ? (tz - 100) * 15 * 60 : 0;
                const QDateTime dt(QDate(y, m, d), time, Qt::OffsetFromUTC, offsetSeconds);
                if (dt.isValid())
                    t.setDateTime(col, dt.toMSecsSinceEpoch());
            }
            break;
        }
        case FieldType::String: {
            const char *s = OGR_F_GetFieldAsString(feature, i);
            t.setString(col, utf8 ? QString::fromUtf8(s) : text::decodeGuess(s, qsizetype(strlen(s))));
            break;
        }
        }
    }
}

/// The classic path: one OGRFeature at a time. Returns false when cancelled.
bool readFeatures(OGRLayerH layer, const std::vector<int> &ogrIndex, const Fields &fields, FeatureStore &firstStore,
                  const LoadOptions &options, GIntBig expected, bool utf8,
                  const std::function<FeatureStore *()> &nextBatch)
{
    OGR_L_ResetReading(layer);
    std::vector<uint8_t> wkbBuffer;
    size_t count = 0;
    FeatureStore *cur = &firstStore;
    while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
        if (nextBatch && cur->featureCount() >= options.batchFeatures && !(cur = nextBatch())) {
            OGR_F_Destroy(feature);
            return false;
        }
        FeatureStore &store = *cur;
        store.beginFeature(OGR_F_GetFID(feature));
        GeometryType type = GeometryType::Unknown;
        OGRGeometryH geom = OGR_F_GetGeometryRef(feature);
        OGRGeometryH linear = nullptr;
        if (geom && OGR_G_HasCurveGeometry(geom, FALSE)) {
            linear = OGR_G_GetLinearGeometry(geom, 0, nullptr);
            geom = linear;
            ++store.report().linearised;
        }
        if (geom && !OGR_G_IsEmpty(geom)) {
            const int size = OGR_G_WkbSize(geom);
            wkbBuffer.resize(size_t(size));
            OGR_G_ExportToIsoWkb(geom, wkbNDR, wkbBuffer.data());
            wkb::Reader<FeatureStore> reader(wkbBuffer.data(), wkbBuffer.size(), store);
            const wkb::ParseStatus st = reader.read(type);
            if (st != wkb::ParseStatus::Ok) {
                store.discardCurrentGeometry();
                type = GeometryType::Unknown;
                ++store.report().invalid;
            } else if (type == GeometryType::GeometryCollection) {
                ++store.report().mixed;
            }
        } else if (geom) {
            type = fromOgr(OGR_G_GetGeometryType(geom));
        }
        if (linear)
            OGR_G_DestroyGeometry(linear);
        store.endFeature(type);
        readAttributes(feature, ogrIndex, fields, store.attributes(), utf8);
        OGR_F_Destroy(feature);
        if ((++count & 0xfff) == 0 && options.progress) {
            const double fraction = expected > 0 ? 0.9 * double(count) / double(expected) : 0.5;
            if (!options.progress(std::min(fraction, 0.9)))
                return false;
        }
    }
    return true;
}

/// A vector layer of an opened source and the CRS of its data (the URI's "|crs=" override, else the layer's).
struct OpenedLayer
{
    gdal::DatasetPtr ds;
    OGRLayerH layer = nullptr;
    Crs crs;
};

Result<OpenedLayer> openLayer(const SourceUri &uri, const QString &layerName)
{
    auto opened = gdal::open(uri, GDAL_OF_VECTOR);
    if (!opened.ok())
        return opened.error();
    OpenedLayer out{gdal::DatasetPtr(*opened), nullptr, Crs()};
    gdal::ErrorCapture capture;
    const QString wanted = layerName.isEmpty() ? uri.layerName : layerName;
    out.layer = wanted.isEmpty() ? GDALDatasetGetLayer(out.ds.ds, 0)
                                 : GDALDatasetGetLayerByName(out.ds.ds, wanted.toUtf8().constData());
    if (!out.layer)
        return Error::input(wanted.isEmpty() ? QStringLiteral("%1: contains no vector layer").arg(uri.path)
                                             : QStringLiteral("%1: no layer named '%2'").arg(uri.path, wanted));
    if (!uri.crs.isEmpty()) {
        auto crs = Crs::fromUserInput(uri.crs);
        if (!crs.ok())
            return Error::input(QStringLiteral("%1: %2").arg(uri.path, crs.error().message));
        out.crs = *crs;
    } else {
        out.crs = gdal::crsFromSrs(OGR_L_GetSpatialRef(out.layer));
    }
    return out;
}

} // namespace

Result<std::shared_ptr<FeatureStore>> GdalProvider::loadVector(const SourceUri &uri, const QString &layerName,
                                                                const LoadOptions &options) const
{
    auto source = openLayer(uri, layerName);
    if (!source.ok())
        return source.error();
    gdal::ErrorCapture capture;
    OGRLayerH layer = source->layer;
    const Crs &sourceCrs = source->crs;
    const Crs targetCrs = options.targetCrs.isValid() ? options.targetCrs : sourceCrs;
    const CoordinateTransform transform(sourceCrs, targetCrs);
    if (Status st = transform.check(); !st.ok())
        return Error::input(QStringLiteral("%1: %2").arg(uri.path, st.error().message));

    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    Fields fields;
    std::vector<int> ogrIndex;
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
        Field f = fieldFromOgr(OGR_FD_GetFieldDefn(defn, i));
        if (!options.allFields && !options.fields.contains(f.name, Qt::CaseInsensitive))
            continue;
        fields << f;
        ogrIndex.push_back(i);
    }
    if (!options.allFields) {
        // Skipping unused columns saves most of the decoding time of wide tables.
        CPLStringList ignored;
        for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
            if (std::find(ogrIndex.begin(), ogrIndex.end(), i) == ogrIndex.end())
                ignored.AddString(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
        OGR_L_SetIgnoredFields(layer, const_cast<const char **>(ignored.List()));
    }
    const bool utf8 = OGR_L_TestCapability(layer, OLCStringsAsUTF8);

    if (!options.spatialFilter.isNull()) {
        // The view in the layer's CRS; the driver's index (GeoPackage R-tree, .qix, …) skips the rest.
        const Envelope f = transform.isIdentity() ? options.spatialFilter
                                                  : transform.transformBounds(options.spatialFilter, true);
        if (!f.isNull())
            OGR_L_SetSpatialFilterRect(layer, f.xmin, f.ymin, f.xmax, f.ymax);
    }

    const GIntBig expected = options.spatialFilter.isNull() ? OGR_L_GetFeatureCount(layer, FALSE) : -1;
    auto newStore = [&] {
        auto s = std::make_shared<FeatureStore>(fields, targetCrs);
        s->setSourceCrs(sourceCrs);
        // A batch holds batchFeatures, give or take the end of an Arrow batch. Vertex room is sized from the
        // first features read (see FeatureStore::reserve); a bound larger than the batch would make it too
        // big, and finish() would then copy the array to give the rest back.
        if (options.batchSink)
            s->reserve(options.batchFeatures, 0);
        else if (expected > 0)
            s->reserve(size_t(expected), 0); // vertices: sized from the first features read (see FeatureStore)
        return s;
    };
    auto store = newStore();

    // Streaming: finish the current store, hand it over, go on in a fresh one.
    GeometryReport handedOver;
    LoadOptions batchOptions;
    batchOptions.buildIndex = false; // a batch is drawn whole and dropped; it builds one if it is queried
    std::function<FeatureStore *()> nextBatch;
    if (options.batchSink)
        nextBatch = [&]() -> FeatureStore * {
            if (!completeLoad(*store, transform, batchOptions).ok())
                return nullptr;
            handedOver += store->report();
            if (!options.batchSink(std::exchange(store, newStore())))
                return nullptr;
            if (options.progress && !options.progress(0.5))
                return nullptr;
            return store.get();
        };

    if (options.progress && !options.progress(0.0))
        return Error::cancelled();
    // The columnar stream is much faster where the driver implements it natively.
    auto arrow = options.useArrow ? gdal::readArrowStream(layer, ogrIndex, *store, options, expected, nextBatch)
                                  : Result<bool>(false);
    if (!arrow.ok())
        return arrow.error().kind == ErrorKind::Cancelled
                   ? arrow.error()
                   : Error(arrow.error().kind, QStringLiteral("%1: %2").arg(uri.path, arrow.error().message));
    if (!*arrow && !readFeatures(layer, ogrIndex, fields, *store, options, expected, utf8, nextBatch))
        return Error::cancelled();
    if (Status st = completeLoad(*store, transform, options.batchSink ? batchOptions : options); !st.ok())
        return st.error();
    if (options.batchSink) {
        // The last batch goes to the sink as well; what is returned carries the fields and the sums.
        GeometryReport total = handedOver;
        total += store->report();
        if (store->featureCount() > 0 && !options.batchSink(std::exchange(store, newStore())))
            return Error::cancelled();
        completeLoad(*store, transform, batchOptions);
        store->report() = total;
        if (options.progress)
            options.progress(1.0);
    }
    return store;
}

Result<std::optional<Envelope>> GdalProvider::layerExtent(const SourceUri &uri, const QString &layerName,
                                                          const Crs &targetCrs) const
{
    const QByteArray stamp = SourceMemo::stamp(uri);
    const QString key = uri.toString() + QLatin1Char('\n') + layerName + QLatin1Char('\n') + targetCrs.wkt();
    if (auto known = SourceMemo::instance().extents.find(key, stamp))
        return *known;
    auto result = layerExtentUncached(uri, layerName, targetCrs);
    if (result.ok())
        SourceMemo::instance().extents.store(key, stamp, *result);
    return result;
}

Result<std::optional<Envelope>> GdalProvider::layerExtentUncached(const SourceUri &uri, const QString &layerName,
                                                                  const Crs &targetCrs) const
{
    auto source = openLayer(uri, layerName);
    if (!source.ok())
        return source.error();
    gdal::ErrorCapture capture;
    OGRLayerH layer = source->layer;
    const Crs &sourceCrs = source->crs;
    const CoordinateTransform transform(sourceCrs, targetCrs.isValid() ? targetCrs : sourceCrs);
    if (Status st = transform.check(); !st.ok())
        return Error::input(QStringLiteral("%1: %2").arg(uri.path, st.error().message));
    // Only what the driver knows without a scan (GeoPackage: gpkg_contents or the R-tree; Shapefile: the
    // header); anything else would mean reading the layer twice.
    OGREnvelope env;
    if (OGR_L_GetExtent(layer, &env, FALSE) != OGRERR_NONE || !(env.MinX <= env.MaxX) || !(env.MinY <= env.MaxY))
        return std::optional<Envelope>();
    const Envelope own(env.MinX, env.MinY, env.MaxX, env.MaxY);
    const Envelope e = transform.isIdentity() ? own : transform.transformBounds(own);
    if (e.isNull())
        return std::optional<Envelope>();
    return std::optional<Envelope>(e);
}

} // namespace kw

namespace kw::gdal {

namespace {
struct DriverFormat
{
    QString name;
    QStringList extensions;
};

QList<DriverFormat> driverFormats()
{
    initialize();
    QList<DriverFormat> out;
    for (int i = 0; i < GDALGetDriverCount(); ++i) {
        GDALDriverH d = GDALGetDriver(i);
        const char *ext = GDALGetMetadataItem(d, GDAL_DMD_EXTENSIONS, nullptr);
        const char *longName = GDALGetMetadataItem(d, GDAL_DMD_LONGNAME, nullptr);
        if (!ext || !*ext || !longName)
            continue;
        const bool vector = GDALGetMetadataItem(d, GDAL_DCAP_VECTOR, nullptr) != nullptr;
        const bool raster = GDALGetMetadataItem(d, GDAL_DCAP_RASTER, nullptr) != nullptr;
        if (!vector && !raster)
            continue;
        QStringList exts = QString::fromUtf8(ext).toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        out.append({QString::fromUtf8(longName), exts});
    }
    std::sort(out.begin(), out.end(), [](const DriverFormat &a, const DriverFormat &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    return out;
}
} // namespace

QStringList fileExtensions()
{
    static const QStringList all = [] {
        QStringList exts{QStringLiteral("csv")};
        for (const DriverFormat &f : driverFormats())
            for (const QString &e : f.extensions)
                if (!exts.contains(e))
                    exts << e;
        return exts;
    }();
    return all;
}

QStringList fileFilters()
{
    QStringList filters;
    for (const DriverFormat &f : driverFormats()) {
        QStringList globs;
        for (const QString &e : f.extensions)
            globs << QStringLiteral("*.") + e;
        filters << QStringLiteral("%1 (%2)").arg(f.name, globs.join(QLatin1Char(' ')));
    }
    return filters;
}

} // namespace kw::gdal
