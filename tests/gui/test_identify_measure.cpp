// SPDX-License-Identifier: GPL-3.0-or-later
// The identify results for a click on real data, and how measurements read in the UI.
#include "app/identify/identify_results_model.h"
#include "app/measure/measure_tool.h"
#include "core/crs/coordinate_transform.h"
#include "core/crs/measurement.h"
#include "core/data/feature_query.h"
#include "core/layers/raster_layer.h"
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

    void identifyReadsRasterPixels()
    {
        SourceUri uri;
        uri.path = test::testData(QStringLiteral("render/dem_25832.tif"));
        auto dem = std::make_shared<RasterLayer>(uri, QStringLiteral("DEM"));
        dem->setId(QStringLiteral("dem"));
        QVERIFY(dem->load(Crs::etrs89Utm32()).ok());
        const Envelope e = dem->extent();
        const QPointF centre(e.centerX(), e.centerY());
        auto results = IdentifyResultsModel::identify(QList<std::shared_ptr<Layer>>{dem}, centre, 1.0, Crs::etrs89Utm32());
        QCOMPARE(results.size(), size_t(1));
        QVERIFY(!results[0].store);
        QCOMPARE(results[0].pixel.size(), 1);
        IdentifyResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResults(results);
        const QModelIndex pixel = model.index(0, 0, model.index(0, 0));
        QCOMPARE(model.rowCount(pixel), 1);
        bool isNumber = false;
        QLocale().toDouble(model.index(0, 1, pixel).data().toString(), &isNumber);
        QVERIFY2(isNumber, qPrintable(model.index(0, 1, pixel).data().toString()));
        QCOMPARE(model.feature(pixel).second, qint64(-1)); // nothing to zoom to or select
        // Also from another CRS, and nothing outside the raster.
        const QPointF lonLat = CoordinateTransform(Crs::etrs89Utm32(), Crs::wgs84()).transform(centre);
        QVERIFY(dem->sample(lonLat, Crs::wgs84()).ok());
        QVERIFY(IdentifyResultsModel::identify(QList<std::shared_ptr<Layer>>{dem}, QPointF(e.xmax + 1000, e.ymax + 1000), 1.0,
                                               Crs::etrs89Utm32())
                    .empty());
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
