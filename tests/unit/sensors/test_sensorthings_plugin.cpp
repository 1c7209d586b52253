// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plugin/plugin_manager.h"
#include "core/plugin/sensor_source_plugin.h"
#include "core/sensors/sensor_cache.h"
#include "core/sensors/sensor_source.h"
#include "support/sensorthings_test_server.h"
#include "support/test_support.h"

#include <QDateTime>
#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

using namespace kw;
using Server = test::SensorThingsTestServer;

namespace {

qint64 utc(int h, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(2026, 9, 1), QTime(h, mi, s, ms), QTimeZone::utc()).toMSecsSinceEpoch();
}

QByteArray fixture(const QString &name, const QString &version)
{
    QFile f(test::testData(QStringLiteral("sensorthings/") + name));
    if (!f.open(QIODevice::ReadOnly)) qFatal("missing fixture %s", qPrintable(name));
    return f.readAll().replace("VERSION", version.toUtf8());
}

/// What to break in a server.
struct Faults
{
    bool thingsError = false;          ///< Things answers HTTP 500 with a JSON error body
    bool malformedDatastreams = false; ///< the second page of Datastreams is cut off
    bool refuseDataArray = false;      ///< observations with $resultFormat=dataArray get HTTP 400
    bool hangObservations = false;     ///< observations are never answered
    bool nextLinkLoop = false;         ///< the first Datastreams page links to itself
};

/// Routes of a complete service: 3 Things and 3 Datastreams on two pages each, observations as described
/// in tests/data/sensorthings.
void serve(Server &server, const QString &version, const Faults &faults = {})
{
    const QString v = QLatin1Char('/') + version;
    server.route(v, fixture(version == QLatin1String("v1.1") ? QStringLiteral("root_v11.json")
                                                             : QStringLiteral("root_v10.json"),
                            version));
    server.route(v + QStringLiteral("/Things"), [=](const QUrlQuery &q) {
        if (faults.thingsError)
            return Server::Response{500, fixture(QStringLiteral("error_500.json"), version)};
        return Server::Response{200, fixture(q.hasQueryItem(QStringLiteral("$skip"))
                                                 ? QStringLiteral("things_2.json")
                                                 : QStringLiteral("things_1.json"),
                                             version)};
    });
    server.route(v + QStringLiteral("/Datastreams"), [=](const QUrlQuery &q) {
        if (!q.hasQueryItem(QStringLiteral("$skip"))) {
            QByteArray body = fixture(QStringLiteral("datastreams_1.json"), version);
            if (faults.nextLinkLoop)
                body.replace("$skip=2&$top=2", "$select=id,name,unitOfMeasurement&$expand=Thing($select=id),"
                                               "ObservedProperty($select=id,name,definition)&$top=1000");
            return Server::Response{200, body};
        }
        return Server::Response{200, fixture(faults.malformedDatastreams
                                                 ? QStringLiteral("datastreams_2_malformed.json")
                                                 : QStringLiteral("datastreams_2.json"),
                                             version)};
    });
    const auto observations = [=](const QString &first, const QString &second) {
        return [=](const QUrlQuery &q) {
            if (faults.hangObservations) return Server::Response{200, {}, "application/json", -1};
            if (faults.refuseDataArray && q.hasQueryItem(QStringLiteral("$resultFormat")))
                return Server::Response{
                    400, "{\"code\":400,\"type\":\"error\",\"message\":\"Unknown $resultFormat\"}"};
            if (faults.refuseDataArray && first.contains(QLatin1String("no2")))
                return Server::Response{200, fixture(QStringLiteral("observations_plain_no2.json"), version)};
            const bool page2 = q.hasQueryItem(QStringLiteral("$skip")) && !second.isEmpty();
            return Server::Response{200, fixture(page2 ? second : first, version)};
        };
    };
    server.route(
        v + QStringLiteral("/Datastreams('ds-no2-1')/Observations"),
        observations(QStringLiteral("observations_no2_1.json"), QStringLiteral("observations_no2_2.json")));
    server.route(v + QStringLiteral("/Datastreams(42)/Observations"),
                 observations(QStringLiteral("observations_plain_42.json"), QString()));
    server.route(v + QStringLiteral("/Datastreams('o''brien-laeq')/Observations"),
                 observations(QStringLiteral("observations_plain_obrien.json"), QString()));
}

const SensorSeries *seriesOf(const SensorData &data, const QString &site, const QString &property)
{
    const int s = data.findSeries(data.siteIndex(site), property);
    return s < 0 ? nullptr : &data.series()[size_t(s)];
}

std::vector<double> values(const SensorSeries &s)
{
    return {s.data.values().begin(), s.data.values().end()};
}

std::vector<int64_t> times(const SensorSeries &s)
{
    return {s.data.times().begin(), s.data.times().end()};
}

} // namespace

/// \brief The SensorThings plugin, loaded as the product loads it, against a spec-shaped loopback server.
class TestSensorThingsPlugin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QStringList failures = PluginManager::loadAll();
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        bool found = false;
        for (const auto &p : PluginManager::loaded())
            if (p.id == QLatin1String("sensorthings")) {
                found = true;
                QCOMPARE(p.interfaceId, QStringLiteral(KW_SENSOR_SOURCE_PLUGIN_IID));
                QVERIFY(p.path.endsWith(QLatin1String("plugins/libkw_plugin_sensorthings.so")));
            }
        QVERIFY2(found, qPrintable(PluginManager::searchPaths().join(QLatin1Char(' '))));
        QVERIFY(SensorSources::providerIds().contains(QStringLiteral("sensorthings")));
    }

    void readsAVersion11Service()
    {
        Server server;
        serve(server, QStringLiteral("v1.1"));
        QVERIFY(server.start());
        SensorQuery q;
        q.targetCrs = Crs::etrs89Utm32();
        q.pageSize = 2;
        const auto data = SensorSources::load(server.baseUrl() + QStringLiteral("/v1.1/"), q);
        QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().message));

        // Three Things from two pages; ids as text, numbers without a fraction.
        QCOMPARE(data->sites().size(), size_t(3));
        QCOMPARE(data->sites()[0].id, QStringLiteral("kl-lq-001"));
        QCOMPARE(data->sites()[1].id, QStringLiteral("2"));
        QCOMPARE(data->sites()[2].id, QStringLiteral("o'brien"));
        QCOMPARE(data->sites()[1].name, QStringLiteral("Verkehrszählstelle Pariser Straße"));
        QCOMPARE(data->sites()[0].kind, QStringLiteral("luftqualitaet"));
        QCOMPARE(data->sites()[1].kind, QStringLiteral("verkehr"));
        // WGS 84 → EPSG:25832, expected values from cs2cs EPSG:4326 EPSG:25832 (Point, Feature, Polygon
        // centre).
        QCOMPARE(data->crs().authId(), QStringLiteral("EPSG:25832"));
        QVERIFY(std::abs(data->sites()[0].x - 410759.672) < 0.01 &&
                std::abs(data->sites()[0].y - 5477621.367) < 0.01);
        QVERIFY(std::abs(data->sites()[1].x - 409399.445) < 0.01 &&
                std::abs(data->sites()[1].y - 5478233.108) < 0.01);
        QVERIFY(std::abs(data->sites()[2].x - 406424.238) < 0.01 &&
                std::abs(data->sites()[2].y - 5473835.174) < 0.01);

        QCOMPARE(data->series().size(), size_t(3));
        const SensorSeries *no2 = seriesOf(*data, QStringLiteral("kl-lq-001"), QStringLiteral("NO2"));
        QVERIFY(no2);
        QCOMPARE(no2->id, QStringLiteral("ds-no2-1"));
        QCOMPARE(no2->unit, QStringLiteral("µg/m³"));
        // dataArray over two pages; intervals count at their start; the null result is a gap; "40.5" is read.
        QCOMPARE(times(*no2), (std::vector<int64_t>{utc(0), utc(2), utc(3)}));
        QCOMPARE(values(*no2), (std::vector<double>{20.5, 30.5, 40.5}));
        const SensorSeries *traffic = seriesOf(*data, QStringLiteral("2"), QStringLiteral("Verkehrsstaerke"));
        QVERIFY(traffic);
        QCOMPARE(traffic->id, QStringLiteral("42"));
        QCOMPARE(traffic->unit, QStringLiteral("Fz/h"));
        // A page in plain JSON although dataArray was asked for: read by its shape; +02:00 respected.
        QCOMPARE(times(*traffic), (std::vector<int64_t>{utc(0), utc(1)}));
        QCOMPARE(values(*traffic), (std::vector<double>{812, 1034}));
        const SensorSeries *noise = seriesOf(*data, QStringLiteral("o'brien"), QStringLiteral("LAeq"));
        QVERIFY(noise);
        QCOMPARE(times(*noise), (std::vector<int64_t>{utc(0, 45, 0, 500)}));
        QVERIFY2(data->warnings()
                     .join(QLatin1Char('\n'))
                     .contains(QStringLiteral("1 observations with a non-numeric result")),
                 qPrintable(data->warnings().join(QLatin1Char('\n'))));

        // What was asked: $select, $expand, $orderby, $top, dataArray, every nextLink, the quoted id.
        const QStringList r = server.requests();
        const QString all = r.join(QLatin1Char('\n'));
        QVERIFY2(r.size() == 9,
                 qPrintable(all)); // root, 2 Things, 2 Datastreams, 2 + 1 + 1 observation pages
        QVERIFY(r[1].startsWith(
            QStringLiteral("/v1.1/Things?$select=id,name,description,properties&$expand=Locations(")));
        QVERIFY(all.contains(QStringLiteral("/v1.1/Things?$skip=2")));
        QVERIFY(all.contains(QStringLiteral("/v1.1/Datastreams?$skip=2")));
        QVERIFY(all.contains(
            QStringLiteral("/v1.1/Datastreams('ds-no2-1')/Observations?$select=phenomenonTime,result"
                           "&$orderby=phenomenonTime asc&$top=2&$resultFormat=dataArray")));
        QVERIFY(all.contains(QStringLiteral("/v1.1/Datastreams('ds-no2-1')/Observations?$skip=2")));
        QVERIFY(all.contains(QStringLiteral("/v1.1/Datastreams(42)/Observations?")));
        QVERIFY(all.contains(QStringLiteral("/v1.1/Datastreams('o''brien-laeq')/Observations?")));
        QVERIFY(!all.contains(QStringLiteral("$filter"))); // no window asked for
    }

    void askesForTheWindowAndPropertiesOnly()
    {
        Server server;
        serve(server, QStringLiteral("v1.1"));
        QVERIFY(server.start());
        SensorQuery q;
        q.properties = {QStringLiteral("no2")};
        q.from = utc(1);
        q.to = utc(3);
        const auto data = SensorSources::load(server.baseUrl() + QStringLiteral("/v1.1"), q);
        QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().message));
        QCOMPARE(data->crs().authId(), QStringLiteral("EPSG:4326")); // no target CRS: as served
        QCOMPARE(data->series().size(), size_t(1));
        QCOMPARE(data->sites().size(), size_t(1)); // sites without the property are dropped
        // The server ignores $filter here; the client keeps [01:00, 03:00) all the same.
        QCOMPARE(values(data->series().front()), (std::vector<double>{30.5}));
        const QString all = server.requests().join(QLatin1Char('\n'));
        QVERIFY2(all.contains(
                     QStringLiteral("$filter=phenomenonTime ge 2026-09-01T01:00:00Z and phenomenonTime lt "
                                    "2026-09-01T03:00:00Z")),
                 qPrintable(all));
        QVERIFY(!all.contains(QStringLiteral("Datastreams(42)/Observations"))); // not asked for
    }

    void version10UsesThePlainFormat()
    {
        Server server;
        serve(server, QStringLiteral("v1.0"));
        QVERIFY(server.start());
        const auto data = SensorSources::load(server.baseUrl() + QStringLiteral("/v1.0"), SensorQuery());
        QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().message));
        QCOMPARE(data->series().size(), size_t(3));
        // The client's own requests do not ask for dataArray (the server's nextLinks may carry it).
        for (const QString &r : server.requests())
            if (r.contains(QLatin1String("?$select=")))
                QVERIFY2(!r.contains(QLatin1String("$resultFormat")), qPrintable(r));
        // A dataArray page is still understood when a server sends one unasked.
        QCOMPARE(values(*seriesOf(*data, QStringLiteral("kl-lq-001"), QStringLiteral("NO2"))),
                 (std::vector<double>{20.5, 30.5, 40.5}));
    }

    void fallsBackWhenDataArrayIsRefused()
    {
        Server server;
        Faults f;
        f.refuseDataArray = true;
        serve(server, QStringLiteral("v1.1"), f);
        QVERIFY(server.start());
        const auto data = SensorSources::load(server.baseUrl() + QStringLiteral("/v1.1"), SensorQuery());
        QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().message));
        QCOMPARE(data->observationCount(), size_t(3 + 2 + 1));
        QVERIFY(data->warnings()
                    .join(QLatin1Char('\n'))
                    .contains(QStringLiteral("refused $resultFormat=dataArray")));
        const QStringList r = server.requests();
        // One refused request, then no more dataArray requests.
        QCOMPARE(std::count_if(r.begin(), r.end(),
                               [](const QString &s) { return s.contains(QLatin1String("$resultFormat")); }),
                 qsizetype(1));
    }

    void httpErrorNamesTheUrlAndTheServersMessage()
    {
        Server server;
        Faults f;
        f.thingsError = true;
        serve(server, QStringLiteral("v1.1"), f);
        QVERIFY(server.start());
        const auto data = SensorSources::load(server.baseUrl() + QStringLiteral("/v1.1"), SensorQuery());
        QVERIFY(!data.ok());
        QCOMPARE(data.error().kind, ErrorKind::Input);
        const QString m = data.error().message;
        QVERIFY2(m.contains(server.baseUrl() + QStringLiteral("/v1.1/Things?")) &&
                     m.contains(QStringLiteral("HTTP 500")) &&
                     m.contains(QStringLiteral("Database unavailable")),
                 qPrintable(m));
    }

    void malformedJsonNamesTheUrl()
    {
        Server server;
        Faults f;
        f.malformedDatastreams = true;
        serve(server, QStringLiteral("v1.1"), f);
        QVERIFY(server.start());
        const auto data = SensorSources::load(server.baseUrl() + QStringLiteral("/v1.1"), SensorQuery());
        QVERIFY(!data.ok());
        const QString m = data.error().message;
        QVERIFY2(m.contains(server.baseUrl() + QStringLiteral("/v1.1/Datastreams?$skip=2")) &&
                     m.contains(QStringLiteral("malformed JSON")),
                 qPrintable(m));
    }

    void timeoutNamesTheUrl()
    {
        Server server;
        Faults f;
        f.hangObservations = true;
        serve(server, QStringLiteral("v1.1"), f);
        QVERIFY(server.start());
        SensorQuery q;
        q.timeoutMs = 300;
        QElapsedTimer timer;
        timer.start();
        const auto data = SensorSources::load(server.baseUrl() + QStringLiteral("/v1.1"), q);
        QVERIFY(!data.ok());
        QVERIFY(timer.elapsed() < 10000);
        const QString m = data.error().message;
        QVERIFY2(m.contains(QStringLiteral("/Observations")) &&
                     m.contains(QStringLiteral("no response within 0.3 s")),
                 qPrintable(m));
    }

    void nextLinkLoopIsAnError()
    {
        Server server;
        Faults f;
        f.nextLinkLoop = true;
        serve(server, QStringLiteral("v1.1"), f);
        QVERIFY(server.start());
        const auto data = SensorSources::load(server.baseUrl() + QStringLiteral("/v1.1"), SensorQuery());
        QVERIFY(!data.ok());
        QVERIFY2(data.error().message.contains(QStringLiteral("points back")),
                 qPrintable(data.error().message));
    }

    void pageCapStopsWithAWarning()
    {
        Server server;
        serve(server, QStringLiteral("v1.1"));
        QVERIFY(server.start());
        SensorQuery q;
        q.maxPages = 1;
        const auto data = SensorSources::load(server.baseUrl() + QStringLiteral("/v1.1"), q);
        QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().message));
        QCOMPARE(data->sites().size(), size_t(2));
        QVERIFY(data->warnings().join(QLatin1Char('\n')).contains(QStringLiteral("stopped after 1 pages")));
    }

    void progressAndCancel()
    {
        Server server;
        serve(server, QStringLiteral("v1.1"));
        QVERIFY(server.start());
        SensorQuery q;
        QStringList stages;
        q.progress = [&](const SensorProgress &p) {
            stages << p.stage;
            return !p.stage.startsWith(QLatin1String("Observations"));
        };
        const auto data = SensorSources::load(server.baseUrl() + QStringLiteral("/v1.1"), q);
        QVERIFY(!data.ok());
        QCOMPARE(data.error().kind, ErrorKind::Cancelled);
        QVERIFY(stages.contains(QStringLiteral("Things")));
        QVERIFY(stages.last().startsWith(QStringLiteral("Observations of Datastream ds-no2-1 (1 of 3)")));
    }

    void worksInAWorkerThread()
    {
        Server server;
        serve(server, QStringLiteral("v1.1"));
        QVERIFY(server.start());
        const QString url = server.baseUrl() + QStringLiteral("/v1.1");
        QFuture<size_t> count = QtConcurrent::run([url] {
            const auto data = SensorSources::load(url, SensorQuery());
            return data.ok() ? data->observationCount() : size_t(0);
        });
        count.waitForFinished();
        QCOMPARE(count.result(), size_t(6));
    }

    void unreachableServerNamesTheUrl()
    {
        // A port that was free a moment ago: nobody listens there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QString url = QStringLiteral("http://127.0.0.1:%1/v1.1").arg(probe.serverPort());
        probe.close();
        const auto data = SensorSources::load(url, SensorQuery());
        QVERIFY(!data.ok());
        QVERIFY2(data.error().message.startsWith(url), qPrintable(data.error().message));
    }

    void notAServiceRoot()
    {
        Server server;
        serve(server, QStringLiteral("v1.1"));
        QVERIFY(server.start());
        const auto data =
            SensorSources::load(server.baseUrl() + QStringLiteral("/v1.1/Things"), SensorQuery());
        QVERIFY(!data.ok());
        QVERIFY2(data.error().message.contains(QStringLiteral("not a SensorThings service root")) ||
                     data.error().message.contains(QStringLiteral("no sensor source")),
                 qPrintable(data.error().message));
    }

    void cachesForOfflineUse()
    {
        Server server;
        serve(server, QStringLiteral("v1.1"));
        QVERIFY(server.start());
        SensorQuery q;
        q.targetCrs = Crs::etrs89Utm32();
        const auto data = SensorSources::load(server.baseUrl() + QStringLiteral("/v1.1"), q);
        QVERIFY(data.ok());
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("sta.gpkg"));
        QVERIFY(SensorCache::write(*data, cache).ok());
        const auto back = SensorSources::load(cache, SensorQuery());
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(back->origin(), server.baseUrl() + QStringLiteral("/v1.1"));
        QCOMPARE(back->sites()[2].id, QStringLiteral("o'brien"));
        QCOMPARE(values(*seriesOf(*back, QStringLiteral("kl-lq-001"), QStringLiteral("NO2"))),
                 (std::vector<double>{20.5, 30.5, 40.5}));
        QCOMPARE(times(*seriesOf(*back, QStringLiteral("o'brien"), QStringLiteral("LAeq"))),
                 (std::vector<int64_t>{utc(0, 45, 0, 500)}));
    }
};

QTEST_GUILESS_MAIN(TestSensorThingsPlugin)
#include "test_sensorthings_plugin.moc"
