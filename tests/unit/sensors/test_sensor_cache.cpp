// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/data_provider.h"
#include "core/sensors/sensor_cache.h"
#include "core/sensors/sensor_source.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kw;

/// \brief The GeoPackage sensor cache: exact round trip, documented tables, atomic replacement.
class TestSensorCache : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static SensorData sample()
    {
        SensorQuery q;
        q.sites = test::testData(QStringLiteral("sensors/messstellen_klein.csv")) +
                  QStringLiteral("|crs=EPSG:25832");
        auto data = SensorSources::load(test::testData(QStringLiteral("sensors/messwerte_klein.csv")), q);
        if (!data.ok()) qFatal("%s", qPrintable(data.error().message));
        return *data;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void roundTripIsExact()
    {
        const SensorData original = sample();
        const QString path = m_dir.filePath(QStringLiteral("cache.gpkg"));
        const Status st =
            SensorCache::write(original, path, {{QStringLiteral("origin"), QStringLiteral("test")}});
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
        QVERIFY(SensorCache::isCache(path));
        const auto back = SensorSources::load(path, SensorQuery());
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(back->crs().authId(), QStringLiteral("EPSG:25832"));
        QCOMPARE(back->origin(), QStringLiteral("test"));
        QCOMPARE(back->sites().size(), original.sites().size());
        for (size_t i = 0; i < original.sites().size(); ++i) {
            QCOMPARE(back->sites()[i].id, original.sites()[i].id);
            QCOMPARE(back->sites()[i].name, original.sites()[i].name);
            QCOMPARE(back->sites()[i].kind, original.sites()[i].kind);
            QCOMPARE(back->sites()[i].x, original.sites()[i].x);
            QCOMPARE(back->sites()[i].y, original.sites()[i].y);
        }
        QCOMPARE(back->series().size(), original.series().size());
        for (size_t i = 0; i < original.series().size(); ++i) {
            const SensorSeries &a = original.series()[i], &b = back->series()[i];
            QCOMPARE(b.id, a.id);
            QCOMPARE(b.site, a.site);
            QCOMPARE(b.property, a.property);
            QCOMPARE(b.unit, a.unit);
            QVERIFY(std::equal(a.data.times().begin(), a.data.times().end(), b.data.times().begin(),
                               b.data.times().end()));
            QVERIFY(std::equal(a.data.values().begin(), a.data.values().end(), b.data.values().begin(),
                               b.data.values().end()));
        }
        const auto meta = SensorCache::metadata(path);
        QVERIFY(meta.ok());
        QCOMPARE(meta->value(QStringLiteral("format")), QStringLiteral("kartenwerk-sensor-cache"));
        QCOMPARE(meta->value(QStringLiteral("version")), QStringLiteral("1"));
    }

    void tablesAreReadableByOtherTools()
    {
        const QString path = m_dir.filePath(QStringLiteral("tables.gpkg"));
        QVERIFY(SensorCache::write(sample(), path).ok());
        SourceUri uri;
        uri.path = path;
        const auto info = DataProviders::inspect(uri);
        QVERIFY(info.ok());
        const LayerInfo *sites = info->layer(QStringLiteral("sites"));
        QVERIFY(sites);
        QCOMPARE(sites->geometryType, GeometryType::Point);
        QCOMPARE(sites->featureCount, qint64(2));
        const LayerInfo *obs = info->layer(QStringLiteral("observations"));
        QVERIFY(obs);
        QCOMPARE(obs->featureCount, qint64(5));
        QStringList names;
        for (const Field &f : obs->fields)
            names << f.name;
        QCOMPARE(names, (QStringList{QStringLiteral("series_id"), QStringLiteral("time"),
                                     QStringLiteral("time_ms"), QStringLiteral("value")}));
        // The human-readable time column says the same as time_ms.
        auto store = DataProviders::loadVector(uri, QStringLiteral("observations"), LoadOptions());
        QVERIFY(store.ok());
        const AttributeTable &t = (*store)->attributes();
        QCOMPARE(t.rowCount(), size_t(5));
        for (size_t r = 0; r < t.rowCount(); ++r)
            QCOMPARE(t.intData(1)[r], t.intData(2)[r]);
    }

    void replacesAtomically()
    {
        const QString path = m_dir.filePath(QStringLiteral("replace.gpkg"));
        QVERIFY(SensorCache::write(sample(), path).ok());
        SensorData smaller = sample();
        smaller.restrict({QStringLiteral("LAeq")}, std::nullopt, std::nullopt);
        QVERIFY(SensorCache::write(smaller, path).ok());
        const auto back = SensorCache::read(path);
        QVERIFY(back.ok());
        QCOMPARE(back->series().size(), size_t(1));
        // No temporary files are left next to the cache.
        const QStringList left =
            QDir(m_dir.path())
                .entryList(QStringList{QStringLiteral(".replace*")}, QDir::Files | QDir::Hidden);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
    }

    void failedWriteNamesThePath()
    {
        const QString path = m_dir.filePath(QStringLiteral("no/such/folder/cache.gpkg"));
        const Status st = SensorCache::write(sample(), path);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().kind, ErrorKind::Output);
        QVERIFY(st.error().message.contains(path));
        QVERIFY(!QFile::exists(path));
    }

    void notACache()
    {
        QVERIFY(!SensorCache::isCache(test::sharedData(QStringLiteral("counties/nc.gpkg"))));
        const auto r = SensorCache::read(test::sharedData(QStringLiteral("counties/nc.gpkg")));
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("nc.gpkg")));
    }
};

QTEST_GUILESS_MAIN(TestSensorCache)
#include "test_sensor_cache.moc"
