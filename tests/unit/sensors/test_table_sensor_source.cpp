// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sensors/sensor_source.h"
#include "core/temporal/time_format.h"
#include "support/test_support.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>
#include <cmath>

using namespace kw;

namespace {

qint64 utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc()).toMSecsSinceEpoch();
}

const SensorSeries *seriesOf(const SensorData &data, const QString &site, const QString &property)
{
    const int s = data.findSeries(data.siteIndex(site), property);
    return s < 0 ? nullptr : &data.series()[size_t(s)];
}

} // namespace

/// \brief Table sensor sources on real sensor.community archive files (wide) and on long German tables.
///
/// Expected numbers were computed independently from the CSV files with Python's csv module.
class TestTableSensorSource : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sds011WideFormat()
    {
        const auto data = SensorSources::load(
            test::sharedData(QStringLiteral("sensors/2018-12-24_sds011_sensor_15092.csv")), SensorQuery());
        QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().message));
        QCOMPARE(data->sites().size(), size_t(1));
        const SensorSite &site = data->sites().front();
        QCOMPARE(site.id, QStringLiteral("15092"));
        QCOMPARE(site.kind, QStringLiteral("SDS011"));
        QCOMPARE(site.name, QStringLiteral("SDS011 15092"));
        QCOMPARE(data->crs().authId(), QStringLiteral("EPSG:4326"));
        QCOMPARE(site.x, -2.211);
        QCOMPARE(site.y, 56.963);
        // P1 and P2 only: durP1, ratioP1, durP2, ratioP2 are empty in every row; location is an id.
        QCOMPARE(data->properties(), (QStringList{QStringLiteral("P1"), QStringLiteral("P2")}));
        const SensorSeries *p1 = seriesOf(*data, QStringLiteral("15092"), QStringLiteral("P1"));
        QVERIFY(p1);
        QCOMPARE(p1->unit, QStringLiteral("µg/m³"));
        QCOMPARE(p1->data.size(), size_t(513));
        QCOMPARE(data->observationCount(), size_t(2 * 513));
        // First row: 2018-12-24T00:02:33 (UTC, the archive's time) P1 2.63.
        QCOMPARE(p1->data.firstTime(), utc(2018, 12, 24, 0, 2, 33));
        QCOMPARE(p1->data.values()[0], 2.63);
        QCOMPARE(p1->data.lastTime(), utc(2018, 12, 24, 23, 58, 28));
        // Hour 00: 21 readings, mean 2.456666…, max 4.03; hour 16 holds the spike of 264.23.
        QCOMPARE(p1->data.aggregate(utc(2018, 12, 24, 0), utc(2018, 12, 24, 1), Aggregation::Count), 21.0);
        QCOMPARE(
            qRound64(p1->data.aggregate(utc(2018, 12, 24, 0), utc(2018, 12, 24, 1), Aggregation::Mean) * 1e6),
            qint64(2456667));
        QCOMPARE(p1->data.aggregate(utc(2018, 12, 24, 0), utc(2018, 12, 24, 1), Aggregation::Max), 4.03);
        QCOMPARE(p1->data.aggregate(utc(2018, 12, 24, 16), utc(2018, 12, 24, 17), Aggregation::Max), 264.23);
        QCOMPARE(p1->data.aggregate(utc(2018, 12, 24, 16), utc(2018, 12, 24, 17), Aggregation::Count), 22.0);
        // The real gap from 01:25:40 to 01:33:56 stays empty.
        QCOMPARE(p1->data.aggregate(utc(2018, 12, 24, 1, 26), utc(2018, 12, 24, 1, 33), Aggregation::Count),
                 0.0);
        QVERIFY(std::isnan(
            p1->data.aggregate(utc(2018, 12, 24, 1, 26), utc(2018, 12, 24, 1, 33), Aggregation::Mean)));
        const SensorSeries *p2 = seriesOf(*data, QStringLiteral("15092"), QStringLiteral("P2"));
        QCOMPARE(qRound64(p2->data.aggregate(utc(2018, 12, 24), utc(2018, 12, 25), Aggregation::Mean) * 1e6),
                 qint64(4855809));
    }

    void dht22TwoQuantitiesPerRow()
    {
        const auto data = SensorSources::load(
            test::sharedData(QStringLiteral("sensors/2017-08-31_dht22_sensor_5332.csv")), SensorQuery());
        QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().message));
        QCOMPARE(data->properties(),
                 (QStringList{QStringLiteral("temperature"), QStringLiteral("humidity")}));
        const SensorSeries *t = seriesOf(*data, QStringLiteral("5332"), QStringLiteral("temperature"));
        const SensorSeries *h = seriesOf(*data, QStringLiteral("5332"), QStringLiteral("humidity"));
        QVERIFY(t && h);
        QCOMPARE(t->unit, QStringLiteral("°C"));
        QCOMPARE(h->unit, QStringLiteral("%"));
        QCOMPARE(t->data.size(), size_t(585));
        QCOMPARE(h->data.size(), size_t(585));
        // 12:00–13:00 UTC: 25 readings, 18.0 to 18.2, mean 18.092.
        QCOMPARE(t->data.aggregate(utc(2017, 8, 31, 12), utc(2017, 8, 31, 13), Aggregation::Count), 25.0);
        QCOMPARE(t->data.aggregate(utc(2017, 8, 31, 12), utc(2017, 8, 31, 13), Aggregation::Min), 18.0);
        QCOMPARE(t->data.aggregate(utc(2017, 8, 31, 12), utc(2017, 8, 31, 13), Aggregation::Max), 18.2);
        QCOMPARE(
            qRound64(t->data.aggregate(utc(2017, 8, 31, 12), utc(2017, 8, 31, 13), Aggregation::Mean) * 1000),
            qint64(18092));
        // The only gap over five minutes: 22:55:26 to 23:00:33.
        QCOMPARE(h->data.aggregate(utc(2017, 8, 31, 22, 56), utc(2017, 8, 31, 23), Aggregation::Count), 0.0);
        QCOMPARE(h->data.values().back(), 68.8);
    }

    void restrictsAndReprojects()
    {
        SensorQuery q;
        q.properties = {QStringLiteral("p2")}; // case-insensitive
        q.from = utc(2018, 12, 24, 12);
        q.to = utc(2018, 12, 24, 13);
        q.targetCrs = Crs::etrs89Utm32();
        const auto data = SensorSources::load(
            test::sharedData(QStringLiteral("sensors/2018-12-24_sds011_sensor_15092.csv")), q);
        QVERIFY(data.ok());
        QCOMPARE(data->properties(), QStringList{QStringLiteral("P2")});
        QCOMPARE(data->crs().authId(), QStringLiteral("EPSG:25832"));
        // 2.211° W, 56.963° N in UTM 32N (cs2cs +init=epsg:4326 +to +init=epsg:25832): far west of zone 32.
        QVERIFY(data->sites().front().x < 0);
        QVERIFY(data->sites().front().y > 6.3e6);
        const auto extent = data->timeExtent();
        QVERIFY(extent);
        QVERIFY(extent->first >= utc(2018, 12, 24, 12));
        QVERIFY(extent->second < utc(2018, 12, 24, 13));
    }

    void longFormatWithGermanConventions()
    {
        SensorQuery q;
        q.sites = test::testData(QStringLiteral("sensors/messstellen_klein.csv")) +
                  QStringLiteral("|crs=EPSG:25832");
        const auto data =
            SensorSources::load(test::testData(QStringLiteral("sensors/messwerte_klein.csv")), q);
        QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().message));
        QCOMPARE(data->sites().size(), size_t(2));
        QCOMPARE(data->series().size(), size_t(2));
        const int a = data->siteIndex(QStringLiteral("A"));
        QCOMPARE(data->sites()[size_t(a)].name, QStringLiteral("Messstelle Rathaus"));
        QCOMPARE(data->sites()[size_t(a)].kind, QStringLiteral("luftqualitaet"));
        QCOMPARE(data->sites()[size_t(data->siteIndex(QStringLiteral("B")))].x, 410600.5);
        const SensorSeries *no2 = seriesOf(*data, QStringLiteral("A"), QStringLiteral("NO2"));
        QVERIFY(no2);
        QCOMPARE(no2->unit, QStringLiteral("µg/m³"));
        // 4 values; the empty one is a gap. Both 02:00 of the DST night are kept, an hour apart.
        QCOMPARE(no2->data.size(), size_t(4));
        const std::vector<int64_t> times(no2->data.times().begin(), no2->data.times().end());
        QCOMPARE(times, (std::vector<int64_t>{utc(2026, 10, 24, 23), utc(2026, 10, 25, 0),
                                              utc(2026, 10, 25, 1), utc(2026, 10, 25, 3)}));
        const std::vector<double> values(no2->data.values().begin(), no2->data.values().end());
        QCOMPARE(values, (std::vector<double>{10.5, 20.5, 30, 1234.5}));
        QCOMPARE(no2->data.aggregate(utc(2026, 10, 25, 2), utc(2026, 10, 25, 3), Aggregation::Count), 0.0);
        // The row of sensor X has no site: reported, not silently dropped.
        QVERIFY2(data->warnings()
                     .join(QLatin1Char('\n'))
                     .contains(QStringLiteral("1 rows of 1 ids without a site")),
                 qPrintable(data->warnings().join(QLatin1Char('\n'))));
    }

    void longFormatNeedsSites()
    {
        const auto data =
            SensorSources::load(test::testData(QStringLiteral("sensors/messwerte_klein.csv")), SensorQuery());
        QVERIFY(!data.ok());
        QVERIFY2(data.error().message.contains(QStringLiteral("--sites")), qPrintable(data.error().message));
        QCOMPARE(data.error().kind, ErrorKind::Usage);
    }

    void longFormatErrorsNameColumns()
    {
        SensorQuery q;
        q.sites = test::testData(QStringLiteral("sensors/messstellen_klein.csv"));
        q.siteIdField = QStringLiteral("nummer");
        auto data = SensorSources::load(test::testData(QStringLiteral("sensors/messwerte_klein.csv")), q);
        QVERIFY(!data.ok());
        QVERIFY2(data.error().message.contains(QStringLiteral("no column 'nummer'")) &&
                     data.error().message.contains(QStringLiteral("rechtswert")),
                 qPrintable(data.error().message));
        q.siteIdField.clear();
        q.valueField = QStringLiteral("messung");
        data = SensorSources::load(test::testData(QStringLiteral("sensors/messwerte_klein.csv")), q);
        QVERIFY(!data.ok());
        QVERIFY2(data.error().message.contains(QStringLiteral("messwerte_klein.csv")),
                 qPrintable(data.error().message));
    }

    void demoReadings()
    {
        const QString demo = QStringLiteral(KW_BINARY_DIR "/demo/");
        if (!QFile::exists(demo + QStringLiteral("messwerte.csv")))
            QSKIP("the demo data is not built (target demo_data)");
        SensorQuery q;
        q.sites = demo + QStringLiteral("kaiserslautern.gpkg|layername=sensoren");
        const auto data = SensorSources::load(demo + QStringLiteral("messwerte.csv"), q);
        QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().message));
        // Counted with Python's csv module: 38617 rows, 40 sensors, 47 (sensor, quantity) series.
        QCOMPARE(data->sites().size(), size_t(40));
        QCOMPARE(data->series().size(), size_t(47));
        QCOMPARE(data->observationCount(), size_t(38617));
        QCOMPARE(data->crs().authId(), QStringLiteral("EPSG:25832"));
        QVERIFY(data->warnings().isEmpty());
        const auto extent = data->timeExtent();
        QCOMPARE(extent->first, *TimeFormat::parseInstant(u"2026-09-01T00:00:00+02:00", QTimeZone::utc()));
        QCOMPARE(extent->second, *TimeFormat::parseInstant(u"2026-10-05T23:00:00+02:00", QTimeZone::utc()));
        const SensorSeries *no2 = seriesOf(*data, QStringLiteral("KL-LQ-001"), QStringLiteral("NO2"));
        QVERIFY(no2);
        QCOMPARE(no2->data.values()[0], 16.7); // first row of the file
    }
};

QTEST_GUILESS_MAIN(TestTableSensorSource)
#include "test_table_sensor_source.moc"
