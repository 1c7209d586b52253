// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sensors/sensor_cache.h"

#include "core/data/data_provider.h"
#include "core/data/gdal/geopackage_writer.h"
#include "core/temporal/time_format.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>

namespace kw {

namespace {

const QString kMetaTable = QStringLiteral("kartenwerk_sensor_cache");

Field field(const QString &name, FieldType type)
{
    return Field{name, type, QString()};
}

Result<std::shared_ptr<FeatureStore>> loadTable(const QString &path, const QString &table)
{
    SourceUri uri;
    uri.path = path;
    LoadOptions options;
    auto store = DataProviders::loadVector(uri, table, options);
    if (!store.ok())
        return Error::input(QStringLiteral("%1: not a sensor cache (table '%2': %3)")
                                .arg(path, table, store.error().message));
    return store;
}

/// Column \a name of \a store, or an error naming the table.
Result<int> column(const FeatureStore &store, const QString &path, const QString &table, const QString &name)
{
    const int c = store.attributes().fieldIndex(name);
    if (c < 0)
        return Error::input(
            QStringLiteral("%1: sensor cache table '%2' has no column '%3'").arg(path, table, name));
    return c;
}

} // namespace

Status SensorCache::write(const SensorData &data, const QString &path, const QMap<QString, QString> &metadata)
{
    FeatureStore sites(Fields{field(QStringLiteral("site_id"), FieldType::String),
                              field(QStringLiteral("name"), FieldType::String),
                              field(QStringLiteral("kind"), FieldType::String)},
                       data.crs());
    int64_t fid = 1;
    for (const SensorSite &s : data.sites()) {
        sites.beginFeature(fid++);
        if (s.hasPosition()) {
            sites.beginPart();
            sites.beginRing();
            sites.addVertex(s.x, s.y);
        }
        sites.attributes().setString(0, s.id);
        if (!s.name.isEmpty()) sites.attributes().setString(1, s.name);
        if (!s.kind.isEmpty()) sites.attributes().setString(2, s.kind);
        sites.endFeature(GeometryType::Point);
    }
    sites.finish();

    AttributeTable series(Fields{field(QStringLiteral("series_id"), FieldType::String),
                                 field(QStringLiteral("site_id"), FieldType::String),
                                 field(QStringLiteral("property"), FieldType::String),
                                 field(QStringLiteral("unit"), FieldType::String),
                                 field(QStringLiteral("observations"), FieldType::Int)});
    AttributeTable observations(Fields{field(QStringLiteral("series_id"), FieldType::String),
                                       field(QStringLiteral("time"), FieldType::DateTime),
                                       field(QStringLiteral("time_ms"), FieldType::Int),
                                       field(QStringLiteral("value"), FieldType::Double)});
    observations.reserve(data.observationCount());
    for (const SensorSeries &s : data.series()) {
        series.appendRow();
        series.setString(0, s.id);
        if (s.site >= 0) series.setString(1, data.sites()[size_t(s.site)].id);
        series.setString(2, s.property);
        if (!s.unit.isEmpty()) series.setString(3, s.unit);
        series.setInt(4, int64_t(s.data.size()));
        const auto t = s.data.times();
        const auto v = s.data.values();
        for (size_t i = 0; i < t.size(); ++i) {
            observations.appendRow();
            observations.setString(0, s.id);
            observations.setDateTime(1, t[i]);
            observations.setInt(2, t[i]);
            observations.setDouble(3, v[i]);
        }
    }

    AttributeTable meta(Fields{field(QStringLiteral("key"), FieldType::String),
                               field(QStringLiteral("value"), FieldType::String)});
    QMap<QString, QString> all = metadata;
    all.insert(QStringLiteral("format"), QStringLiteral("kartenwerk-sensor-cache"));
    all.insert(QStringLiteral("version"), QString::number(formatVersion));
    if (!data.origin().isEmpty() && !all.contains(QStringLiteral("origin")))
        all.insert(QStringLiteral("origin"), data.origin());
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        meta.appendRow();
        meta.setString(0, it.key());
        meta.setString(1, it.value());
    }

    auto writer = GeoPackageWriter::create(path);
    if (!writer.ok()) return writer.error();
    if (Status st = (*writer)->addLayer(sites, QStringLiteral("sites")); !st.ok()) return st;
    if (Status st = (*writer)->addTable(series, QStringLiteral("series")); !st.ok()) return st;
    if (Status st = (*writer)->addTable(observations, QStringLiteral("observations")); !st.ok()) return st;
    if (Status st = (*writer)->addTable(meta, kMetaTable); !st.ok()) return st;
    return (*writer)->commit();
}

Result<QMap<QString, QString>> SensorCache::metadata(const QString &path)
{
    auto meta = loadTable(path, kMetaTable);
    if (!meta.ok()) return meta.error();
    const auto key = column(**meta, path, kMetaTable, QStringLiteral("key"));
    const auto value = column(**meta, path, kMetaTable, QStringLiteral("value"));
    if (!key.ok() || !value.ok()) return key.ok() ? value.error() : key.error();
    QMap<QString, QString> out;
    const AttributeTable &t = (*meta)->attributes();
    for (size_t r = 0; r < t.rowCount(); ++r)
        out.insert(t.text(r, *key), t.text(r, *value));
    return out;
}

bool SensorCache::isCache(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile() || info.suffix().compare(QLatin1String("gpkg"), Qt::CaseInsensitive) != 0)
        return false;
    SourceUri uri;
    uri.path = path;
    const auto sourceInfo = DataProviders::inspect(uri);
    return sourceInfo.ok() && sourceInfo->layer(kMetaTable) && sourceInfo->layer(QStringLiteral("sites")) &&
           sourceInfo->layer(QStringLiteral("series")) && sourceInfo->layer(QStringLiteral("observations"));
}

Result<SensorData> SensorCache::read(const QString &path)
{
    auto meta = metadata(path);
    if (!meta.ok()) return meta.error();
    const int version = meta->value(QStringLiteral("version")).toInt();
    if (meta->value(QStringLiteral("format")) != QLatin1String("kartenwerk-sensor-cache") || version < 1)
        return Error::input(QStringLiteral("%1: not a Kartenwerk sensor cache").arg(path));
    if (version > formatVersion)
        return Error::input(
            QStringLiteral("%1: sensor cache format %2 is newer than this Kartenwerk reads (%3)")
                .arg(path)
                .arg(version)
                .arg(formatVersion));

    SensorData data;
    data.setOrigin(meta->value(QStringLiteral("origin"), path));
    auto sites = loadTable(path, QStringLiteral("sites"));
    if (!sites.ok()) return sites.error();
    const FeatureStore &st = **sites;
    data.setCrs(st.crs());
    const auto siteId = column(st, path, QStringLiteral("sites"), QStringLiteral("site_id"));
    if (!siteId.ok()) return siteId.error();
    const int siteName = st.attributes().fieldIndex(QStringLiteral("name"));
    const int siteKind = st.attributes().fieldIndex(QStringLiteral("kind"));
    QHash<QString, int> siteIndex;
    for (size_t f = 0; f < st.featureCount(); ++f) {
        SensorSite s;
        s.id = st.attributes().text(f, *siteId);
        s.name = siteName >= 0 ? st.attributes().text(f, siteName) : QString();
        s.kind = siteKind >= 0 ? st.attributes().text(f, siteKind) : QString();
        if (st.partBegin(f) != st.partEnd(f)) {
            const uint32_t v = st.vertexBegin(st.ringBegin(st.partBegin(f)));
            s.x = st.vertices()[2 * v];
            s.y = st.vertices()[2 * v + 1];
        }
        siteIndex.insert(s.id, data.addSite(s));
    }

    auto series = loadTable(path, QStringLiteral("series"));
    if (!series.ok()) return series.error();
    const AttributeTable &se = (*series)->attributes();
    const auto seriesId = column(**series, path, QStringLiteral("series"), QStringLiteral("series_id"));
    const auto seriesSite = column(**series, path, QStringLiteral("series"), QStringLiteral("site_id"));
    const auto property = column(**series, path, QStringLiteral("series"), QStringLiteral("property"));
    if (!seriesId.ok() || !seriesSite.ok() || !property.ok())
        return !seriesId.ok() ? seriesId.error() : !seriesSite.ok() ? seriesSite.error() : property.error();
    const int unit = se.fieldIndex(QStringLiteral("unit"));
    QHash<QString, int> seriesIndex;
    for (size_t r = 0; r < se.rowCount(); ++r) {
        SensorSeries s;
        s.id = se.text(r, *seriesId);
        s.site = siteIndex.value(se.text(r, *seriesSite), -1);
        s.property = se.text(r, *property);
        s.unit = unit >= 0 ? se.text(r, unit) : QString();
        const QString id = s.id; // not s.id below: argument order is unspecified and s is moved
        seriesIndex.insert(id, data.addSeries(std::move(s)));
    }

    auto observations = loadTable(path, QStringLiteral("observations"));
    if (!observations.ok()) return observations.error();
    const AttributeTable &ob = (*observations)->attributes();
    const auto obSeries =
        column(**observations, path, QStringLiteral("observations"), QStringLiteral("series_id"));
    const auto obTime =
        column(**observations, path, QStringLiteral("observations"), QStringLiteral("time_ms"));
    const auto obValue =
        column(**observations, path, QStringLiteral("observations"), QStringLiteral("value"));
    if (!obSeries.ok() || !obTime.ok() || !obValue.ok())
        return !obSeries.ok() ? obSeries.error() : !obTime.ok() ? obTime.error() : obValue.error();
    const int64_t *times = ob.intData(*obTime);
    if (!times)
        return Error::input(QStringLiteral("%1: observations.time_ms is not an integer column").arg(path));
    const QString *ids = ob.stringData(*obSeries);
    const auto idAt = [&](size_t r) { return ids ? ids[r] : ob.text(r, *obSeries); };
    size_t unknown = 0;
    int lastIndex = -1;
    QString lastId;
    for (size_t r = 0; r < ob.rowCount(); ++r) {
        if (ob.isNull(r, *obTime) || ob.isNull(r, *obValue)) continue;
        // Rows come grouped by series: look the id up only when it changes.
        if (r == 0 || idAt(r) != lastId) {
            lastId = idAt(r);
            lastIndex = seriesIndex.value(lastId, -1);
        }
        if (lastIndex < 0) {
            ++unknown;
            continue;
        }
        data.series()[size_t(lastIndex)].data.append(times[r], ob.number(r, *obValue));
    }
    if (unknown)
        data.warnings()
            << QStringLiteral("%1: %2 observations of unknown series ignored").arg(path).arg(unknown);
    for (SensorSeries &s : data.series())
        s.data.sort();
    return data;
}

} // namespace kw
