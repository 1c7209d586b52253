// SPDX-License-Identifier: GPL-3.0-or-later
#include "sensorthings_reader.h"

#include "core/temporal/time_format.h"

#include <QJsonArray>
#include <QSet>
#include <QUrlQuery>
#include <cmath>
#include <limits>

namespace kw::sta {

namespace {

const QString kDataArrayConformance = QStringLiteral("/req/data-array");

/// Position of a GeoJSON geometry or feature: a point's coordinates, else the centre of all its positions.
std::optional<std::pair<double, double>> geoJsonPosition(const QJsonObject &location)
{
    QJsonObject g = location;
    if (g.value(QLatin1String("type")).toString() == QLatin1String("Feature"))
        g = g.value(QLatin1String("geometry")).toObject();
    const QJsonValue coords = g.value(QLatin1String("coordinates"));
    if (g.value(QLatin1String("type")).toString() == QLatin1String("Point")) {
        const QJsonArray a = coords.toArray();
        if (a.size() >= 2 && a[0].isDouble() && a[1].isDouble())
            return std::pair{a[0].toDouble(), a[1].toDouble()};
        return std::nullopt;
    }
    double xmin = std::numeric_limits<double>::infinity(), ymin = xmin, xmax = -xmin, ymax = -xmin;
    std::function<void(const QJsonValue &)> walk = [&](const QJsonValue &v) {
        const QJsonArray a = v.toArray();
        if (a.size() >= 2 && a[0].isDouble() && a[1].isDouble()) {
            xmin = std::min(xmin, a[0].toDouble());
            xmax = std::max(xmax, a[0].toDouble());
            ymin = std::min(ymin, a[1].toDouble());
            ymax = std::max(ymax, a[1].toDouble());
            return;
        }
        for (const QJsonValue &c : a)
            walk(c);
    };
    walk(coords);
    if (xmin > xmax) return std::nullopt;
    return std::pair{(xmin + xmax) / 2, (ymin + ymax) / 2};
}

/// A numeric result; nullopt for null, objects, booleans and text that is no number.
std::optional<double> numericResult(const QJsonValue &v)
{
    if (v.isDouble()) return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        if (ok && std::isfinite(d)) return d;
    }
    return std::nullopt;
}

QString kindOf(const QJsonObject &thing)
{
    const QJsonObject p = thing.value(QLatin1String("properties")).toObject();
    for (const char *key : {"kind", "art", "type", "sensorType", "sensor_type"})
        if (p.value(QLatin1String(key)).isString()) return p.value(QLatin1String(key)).toString();
    return {};
}

} // namespace

SensorThingsReader::SensorThingsReader(const QUrl &root, const SensorQuery &query)
    : m_root(root), m_query(query), m_http(query.timeoutMs)
{
}

QUrl SensorThingsReader::serviceRoot(const QString &text)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
        url.host().isEmpty())
        return {};
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url;
}

QString SensorThingsReader::idText(const QJsonValue &id)
{
    if (id.isString()) return id.toString();
    if (id.isDouble()) {
        const double d = id.toDouble();
        if (std::floor(d) == d && std::abs(d) < 9.0e15) return QString::number(id.toInteger());
        return QString::number(d, 'g', 17);
    }
    return {};
}

QString SensorThingsReader::idKey(const QJsonValue &id)
{
    if (id.isString()) {
        QString s = id.toString();
        s.replace(QLatin1Char('\''), QLatin1String("''"));
        return QLatin1Char('\'') + s + QLatin1Char('\'');
    }
    return idText(id);
}

bool SensorThingsReader::progress(const QString &stage, qint64 done, qint64 total)
{
    return !m_query.progress || m_query.progress(SensorProgress{stage, done, total});
}

QUrl SensorThingsReader::entitySet(const QString &name) const
{
    const QUrl fromRoot = m_entitySets.value(name);
    if (fromRoot.isValid() && !fromRoot.isEmpty()) return fromRoot;
    QUrl url = m_root;
    url.setPath(m_root.path() + QLatin1Char('/') + name);
    return url;
}

Status SensorThingsReader::readRoot()
{
    const QString last = m_root.path().section(QLatin1Char('/'), -1);
    if (last.compare(QLatin1String("v1.0"), Qt::CaseInsensitive) == 0)
        m_version = QStringLiteral("1.0");
    else if (last.compare(QLatin1String("v1.1"), Qt::CaseInsensitive) == 0)
        m_version = QStringLiteral("1.1");
    else
        return Error::input(
            QStringLiteral("%1: not a SensorThings service root (the URL must end in /v1.0 or /v1.1)")
                .arg(m_root.toString()));
    auto doc = m_http.get(m_root);
    if (!doc.ok()) return doc.error();
    const QJsonObject root = doc->object();
    if (!root.value(QLatin1String("value")).isArray())
        return Error::input(
            QStringLiteral("%1: not a SensorThings service root (no 'value' list of entity sets)")
                .arg(m_root.toString()));
    for (const QJsonValue &v : root.value(QLatin1String("value")).toArray()) {
        const QJsonObject set = v.toObject();
        const QUrl url(set.value(QLatin1String("url")).toString());
        if (url.isValid() && !url.isRelative())
            m_entitySets.insert(set.value(QLatin1String("name")).toString(), url);
    }
    const QJsonArray conformance =
        root.value(QLatin1String("serverSettings")).toObject().value(QLatin1String("conformance")).toArray();
    bool listed = false;
    for (const QJsonValue &c : conformance)
        if (c.toString().contains(kDataArrayConformance)) listed = true;
    // v1.1 lists its conformance classes; a v1.1 service without a list gets a try (with a fallback),
    // v1.0 services are asked in the plain format unless they say otherwise.
    m_dataArray = listed || (m_version == QLatin1String("1.1") && conformance.isEmpty());
    return {};
}

Status SensorThingsReader::readCollection(QUrl url, const QString &what,
                                          const std::function<Status(const QJsonObject &)> &item)
{
    QSet<QString> seen;
    qint64 items = 0;
    for (int page = 0;; ++page) {
        if (page >= m_query.maxPages) {
            m_warnings << QStringLiteral("%1: stopped after %2 pages of %3 (the cap); the rest was not read")
                              .arg(url.toDisplayString())
                              .arg(m_query.maxPages)
                              .arg(what);
            return {};
        }
        const QString key = url.toString(QUrl::FullyEncoded);
        if (seen.contains(key))
            return Error::input(
                QStringLiteral("%1: @iot.nextLink points back to a page already read").arg(key));
        seen.insert(key);
        auto doc = m_http.get(url);
        if (!doc.ok()) return doc.error();
        const QJsonObject o = doc->object();
        const QJsonValue value = o.value(QLatin1String("value"));
        if (!doc->isObject() || !value.isArray())
            return Error::input(QStringLiteral("%1: unexpected response: no 'value' list of %2")
                                    .arg(url.toDisplayString(), what));
        for (const QJsonValue &v : value.toArray()) {
            if (!v.isObject())
                return Error::input(
                    QStringLiteral("%1: unexpected response: an element of 'value' is no object")
                        .arg(url.toDisplayString()));
            if (Status st = item(v.toObject()); !st.ok())
                return Error::input(QStringLiteral("%1: %2").arg(url.toDisplayString(), st.error().message));
            ++items;
        }
        const qint64 total = o.value(QLatin1String("@iot.count")).toInteger(-1);
        if (!progress(what, items, total)) return Error::cancelled();
        const QJsonValue next = o.value(QLatin1String("@iot.nextLink"));
        if (!next.isString() || next.toString().isEmpty()) return {};
        url = url.resolved(QUrl(next.toString(), QUrl::TolerantMode));
    }
}

Status SensorThingsReader::readObservationPage(const QJsonObject &page, const QUrl &url, SensorSeries &series)
{
    const qint64 from = m_query.from.value_or(std::numeric_limits<qint64>::min());
    const qint64 to = m_query.to.value_or(std::numeric_limits<qint64>::max());
    const auto add = [&](const QJsonValue &time, const QJsonValue &result) -> Status {
        const auto interval = TimeFormat::parseInterval(time.toString(), QTimeZone::utc());
        if (!interval)
            return Error::input(QStringLiteral("phenomenonTime '%1' is not an ISO 8601 time or interval")
                                    .arg(time.isString() ? time.toString() : QStringLiteral("(not text)")));
        const auto v = numericResult(result);
        if (!v) {
            m_skippedResults += !result.isNull();
            return {};
        }
        if (interval->begin < from || interval->begin >= to) return {};
        series.data.append(interval->begin, *v);
        ++m_observations;
        return {};
    };
    for (const QJsonValue &e : page.value(QLatin1String("value")).toArray()) {
        const QJsonObject o = e.toObject();
        if (o.contains(QLatin1String("dataArray"))) {
            // {"components": ["phenomenonTime", "result", …], "dataArray": [[t, r, …], …]}
            const QJsonArray components = o.value(QLatin1String("components")).toArray();
            int ti = -1, ri = -1;
            for (int i = 0; i < components.size(); ++i) {
                if (components[i].toString() == QLatin1String("phenomenonTime"))
                    ti = i;
                else if (components[i].toString() == QLatin1String("result"))
                    ri = i;
            }
            if (ti < 0 || ri < 0)
                return Error::input(
                    QStringLiteral("%1: dataArray without phenomenonTime and result components")
                        .arg(url.toDisplayString()));
            for (const QJsonValue &row : o.value(QLatin1String("dataArray")).toArray()) {
                const QJsonArray r = row.toArray();
                if (Status st = add(r.at(ti), r.at(ri)); !st.ok())
                    return Error::input(
                        QStringLiteral("%1: %2").arg(url.toDisplayString(), st.error().message));
            }
        } else {
            if (Status st = add(o.value(QLatin1String("phenomenonTime")), o.value(QLatin1String("result")));
                !st.ok())
                return Error::input(QStringLiteral("%1: %2").arg(url.toDisplayString(), st.error().message));
        }
    }
    return {};
}

Status SensorThingsReader::readObservations(SensorSeries &series, const QJsonValue &datastreamId, int index,
                                            int count)
{
    const auto makeUrl = [&](bool dataArray) {
        QUrl url = m_root;
        url.setPath(m_root.path() + QStringLiteral("/Datastreams(%1)/Observations").arg(idKey(datastreamId)));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("$select"), QStringLiteral("phenomenonTime,result"));
        q.addQueryItem(QStringLiteral("$orderby"), QStringLiteral("phenomenonTime asc"));
        q.addQueryItem(QStringLiteral("$top"), QString::number(m_query.pageSize));
        QStringList filter;
        if (m_query.from)
            filter << QStringLiteral("phenomenonTime ge %1").arg(TimeFormat::toIsoUtc(*m_query.from));
        if (m_query.to)
            filter << QStringLiteral("phenomenonTime lt %1").arg(TimeFormat::toIsoUtc(*m_query.to));
        if (!filter.isEmpty())
            q.addQueryItem(QStringLiteral("$filter"), filter.join(QStringLiteral(" and ")));
        if (dataArray) q.addQueryItem(QStringLiteral("$resultFormat"), QStringLiteral("dataArray"));
        url.setQuery(q);
        return url;
    };
    const QString stage = QStringLiteral("Observations of Datastream %1 (%2 of %3)")
                              .arg(idText(datastreamId))
                              .arg(index + 1)
                              .arg(count);
    QSet<QString> seen;
    QUrl url = makeUrl(m_dataArray);
    for (int page = 0;; ++page) {
        if (page >= m_query.maxPages) {
            m_warnings << QStringLiteral(
                              "%1: stopped after %2 pages (the cap); later observations were not read")
                              .arg(url.toDisplayString())
                              .arg(m_query.maxPages);
            return {};
        }
        if (m_observations > m_query.maxObservations) {
            m_warnings << QStringLiteral("%1: stopped at %2 observations (the cap)")
                              .arg(m_root.toString())
                              .arg(m_observations);
            return {};
        }
        const QString key = url.toString(QUrl::FullyEncoded);
        if (seen.contains(key))
            return Error::input(
                QStringLiteral("%1: @iot.nextLink points back to a page already read").arg(key));
        seen.insert(key);
        auto doc = m_http.get(url);
        if (!doc.ok() && page == 0 && m_dataArray && m_http.lastStatus() >= 400 &&
            m_http.lastStatus() < 500) {
            // The server does not offer the data-array format after all: plain JSON from now on.
            m_dataArray = false;
            m_warnings << QStringLiteral(
                              "%1: the server refused $resultFormat=dataArray; read in the plain format")
                              .arg(m_root.toString());
            url = makeUrl(false);
            seen.clear();
            --page;
            continue;
        }
        if (!doc.ok()) return doc.error();
        if (!doc->isObject() || !doc->object().value(QLatin1String("value")).isArray())
            return Error::input(QStringLiteral("%1: unexpected response: no 'value' list of observations")
                                    .arg(url.toDisplayString()));
        if (Status st = readObservationPage(doc->object(), url, series); !st.ok()) return st;
        if (!progress(stage, qint64(series.data.size()), -1)) return Error::cancelled();
        const QJsonValue next = doc->object().value(QLatin1String("@iot.nextLink"));
        if (!next.isString() || next.toString().isEmpty()) return {};
        url = url.resolved(QUrl(next.toString(), QUrl::TolerantMode));
    }
}

Result<SensorData> SensorThingsReader::read()
{
    if (Status st = readRoot(); !st.ok()) return st.error();
    SensorData data;
    data.setCrs(Crs::wgs84());
    data.setOrigin(m_root.toString());
    QHash<QString, int> siteIndex;
    size_t withoutLocation = 0;

    QUrl things = entitySet(QStringLiteral("Things"));
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("$select"), QStringLiteral("id,name,description,properties"));
        q.addQueryItem(QStringLiteral("$expand"),
                       QStringLiteral("Locations($select=id,encodingType,location)"));
        q.addQueryItem(QStringLiteral("$top"), QString::number(m_query.pageSize));
        things.setQuery(q);
    }
    Status st = readCollection(things, QStringLiteral("Things"), [&](const QJsonObject &thing) -> Status {
        const QString id = idText(thing.value(QLatin1String("@iot.id")));
        if (id.isEmpty()) return Error::input(QStringLiteral("a Thing without @iot.id"));
        if (siteIndex.contains(id)) return {};
        SensorSite site;
        site.id = id;
        site.name = thing.value(QLatin1String("name")).toString(id);
        site.kind = kindOf(thing);
        for (const QJsonValue &l : thing.value(QLatin1String("Locations")).toArray()) {
            const QJsonObject location = l.toObject();
            const QString encoding = location.value(QLatin1String("encodingType")).toString();
            if (!encoding.isEmpty() && !encoding.contains(QLatin1String("json"), Qt::CaseInsensitive))
                continue;
            if (const auto p = geoJsonPosition(location.value(QLatin1String("location")).toObject())) {
                site.x = p->first;
                site.y = p->second;
                break;
            }
        }
        withoutLocation += !site.hasPosition();
        siteIndex.insert(id, data.addSite(site));
        return {};
    });
    if (!st.ok()) return st.error();
    if (withoutLocation)
        m_warnings << QStringLiteral("%1: %2 Things without a GeoJSON location (kept, but not on the map)")
                          .arg(m_root.toString())
                          .arg(withoutLocation);

    struct Stream
    {
        QJsonValue id;
        int series;
    };
    QList<Stream> streams;
    QUrl datastreams = entitySet(QStringLiteral("Datastreams"));
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("$select"), QStringLiteral("id,name,unitOfMeasurement"));
        q.addQueryItem(QStringLiteral("$expand"),
                       QStringLiteral("Thing($select=id),ObservedProperty($select=id,name,definition)"));
        q.addQueryItem(QStringLiteral("$top"), QString::number(m_query.pageSize));
        datastreams.setQuery(q);
    }
    size_t orphans = 0;
    st = readCollection(datastreams, QStringLiteral("Datastreams"), [&](const QJsonObject &ds) -> Status {
        const QJsonValue id = ds.value(QLatin1String("@iot.id"));
        if (idText(id).isEmpty()) return Error::input(QStringLiteral("a Datastream without @iot.id"));
        const QJsonObject property = ds.value(QLatin1String("ObservedProperty")).toObject();
        QString name = property.value(QLatin1String("name")).toString();
        if (name.isEmpty()) name = ds.value(QLatin1String("name")).toString();
        const QString definition = property.value(QLatin1String("definition")).toString();
        if (!m_query.properties.isEmpty() &&
            std::none_of(m_query.properties.begin(), m_query.properties.end(), [&](const QString &p) {
                return p.compare(name, Qt::CaseInsensitive) == 0 ||
                       p.compare(definition, Qt::CaseInsensitive) == 0;
            }))
            return {};
        const int site = siteIndex.value(
            idText(ds.value(QLatin1String("Thing")).toObject().value(QLatin1String("@iot.id"))), -1);
        if (site < 0) {
            ++orphans;
            return {};
        }
        const QJsonObject unit = ds.value(QLatin1String("unitOfMeasurement")).toObject();
        SensorSeries s;
        s.id = idText(id);
        s.site = site;
        s.property = name;
        s.unit = unit.value(QLatin1String("symbol")).toString();
        if (s.unit.isEmpty()) s.unit = unit.value(QLatin1String("name")).toString();
        streams.append({id, data.addSeries(std::move(s))});
        return {};
    });
    if (!st.ok()) return st.error();
    if (orphans)
        m_warnings << QStringLiteral("%1: %2 Datastreams of unknown Things ignored")
                          .arg(m_root.toString())
                          .arg(orphans);

    for (int i = 0; i < streams.size(); ++i) {
        SensorSeries &series = data.series()[size_t(streams[i].series)];
        if (Status s = readObservations(series, streams[i].id, i, int(streams.size())); !s.ok())
            return s.error();
        series.data.sort();
    }
    if (m_skippedResults)
        m_warnings << QStringLiteral("%1: %2 observations with a non-numeric result skipped")
                          .arg(m_root.toString())
                          .arg(m_skippedResults);
    data.warnings() << m_warnings;
    return data;
}

} // namespace kw::sta
