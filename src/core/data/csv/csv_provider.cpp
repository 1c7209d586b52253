// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/csv/csv_provider.h"

#include "core/crs/coordinate_transform.h"
#include "core/data/csv/csv_cell.h"
#include "core/data/csv/csv_file.h"
#include "core/data/csv/csv_reader.h"
#include "core/data/csv/csv_schema.h"

#include <QDateTime>
#include <QFileInfo>
#include <QMutex>

#include <string>

namespace kw {

namespace {

QString layerNameOf(const SourceUri &uri)
{
    return QFileInfo(uri.path).completeBaseName();
}

/// Copies a parsed WKT geometry into the store's flat arrays.
void append(FeatureStore &store, const Geometry &g)
{
    const std::vector<double> &xy = g.xy();
    const std::vector<uint32_t> &ringEnds = g.ringEnds();
    const std::vector<uint32_t> &partRingEnds = g.partRingEnds();
    uint32_t ring = 0, vertex = 0;
    for (uint32_t partEnd : partRingEnds) {
        store.beginPart();
        for (; ring < partEnd; ++ring) {
            store.beginRing();
            for (; vertex < ringEnds[ring]; ++vertex)
                store.addVertex(xy[2 * vertex], xy[2 * vertex + 1]);
        }
    }
}

/// Decodes text cells, reusing the previous value of the column when the bytes repeat: sensor and
/// register files repeat ids and names row after row, and a shared QString costs no allocation.
struct StringColumnCache
{
    std::string raw;
    QString value;
    bool set = false;
};

/// Schemas of recently scanned files. Adding a layer inspects the source and then loads it (the CLI inspects
/// twice), and the type scan of a million rows is worth doing once. The key changes when the file does.
class SchemaCache
{
public:
    static QString key(const SourceUri &uri)
    {
        const QFileInfo info(uri.path);
        return QStringLiteral("%1|%2|%3|%4")
            .arg(info.absoluteFilePath())
            .arg(info.size())
            .arg(info.lastModified().toMSecsSinceEpoch())
            .arg(uri.crs);
    }

    static Result<CsvSchema> get(const CsvFile &file, const SourceUri &uri,
                                 const std::function<bool(double)> &progress)
    {
        static SchemaCache cache;
        const QString k = key(uri);
        {
            QMutexLocker lock(&cache.m_mutex);
            for (const auto &entry : std::as_const(cache.m_entries))
                if (entry.first == k)
                    return entry.second;
        }
        auto schema = CsvSchema::scan(file, uri, progress);
        if (schema.ok()) {
            QMutexLocker lock(&cache.m_mutex);
            cache.m_entries.append({k, *schema});
            if (cache.m_entries.size() > 8)
                cache.m_entries.removeFirst();
        }
        return schema;
    }

private:
    QMutex m_mutex;
    QList<std::pair<QString, CsvSchema>> m_entries;
};

} // namespace

bool CsvProvider::handles(const SourceUri &uri) const
{
    if (!uri.isLocalPath())
        return false;
    const QString suffix = QFileInfo(uri.path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("tsv") || suffix == QLatin1String("txt");
}

Result<SourceInfo> CsvProvider::inspect(const SourceUri &uri) const
{
    const QString name = layerNameOf(uri);
    if (!uri.layerName.isEmpty() && uri.layerName != name)
        return Error::input(
            QStringLiteral("%1: no layer named '%2' (it has: %3)").arg(uri.path, uri.layerName, name));
    auto file = CsvFile::open(uri.path);
    if (!file.ok())
        return file.error();
    auto schema = SchemaCache::get(*file, uri, {});
    if (!schema.ok())
        return schema.error();
    LayerInfo layer;
    layer.name = name;
    layer.geometryType = schema->geometryType();
    layer.featureCount = schema->rowCount();
    layer.crs = schema->crs();
    layer.extent = schema->extent();
    layer.fields = schema->fields();
    layer.warnings = schema->warnings();
    SourceInfo info;
    info.uri = uri.toString();
    info.driver = QStringLiteral("CSV");
    info.layers << layer;
    return info;
}

Result<std::shared_ptr<FeatureStore>> CsvProvider::loadVector(const SourceUri &uri, const QString &layerName,
                                                              const LoadOptions &options) const
{
    const QString wanted = layerName.isEmpty() ? uri.layerName : layerName;
    if (!wanted.isEmpty() && wanted != layerNameOf(uri))
        return Error::input(QStringLiteral("%1: no layer named '%2'").arg(uri.path, wanted));
    auto file = CsvFile::open(uri.path);
    if (!file.ok())
        return file.error();
    // The type scan is a third of the work; reading values the rest; transforming a little at the end.
    std::function<bool(double)> scanProgress;
    if (options.progress)
        scanProgress = [&options](double f) { return options.progress(0.3 * f); };
    auto scanned = SchemaCache::get(*file, uri, scanProgress);
    if (!scanned.ok())
        return scanned.error();
    if (options.progress && !options.progress(0.3))
        return Error::cancelled();
    const CsvSchema &schema = *scanned;

    const Crs sourceCrs = schema.crs();
    const Crs targetCrs = options.targetCrs.isValid() ? options.targetCrs : sourceCrs;
    const CoordinateTransform transform(sourceCrs, targetCrs);
    if (Status st = transform.check(); !st.ok())
        return Error::input(QStringLiteral("%1: %2").arg(uri.path, st.error().message));

    const std::vector<CsvSchema::Column> &columns = schema.columns();
    Fields fields;
    std::vector<int> source; // file column of each loaded field
    for (int c = 0; c < int(columns.size()); ++c) {
        const Field &f = columns[c].field;
        if (columns[c].dropped || (!options.allFields && !options.fields.contains(f.name, Qt::CaseInsensitive)))
            continue;
        fields << f;
        source.push_back(c);
    }
    std::vector<StringColumnCache> strings(source.size());

    auto store = std::make_shared<FeatureStore>(fields, targetCrs);
    store->setSourceCrs(sourceCrs);
    store->warnings() = schema.warnings();
    const size_t rows = size_t(schema.rowCount());
    store->reserve(rows, schema.geometrySource() == CsvSchema::GeometrySource::None ? 0 : rows);
    AttributeTable &table = store->attributes();

    const CsvSchema::GeometrySource geometry = schema.geometrySource();
    const int xCol = schema.xColumn(), yCol = schema.yColumn(), wktCol = schema.wktColumn();
    const csv::DecimalStyle xStyle = xCol >= 0 ? columns[xCol].style : csv::DecimalStyle::Point;
    const csv::DecimalStyle yStyle = yCol >= 0 ? columns[yCol].style : csv::DecimalStyle::Point;

    CsvReader reader(file->data(), file->size(), file->separator());
    reader.seek(file->dataStart());
    std::vector<std::string_view> cells;
    const std::string_view none;
    int64_t fid = 0;
    while (reader.next(cells)) {
        if (csv::trimRecord(cells))
            continue;
        const auto cell = [&](int c) { return c >= 0 && c < int(cells.size()) ? cells[size_t(c)] : none; };
        store->beginFeature(++fid);

        GeometryType type = GeometryType::Unknown;
        if (geometry == CsvSchema::GeometrySource::Points) {
            double x, y;
            if (csv::parseDouble(cell(xCol), xStyle, x) && csv::parseDouble(cell(yCol), yStyle, y)) {
                store->beginPart();
                store->beginRing();
                store->addVertex(x, y);
                type = GeometryType::Point;
            }
        } else if (geometry == CsvSchema::GeometrySource::Wkt && !cell(wktCol).empty()) {
            auto g = CsvSchema::parseWkt(*file, cell(wktCol));
            if (g.ok()) {
                append(*store, *g);
                type = g->type();
                if (type == GeometryType::GeometryCollection)
                    ++store->report().mixed;
            } else {
                ++store->report().invalid;
            }
        }
        store->endFeature(type);

        for (size_t k = 0; k < source.size(); ++k) {
            const std::string_view v = cell(source[k]);
            if (v.empty())
                continue;
            const CsvSchema::Column &column = columns[size_t(source[k])];
            const int col = int(k);
            switch (column.field.type) {
            case FieldType::Int: {
                int64_t i;
                if (csv::parseInt(v, column.style, i))
                    table.setInt(col, i);
                break;
            }
            case FieldType::Double: {
                double d;
                if (csv::parseDouble(v, column.style, d))
                    table.setDouble(col, d);
                break;
            }
            case FieldType::Date:
            case FieldType::DateTime: {
                int64_t ms;
                if (csv::parseTemporal(v, ms) != csv::Temporal::None)
                    table.setDateTime(col, ms);
                break;
            }
            case FieldType::Bool:
                if (const auto b = csv::parseBool(v))
                    table.setBool(col, *b);
                break;
            case FieldType::String: {
                StringColumnCache &cache = strings[k];
                if (!cache.set || cache.raw != v) {
                    cache.raw.assign(v);
                    cache.value = file->decode(v);
                    cache.set = true;
                }
                table.setString(col, cache.value);
                break;
            }
            }
        }
        if ((fid & 0x3fff) == 0 && options.progress &&
            !options.progress(0.3 + 0.6 * double(reader.position()) / double(file->size())))
            return Error::cancelled();
    }

    if (Status st = completeLoad(*store, transform, options); !st.ok())
        return st.error();
    return store;
}

} // namespace kw
