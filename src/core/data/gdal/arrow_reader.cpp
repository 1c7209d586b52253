// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/gdal/arrow_reader.h"

#include "core/geometry/wkb_reader.h"

#include <QHash>

#include <cpl_string.h>
#include <ogr_recordbatch.h>

#include <cstring>

namespace kw::gdal {

namespace {

/// Releases Arrow structures at scope exit, as the C data interface requires.
struct StreamGuard
{
    ArrowArrayStream stream{};
    ~StreamGuard()
    {
        if (stream.release)
            stream.release(&stream);
    }
};
struct SchemaGuard
{
    ArrowSchema schema{};
    ~SchemaGuard()
    {
        if (schema.release)
            schema.release(&schema);
    }
};
struct ArrayGuard
{
    ArrowArray array{};
    ~ArrayGuard()
    {
        if (array.release)
            array.release(&array);
    }
};

inline bool valid(const ArrowArray *a, int64_t i)
{
    const auto *bitmap = static_cast<const uint8_t *>(a->buffers[0]);
    if (!bitmap || a->null_count == 0)
        return true;
    const int64_t j = a->offset + i;
    return (bitmap[j >> 3] >> (j & 7)) & 1;
}

/// How one Arrow column is decoded.
enum class Kind { Unsupported, Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64, Float32, Float64, Utf8,
                  LargeUtf8, Bool, Date32, Date64, TimestampS, TimestampMs, TimestampUs, TimestampNs, Binary,
                  LargeBinary };

Kind kindOf(const char *f)
{
    if (!f)
        return Kind::Unsupported;
    if (!std::strcmp(f, "c")) return Kind::Int8;
    if (!std::strcmp(f, "s")) return Kind::Int16;
    if (!std::strcmp(f, "i")) return Kind::Int32;
    if (!std::strcmp(f, "l")) return Kind::Int64;
    if (!std::strcmp(f, "C")) return Kind::UInt8;
    if (!std::strcmp(f, "S")) return Kind::UInt16;
    if (!std::strcmp(f, "I")) return Kind::UInt32;
    if (!std::strcmp(f, "L")) return Kind::UInt64;
    if (!std::strcmp(f, "f")) return Kind::Float32;
    if (!std::strcmp(f, "g")) return Kind::Float64;
    if (!std::strcmp(f, "u")) return Kind::Utf8;
    if (!std::strcmp(f, "U")) return Kind::LargeUtf8;
    if (!std::strcmp(f, "b")) return Kind::Bool;
    if (!std::strcmp(f, "tdD")) return Kind::Date32;
    if (!std::strcmp(f, "tdm")) return Kind::Date64;
    if (!std::strncmp(f, "tss:", 4)) return Kind::TimestampS;
    if (!std::strncmp(f, "tsm:", 4)) return Kind::TimestampMs;
    if (!std::strncmp(f, "tsu:", 4)) return Kind::TimestampUs;
    if (!std::strncmp(f, "tsn:", 4)) return Kind::TimestampNs;
    if (!std::strcmp(f, "z")) return Kind::Binary;
    if (!std::strcmp(f, "Z")) return Kind::LargeBinary;
    return Kind::Unsupported;
}

template <typename T> inline T at(const ArrowArray *a, int64_t i)
{
    return static_cast<const T *>(a->buffers[1])[a->offset + i];
}

/// The [begin, end) byte range of element i of a (large) binary or string column.
template <typename Offset> inline std::pair<const char *, int64_t> bytes(const ArrowArray *a, int64_t i)
{
    const auto *offsets = static_cast<const Offset *>(a->buffers[1]);
    const auto *data = static_cast<const char *>(a->buffers[2]);
    const int64_t b = offsets[a->offset + i], e = offsets[a->offset + i + 1];
    return {data + b, e - b};
}

void setCell(AttributeTable &t, int col, Kind kind, const ArrowArray *a, int64_t i)
{
    switch (kind) {
    case Kind::Int8: t.setInt(col, at<int8_t>(a, i)); break;
    case Kind::Int16: t.setInt(col, at<int16_t>(a, i)); break;
    case Kind::Int32: t.setInt(col, at<int32_t>(a, i)); break;
    case Kind::Int64: t.setInt(col, at<int64_t>(a, i)); break;
    case Kind::UInt8: t.setInt(col, at<uint8_t>(a, i)); break;
    case Kind::UInt16: t.setInt(col, at<uint16_t>(a, i)); break;
    case Kind::UInt32: t.setInt(col, at<uint32_t>(a, i)); break;
    case Kind::UInt64: t.setInt(col, int64_t(at<uint64_t>(a, i))); break;
    case Kind::Float32: t.setDouble(col, at<float>(a, i)); break;
    case Kind::Float64: t.setDouble(col, at<double>(a, i)); break;
    case Kind::Utf8: {
        const auto [p, n] = bytes<int32_t>(a, i);
        t.setString(col, QString::fromUtf8(p, qsizetype(n)));
        break;
    }
    case Kind::LargeUtf8: {
        const auto [p, n] = bytes<int64_t>(a, i);
        t.setString(col, QString::fromUtf8(p, qsizetype(n)));
        break;
    }
    case Kind::Bool: {
        const auto *bits = static_cast<const uint8_t *>(a->buffers[1]);
        const int64_t j = a->offset + i;
        t.setBool(col, (bits[j >> 3] >> (j & 7)) & 1);
        break;
    }
    case Kind::Date32: t.setDateTime(col, int64_t(at<int32_t>(a, i)) * 86400000LL); break;
    case Kind::Date64: t.setDateTime(col, at<int64_t>(a, i)); break;
    case Kind::TimestampS: t.setDateTime(col, at<int64_t>(a, i) * 1000); break;
    case Kind::TimestampMs: t.setDateTime(col, at<int64_t>(a, i)); break;
    case Kind::TimestampUs: t.setDateTime(col, at<int64_t>(a, i) / 1000); break;
    case Kind::TimestampNs: t.setDateTime(col, at<int64_t>(a, i) / 1000000); break;
    default: break;
    }
}

/// Parses one WKB blob into the store; curves go through OGR to be linearised.
GeometryType appendWkb(FeatureStore &store, const uint8_t *wkb, size_t size)
{
    GeometryType type = GeometryType::Unknown;
    wkb::Reader<FeatureStore> reader(wkb, size, store);
    const wkb::ParseStatus st = reader.read(type);
    if (st == wkb::ParseStatus::Ok) {
        if (type == GeometryType::GeometryCollection)
            ++store.report().mixed;
        return type;
    }
    store.discardCurrentGeometry();
    if (st == wkb::ParseStatus::Curve) {
        OGRGeometryH g = nullptr;
        if (OGR_G_CreateFromWkbEx(wkb, nullptr, &g, size) == OGRERR_NONE && g) {
            OGRGeometryH linear = OGR_G_GetLinearGeometry(g, 0, nullptr);
            OGR_G_DestroyGeometry(g);
            if (linear) {
                std::vector<uint8_t> buf(size_t(OGR_G_WkbSize(linear)));
                OGR_G_ExportToIsoWkb(linear, wkbNDR, buf.data());
                OGR_G_DestroyGeometry(linear);
                wkb::Reader<FeatureStore> again(buf.data(), buf.size(), store);
                if (again.read(type) == wkb::ParseStatus::Ok) {
                    ++store.report().linearised;
                    return type;
                }
                store.discardCurrentGeometry();
            }
        }
    }
    ++store.report().invalid;
    return GeometryType::Unknown;
}

} // namespace

Result<bool> readArrowStream(OGRLayerH layer, const std::vector<int> &ogrIndex, FeatureStore &firstStore,
                             const LoadOptions &options, long long expectedCount,
                             const std::function<FeatureStore *()> &nextBatch)
{
    FeatureStore *store = &firstStore;
    if (!OGR_L_TestCapability(layer, OLCFastGetArrowStream))
        return false;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    // GDAL 3.6 returns empty geometries when every attribute is ignored: keep one field (see PITFALLS.md).
    if (ogrIndex.empty() && OGR_FD_GetFieldCount(defn) > 0) {
        CPLStringList ignored;
        for (int i = 1; i < OGR_FD_GetFieldCount(defn); ++i)
            ignored.AddString(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
        OGR_L_SetIgnoredFields(layer, const_cast<const char **>(ignored.List()));
    }
    StreamGuard sg;
    CPLStringList streamOptions;
    streamOptions.AddString("INCLUDE_FID=YES");
    // Streamed reads take Arrow batches of 2048 features and join them into stores of batchFeatures: GDAL
    // allocates each Arrow batch afresh, and small ones are served from memory freed by the last ones.
    // Measured on the 100k city: 8192 -> 2048 cut page faults by a fifth and wall time by 3-7 %; 1M was
    // unchanged within noise (+2 %), 1024 gained no more. Loading whole layers keeps 32768.
    streamOptions.AddString(QByteArray("MAX_FEATURES_IN_BATCH=") +
                            QByteArray::number(options.batchSink ? qMin<qulonglong>(2048, options.batchFeatures) : 32768));
    OGR_L_ResetReading(layer);
    if (!OGR_L_GetArrowStream(layer, &sg.stream, streamOptions.List()))
        return false;
    SchemaGuard schema;
    if (sg.stream.get_schema(&sg.stream, &schema.schema) != 0)
        return false;

    // Map the stream's columns: FID, geometry, and the attribute fields we keep.
    const char *fidName = OGR_L_GetFIDColumn(layer);
    const char *geomName = OGR_L_GetGeometryColumn(layer);
    int fidCol = -1, geomCol = -1;
    Kind geomKind = Kind::Unsupported;
    QHash<QString, int> storeColumnByName;
    const Fields &fields = store->fields();
    for (int c = 0; c < int(ogrIndex.size()); ++c)
        storeColumnByName.insert(fields[c].name, c);
    std::vector<std::pair<int, Kind>> columnTarget(size_t(schema.schema.n_children), {-1, Kind::Unsupported});
    for (int64_t c = 0; c < schema.schema.n_children; ++c) {
        const ArrowSchema *child = schema.schema.children[c];
        const QString name = QString::fromUtf8(child->name);
        const Kind kind = kindOf(child->format);
        if (fidCol < 0 && ((fidName && *fidName && name == QString::fromUtf8(fidName)) || name == QLatin1String("OGC_FID"))) {
            fidCol = int(c);
            continue;
        }
        if (geomCol < 0 && (kind == Kind::Binary || kind == Kind::LargeBinary) &&
            ((geomName && *geomName && name == QString::fromUtf8(geomName)) ||
             (child->metadata && std::strstr(child->metadata, "ogc.wkb")) || name == QLatin1String("wkb_geometry"))) {
            geomCol = int(c);
            geomKind = kind;
            continue;
        }
        auto it = storeColumnByName.constFind(name);
        if (it != storeColumnByName.constEnd())
            columnTarget[size_t(c)] = {*it, kind};
    }
    if (geomCol < 0 && OGR_L_GetGeomType(layer) != wkbNone)
        return false; // no recognisable geometry column: let the classic path handle it

    AttributeTable *table = &store->attributes();
    long long count = 0;
    while (true) {
        if (nextBatch && store->featureCount() >= options.batchFeatures) {
            if (!(store = nextBatch()))
                return Error::cancelled();
            table = &store->attributes();
        }
        ArrayGuard batch;
        if (sg.stream.get_next(&sg.stream, &batch.array) != 0) {
            const char *msg = sg.stream.get_last_error ? sg.stream.get_last_error(&sg.stream) : nullptr;
            return Error::input(QStringLiteral("reading failed: %1").arg(msg ? QString::fromUtf8(msg) : QString()));
        }
        if (!batch.array.release)
            break; // end of stream
        const ArrowArray &rb = batch.array;
        const int64_t n = rb.length;
        const ArrowArray *fidArr = fidCol >= 0 ? rb.children[fidCol] : nullptr;
        const ArrowArray *geomArr = geomCol >= 0 ? rb.children[geomCol] : nullptr;
        for (int64_t i = 0; i < n; ++i) {
            store->beginFeature(fidArr ? at<int64_t>(fidArr, i) : count + i);
            GeometryType type = GeometryType::Unknown;
            if (geomArr && valid(geomArr, i)) {
                const auto [p, len] =
                    geomKind == Kind::Binary ? bytes<int32_t>(geomArr, i) : bytes<int64_t>(geomArr, i);
                if (len > 0)
                    type = appendWkb(*store, reinterpret_cast<const uint8_t *>(p), size_t(len));
            }
            store->endFeature(type);
            for (size_t c = 0; c < columnTarget.size(); ++c) {
                const auto [col, kind] = columnTarget[c];
                if (col < 0)
                    continue;
                const ArrowArray *arr = rb.children[c];
                if (valid(arr, i))
                    setCell(*table, col, kind, arr, i);
            }
        }
        count += n;
        if (options.progress) {
            const double fraction = expectedCount > 0 ? 0.9 * double(count) / double(expectedCount) : 0.5;
            if (!options.progress(std::min(fraction, 0.9)))
                return Error::cancelled();
        }
    }
    return true;
}

} // namespace kw::gdal
