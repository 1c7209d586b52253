// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/canvas/map_canvas.h"
#include "app/charts/series_chart_dock.h"
#include "app/temporal/temporal_tools.h"
#include "app/temporal/time_dock.h"
#include "core/layers/sensor_layer.h"
#include "core/temporal/temporal_controller.h"
#include "support/test_support.h"

#include <QChart>
#include <QCheckBox>
#include <QLineSeries>
#include <QListWidget>
#include <QMainWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kw;

namespace {

using test::utc;

std::shared_ptr<SensorLayer> sensorLayer()
{
    auto layer = test::smallSensorLayer();
    if (!layer->load(Crs::etrs89Utm32()).ok()) qFatal("cannot load the sensor layer");
    return layer;
}

TemporalSettings hourly(int hours, bool loop = true)
{
    TemporalSettings s;
    s.begin = utc("2026-10-25T00:00:00Z");
    s.end = s.begin + hours * 3600000LL;
    s.loop = loop;
    return s;
}

} // namespace

/// \brief The app's time dock, the chart dock and the TemporalTools wiring, offscreen.
class TestTemporalWidgets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sliderStepsThroughTheFrames()
    {
        TimeDock dock;
        QSignalSpy changed(&dock, &TimeDock::timeChanged);
        dock.setSettings(hourly(24));
        QCOMPARE(dock.frameCount(), 24);
        QCOMPARE(*dock.currentTime(), utc("2026-10-25T00:00:00Z"));
        changed.clear();
        dock.stepForward();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(*dock.currentTime(), utc("2026-10-25T01:00:00Z"));
        dock.setCurrentTime(utc("2026-10-25T05:30:00Z")); // snaps to the frame at or before
        QCOMPARE(*dock.currentTime(), utc("2026-10-25T05:00:00Z"));
        dock.stepBackward();
        QCOMPARE(dock.frameIndex(), 4);
        // The last frame is the last one an animation makes; with loop the next is the first.
        dock.setCurrentTime(utc("2026-10-25T23:00:00Z"));
        QCOMPARE(dock.frameIndex(), 23);
        dock.stepForward();
        QCOMPARE(dock.frameIndex(), 0);
        dock.setSettings(hourly(24, false));
        dock.setCurrentTime(utc("2026-10-25T23:00:00Z"));
        dock.stepForward();
        QCOMPARE(dock.frameIndex(), 23);
        // The frames are TemporalSettings::frameTimes().
        QCOMPARE(size_t(dock.frameCount()), dock.settings().frameTimes().size());
    }

    void playAndPause()
    {
        TimeDock dock;
        TemporalSettings s = hourly(5, false);
        s.framesPerSecond = 30;
        dock.setSettings(s);
        dock.play();
        QVERIFY(dock.isPlaying());
        // Without loop, playing stops at the last frame.
        QTRY_COMPARE_WITH_TIMEOUT(dock.frameIndex(), 4, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!dock.isPlaying(), 5000);
        dock.setCurrentTime(s.begin);
        dock.play();
        QTRY_VERIFY_WITH_TIMEOUT(dock.frameIndex() > 0, 5000);
        dock.pause();
        QVERIFY(!dock.isPlaying());
    }

    void toolsDriveLayersCanvasAndChart()
    {
        QMainWindow window;
        auto *canvas = new MapCanvas(&window);
        window.setCentralWidget(canvas);
        window.resize(800, 600);
        TemporalTools *tools = TemporalTools::install(&window, canvas);
        window.show();
        const auto layer = sensorLayer();
        canvas->setCrs(Crs::etrs89Utm32());
        canvas->setLayers({layer});
        // The data's range was offered: hourly from the first observation.
        QVERIFY(tools->timeDock()->isVisibleTo(&window));
        QCOMPARE(tools->timeDock()->frameCount(), 5);
        tools->timeDock()->setCurrentTime(utc("2026-10-25T01:00:00Z"));
        const TemporalSettings &s = tools->timeDock()->settings();
        // The layer got the window an animation frame at that time gets.
        QCOMPARE(layer->timeWindow(), std::optional<TimeWindow>(s.windowAt(utc("2026-10-25T01:00:00Z"))));
        QCOMPARE(layer->store()->attributes().number(
                     0, layer->store()->attributes().fieldIndex(QStringLiteral("value"))),
                 30.0);
        // The map shows the frame's label once the map of that time is drawn.
        const QString label = TemporalController::label(s, utc("2026-10-25T01:00:00Z"));
        QTRY_COMPARE_WITH_TIMEOUT(canvas->overlayText(), label, 10000);
        // The chart lists the site and marks the time.
        SeriesChartDock *chart = tools->chartDock();
        QCOMPARE(chart->selectedSites(), QStringList{QStringLiteral("A")});
        QLineSeries *cursor = nullptr;
        for (QAbstractSeries *series : chart->chart()->series())
            if (auto *line = qobject_cast<QLineSeries *>(series); line && line->pen().style() == Qt::DashLine)
                cursor = line;
        QVERIFY(cursor);
        QCOMPARE(cursor->count(), 2);
        QCOMPARE(qint64(cursor->at(0).x()), utc("2026-10-25T01:00:00Z"));
        // Time off: the layer shows all observations again.
        auto *enabled = tools->timeDock()->findChild<QCheckBox *>();
        QVERIFY(enabled);
        enabled->setChecked(false);
        QVERIFY(!layer->timeWindow());
        QTRY_COMPARE_WITH_TIMEOUT(canvas->overlayText(), QString(), 10000);
    }

    void chartExportsPngAndSvg()
    {
        SeriesChartDock dock;
        dock.resize(700, 400);
        dock.setSensorLayers({sensorLayer()});
        // Two separate stretches: the gap from 01:00 to 03:00 is not bridged by a line.
        int lines = 0;
        for (QAbstractSeries *series : dock.chart()->series())
            if (auto *line = qobject_cast<QLineSeries *>(series); line && line->pen().style() != Qt::DashLine)
                ++lines;
        QCOMPARE(lines, 2);
        QTemporaryDir dir;
        QVERIFY(dock.exportChart(dir.filePath(QStringLiteral("a.png")), QSize(640, 360)).ok());
        QCOMPARE(QImage(dir.filePath(QStringLiteral("a.png"))).size(), QSize(640, 360));
        QVERIFY(dock.exportChart(dir.filePath(QStringLiteral("a.svg")), QSize(640, 360)).ok());
        QFile svg(dir.filePath(QStringLiteral("a.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("<svg"));
        const Status bad = dock.exportChart(dir.filePath(QStringLiteral("a.pdf")));
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QStringLiteral("a.pdf")));
    }

    void dateRangeCandidates()
    {
        QMainWindow window;
        auto *canvas = new MapCanvas(&window);
        window.setCentralWidget(canvas);
        TemporalTools *tools = TemporalTools::install(&window, canvas);
        auto projects = std::make_shared<VectorLayer>(SourceUri(), QString(), QStringLiteral("Projekte"));
        auto store =
            std::make_shared<FeatureStore>(Fields{Field{QStringLiteral("beginn"), FieldType::Date, QString()},
                                                  Field{QStringLiteral("ende"), FieldType::Date, QString()}},
                                           Crs::etrs89Utm32());
        store->beginFeature(1);
        store->beginPart();
        store->beginRing();
        store->addVertex(410500, 5478500);
        store->attributes().setDateTime(0, utc("2026-09-01T00:00:00Z"));
        store->attributes().setDateTime(1, utc("2026-09-30T00:00:00Z"));
        store->endFeature(GeometryType::Point);
        store->finish();
        projects->setStore(store);
        canvas->setLayers({projects});
        auto *list = tools->timeDock()->findChild<QListWidget *>();
        QVERIFY(list);
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->text(), QStringLiteral("Projekte: beginn – ende"));
        list->item(0)->setCheckState(Qt::Checked);
        QCOMPARE(projects->temporalFilter(),
                 (TemporalFilter{QStringLiteral("beginn"), QStringLiteral("ende")}));
        // Now the layer is time-aware: its range is offered.
        QVERIFY(tools->timeDock()->frameCount() > 0);
    }
};

QTEST_MAIN(TestTemporalWidgets)
#include "test_temporal_widgets.moc"
