// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/geometry/geometry.h"

#include <QTest>

using namespace kw;

/// \brief WKT and WKB round trips, including holes, multi-parts, Z coordinates and empties.
class TestGeometry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wktRoundTrip_data()
    {
        QTest::addColumn<QString>("wkt");
        QTest::addColumn<int>("parts");
        QTest::addColumn<int>("rings");
        QTest::addColumn<int>("vertices");
        QTest::newRow("point") << QString("POINT (1.000 2.000)") << 1 << 1 << 1;
        QTest::newRow("line") << QString("LINESTRING (0.000 0.000, 1.000 1.000, 2.000 0.000)") << 1 << 1 << 3;
        QTest::newRow("polygon with hole")
            << QString("POLYGON ((0.000 0.000, 10.000 0.000, 10.000 10.000, 0.000 10.000, 0.000 0.000), "
                       "(2.000 2.000, 4.000 2.000, 4.000 4.000, 2.000 2.000))")
            << 1 << 2 << 9;
        QTest::newRow("multipolygon")
            << QString("MULTIPOLYGON (((0.000 0.000, 1.000 0.000, 1.000 1.000, 0.000 0.000)), "
                       "((5.000 5.000, 6.000 5.000, 6.000 6.000, 5.000 5.000)))")
            << 2 << 2 << 8;
        QTest::newRow("multipoint") << QString("MULTIPOINT ((1.000 1.000), (2.000 2.000))") << 2 << 2 << 2;
    }
    void wktRoundTrip()
    {
        QFETCH(QString, wkt);
        QFETCH(int, parts);
        QFETCH(int, rings);
        QFETCH(int, vertices);
        auto g = Geometry::fromWkt(wkt);
        QVERIFY2(g.ok(), qPrintable(g.ok() ? QString() : g.error().message));
        QCOMPARE(g->partCount(), parts);
        QCOMPARE(g->ringCount(), rings);
        QCOMPARE(g->vertexCount(), vertices);
        QCOMPARE(g->toWkt(3), wkt);
        const QByteArray wkb = g->toWkb();
        auto back = Geometry::fromWkb({reinterpret_cast<const uint8_t *>(wkb.constData()), size_t(wkb.size())});
        QVERIFY(back.ok());
        QCOMPARE(*back, *g);
    }

    void zCoordinatesAreDropped()
    {
        auto g = Geometry::fromWkt(QStringLiteral("LINESTRING Z (0 0 5, 3 4 6)"));
        QVERIFY(g.ok());
        QCOMPARE(g->xy(), (std::vector<double>{0, 0, 3, 4}));
    }

    void emptyAndInvalidInput()
    {
        auto empty = Geometry::fromWkt(QStringLiteral("POLYGON EMPTY"));
        QVERIFY(empty.ok());
        QVERIFY(empty->isEmpty());
        QVERIFY(!Geometry::fromWkt(QStringLiteral("POLYGON ((0 0, 1")).ok());
        const uint8_t truncated[] = {1, 3, 0, 0, 0, 1, 0};
        auto t = Geometry::fromWkb(truncated);
        QVERIFY(!t.ok());
        QVERIFY(t.error().message.contains(QLatin1String("truncated")));
    }

    void envelope()
    {
        auto g = Geometry::fromWkt(QStringLiteral("LINESTRING (3 -1, -2 4)"));
        QCOMPARE(g->envelope(), Envelope(-2, -1, 3, 4));
    }
};

QTEST_APPLESS_MAIN(TestGeometry)
#include "test_geometry.moc"
