// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layers/sensor_layer.h"
#include "core/project/project.h"
#include "core/sensors/sensor_cache.h"
#include "core/temporal/time_format.h"
#include "support/test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace kw;

/// \brief The project file's "time" and "sensors" keys, sensor layers and date-range filters.
class TestProjectTemporal : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SensorQuery q;
        q.sites = test::testData(QStringLiteral("sensors/messstellen_klein.csv")) +
                  QStringLiteral("|crs=EPSG:25832");
        auto data = SensorSources::load(test::testData(QStringLiteral("sensors/messwerte_klein.csv")), q);
        QVERIFY(data.ok());
        QDir(m_dir.path()).mkpath(QStringLiteral("daten"));
        const QString cache = m_dir.filePath(QStringLiteral("daten/messnetz.gpkg"));
        QVERIFY(SensorCache::write(*data, cache).ok());
        QVERIFY(QFile::copy(test::sharedData(QStringLiteral("counties/nc.gpkg")),
                            m_dir.filePath(QStringLiteral("daten/nc.gpkg"))));

        Project p;
        TemporalSettings t;
        t.begin = *TimeFormat::parseInstant(u"2026-10-24T00:00:00", TimeFormat::displayZone());
        t.end = *TimeFormat::parseInstant(u"2026-10-27T00:00:00", TimeFormat::displayZone());
        t.step = *Duration::parse(QStringLiteral("PT1H"));
        t.window = *Duration::parse(QStringLiteral("PT3H"));
        t.aggregation = Aggregation::Max;
        t.current = t.begin;
        p.setTemporal(t);
        SourceUri uri;
        uri.path = cache;
        p.addLayer(
            std::make_shared<SensorLayer>(uri, QStringLiteral("NO2"), QStringLiteral("Stickstoffdioxid")));
        p.addLayer(std::make_shared<SensorLayer>(uri, QStringLiteral("LAeq"), QStringLiteral("Lärm")));
        auto counties =
            std::make_shared<VectorLayer>(SourceUri::parse(m_dir.filePath(QStringLiteral("daten/nc.gpkg"))),
                                          QStringLiteral("nc.gpkg"), QStringLiteral("Landkreise"));
        p.addLayer(counties);
        m_path = m_dir.filePath(QStringLiteral("zeit.kwproj"));
        QVERIFY(p.write(m_path).ok());
    }

    void writesTimeAndSensors()
    {
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonObject time = root.value(QLatin1String("time")).toObject();
        QCOMPARE(time.value(QLatin1String("step")).toString(), QStringLiteral("PT1H"));
        QCOMPARE(time.value(QLatin1String("aggregation")).toString(), QStringLiteral("max"));
        QCOMPARE(time.value(QLatin1String("range")).toObject().value(QLatin1String("begin")).toString(),
                 QStringLiteral("2026-10-24T00:00:00+02:00"));
        const QJsonArray sensors = root.value(QLatin1String("sensors")).toArray();
        QCOMPARE(sensors.size(), 1); // both layers share one source
        QCOMPARE(sensors[0].toObject().value(QLatin1String("id")).toString(), QStringLiteral("messnetz"));
        QCOMPARE(sensors[0].toObject().value(QLatin1String("source")).toString(),
                 QStringLiteral("daten/messnetz.gpkg"));
        const QJsonObject noise = root.value(QLatin1String("layers")).toArray()[1].toObject(); // top first
        QCOMPARE(noise.value(QLatin1String("kind")).toString(), QStringLiteral("sensor"));
        QCOMPARE(noise.value(QLatin1String("sensor")).toObject(),
                 (QJsonObject{{QStringLiteral("source"), QStringLiteral("messnetz")},
                              {QStringLiteral("property"), QStringLiteral("LAeq")}}));
    }

    void readsThemBack()
    {
        auto p = Project::read(m_path);
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message));
        QVERIFY((*p)->temporal());
        QCOMPARE((*p)->temporal()->aggregation, Aggregation::Max);
        QCOMPARE((*p)->temporal()->window.toString(), QStringLiteral("PT3H"));
        QCOMPARE((*p)->sensorSources().size(), 1);
        QCOMPARE((*p)->layers().size(), 3);
        auto *no2 = dynamic_cast<SensorLayer *>((*p)->layers()[2].get());
        auto *noise = dynamic_cast<SensorLayer *>((*p)->layers()[1].get());
        QVERIFY(no2 && noise);
        QCOMPARE(no2->property(), QStringLiteral("NO2"));
        QVERIFY((*p)->loadLayers().isEmpty());
        // One read for both layers.
        QVERIFY(no2->data());
        QCOMPARE(no2->data().get(), noise->data().get());
        QCOMPARE(no2->store()->featureCount(), size_t(1));
        // Saved again: the same bytes.
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE((*p)->toJson(m_dir.path()), f.readAll());
    }

    void dateRangeFilterRoundTrip()
    {
        const QByteArray json =
            "{\"format\":\"kartenwerk-project\",\"version\":1,\"layers\":[{\"type\":\"layer\",\"source\":"
            "\"daten/nc.gpkg\","
            "\"layer\":\"nc.gpkg\",\"temporal\":{\"start_field\":\"beginn\",\"end_field\":\"ende\"}}]}";
        auto p = Project::fromJson(json, m_dir.path());
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message));
        auto *layer = dynamic_cast<VectorLayer *>((*p)->layers().front().get());
        QCOMPARE(layer->temporalFilter(), (TemporalFilter{QStringLiteral("beginn"), QStringLiteral("ende")}));
        const QJsonObject back = QJsonDocument::fromJson((*p)->toJson(m_dir.path())).object();
        QCOMPARE(back.value(QLatin1String("layers"))
                     .toArray()[0]
                     .toObject()
                     .value(QLatin1String("temporal"))
                     .toObject()
                     .value(QLatin1String("end_field"))
                     .toString(),
                 QStringLiteral("ende"));
    }

    void errorsNameTheKey_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("sensor source without id")
            << QByteArray("{\"format\":\"kartenwerk-project\",\"version\":1,\"layers\":[],\"sensors\":[{"
                          "\"source\":\"a.gpkg\"}]}")
            << "sensors/0";
        QTest::newRow("unknown sensor source")
            << QByteArray("{\"format\":\"kartenwerk-project\",\"version\":1,\"layers\":[{\"type\":\"layer\","
                          "\"kind\":\"sensor\","
                          "\"source\":\"a.gpkg\",\"sensor\":{\"source\":\"x\",\"property\":\"NO2\"}}]}")
            << "no sensor source 'x'";
        QTest::newRow("sensor layer without property")
            << QByteArray("{\"format\":\"kartenwerk-project\",\"version\":1,\"layers\":[{\"type\":\"layer\","
                          "\"kind\":\"sensor\",\"source\":\"a.gpkg\"}]}")
            << "sensor/property";
    }
    void errorsNameTheKey()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        auto p = Project::fromJson(json, m_dir.path());
        QVERIFY(!p.ok());
        QVERIFY2(p.error().message.contains(expected), qPrintable(p.error().message));
    }

    void unreadableTimeIsKeptAndReported()
    {
        const QByteArray json = "{\"format\":\"kartenwerk-project\",\"version\":1,\"layers\":[],"
                                "\"time\":{\"range\":{\"begin\":\"x\",\"end\":\"y\"}}}";
        QStringList warnings;
        auto p = Project::fromJson(json, m_dir.path(), &warnings);
        QVERIFY(p.ok());
        QVERIFY(!(*p)->temporal());
        QVERIFY2(warnings.join(QLatin1Char('\n'))
                     .contains(QStringLiteral("time/range/begin: 'x' is not an ISO 8601 time (kept")),
                 qPrintable(warnings.join(QLatin1Char('\n'))));
        QVERIFY((*p)->toJson(m_dir.path()).contains("\"begin\": \"x\""));
    }

    void matchesTheSchema()
    {
        QProcess python;
        python.start(
            QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), "
                            "json.load(open(sys.argv[2]))); print('ok')"),
             m_path, QStringLiteral(KW_SOURCE_DIR "/resources/schema/kwproj.schema.json")});
        QVERIFY(python.waitForFinished(60000));
        const QByteArray error = python.readAllStandardError();
        if (python.exitCode() != 0 && error.contains("No module named"))
            QSKIP("python3-jsonschema is not installed");
        QVERIFY2(python.exitCode() == 0, error.constData());
    }
};

QTEST_GUILESS_MAIN(TestProjectTemporal)
#include "test_project_temporal.moc"
