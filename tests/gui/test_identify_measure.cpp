// SPDX-License-Identifier: GPL-3.0-or-later
// Identify (hit tests through the spatial index) and ellipsoidal measurement.
#include "app/identify/identify_results_model.h"
#include "app/measure/measure_tool.h"
#include "core/crs/coordinate_transform.h"
#include "core/crs/measurement.h"
#include "core/data/feature_query.h"
#include "core/layers/vector_layer.h"
#include "support/test_support.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace kw;

namespace {

std::shared_ptr<VectorLayer> ncLayer(const Crs &crs)
{
    SourceUri uri;
    uri.path = test::sharedData(QStringLiteral("counties/nc.gpkg"));
    auto layer = std::make_shared<VectorLayer>(uri, QStringLiteral("nc.gpkg"), QStringLiteral("Counties"));
    layer->setId(QStringLiteral("nc"));
    layer->load(crs);
    return layer;
}

} // namespace

class TestIdentifyMeasure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identifyFindsWakeCounty()
    {
        const Crs utm17 = *Crs::fromEpsg(32617);
        auto layer = ncLayer(utm17);
        QVERIFY(layer->store());
        const QPointF raleigh = CoordinateTransform(Crs::wgs84(), utm17).transform(QPointF(-78.65, 35.78));
        auto results = IdentifyResultsModel::identify({layer}, raleigh, 50.0);
        QCOMPARE(results.size(), size_t(1));
        QCOMPARE(results[0].rows.size(), size_t(1)); // a point inside one county hits only that county
        IdentifyResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResults(results);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex layerRow = model.index(0, 0);
        QCOMPARE(layerRow.data().toString(), QStringLiteral("Counties"));
        const QModelIndex feature = model.index(0, 0, layerRow);
        QCOMPARE(feature.data().toString(), QStringLiteral("Wake"));
        // Field rows: NAME = Wake among them.
        bool found = false;
        for (int r = 0; r < model.rowCount(feature); ++r)
            if (model.index(r, 0, feature).data().toString() == QLatin1String("NAME"))
                found = model.index(r, 1, feature).data().toString() == QLatin1String("Wake");
        QVERIFY(found);
        QCOMPARE(model.feature(feature).first, QStringLiteral("nc"));

        // Far out in the Atlantic: nothing.
        const QPointF sea = CoordinateTransform(Crs::wgs84(), utm17).transform(QPointF(-70.0, 33.0));
        QVERIFY(IdentifyResultsModel::identify({layer}, sea, 50.0).empty());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void hitTestsByGeometryFamily()
    {
        Fields fields{{QStringLiteral("id"), FieldType::Int, {}}};
        FeatureStore s(fields, Crs::etrs89Utm32());
        // 0: a point, 1: a line, 2: a square with a hole.
        s.beginFeature(0);
        s.beginPart();
        s.beginRing();
        s.addVertex(0, 0);
        s.endFeature(GeometryType::Point);
        s.beginFeature(1);
        s.beginPart();
        s.beginRing();
        s.addVertex(100, 0);
        s.addVertex(200, 0);
        s.endFeature(GeometryType::LineString);
        s.beginFeature(2);
        s.beginPart();
        s.beginRing();
        for (auto [x, y] : {std::pair{300.0, 0.0}, {400.0, 0.0}, {400.0, 100.0}, {300.0, 100.0}, {300.0, 0.0}})
            s.addVertex(x, y);
        s.beginRing();
        for (auto [x, y] : {std::pair{340.0, 40.0}, {360.0, 40.0}, {360.0, 60.0}, {340.0, 60.0}, {340.0, 40.0}})
            s.addVertex(x, y);
        s.endFeature(GeometryType::Polygon);
        s.finish();
        QCOMPARE(FeatureQuery::at(s, QPointF(3, 4), 5.1), std::vector<uint32_t>{0});
        QVERIFY(FeatureQuery::at(s, QPointF(3, 4), 4.9).empty());
        QCOMPARE(FeatureQuery::at(s, QPointF(150, 2), 3), std::vector<uint32_t>{1});
        QCOMPARE(FeatureQuery::at(s, QPointF(310, 10), 1), std::vector<uint32_t>{2});
        QVERIFY(FeatureQuery::at(s, QPointF(350, 50), 1).empty()); // in the hole
        // Rectangle and polygon selections.
        QCOMPARE(FeatureQuery::intersecting(s, Envelope(150, -10, 320, 10)), (std::vector<uint32_t>{1, 2}));
        const std::vector<QPointF> triangle{{-10, -10}, {150, -10}, {-10, 50}}; // reaches over (100, 0)
        QCOMPARE(FeatureQuery::intersecting(s, triangle), (std::vector<uint32_t>{0, 1}));
        // A line crossing a ring edge counts even with no vertex inside.
        const std::vector<QPointF> band{{150, -5}, {160, -5}, {160, 5}, {150, 5}};
        QCOMPARE(FeatureQuery::intersecting(s, band), std::vector<uint32_t>{1});
        // A selection polygon entirely inside a polygon feature still selects it.
        const std::vector<QPointF> inner{{310, 10}, {320, 10}, {315, 20}};
        QCOMPARE(FeatureQuery::intersecting(s, inner), std::vector<uint32_t>{2});
        int column = 0;
        auto byExpr = FeatureQuery::matching(s, QStringLiteral("$id >= 1"), &column);
        QVERIFY(byExpr.ok());
        QCOMPARE(*byExpr, (std::vector<uint32_t>{1, 2}));
        QVERIFY(!FeatureQuery::matching(s, QStringLiteral("\"id\" >= "), &column).ok());
        QVERIFY(column > 0);
    }

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

    void formatsInTheUiLocale()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(MeasureTool::formatLength(850.24), QStringLiteral("850,2 m"));
        QCOMPARE(MeasureTool::formatLength(12345.6), QStringLiteral("12,346 km"));
        QCOMPARE(MeasureTool::formatArea(640), QStringLiteral("640 m²"));
        QCOMPARE(MeasureTool::formatArea(125000), QStringLiteral("12,50 ha (125.000 m²)"));
        QCOMPARE(MeasureTool::formatArea(3.2e6), QStringLiteral("320,00 ha (3,200 km²)"));
        QLocale::setDefault(QLocale::c());
    }
};

QTEST_MAIN(TestIdentifyMeasure)
#include "test_identify_measure.moc"
