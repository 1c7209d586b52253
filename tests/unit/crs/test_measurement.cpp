// SPDX-License-Identifier: GPL-3.0-or-later
// Ellipsoidal lengths and areas, and searching PROJ's CRS database.
#include "core/crs/coordinate_transform.h"
#include "core/crs/crs.h"
#include "core/crs/measurement.h"

#include <QTest>

using namespace kw;

class TestMeasurement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void measuresOnTheEllipsoid()
    {
        // One degree along the equator and along a meridian on WGS 84 (Karney's values).
        auto l = Measurement::length({QPointF(0, 0), QPointF(1, 0)}, Crs::wgs84());
        QVERIFY(l);
        QCOMPARE(qRound64(*l * 1000), qint64(111319491));
        l = Measurement::length({QPointF(0, 0), QPointF(0, 1)}, Crs::wgs84());
        QCOMPARE(qRound64(*l * 1000), qint64(110574389));
        // 1 km of grid on the UTM central meridian is 1/0.9996 km on the ground (scale factor k0).
        const Crs utm = Crs::etrs89Utm32();
        l = measureLength({QPointF(500000, 5500000), QPointF(500000, 5501000)}, utm);
        QVERIFY(std::abs(*l - 1000.4) < 0.05);
        auto a = measureArea({QPointF(500000, 5500000), QPointF(501000, 5500000), QPointF(501000, 5501000),
                              QPointF(500000, 5501000)},
                             utm);
        QVERIFY(a);
        QVERIFY2(std::abs(*a - 1000800.5) < 50, qPrintable(QString::number(*a, 'f', 1)));
        // Distance Frankfurt (Römer) – Munich (Marienplatz), about 304 km.
        const QPointF frankfurt = CoordinateTransform(Crs::wgs84(), utm).transform(QPointF(8.6821, 50.1106));
        const QPointF munich = CoordinateTransform(Crs::wgs84(), utm).transform(QPointF(11.5755, 48.1374));
        l = measureLength({frankfurt, munich}, utm);
        QVERIFY(std::abs(*l - Measurement::wgs84Distance(QPointF(8.6821, 50.1106), QPointF(11.5755, 48.1374))) < 1.0);
        QVERIFY(*l > 303000 && *l < 305000);
        QVERIFY(!measureLength({QPointF(0, 0), QPointF(1, 1)}, Crs()));
    }


    void searchesTheCrsDatabase()
    {
        const QList<CrsInfo> all = Crs::searchDatabase(QString());
        QVERIFY(all.size() > 5000);
        QCOMPARE(all.front().authName, QStringLiteral("EPSG"));
        const QList<CrsInfo> utm = Crs::searchDatabase(QStringLiteral("25832"));
        QVERIFY(!utm.isEmpty());
        QCOMPARE(utm.front().authId(), QStringLiteral("EPSG:25832"));
        QCOMPARE(utm.front().name, QStringLiteral("ETRS89 / UTM zone 32N"));
        QVERIFY(!utm.front().geographic);
        bool found = false;
        for (const CrsInfo &c : Crs::searchDatabase(QStringLiteral("etrs89 utm 32n")))
            found |= c.code == QLatin1String("25832");
        QVERIFY(found);
        QVERIFY(Crs::searchDatabase(QStringLiteral("EPSG:4326")).front().geographic);
        QVERIFY(Crs::searchDatabase(QStringLiteral("no such crs anywhere")).isEmpty());
    }
};

QTEST_MAIN(TestMeasurement)
#include "test_measurement.moc"
