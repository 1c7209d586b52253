// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sensors/sensor_cache.h"
#include "support/cli_run.h"
#include "support/sensorthings_test_server.h"
#include "support/test_support.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kw;
using test::CliRun;
using test::runCli;

namespace {

QString longCsv()
{
    return test::testData(QStringLiteral("sensors/messwerte_klein.csv"));
}
QString sitesCsv()
{
    return test::testData(QStringLiteral("sensors/messstellen_klein.csv")) +
           QStringLiteral("|crs=EPSG:25832");
}
QString sds011()
{
    return test::sharedData(QStringLiteral("sensors/2018-12-24_sds011_sensor_15092.csv"));
}

QByteArray fixture(const QString &name)
{
    QFile f(test::testData(QStringLiteral("sensorthings/") + name));
    return f.open(QIODevice::ReadOnly) ? f.readAll().replace("VERSION", "v1.1") : QByteArray();
}

} // namespace

/// \brief kartenwerk-cli sensors import|info and chart: outputs, counts, every error path and exit code.
class TestSensorCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void importLongTable()
    {
        const QString cache = m_tmp.filePath(QStringLiteral("long.gpkg"));
        const CliRun r = runCli({QStringLiteral("sensors"), QStringLiteral("import"), longCsv(),
                                 QStringLiteral("--sites"), sitesCsv(), QStringLiteral("--site-id-field"),
                                 QStringLiteral("id"), QStringLiteral("-o"), cache});
        QVERIFY2(r.code == 0, qPrintable(r.dump()));
        QVERIFY2(r.out.startsWith(QStringLiteral("imported 2 sites, 2 series, 5 observations into ") + cache),
                 qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("1 rows of 1 ids without a site")), qPrintable(r.err));
        QVERIFY(SensorCache::isCache(cache));
        const auto meta = SensorCache::metadata(cache);
        QCOMPARE(meta->value(QStringLiteral("origin")), longCsv());
        QVERIFY(meta->value(QStringLiteral("sites")).contains(QStringLiteral("messstellen_klein.csv")));
        QCOMPARE(test::entries(m_tmp.path()).filter(QStringLiteral(".long")).size(), 0);

        const CliRun info = runCli({QStringLiteral("sensors"), QStringLiteral("info"), cache});
        QVERIFY2(info.code == 0, qPrintable(info.dump()));
        QVERIFY2(info.out.contains(QStringLiteral("Sites: 2\n")) &&
                     info.out.contains(QStringLiteral("  NO2 [µg/m³]: 1 series, 4 observations\n")) &&
                     info.out.contains(QStringLiteral("CRS: EPSG:25832\n")),
                 qPrintable(info.out));
    }

    void importWideTableWithWindowAndProperty()
    {
        const QString cache = m_tmp.filePath(QStringLiteral("sds.gpkg"));
        // 12:00 to 13:00 local time = 11:00 to 12:00 UTC in winter.
        const CliRun r = runCli({QStringLiteral("sensors"), QStringLiteral("import"), sds011(),
                                 QStringLiteral("--property"), QStringLiteral("P1"), QStringLiteral("--from"),
                                 QStringLiteral("2018-12-24T12:00"), QStringLiteral("--to"),
                                 QStringLiteral("2018-12-24T13:00:00+01:00"), QStringLiteral("--crs"),
                                 QStringLiteral("EPSG:4326"), QStringLiteral("-o"), cache});
        QVERIFY2(r.code == 0, qPrintable(r.dump()));
        // python3: rows with 11:00 <= timestamp < 12:00 (UTC) in the file.
        QProcess python;
        python.start(
            QStringLiteral("python3"),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "import csv,sys; print(sum(1 for r in csv.DictReader(open(sys.argv[1]),delimiter=';') "
                 "if '2018-12-24T11:00:00'<=r['timestamp']<'2018-12-24T12:00:00'))"),
             sds011()});
        QVERIFY(python.waitForFinished(30000));
        const QString expected = QString::fromLatin1(python.readAllStandardOutput()).trimmed();
        QVERIFY2(
            r.out.startsWith(QStringLiteral("imported 1 sites, 1 series, %1 observations").arg(expected)),
            qPrintable(r.out));
    }

    void importFromSensorThings()
    {
        test::SensorThingsTestServer server;
        server.route(QStringLiteral("/v1.1"), fixture(QStringLiteral("root_v11.json")));
        server.route(QStringLiteral("/v1.1/Things"), [](const QUrlQuery &q) {
            return test::SensorThingsTestServer::Response{
                200, fixture(q.hasQueryItem(QStringLiteral("$skip")) ? QStringLiteral("things_2.json")
                                                                     : QStringLiteral("things_1.json"))};
        });
        server.route(QStringLiteral("/v1.1/Datastreams"), [](const QUrlQuery &q) {
            return test::SensorThingsTestServer::Response{
                200, fixture(q.hasQueryItem(QStringLiteral("$skip")) ? QStringLiteral("datastreams_2.json")
                                                                     : QStringLiteral("datastreams_1.json"))};
        });
        server.route(QStringLiteral("/v1.1/Datastreams('ds-no2-1')/Observations"), [](const QUrlQuery &q) {
            return test::SensorThingsTestServer::Response{
                200,
                fixture(q.hasQueryItem(QStringLiteral("$skip")) ? QStringLiteral("observations_no2_2.json")
                                                                : QStringLiteral("observations_no2_1.json"))};
        });
        server.route(QStringLiteral("/v1.1/Datastreams(42)/Observations"),
                     fixture(QStringLiteral("observations_plain_42.json")));
        server.route(QStringLiteral("/v1.1/Datastreams('o''brien-laeq')/Observations"),
                     fixture(QStringLiteral("observations_plain_obrien.json")));
        server.route(QStringLiteral("/broken/v1.1"),
                     fixture(QStringLiteral("root_v11.json")).replace("/v1.1/", "/broken/v1.1/"));
        server.route(QStringLiteral("/broken/v1.1/Things"), fixture(QStringLiteral("error_500.json")), 500);
        QVERIFY(server.start());

        const QString cache = m_tmp.filePath(QStringLiteral("sta.gpkg"));
        const QString url = server.baseUrl() + QStringLiteral("/v1.1");
        CliRun r =
            runCli({QStringLiteral("sensors"), QStringLiteral("import"), url, QStringLiteral("-o"), cache});
        QVERIFY2(r.code == 0, qPrintable(r.dump()));
        QVERIFY2(r.out.startsWith(QStringLiteral("imported 3 sites, 3 series, 6 observations into ") + cache),
                 qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("Things…")), qPrintable(r.err)); // progress
        QCOMPARE(SensorCache::metadata(cache)->value(QStringLiteral("origin")), url);

        // An HTTP error: exit 2, the message names the URL; the earlier cache is untouched.
        const QString broken = server.baseUrl() + QStringLiteral("/broken/v1.1");
        r = runCli({QStringLiteral("sensors"), QStringLiteral("import"), broken, QStringLiteral("-q"),
                    QStringLiteral("-o"), cache});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(broken + QStringLiteral("/Things?")) &&
                     r.err.contains(QStringLiteral("HTTP 500")) &&
                     r.err.contains(QStringLiteral("Database unavailable")),
                 qPrintable(r.err));
        QCOMPARE(SensorCache::metadata(cache)->value(QStringLiteral("origin")), url);
    }

    void importErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString out = QStringLiteral("-o");
        const QString cache = QStringLiteral("x.gpkg");
        QTest::newRow("no source") << QStringList{out, cache} << 1 << "expected exactly one SOURCE";
        QTest::newRow("no output") << QStringList{sds011()} << 1 << "no output file";
        QTest::newRow("not gpkg") << QStringList{sds011(), out, QStringLiteral("x.csv")} << 1
                                  << "x.csv: the sensor cache is a GeoPackage";
        QTest::newRow("bad from") << QStringList{sds011(), QStringLiteral("--from"),
                                                 QStringLiteral("gestern"), out, cache}
                                  << 1 << "invalid --from 'gestern'";
        QTest::newRow("to before from") << QStringList{sds011(),
                                                       QStringLiteral("--from"),
                                                       QStringLiteral("2018-12-25"),
                                                       QStringLiteral("--to"),
                                                       QStringLiteral("2018-12-24"),
                                                       out,
                                                       cache}
                                        << 1 << "--to must be after --from";
        QTest::newRow("id field without sites")
            << QStringList{longCsv(), QStringLiteral("--site-id-field"), QStringLiteral("id"), out, cache}
            << 1 << "--site-id-field needs --sites";
        QTest::newRow("long table without sites")
            << QStringList{longCsv(), out, cache} << 1 << "--sites SITES_SOURCE";
        QTest::newRow("missing file") << QStringList{QStringLiteral("/no/such/messwerte.csv"), out, cache}
                                      << 2 << "/no/such/messwerte.csv";
        QTest::newRow("bad crs") << QStringList{sds011(), QStringLiteral("--crs"),
                                                QStringLiteral("EPSG:999999"), out, cache}
                                 << 1 << "--crs";
        QTest::newRow("unwritable") << QStringList{sds011(), out, QStringLiteral("/no/such/folder/x.gpkg")}
                                    << 3 << "/no/such/folder/x.gpkg";
        QTest::newRow("unknown sub-command") << QStringList{} << 1 << "";
    }
    void importErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const QStringList command =
            args.isEmpty() ? QStringList{QStringLiteral("sensors"), QStringLiteral("export")}
                           : QStringList{QStringLiteral("sensors"), QStringLiteral("import")} + args;
        QDir::setCurrent(m_tmp.path());
        const CliRun r = runCli(command);
        QVERIFY2(r.code == code, qPrintable(r.dump()));
        QVERIFY2(r.err.contains(message), qPrintable(r.dump()));
        QVERIFY(!QFile::exists(m_tmp.filePath(QStringLiteral("x.gpkg"))));
    }

    void chartPngAndSvg()
    {
        const QString png = m_tmp.filePath(QStringLiteral("p1.png"));
        CliRun r =
            runCli({QStringLiteral("chart"), sds011(), QStringLiteral("--property"), QStringLiteral("P1"),
                    QStringLiteral("--size"), QStringLiteral("800x300"), QStringLiteral("--cursor"),
                    QStringLiteral("2018-12-24T17:15"), QStringLiteral("-o"), png});
        QVERIFY2(r.code == 0, qPrintable(r.dump()));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(800, 300));
        // The cursor at 16:15 UTC (the spike's hour) is drawn in red somewhere in the plot.
        bool red = false;
        for (int x = 0; x < image.width() && !red; ++x)
            for (int y = 0; y < image.height() && !red; ++y) {
                const QColor c = image.pixelColor(x, y);
                red = c.red() > 180 && c.green() < 80 && c.blue() < 80;
            }
        QVERIFY(red);
        const QString svg = m_tmp.filePath(QStringLiteral("p1.svg"));
        r = runCli({QStringLiteral("chart"), sds011(), QStringLiteral("--property"), QStringLiteral("P1"),
                    QStringLiteral("-o"), svg});
        QVERIFY2(r.code == 0, qPrintable(r.dump()));
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("SDS011 15092")); // the legend names the site
    }

    void chartErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("no property") << QStringList{sds011(), QStringLiteral("-o"), QStringLiteral("c.png")}
                                     << 1 << "no --property";
        QTest::newRow("bad format") << QStringList{sds011(), QStringLiteral("--property"),
                                                   QStringLiteral("P1"), QStringLiteral("-o"),
                                                   QStringLiteral("c.pdf")}
                                    << 1 << "c.pdf: unsupported chart format";
        QTest::newRow("unknown site") << QStringList{sds011(),
                                                     QStringLiteral("--property"),
                                                     QStringLiteral("P1"),
                                                     QStringLiteral("--site"),
                                                     QStringLiteral("42"),
                                                     QStringLiteral("-o"),
                                                     QStringLiteral("c.png")}
                                      << 2 << "no site '42'";
        QTest::newRow("unknown property")
            << QStringList{sds011(), QStringLiteral("--property"), QStringLiteral("NO2"),
                           QStringLiteral("-o"), QStringLiteral("c.png")}
            << 2 << "no series of property 'NO2'";
        QTest::newRow("unwritable") << QStringList{sds011(), QStringLiteral("--property"),
                                                   QStringLiteral("P1"), QStringLiteral("-o"),
                                                   QStringLiteral("/no/such/c.png")}
                                    << 3 << "/no/such/c.png";
    }
    void chartErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        QDir::setCurrent(m_tmp.path());
        const CliRun r = runCli(QStringList{QStringLiteral("chart")} + args);
        QVERIFY2(r.code == code, qPrintable(r.dump()));
        QVERIFY2(r.err.contains(message), qPrintable(r.dump()));
        QVERIFY(!QFile::exists(m_tmp.filePath(QStringLiteral("c.png"))));
    }
};

QTEST_MAIN(TestSensorCli)
#include "test_sensor_cli.moc"
