// SPDX-License-Identifier: GPL-3.0-or-later
// The main window end to end, offscreen: open a project (NC counties + OSM Liechtenstein), toggle and
// reorder layers, restyle, undo and redo, select in the table and see it on the map, identify, measure,
// change the CRS.
#include "app/attributes/attribute_table_model.h"
#include "app/attributes/attribute_table_panel.h"
#include "app/canvas/map_canvas.h"
#include "app/identify/identify_panel.h"
#include "app/identify/identify_results_model.h"
#include "app/layertree/layer_tree_panel.h"
#include "app/main_window.h"
#include "app/measure/measure_tool.h"
#include "app/project/project_controller.h"
#include "app/selection/selection_controller.h"
#include "app/style/style_panel.h"
#include "app/temporal/time_dock.h"
#include "core/crs/coordinate_transform.h"
#include "core/crs/measurement.h"
#include "core/data/feature_selection.h"
#include "core/layers/sensor_layer.h"
#include "core/layers/vector_layer.h"
#include "core/project/layer_tree_model.h"
#include "core/style/color_brewer.h"
#include "core/style/thematic_renderers.h"
#include "support/test_support.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QMimeData>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace kw;

namespace {

bool waitIdle(MainWindow &w, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        QTest::qWait(20);
        if (w.isIdle())
            return true;
    }
    return false;
}

/// Colour of the rendered map at a map point.
QColor pixelAt(const MapCanvas &canvas, const QPointF &mapPoint)
{
    const QPointF px = canvas.toWidget(mapPoint) * canvas.devicePixelRatioF();
    return canvas.lastImage().pixelColor(px.toPoint());
}

QColor highlightAt(const MapCanvas &canvas, const QPointF &mapPoint)
{
    const QPointF px = canvas.toWidget(mapPoint) * canvas.devicePixelRatioF();
    const QImage img = canvas.highlightImage();
    return img.isNull() ? QColor(Qt::transparent) : img.pixelColor(px.toPoint());
}

bool near(const QColor &a, const QColor &b, int tolerance = 6)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

QString describe(const QColor &c)
{
    return QStringLiteral("%1 (alpha %2)").arg(c.name()).arg(c.alpha());
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_projectPath;
    const Crs m_crs = *Crs::fromEpsg(3857);
    QPointF m_wake;   ///< inside Wake County (Raleigh), map CRS
    QPointF m_ashe;   ///< inside Ashe County, map CRS

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("KartenwerkTest"));
        QCoreApplication::setApplicationName(QStringLiteral("KartenwerkGuiTest"));
        QVERIFY(m_dir.isValid());
        // The demo-like project: OSM layers of Liechtenstein in a group, NC counties below, Web Mercator.
        Project project;
        project.setCrs(m_crs);
        SourceUri nc;
        nc.path = test::sharedData(QStringLiteral("counties/nc.gpkg"));
        project.addLayer(std::make_shared<VectorLayer>(nc, QStringLiteral("nc.gpkg"), QStringLiteral("Counties")));
        LayerTreeNode *osm = project.root().insertChild(0, LayerTreeNode::group(QStringLiteral("OpenStreetMap")));
        SourceUri pbf;
        pbf.path = test::sharedData(QStringLiteral("osm/liechtenstein-2013-08-03.osm.pbf"));
        for (const char *name : {"multipolygons", "lines", "points"})
            project.addLayer(std::make_shared<VectorLayer>(pbf, QString::fromLatin1(name), QString::fromLatin1(name)), osm);
        const CoordinateTransform toMap(Crs::wgs84(), m_crs);
        m_wake = toMap.transform(QPointF(-78.65, 35.78));
        m_ashe = toMap.transform(QPointF(-81.50, 36.43));
        const QPointF sw = toMap.transform(QPointF(-84.5, 33.8)), ne = toMap.transform(QPointF(-75.3, 36.7));
        project.setExtent(Envelope(sw.x(), sw.y(), ne.x(), ne.y()));
        m_projectPath = m_dir.filePath(QStringLiteral("demo.kwproj"));
        QVERIFY(project.write(m_projectPath).ok());
    }

    void endToEnd()
    {
        MainWindow w(false);
        w.resize(1200, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAbstractItemModelTester tester(w.controller()->layerTreeModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(w.openProject(m_projectPath));
        QVERIFY(waitIdle(w));
        MapCanvas &canvas = *w.canvas();
        ProjectController &c = *w.controller();
        LayerTreeModel &model = *c.layerTreeModel();
        QUndoStack &undo = *c.undoStack();
        QCOMPARE(c.project().layers().size(), 4);
        for (const auto &l : c.project().layers())
            QVERIFY2(l->error().isEmpty(), qPrintable(l->error()));
        QVERIFY(!c.isDirty());

        // Drawing order is bottom first: counties, then the OSM group's multipolygons, lines, points.
        auto counties = std::static_pointer_cast<VectorLayer>(c.project().layers().back());
        QCOMPARE(counties->name(), QStringLiteral("Counties"));
        QCOMPARE(canvas.settings().layers().size(), 4);
        QCOMPARE(canvas.settings().layers().front(), std::static_pointer_cast<Layer>(counties));
        QCOMPARE(canvas.settings().layers().back()->name(), QStringLiteral("points"));

        const QColor countyColor = pixelAt(canvas, m_wake);
        QVERIFY2(!near(countyColor, Qt::white), qPrintable(describe(countyColor)));

        // ---- toggle: hidden counties leave the background; undo brings them back ----------------------
        const QModelIndex countyIndex = model.indexOfLayer(counties.get());
        QVERIFY(model.setData(countyIndex, Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(c.isDirty());
        QVERIFY(waitIdle(w));
        QCOMPARE(canvas.settings().layers().size(), 3);
        QVERIFY2(near(pixelAt(canvas, m_wake), Qt::white), qPrintable(describe(pixelAt(canvas, m_wake))));
        undo.undo();
        QVERIFY(waitIdle(w));
        QVERIFY(counties->isVisible());
        QVERIFY(near(pixelAt(canvas, m_wake), countyColor));
        QVERIFY(!c.isDirty());

        // ---- reorder: counties above the OSM group ------------------------------------------------------
        std::unique_ptr<QMimeData> mime(model.mimeData({countyIndex}));
        model.dropMimeData(mime.get(), Qt::MoveAction, 0, 0, QModelIndex());
        QVERIFY(waitIdle(w));
        QCOMPARE(canvas.settings().layers().back(), std::static_pointer_cast<Layer>(counties));
        undo.undo();
        QVERIFY(waitIdle(w));
        QCOMPARE(canvas.settings().layers().front(), std::static_pointer_cast<Layer>(counties));

        // ---- style: a graduated choropleth through the style panel ------------------------------------
        w.layerTreePanel()->view()->setCurrentIndex(model.indexOfLayer(counties.get()));
        StylePanel &style = *w.stylePanel();
        QCOMPARE(style.layer(), counties);
        QCOMPARE(w.attributePanel()->layer(), counties);
        style.typeCombo()->setCurrentIndex(style.typeCombo()->findData(int(FeatureRenderer::Type::Graduated)));
        style.fieldCombo()->setCurrentIndex(style.fieldCombo()->findData(QStringLiteral("BIR74")));
        style.methodCombo()->setCurrentIndex(style.methodCombo()->findData(QStringLiteral("quantile")));
        style.classesSpin()->setValue(5);
        style.rampCombo()->setCurrentIndex(style.rampCombo()->findData(QStringLiteral("YlOrRd")));
        QCOMPARE(counties->renderer().type(), FeatureRenderer::Type::Graduated);
        QCOMPARE(static_cast<const GraduatedRenderer &>(counties->renderer()).classCount(), 5);
        QCOMPARE(model.rowCount(model.indexOfLayer(counties.get())), 5); // legend rows
        QVERIFY(waitIdle(w));
        // Wake (14,484 births in 1974) is in the top class: the ramp's darkest red.
        const QColor top = static_cast<const GraduatedRenderer &>(counties->renderer()).ranges().last().symbol.fillColor;
        QVERIFY2(top.red() > 100 && top.green() < 60 && top.blue() < 80, qPrintable(describe(top)));
        QVERIFY2(near(pixelAt(canvas, m_wake), top), qPrintable(describe(pixelAt(canvas, m_wake))));
        const int styleSteps = undo.index();

        // ---- labels -------------------------------------------------------------------------------------
        style.labelsCheck()->setChecked(true);
        style.labelTextCombo()->setCurrentText(QStringLiteral("NAME"));
        QVERIFY(counties->labels().enabled);
        QCOMPARE(counties->labels().text, QStringLiteral("NAME"));
        QVERIFY(waitIdle(w));

        // ---- undo and redo the style ----------------------------------------------------------------------
        while (undo.index() > styleSteps)
            undo.undo();
        QVERIFY(!counties->labels().enabled);
        while (counties->renderer().type() != FeatureRenderer::Type::Single)
            undo.undo();
        QVERIFY(waitIdle(w));
        QVERIFY2(near(pixelAt(canvas, m_wake), countyColor), qPrintable(describe(pixelAt(canvas, m_wake))));
        QCOMPARE(style.typeCombo()->currentData().toInt(), int(FeatureRenderer::Type::Single)); // the panel follows
        while (undo.canRedo() && counties->renderer().type() != FeatureRenderer::Type::Graduated)
            undo.redo();
        while (undo.canRedo() && undo.index() < styleSteps)
            undo.redo();
        QVERIFY(waitIdle(w));
        QVERIFY(near(pixelAt(canvas, m_wake), top));

        // ---- attribute table selection is the map selection -----------------------------------------------
        w.findChild<QDockWidget *>(QStringLiteral("attributesDock"))->show(); // a hidden table is not filled
        AttributeTablePanel &table = *w.attributePanel();
        AttributeTableModel &tableModel = *table.model();
        QAbstractItemModelTester tableTester(&tableModel, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int nameColumn = counties->store()->attributes().fieldIndex(QStringLiteral("NAME"));
        int wakeRow = -1;
        for (int r = 0; r < tableModel.rowCount(); ++r)
            if (tableModel.index(r, nameColumn).data().toString() == QLatin1String("Wake"))
                wakeRow = r;
        QVERIFY(wakeRow >= 0);
        QVERIFY(highlightAt(canvas, m_wake).alpha() == 0);
        table.view()->selectRow(wakeRow);
        FeatureSelection &selection = *c.selection();
        QCOMPARE(selection.count(counties->id()), size_t(1));
        QVERIFY(selection.isSelected(counties->id(), tableModel.featureRow(wakeRow)));
        QVERIFY(waitIdle(w));
        QVERIFY2(highlightAt(canvas, m_wake).alpha() > 0, qPrintable(describe(highlightAt(canvas, m_wake))));
        QCOMPARE(highlightAt(canvas, m_ashe).alpha(), 0);
        // And back: selecting on the map selects the row.
        w.selectionController()->selectInRectangle(Envelope(m_ashe.x() - 10, m_ashe.y() - 10, m_ashe.x() + 10, m_ashe.y() + 10),
                                                   FeatureSelection::Mode::Replace);
        QCOMPARE(selection.count(counties->id()), size_t(1));
        const QModelIndexList rows = table.view()->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(tableModel.index(rows.front().row(), nameColumn).data().toString(), QStringLiteral("Ashe"));
        QVERIFY(waitIdle(w));
        QVERIFY(highlightAt(canvas, m_ashe).alpha() > 0);
        QCOMPARE(highlightAt(canvas, m_wake).alpha(), 0);
        w.grab().save(QStringLiteral(KW_BINARY_DIR "/main_window_selection.png")); // to look at
        // Zoom to the selection shows Ashe County.
        w.selectionController()->zoomToSelection();
        QVERIFY(canvas.extent().contains(m_ashe.x(), m_ashe.y()));
        QVERIFY(!canvas.extent().contains(m_wake.x(), m_wake.y()));
        canvas.setExtent(c.project().extent());
        QVERIFY(waitIdle(w));
        // "Selected only" lists just Ashe; off again, all hundred.
        table.selectedOnlyButton()->setChecked(true);
        QCOMPARE(tableModel.rowCount(), 1);
        QCOMPARE(tableModel.index(0, nameColumn).data().toString(), QStringLiteral("Ashe"));
        QCOMPARE(table.view()->selectionModel()->selectedRows().size(), 1);
        table.selectedOnlyButton()->setChecked(false);
        QCOMPARE(tableModel.rowCount(), 100);
        // A filter in the table keeps the selection on the map.
        table.filterEdit()->setText(QStringLiteral("\"NAME\" LIKE 'A%'"));
        QVERIFY(table.applyFilter());
        QCOMPARE(table.view()->selectionModel()->selectedRows().size(), 1);
        table.filterEdit()->setText(QStringLiteral("\"NAME\" LIKE"));
        QVERIFY(!table.applyFilter());
        QVERIFY(table.filterEdit()->cursorPosition() > 0);
        w.selectionController()->clear();
        QCOMPARE(selection.totalCount(), size_t(0));

        // ---- identify at Raleigh --------------------------------------------------------------------------
        w.identifyPanel()->identify(m_wake, 4 * canvas.mapUnitsPerPixel());
        const IdentifyResultsModel &results = *w.identifyPanel()->model();
        QCOMPARE(results.rowCount(), 1);
        QCOMPARE(results.index(0, 0, results.index(0, 0)).data().toString(), QStringLiteral("Wake"));

        // ---- measure ------------------------------------------------------------------------------------------
        MeasureTool &measure = *w.measureDistanceTool();
        canvas.setMapTool(&measure);
        measure.addVertex(m_wake);
        measure.addVertex(m_ashe);
        measure.finish();
        const double expected = Measurement::wgs84Distance(QPointF(-78.65, 35.78), QPointF(-81.50, 36.43));
        QVERIFY(std::abs(*measure.value() - expected) < 1.0); // about 266 km: Mercator's scale does not leak in
        QVERIFY(measure.resultText().endsWith(QStringLiteral(" km")));
        canvas.setMapTool(nullptr);

        // ---- the map CRS: reload in UTM 17N, in the background ---------------------------------------------
        c.setCrs(*Crs::fromEpsg(32617));
        QVERIFY(waitIdle(w));
        QCOMPARE(counties->store()->crs(), *Crs::fromEpsg(32617));
        const QPointF wakeUtm = CoordinateTransform(Crs::wgs84(), *Crs::fromEpsg(32617)).transform(QPointF(-78.65, 35.78));
        QVERIFY(canvas.extent().contains(wakeUtm.x(), wakeUtm.y()));
        QVERIFY2(near(pixelAt(canvas, wakeUtm), top), qPrintable(describe(pixelAt(canvas, wakeUtm))));
        undo.undo();
        QVERIFY(waitIdle(w));
        QCOMPARE(canvas.crs(), m_crs);
        QCOMPARE(counties->store()->crs(), m_crs);

        // ---- save: clean again; the file has the style -----------------------------------------------------
        QVERIFY(c.isDirty());
        const QString saved = m_dir.filePath(QStringLiteral("saved.kwproj"));
        QVERIFY(c.saveProject(saved).ok());
        QVERIFY(!c.isDirty());
        QStringList warnings;
        auto reread = Project::read(saved, &warnings);
        QVERIFY(reread.ok());
        QCOMPARE(static_cast<const VectorLayer &>(*(*reread)->layers().back()).renderer().type(),
                 FeatureRenderer::Type::Graduated);

        // The window grabs (what --snapshot writes).
        QVERIFY(!w.grab().isNull());
        QVERIFY(w.findChild<QDockWidget *>(QStringLiteral("layersDock")));
        QVERIFY(w.findChild<QDockWidget *>(QStringLiteral("attributesDock")));
    }

    void sensorProjectOpensAtItsTime()
    {
        // A project with a sensor layer and time settings: the layer loads in the background as a sensor
        // layer (values, not the bare sites table) and the map shows the project's moment, not the data's
        // first hour.
        using test::utc;
        Project project;
        project.setCrs(Crs::etrs89Utm32());
        project.addLayer(test::smallSensorLayer());
        TemporalSettings time;
        time.begin = utc("2026-10-24T23:00:00Z");
        time.end = utc("2026-10-25T04:00:00Z");
        time.step = *Duration::parse(QStringLiteral("PT1H"));
        time.current = utc("2026-10-25T01:00:00Z");
        time.framesPerSecond = 5;
        project.setTemporal(time);
        const QString path = m_dir.filePath(QStringLiteral("sensoren.kwproj"));
        QVERIFY(project.write(path).ok());

        MainWindow w(false);
        w.resize(1000, 700);
        w.show();
        QVERIFY(w.openProject(path));
        QVERIFY(waitIdle(w));
        auto *dock = w.findChild<TimeDock *>();
        QVERIFY(dock);
        QVERIFY(dock->isVisibleTo(&w));
        QCOMPARE(dock->currentTime(), std::optional<int64_t>(utc("2026-10-25T01:00:00Z")));
        QCOMPARE(dock->settings().framesPerSecond, 5.0);
        const auto layer = std::dynamic_pointer_cast<SensorLayer>(w.controller()->project().layers().front());
        QVERIFY(layer);
        QVERIFY2(layer->error().isEmpty(), qPrintable(layer->error()));
        QVERIFY(layer->timeExtent());
        const int value = layer->store()->attributes().fieldIndex(QStringLiteral("value"));
        QVERIFY(value >= 0);
        QCOMPARE(layer->store()->attributes().number(0, value), 30.0); // the hour 01:00-02:00 UTC
        QTRY_VERIFY_WITH_TIMEOUT(!w.canvas()->overlayText().isEmpty(), 10000);

        // A project without time settings goes back to the data's range.
        Project plain;
        plain.setCrs(Crs::etrs89Utm32());
        plain.addLayer(test::smallSensorLayer());
        const QString plainPath = m_dir.filePath(QStringLiteral("ohne_zeit.kwproj"));
        QVERIFY(plain.write(plainPath).ok());
        QVERIFY(w.openProject(plainPath));
        QVERIFY(waitIdle(w));
        QTRY_COMPARE_WITH_TIMEOUT(dock->currentTime(), std::optional<int64_t>(utc("2026-10-24T23:00:00Z")), 10000);
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
