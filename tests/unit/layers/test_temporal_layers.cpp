// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layers/layer_factory.h"
#include "core/layers/sensor_layer.h"
#include "core/sensors/sensor_cache.h"
#include "core/style/thematic_renderers.h"
#include "core/temporal/temporal_controller.h"
#include "core/temporal/time_format.h"
#include "support/test_support.h"

#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace kw;

namespace {

qint64 local(const char *iso)
{
    return *TimeFormat::parseInstant(QString::fromLatin1(iso), TimeFormat::displayZone());
}

using test::utc;

/// Milliseconds of a Date cell: midnight UTC, as the GDAL and CSV readers store dates.
qint64 date(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

/// Three projects at one point: P1 2026-09-01 to 2026-09-30, P2 from 2026-10-01 (open end),
/// P3 until 2026-08-31 (open start).
std::shared_ptr<FeatureStore> projects()
{
    auto store =
        std::make_shared<FeatureStore>(Fields{Field{QStringLiteral("titel"), FieldType::String, QString()},
                                              Field{QStringLiteral("beginn"), FieldType::Date, QString()},
                                              Field{QStringLiteral("ende"), FieldType::Date, QString()}},
                                       Crs::etrs89Utm32());
    const struct
    {
        const char *titel;
        qint64 beginn, ende;
    } rows[] = {{"P1", date(2026, 9, 1), date(2026, 9, 30)},
                {"P2", date(2026, 10, 1), -1},
                {"P3", -1, date(2026, 8, 31)}};
    int64_t fid = 1;
    for (const auto &r : rows) {
        store->beginFeature(fid++);
        store->beginPart();
        store->beginRing();
        store->addVertex(410500, 5478500);
        store->attributes().setString(0, QString::fromLatin1(r.titel));
        if (r.beginn >= 0) store->attributes().setDateTime(1, r.beginn);
        if (r.ende >= 0) store->attributes().setDateTime(2, r.ende);
        store->endFeature(GeometryType::Point);
    }
    store->finish();
    return store;
}

QStringList shown(const VectorLayer &layer)
{
    QStringList titles;
    const auto mask = layer.filterMask();
    for (size_t f = 0; f < layer.store()->featureCount(); ++f)
        if (!mask || (*mask)[f]) titles << layer.store()->attributes().text(f, 0);
    return titles;
}

std::shared_ptr<SensorLayer> sensorLayer()
{
    auto layer = test::smallSensorLayer();
    const Status st = layer->load(Crs::etrs89Utm32());
    if (!st.ok()) qFatal("%s", qPrintable(st.error().message));
    return layer;
}

} // namespace

/// \brief Time-aware layers: projects shown while active (date ranges), sensor layers following the window.
class TestTemporalLayers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dateRangeFilter_data()
    {
        QTest::addColumn<qint64>("begin");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<bool>("instant");
        QTest::addColumn<QStringList>("expected");
        const auto day = [](const char *d) { return local(d); };
        // End dates are included: P1 is shown on its last day, 30 September, until local midnight.
        QTest::newRow("30.09.") << day("2026-09-30") << day("2026-10-01") << false
                                << QStringList{QStringLiteral("P1")};
        QTest::newRow("01.10.") << day("2026-10-01") << day("2026-10-02") << false
                                << QStringList{QStringLiteral("P2")};
        QTest::newRow("31.08.") << day("2026-08-31") << day("2026-09-01") << false
                                << QStringList{QStringLiteral("P3")};
        QTest::newRow("2030: open end")
            << day("2030-01-01") << day("2030-01-02") << false << QStringList{QStringLiteral("P2")};
        QTest::newRow("2020: open start")
            << day("2020-01-01") << day("2020-01-02") << false << QStringList{QStringLiteral("P3")};
        QTest::newRow("Aug to Oct") << day("2026-08-31") << day("2026-10-02") << false
                                    << QStringList{QStringLiteral("P1"), QStringLiteral("P2"),
                                                   QStringLiteral("P3")};
        QTest::newRow("instant 30.09. 23:59") << local("2026-09-30T23:59") << local("2026-09-30T23:59")
                                              << true << QStringList{QStringLiteral("P1")};
        QTest::newRow("instant 01.10. 00:00")
            << day("2026-10-01") << day("2026-10-01") << true << QStringList{QStringLiteral("P2")};
    }
    void dateRangeFilter()
    {
        QFETCH(qint64, begin);
        QFETCH(qint64, end);
        QFETCH(bool, instant);
        QFETCH(QStringList, expected);
        VectorLayer layer(SourceUri(), QString(), QStringLiteral("Projekte"));
        layer.setStore(projects());
        QVERIFY(layer.setTemporalFilter({QStringLiteral("beginn"), QStringLiteral("ende")}).ok());
        QVERIFY(layer.isTemporal());
        QCOMPARE(shown(layer).size(), 3); // no time set: everything
        layer.setTimeWindow(instant ? TimeWindow::at(begin, 3600000) : TimeWindow::interval(begin, end));
        QCOMPARE(shown(layer), expected);
        layer.setTimeWindow(std::nullopt);
        QCOMPARE(shown(layer).size(), 3);
    }

    void dateRangeWithExpressionFilter()
    {
        VectorLayer layer(SourceUri(), QString(), QStringLiteral("Projekte"));
        layer.setStore(projects());
        QVERIFY(layer.setFilter(QStringLiteral("titel <> 'P2'")).ok());
        QVERIFY(layer.setTemporalFilter({QStringLiteral("beginn"), QStringLiteral("ende")}).ok());
        layer.setTimeWindow(TimeWindow::interval(local("2026-08-31"), local("2026-10-02")));
        QCOMPARE(shown(layer), (QStringList{QStringLiteral("P1"), QStringLiteral("P3")}));
        // The extent: the earliest start to the latest end (open ends left out).
        const auto extent = layer.timeExtent();
        QVERIFY(extent);
        QCOMPARE(extent->first, local("2026-09-01"));
        QCOMPARE(extent->second, local("2026-10-01"));
    }

    void dateRangeErrors()
    {
        VectorLayer layer(SourceUri(), QString(), QStringLiteral("Projekte"));
        layer.setStore(projects());
        layer.setTimeWindow(TimeWindow::interval(0, 1));
        Status st = layer.setTemporalFilter({QStringLiteral("start"), QString()});
        QVERIFY(!st.ok());
        QVERIFY2(st.error().message.contains(QStringLiteral("no field 'start'")),
                 qPrintable(st.error().message));
        st = layer.setTemporalFilter({QStringLiteral("titel"), QString()});
        QVERIFY(!st.ok());
        QVERIFY2(st.error().message.contains(QStringLiteral("no date")), qPrintable(st.error().message));
    }

    void sensorLayerFollowsTheWindow()
    {
        const auto layer = sensorLayer();
        QVERIFY(layer->isTemporal());
        QCOMPARE(layer->unit(), QStringLiteral("µg/m³"));
        const auto store = [&] { return layer->store(); };
        const int value = store()->attributes().fieldIndex(QStringLiteral("value"));
        const int n = store()->attributes().fieldIndex(QStringLiteral("n"));
        QCOMPARE(store()->featureCount(), size_t(1)); // only A observes NO2
        QCOMPARE(store()->attributes().text(0, 0), QStringLiteral("A"));
        QCOMPARE(store()->featureEnvelope(0).xmin, 410500.0);
        // No time set: all observations. (10.5 + 20.5 + 30 + 1234.5) / 4.
        QCOMPARE(store()->attributes().number(0, value), 323.875);
        QCOMPARE(store()->attributes().number(0, n), 4.0);
        layer->setTimeWindow(TimeWindow::interval(utc("2026-10-25T00:00Z"), utc("2026-10-25T02:00Z")));
        QCOMPARE(store()->attributes().number(0, value), 25.25); // (20.5 + 30) / 2
        QCOMPARE(store()->attributes().number(0, n), 2.0);
        layer->setTimeWindow(TimeWindow::interval(utc("2026-10-25T02:00Z"), utc("2026-10-25T03:00Z")));
        QVERIFY(store()->attributes().isNull(0, value)); // the gap stays a gap
        QCOMPARE(store()->attributes().number(0, n), 0.0);
        layer->setTimeWindow(TimeWindow::at(utc("2026-10-25T01:30Z"), 3600000));
        QCOMPARE(store()->attributes().number(0, value), 30.0);
        const auto extent = layer->timeExtent();
        QCOMPARE(extent->first, utc("2026-10-24T23:00Z"));
        QCOMPARE(extent->second, utc("2026-10-25T03:00Z"));
    }

    void sensorLayerLoadsInTheBackground()
    {
        // The app loads a copy off the UI thread and adopts it (ProjectController::startLoad): the copy
        // must be a sensor layer, or the sites come without values and no time (the demo's NO2 map showed
        // "unknown field 'value'").
        const auto sensor = test::smallSensorLayer();
        SensorLayer &layer = *sensor;
        std::unique_ptr<Layer> copy = layer.cloneForLoading();
        QVERIFY(dynamic_cast<SensorLayer *>(copy.get()));
        QVERIFY(copy->load(Crs::etrs89Utm32()).ok());
        // The slider moved while the copy was loading.
        layer.setTimeWindow(TimeWindow::interval(utc("2026-10-25T00:00Z"), utc("2026-10-25T02:00Z")));
        layer.adoptLoaded(*copy);
        QVERIFY(layer.isLoaded());
        QVERIFY(layer.timeExtent());
        QCOMPARE(layer.timeExtent()->first, utc("2026-10-24T23:00Z"));
        const int value = layer.store()->attributes().fieldIndex(QStringLiteral("value"));
        QVERIFY(value >= 0);
        QCOMPARE(layer.store()->attributes().number(0, value), 25.25); // the window set now, not the copy's
        QCOMPARE(layer.renderer().usedFields(), QStringList{QStringLiteral("value")}); // the default style came along
        layer.setTimeWindow(TimeWindow::at(utc("2026-10-25T01:30Z"), 3600000));
        QCOMPARE(layer.store()->attributes().number(0, value), 30.0);

        // A style of the user's own stays; the copy does not replace it.
        Symbol s = Symbol::defaultFor(GeometryFamily::Point, 0);
        s.fillColor = Qt::blue;
        layer.setSymbol(s);
        std::unique_ptr<Layer> again = layer.cloneForLoading();
        QVERIFY(again->load(Crs::etrs89Utm32()).ok());
        layer.adoptLoaded(*again);
        QVERIFY(dynamic_cast<const SingleSymbolRenderer *>(&layer.renderer()));
        QCOMPARE(layer.store()->attributes().number(0, value), 30.0);

        // Another source (Change Data Source…): read again, not the data already loaded.
        layer.setSource(SourceUri::parse(QStringLiteral("/nonexistent/messwerte.csv")));
        std::unique_ptr<Layer> moved = layer.cloneForLoading();
        QVERIFY(!moved->load(Crs::etrs89Utm32()).ok());
        QVERIFY2(moved->error().contains(QStringLiteral("/nonexistent/messwerte.csv")), qPrintable(moved->error()));
    }

    void everyRendererFollowsTheValue()
    {
        const auto layer = sensorLayer();
        layer->setRenderer(std::make_unique<GraduatedRenderer>(
            GraduatedRenderer::fromBreaks(QStringLiteral("value"), {0, 25, 50, 5000}, Symbol())));
        const TimeWindow early =
            TimeWindow::interval(utc("2026-10-25T00:00Z"), utc("2026-10-25T01:00Z")); // 20.5
        const TimeWindow late =
            TimeWindow::interval(utc("2026-10-25T03:00Z"), utc("2026-10-25T04:00Z")); // 1234.5
        std::vector<int> symbols;
        double size = std::nan("");
        const auto classOf = [&](const FeatureRenderer &r) {
            auto copy = r.clone();
            if (!copy->prepare(layer->store()->fields()).ok()) return -2;
            copy->choose(*layer->store(), 0, symbols, size);
            return symbols.empty() ? -1 : symbols.front();
        };
        layer->setTimeWindow(early);
        QCOMPARE(classOf(layer->renderer()), 0);
        layer->setTimeWindow(late);
        QCOMPARE(classOf(layer->renderer()), 2);
        QCOMPARE(layer->renderer().type(), FeatureRenderer::Type::Graduated); // the style is kept

        ProportionalRenderer proportional(QStringLiteral("value"), 1234.5, 10, Symbol());
        QVERIFY(proportional.prepare(layer->store()->fields()).ok());
        proportional.choose(*layer->store(), 0, symbols, size);
        QCOMPARE(size, 10.0); // the maximum value gets the maximum size
        layer->setTimeWindow(early);
        proportional.choose(*layer->store(), 0, symbols, size);
        QCOMPARE(size, 10.0 * std::sqrt(20.5 / 1234.5)); // area-true

        HeatmapRenderer heatmap;
        heatmap.setWeightField(QStringLiteral("value"));
        QVERIFY(heatmap.prepare(layer->store()->fields()).ok());
        QCOMPARE(heatmap.weight(*layer->store(), 0), 20.5);

        // And the layer renders (a renderer snapshot per time).
        MapSettings settings;
        settings.setExtent(Envelope(410000, 5478000, 411000, 5479000));
        settings.setCrs(Crs::etrs89Utm32());
        QVERIFY(layer->createRenderer(RenderContext(settings)) != nullptr);
    }

    void sensorCacheOpensAsSensorLayers()
    {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache.gpkg"));
        QVERIFY(SensorCache::write(*sensorLayer()->data(), cache).ok());
        const auto layers = LayerFactory::fromSource(SourceUri::parse(cache));
        QVERIFY(layers.ok());
        QCOMPARE(layers->size(), 2); // NO2 and LAeq, sharing one read of the cache
        auto *no2 = dynamic_cast<SensorLayer *>(layers->front().get());
        auto *noise = dynamic_cast<SensorLayer *>(layers->back().get());
        QVERIFY(noise);
        QCOMPARE(noise->name(), QStringLiteral("LAeq [dB(A)]"));
        QCOMPARE(noise->data().get(), no2->data().get());
        QVERIFY(no2);
        QCOMPARE(no2->name(), QStringLiteral("NO2 [µg/m³]"));
        QVERIFY(no2->load(Crs::etrs89Utm32()).ok());
        QCOMPARE(no2->store()->featureCount(), size_t(1));
        // Naming a table opens it as a plain layer.
        const auto table = LayerFactory::fromSource(
            SourceUri::parse(cache + QStringLiteral("|layername=sites")), {QStringLiteral("sites")});
        QVERIFY(table.ok());
        QVERIFY(!dynamic_cast<SensorLayer *>(table->front().get()));
    }

    void controllerAppliesSettings()
    {
        const auto sensors = sensorLayer();
        auto projectLayer = std::make_shared<VectorLayer>(SourceUri(), QString(), QStringLiteral("Projekte"));
        projectLayer->setStore(projects());
        QVERIFY(projectLayer->setTemporalFilter({QStringLiteral("beginn"), QStringLiteral("ende")}).ok());
        const QList<std::shared_ptr<Layer>> layers{sensors, projectLayer};
        TemporalSettings s;
        s.begin = utc("2026-10-25T00:00Z");
        s.end = utc("2026-10-25T03:00Z");
        s.aggregation = Aggregation::Max;
        TemporalController::apply(layers, s, s.begin);
        QCOMPARE(sensors->timeWindow(), std::optional<TimeWindow>(TimeWindow::interval(
                                            s.begin, s.begin + 3600000, Aggregation::Max)));
        QCOMPARE(shown(*projectLayer), QStringList{QStringLiteral("P2")});
        TemporalController::apply(layers, s, std::nullopt);
        QVERIFY(!sensors->timeWindow());
        QCOMPARE(shown(*projectLayer).size(), 3);
        // Defaults from the data: the union of the extents (1.9. to 25.10.: 55 days), hourly below 60 days.
        const auto defaults = TemporalController::defaultSettings(layers);
        QVERIFY(defaults);
        QCOMPARE(defaults->step.toString(), QStringLiteral("PT1H"));
        QCOMPARE(defaults->begin, local("2026-09-01"));
        QVERIFY(defaults->end > utc("2026-10-25T03:00Z"));
        const auto hourly = TemporalController::defaultSettings({sensors});
        QCOMPARE(hourly->step.toString(), QStringLiteral("PT1H"));
        QCOMPARE(hourly->begin, utc("2026-10-24T23:00Z"));
        QCOMPARE(hourly->frameTimes().size(), size_t(5));
    }
};

QTEST_GUILESS_MAIN(TestTemporalLayers)
#include "test_temporal_layers.moc"
