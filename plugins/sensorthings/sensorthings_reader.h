// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sensors/sensor_source.h"
#include "http_json_client.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QUrl>

namespace kw::sta {

/// \brief Reads sites, series and observations from one OGC SensorThings API service (v1.0 or v1.1).
///
/// Requests, in order (every collection follows @iot.nextLink to its end, at most SensorQuery::maxPages):
/// 1. the service root: version (from the URL, v1.0 or v1.1) and, in v1.1, the conformance list;
/// 2. `Things?$select=id,name,description,properties&$expand=Locations($select=id,encodingType,location)`
///    → sites; the first Location with a GeoJSON Point (or any GeoJSON geometry: the centre of its box) in
///    WGS 84 gives the position;
/// 3. `Datastreams?$select=id,name,unitOfMeasurement&$expand=Thing($select=id),ObservedProperty(…)`
///    → series (property: the ObservedProperty's name; unit: unitOfMeasurement.symbol, else its name);
///    the query's properties are matched here, so unwanted Datastreams cost no further request;
/// 4. per Datastream `Datastreams(ID)/Observations?$select=phenomenonTime,result&$orderby=phenomenonTime asc`
///    with `$filter=phenomenonTime ge FROM and phenomenonTime lt TO` for the query's window, `$top`, and
///    `$resultFormat=dataArray` when the server's conformance lists the data-array extension (or a v1.1
///    service publishes no list). A server answering that with an HTTP 4xx is asked again without it, and
///    every page is read by its shape, so a server that ignores the parameter works too.
/// Ids are opaque (numbers and strings; strings are quoted in URLs with '' for a quote). An interval
/// phenomenonTime "start/end" counts at its start (so a window [t, t+1h) holds the hourly value from t to
/// t+1h); resultTime is not used and may be null; null and non-numeric results are skipped (gaps).
/// Every failure is an Input error naming the URL; partial results are never returned as complete.
class SensorThingsReader
{
public:
    SensorThingsReader(const QUrl &root, const SensorQuery &query);
    Result<SensorData> read();

    /// The service root of \a text (trailing slashes removed), or an invalid URL.
    static QUrl serviceRoot(const QString &text);
    /// "42" for a number, "'a''b'" for the string "a'b": how an id goes into a URL path.
    static QString idKey(const QJsonValue &id);
    /// An id as text (numbers without a fraction as integers).
    static QString idText(const QJsonValue &id);

private:
    Status readRoot();
    /// Fetches every page of a collection, calling \a item for each element of "value".
    Status readCollection(QUrl url, const QString &what,
                          const std::function<Status(const QJsonObject &)> &item);
    Status readObservations(SensorSeries &series, const QJsonValue &datastreamId, int index, int count);
    Status readObservationPage(const QJsonObject &page, const QUrl &url, SensorSeries &series);
    bool progress(const QString &stage, qint64 done, qint64 total);
    QUrl entitySet(const QString &name) const;

    QUrl m_root;
    SensorQuery m_query;
    HttpJsonClient m_http;
    QString m_version;
    QHash<QString, QUrl> m_entitySets;
    bool m_dataArray = false;
    qint64 m_observations = 0;
    qint64 m_skippedResults = 0;
    QStringList m_warnings;
};

} // namespace kw::sta
