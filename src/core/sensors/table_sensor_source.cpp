// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sensors/table_sensor_source.h"

#include "core/data/data_provider.h"
#include "core/sensors/sensor_cache.h"
#include "core/temporal/time_format.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <cmath>

namespace kw {

namespace {

const QStringList kIdNames = {QStringLiteral("sensor_id"),  QStringLiteral("site_id"),
                              QStringLiteral("station_id"), QStringLiteral("station"),
                              QStringLiteral("messstelle"), QStringLiteral("thing_id"),
                              QStringLiteral("sensor"),     QStringLiteral("id")};
const QStringList kTimeNames = {
    QStringLiteral("zeitpunkt"), QStringLiteral("timestamp"),       QStringLiteral("time"),
    QStringLiteral("datetime"),  QStringLiteral("date_time"),       QStringLiteral("zeit"),
    QStringLiteral("datum"),     QStringLiteral("phenomenon_time"), QStringLiteral("messzeit")};
const QStringList kValueNames = {QStringLiteral("wert"), QStringLiteral("value"), QStringLiteral("result"),
                                 QStringLiteral("messwert")};
const QStringList kPropertyNames = {QStringLiteral("groesse"),     QStringLiteral("größe"),
                                    QStringLiteral("property"),    QStringLiteral("parameter"),
                                    QStringLiteral("komponente"),  QStringLiteral("observed_property"),
                                    QStringLiteral("messgroesse"), QStringLiteral("schadstoff")};
const QStringList kUnitNames = {QStringLiteral("einheit"), QStringLiteral("unit"),
                                QStringLiteral("unit_of_measurement")};
const QStringList kNameNames = {QStringLiteral("name"), QStringLiteral("bezeichnung"),
                                QStringLiteral("titel"), QStringLiteral("standort")};
const QStringList kKindNames = {QStringLiteral("art"), QStringLiteral("kind"), QStringLiteral("sensor_type"),
                                QStringLiteral("typ"), QStringLiteral("type")};
const QStringList kCoordinateNames = {
    QStringLiteral("lat"),      QStringLiteral("lon"),      QStringLiteral("lng"),
    QStringLiteral("long"),     QStringLiteral("latitude"), QStringLiteral("longitude"),
    QStringLiteral("x"),        QStringLiteral("y"),        QStringLiteral("rechtswert"),
    QStringLiteral("hochwert"), QStringLiteral("easting"),  QStringLiteral("northing"),
    QStringLiteral("breite"),   QStringLiteral("laenge"),   QStringLiteral("länge"),
    QStringLiteral("location"), QStringLiteral("altitude"), QStringLiteral("hoehe")};

/// Units of the sensor.community archive's value columns.
QString knownUnit(const QString &column)
{
    static const QHash<QString, QString> units = {{QStringLiteral("p0"), QStringLiteral("µg/m³")},
                                                  {QStringLiteral("p1"), QStringLiteral("µg/m³")},
                                                  {QStringLiteral("p2"), QStringLiteral("µg/m³")},
                                                  {QStringLiteral("p4"), QStringLiteral("µg/m³")},
                                                  {QStringLiteral("temperature"), QStringLiteral("°C")},
                                                  {QStringLiteral("humidity"), QStringLiteral("%")},
                                                  {QStringLiteral("pressure"), QStringLiteral("Pa")},
                                                  {QStringLiteral("pressure_sealevel"), QStringLiteral("Pa")},
                                                  {QStringLiteral("noise_laeq"), QStringLiteral("dB(A)")},
                                                  {QStringLiteral("noise_la_min"), QStringLiteral("dB(A)")},
                                                  {QStringLiteral("noise_la_max"), QStringLiteral("dB(A)")}};
    return units.value(column.toLower());
}

/// The column named \a explicitName, else the first of \a candidates present (case-insensitive); -1 if none.
int findColumn(const Fields &fields, const QString &explicitName, const QStringList &candidates)
{
    const auto indexOf = [&](const QString &name) {
        for (int i = 0; i < fields.size(); ++i)
            if (fields[i].name.compare(name, Qt::CaseInsensitive) == 0) return i;
        return -1;
    };
    if (!explicitName.isEmpty()) return indexOf(explicitName);
    for (const QString &c : candidates)
        if (const int i = indexOf(c); i >= 0) return i;
    return -1;
}

QString fieldList(const Fields &fields)
{
    QStringList names;
    for (const Field &f : fields)
        names << f.name;
    return names.join(QStringLiteral(", "));
}

/// Time of a cell in ms UTC (nullopt when empty or unreadable).
std::optional<int64_t> timeAt(const AttributeTable &t, size_t row, int col)
{
    if (t.isNull(row, col)) return std::nullopt;
    switch (t.type(col)) {
    case FieldType::DateTime:
    case FieldType::Date:
        return t.intData(col)[row];
    case FieldType::String:
        return TimeFormat::parseInstant(t.stringAt(row, col), QTimeZone::utc());
    default:
        return std::nullopt;
    }
}

/// Numeric value of a cell; text in German notation ("12,5") is read too. NaN when empty or not a number.
double valueAt(const AttributeTable &t, size_t row, int col)
{
    if (t.isNull(row, col)) return std::nan("");
    if (t.type(col) != FieldType::String) return t.number(row, col);
    QString s = t.stringAt(row, col).trimmed();
    bool ok = false;
    double v = s.toDouble(&ok);
    if (!ok) {
        s.remove(QLatin1Char('.')).replace(QLatin1Char(','), QLatin1Char('.'));
        v = s.toDouble(&ok);
    }
    return ok ? v : std::nan("");
}

/// Position of feature \a f: a point's coordinates, else the centre of its box.
std::pair<double, double> position(const FeatureStore &store, size_t f)
{
    if (store.partBegin(f) == store.partEnd(f)) return {std::nan(""), std::nan("")};
    if (familyOf(store.geometryType(f)) == GeometryFamily::Point) {
        const uint32_t v = store.vertexBegin(store.ringBegin(store.partBegin(f)));
        return {store.vertices()[2 * v], store.vertices()[2 * v + 1]};
    }
    const Envelope &e = store.featureEnvelope(f);
    return {e.centerX(), e.centerY()};
}

Result<std::shared_ptr<FeatureStore>> loadAll(const QString &source)
{
    LoadOptions options; // the source's own CRS: SensorSources::load reprojects once at the end
    const SourceUri uri = SourceUri::parse(source);
    return DataProviders::loadVector(uri, uri.layerName, options);
}

Result<SensorData> loadLong(const QString &source, const SensorQuery &query)
{
    auto obs = loadAll(source);
    if (!obs.ok()) return obs.error();
    const AttributeTable &t = (*obs)->attributes();
    const Fields &fields = t.fields();
    const int idCol = findColumn(fields, query.idField, kIdNames);
    const int timeCol = findColumn(fields, query.timeField, kTimeNames);
    const int valueCol = findColumn(fields, query.valueField, kValueNames);
    const int propCol = findColumn(fields, query.propertyField, kPropertyNames);
    const int unitCol = findColumn(fields, query.unitField, kUnitNames);
    const auto missing = [&](const QString &what, const QString &given) {
        return Error::input(QStringLiteral("%1: %2 (columns: %3)")
                                .arg(source,
                                     given.isEmpty() ? QStringLiteral("no %1 column found").arg(what)
                                                     : QStringLiteral("no column '%1'").arg(given),
                                     fieldList(fields)));
    };
    if (idCol < 0) return missing(QStringLiteral("site id"), query.idField);
    if (timeCol < 0) return missing(QStringLiteral("time"), query.timeField);
    if (valueCol < 0) return missing(QStringLiteral("value"), query.valueField);
    if (!query.propertyField.isEmpty() && propCol < 0)
        return missing(QStringLiteral("property"), query.propertyField);

    auto sites = loadAll(query.sites);
    if (!sites.ok()) return Error::input(QStringLiteral("sites: %1").arg(sites.error().message));
    const FeatureStore &ss = **sites;
    const Fields &siteFields = ss.fields();
    int siteIdCol = findColumn(siteFields, query.siteIdField, {});
    if (query.siteIdField.isEmpty()) {
        siteIdCol = findColumn(siteFields, fields[idCol].name, {});
        if (siteIdCol < 0) siteIdCol = findColumn(siteFields, QString(), kIdNames);
    }
    if (siteIdCol < 0)
        return Error::input(QStringLiteral("%1: %2 (columns: %3; choose one with --site-id-field)")
                                .arg(query.sites,
                                     query.siteIdField.isEmpty()
                                         ? QStringLiteral("no site id column found")
                                         : QStringLiteral("no column '%1'").arg(query.siteIdField),
                                     fieldList(siteFields)));
    const int nameCol = findColumn(siteFields, QString(), kNameNames);
    const int kindCol = findColumn(siteFields, QString(), kKindNames);

    SensorData data;
    data.setCrs(ss.crs());
    data.setOrigin(source);
    QHash<QString, int> siteIndex;
    size_t withoutPosition = 0;
    for (size_t f = 0; f < ss.featureCount(); ++f) {
        SensorSite s;
        s.id = ss.attributes().text(f, siteIdCol);
        if (s.id.isEmpty() || siteIndex.contains(s.id)) continue;
        s.name = nameCol >= 0 ? ss.attributes().text(f, nameCol) : s.id;
        s.kind = kindCol >= 0 ? ss.attributes().text(f, kindCol) : QString();
        std::tie(s.x, s.y) = position(ss, f);
        withoutPosition += !s.hasPosition();
        siteIndex.insert(s.id, data.addSite(s));
    }
    if (withoutPosition)
        data.warnings()
            << QStringLiteral("%1: %2 sites without a position").arg(query.sites).arg(withoutPosition);

    QHash<QString, int> seriesIndex;
    QHash<QString, qint64> unknownIds;
    size_t badTimes = 0, gaps = 0;
    const QString defaultProperty = fields[valueCol].name;
    for (size_t r = 0; r < t.rowCount(); ++r) {
        const QString id = t.text(r, idCol);
        const int site = siteIndex.value(id, -1);
        if (site < 0) {
            ++unknownIds[id];
            continue;
        }
        const auto time = timeAt(t, r, timeCol);
        if (!time) {
            ++badTimes;
            continue;
        }
        const double v = valueAt(t, r, valueCol);
        if (std::isnan(v)) {
            ++gaps;
            continue;
        }
        const QString property = propCol >= 0 ? t.text(r, propCol) : defaultProperty;
        const QString key = id + QChar(0x1f) + property;
        auto it = seriesIndex.find(key);
        if (it == seriesIndex.end()) {
            SensorSeries s;
            s.id = property == defaultProperty && propCol < 0 ? id : id + QLatin1Char('/') + property;
            s.site = site;
            s.property = property;
            s.unit = unitCol >= 0 ? t.text(r, unitCol) : QString();
            it = seriesIndex.insert(key, data.addSeries(std::move(s)));
        }
        data.series()[size_t(*it)].data.append(*time, v);
    }
    if (!unknownIds.isEmpty()) {
        QStringList examples;
        qint64 rows = 0;
        for (auto it = unknownIds.cbegin(); it != unknownIds.cend(); ++it) {
            rows += it.value();
            if (examples.size() < 5) examples << (it.key().isEmpty() ? QStringLiteral("(empty)") : it.key());
        }
        examples.sort();
        data.warnings() << QStringLiteral("%1: %2 rows of %3 ids without a site in %4 ignored (e.g. %5)")
                               .arg(source)
                               .arg(rows)
                               .arg(unknownIds.size())
                               .arg(query.sites, examples.join(QStringLiteral(", ")));
    }
    if (badTimes)
        data.warnings()
            << QStringLiteral("%1: %2 rows without a readable time ignored").arg(source).arg(badTimes);
    Q_UNUSED(gaps) // empty values are gaps in the data, not problems
    for (SensorSeries &s : data.series())
        s.data.sort();
    return data;
}

Result<SensorData> loadWide(const QString &source, const std::shared_ptr<FeatureStore> &store,
                            const SensorQuery &query)
{
    const AttributeTable &t = store->attributes();
    const Fields &fields = t.fields();
    const int idCol = findColumn(fields, query.idField, kIdNames);
    const int timeCol = findColumn(fields, query.timeField, kTimeNames);
    if (timeCol < 0)
        return Error::input(
            QStringLiteral("%1: no time column found (columns: %2)").arg(source, fieldList(fields)));
    const int nameCol = findColumn(fields, QString(), kNameNames);
    const int kindCol = findColumn(fields, QString(), kKindNames);

    std::vector<int> valueCols;
    for (int c = 0; c < fields.size(); ++c) {
        const Field &f = fields[c];
        if (c == idCol || c == timeCol || c == nameCol || c == kindCol) continue;
        if (f.type != FieldType::Int && f.type != FieldType::Double) continue;
        const QString lower = f.name.toLower();
        if (kCoordinateNames.contains(lower) || kIdNames.contains(lower) ||
            lower.endsWith(QLatin1String("_id")))
            continue;
        const uint8_t *valid = t.validData(c);
        if (std::none_of(valid, valid + t.rowCount(), [](uint8_t v) { return v != 0; }))
            continue; // an always-empty column (durP1, ratioP1 in SDS011 files) measures nothing
        valueCols.push_back(c);
    }
    if (valueCols.empty())
        return Error::input(
            QStringLiteral("%1: no numeric value columns (columns: %2)").arg(source, fieldList(fields)));

    SensorData data;
    data.setCrs(store->crs());
    data.setOrigin(source);
    QHash<QString, int> siteIndex;
    std::vector<std::vector<int>> seriesOf; // site → series per value column
    QSet<QString> moved;
    size_t badTimes = 0;
    for (size_t r = 0; r < t.rowCount(); ++r) {
        const auto [x, y] = position(*store, r);
        QString id = idCol >= 0 ? t.text(r, idCol) : QString();
        if (id.isEmpty()) id = QStringLiteral("%1 %2").arg(x, 0, 'f', 6).arg(y, 0, 'f', 6);
        auto it = siteIndex.find(id);
        if (it == siteIndex.end()) {
            SensorSite s;
            s.id = id;
            s.kind = kindCol >= 0 ? t.text(r, kindCol) : QString();
            s.name =
                nameCol >= 0 ? t.text(r, nameCol) : (s.kind.isEmpty() ? id : s.kind + QLatin1Char(' ') + id);
            s.x = x;
            s.y = y;
            const int site = data.addSite(s);
            it = siteIndex.insert(id, site);
            std::vector<int> series;
            for (int c : valueCols) {
                SensorSeries se;
                se.id = id + QLatin1Char('/') + fields[c].name;
                se.site = site;
                se.property = fields[c].name;
                se.unit = knownUnit(fields[c].name);
                series.push_back(data.addSeries(std::move(se)));
            }
            seriesOf.push_back(std::move(series));
        } else {
            const SensorSite &s = data.sites()[size_t(*it)];
            if (std::isfinite(x) && (std::abs(s.x - x) > 1e-9 || std::abs(s.y - y) > 1e-9)) moved.insert(id);
        }
        const auto time = timeAt(t, r, timeCol);
        if (!time) {
            ++badTimes;
            continue;
        }
        const std::vector<int> &series = seriesOf[size_t(*it)];
        for (size_t k = 0; k < valueCols.size(); ++k) {
            const double v = valueAt(t, r, valueCols[k]);
            if (!std::isnan(v)) data.series()[size_t(series[k])].data.append(*time, v);
        }
    }
    if (!moved.isEmpty())
        data.warnings() << QStringLiteral("%1: %2 sites changed position; the first position is kept")
                               .arg(source)
                               .arg(moved.size());
    if (badTimes)
        data.warnings()
            << QStringLiteral("%1: %2 rows without a readable time ignored").arg(source).arg(badTimes);
    for (SensorSeries &s : data.series())
        s.data.sort();
    return data;
}

} // namespace

bool TableSensorSource::handles(const QString &source) const
{
    return !source.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) &&
           !source.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

Result<SensorData> TableSensorSource::load(const QString &source, const SensorQuery &query) const
{
    const SourceUri uri = SourceUri::parse(source);
    if (uri.layerName.isEmpty() && SensorCache::isCache(uri.path)) return SensorCache::read(uri.path);
    if (!query.sites.isEmpty()) return loadLong(source, query);
    auto store = loadAll(source);
    if (!store.ok()) return store.error();
    if ((*store)->family() != GeometryFamily::Point)
        return Error::usage(
            QStringLiteral("%1: the table has no point coordinates, so it is read as a long table "
                           "(one row per observation), which needs the site layer: give "
                           "--sites SITES_SOURCE (and --site-id-field F)")
                .arg(source));
    return loadWide(source, *store, query);
}

} // namespace kw
