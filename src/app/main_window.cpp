// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/main_window.h"

#include "ui_main_window.h"

#include "app/attributes/attribute_table_model.h"
#include "app/attributes/attribute_table_panel.h"
#include "app/canvas/map_canvas.h"
#include "app/canvas/zoom_box_tool.h"
#include "app/temporal/temporal_tools.h"
#include "app/icons/map_icons.h"
#include "app/identify/identify_panel.h"
#include "app/identify/identify_tool.h"
#include "app/layertree/layer_tree_panel.h"
#include "app/measure/measure_tool.h"
#include "app/project/project_actions.h"
#include "app/project/project_controller.h"
#include "app/selection/select_tool.h"
#include "app/selection/selection_controller.h"
#include "app/statusbar/map_status_bar.h"
#include "app/style/style_panel.h"
#include "core/data/feature_selection.h"
#include "app/layout/layout_designer.h"
#include "core/layers/vector_layer.h"
#include "core/project/layer_tree_model.h"

#include <QActionGroup>
#include <QMessageBox>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLocale>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QUndoView>

namespace kw {

MainWindow::MainWindow(bool interactive, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_interactive(interactive),
      m_controller(new ProjectController(this)), m_canvas(new MapCanvas(this))
{
    m_ui->setupUi(this);
    delete m_ui->centralWidget;
    setCentralWidget(m_canvas);
    m_canvas->setSelection(m_controller->selection());
    m_canvas->setCrs(m_controller->crs());
    m_selectionController = new SelectionController(m_controller, m_canvas, this);
    m_statusBar = new MapStatusBar(statusBar(), m_canvas);
    m_statusBar->setCrs(m_controller->crs());
    m_projectActions = new ProjectActions(m_controller, m_canvas, this, m_interactive);
    m_projectActions->setRecentMenus(m_ui->menuRecentProjects, m_ui->menuRecentData);

    createDocks();
    m_temporalTools = TemporalTools::install(this, m_canvas); // time slider, time stamp on the map, chart
    createTools();
    connectActions();
    connectController();
    if (m_interactive)
        restoreWindowState();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // The canvas draws layers the controller owns: stop its renders first. Then the controller goes,
    // before the docks that show it, and without calling back into this half-destroyed window.
    delete m_canvas;
    disconnect(m_controller, nullptr, this, nullptr);
    delete m_controller;
}

// ---- construction ---------------------------------------------------------------------------------

void MainWindow::createDocks()
{
    const auto dock = [this](const QString &title, const QString &name, QWidget *content, Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(content);
        d->setAccessibleName(title);
        addDockWidget(area, d);
        m_ui->menuPanels->addAction(d->toggleViewAction());
        return d;
    };
    m_layerPanel = new LayerTreePanel(m_controller, this);
    m_stylePanel = new StylePanel(m_controller->layerTreeModel(), this);
    m_attributePanel = new AttributeTablePanel(m_controller->selection(), this);
    m_identifyPanel = new IdentifyPanel(m_controller, this);
    m_layerDock = dock(tr("Layers"), QStringLiteral("layersDock"), m_layerPanel, Qt::LeftDockWidgetArea);
    m_styleDock = dock(tr("Style"), QStringLiteral("styleDock"), m_stylePanel, Qt::RightDockWidgetArea);
    m_identifyDock = dock(tr("Identify Results"), QStringLiteral("identifyDock"), m_identifyPanel, Qt::RightDockWidgetArea);
    m_attributeDock = dock(tr("Attribute Table"), QStringLiteral("attributesDock"), m_attributePanel, Qt::BottomDockWidgetArea);
    // The undo stack as a list: click a step to go back to it.
    auto *history = new QUndoView(m_controller->undoStack(), this);
    history->setEmptyLabel(tr("<project opened>"));
    history->setAccessibleName(tr("Undo history"));
    m_historyDock = dock(tr("History"), QStringLiteral("historyDock"), history, Qt::RightDockWidgetArea);
    tabifyDockWidget(m_styleDock, m_identifyDock);
    tabifyDockWidget(m_identifyDock, m_historyDock);
    m_styleDock->raise();
    m_attributeDock->hide();
    resizeDocks({m_layerDock, m_styleDock}, {250, 300}, Qt::Horizontal);
    const QKeySequence keys[] = {QKeySequence(Qt::ALT | Qt::Key_1), QKeySequence(Qt::ALT | Qt::Key_2),
                                 QKeySequence(Qt::ALT | Qt::Key_3), QKeySequence(Qt::ALT | Qt::Key_4),
                                 QKeySequence(Qt::ALT | Qt::Key_5)};
    int i = 0;
    for (QDockWidget *d : {m_layerDock, m_styleDock, m_attributeDock, m_identifyDock, m_historyDock})
        d->toggleViewAction()->setShortcut(keys[i++]);
}

void MainWindow::createTools()
{
    m_zoomBoxTool = new ZoomBoxTool(m_canvas);
    m_identifyTool = new IdentifyTool(m_canvas);
    m_measureDistance = new MeasureTool(m_canvas, MeasureTool::Mode::Distance);
    m_measureArea = new MeasureTool(m_canvas, MeasureTool::Mode::Area);
    m_selectRect = new SelectTool(m_canvas, SelectTool::Shape::Rectangle);
    m_selectPolygon = new SelectTool(m_canvas, SelectTool::Shape::Polygon);
    m_toolGroup = new QActionGroup(this);
    const std::pair<QAction *, MapTool *> tools[] = {
        {m_ui->actionPan, nullptr},
        {m_ui->actionZoomBox, m_zoomBoxTool},
        {m_ui->actionIdentify, m_identifyTool},
        {m_ui->actionMeasureDistance, m_measureDistance},
        {m_ui->actionMeasureArea, m_measureArea},
        {m_ui->actionSelectRectangle, m_selectRect},
        {m_ui->actionSelectPolygon, m_selectPolygon},
    };
    for (const auto &[action, tool] : tools) {
        m_toolGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, tool = tool] {
            m_canvas->setMapTool(tool);
            m_canvas->setFocus();
        });
    }
    m_ui->actionPan->setChecked(true);
    connect(m_identifyTool, &IdentifyTool::identifyRequested, this, [this](const QPointF &p, double tol) {
        m_identifyPanel->identify(p, tol);
        m_identifyDock->show();
        m_identifyDock->raise();
    });
    for (MeasureTool *t : {m_measureDistance, m_measureArea})
        connect(t, &MeasureTool::measured, this, [this](const QString &text) { showStatus(text, 0); });
    for (SelectTool *t : {m_selectRect, m_selectPolygon}) {
        connect(t, &SelectTool::rectangleSelected, m_selectionController, &SelectionController::selectInRectangle);
        connect(t, &SelectTool::polygonSelected, m_selectionController, &SelectionController::selectInPolygon);
    }
}

void MainWindow::connectActions()
{
    using I = MapIcons;
    const std::pair<QAction *, I::Name> icons[] = {
        {m_ui->actionNewProject, I::NewProject},     {m_ui->actionOpenProject, I::OpenProject},
        {m_ui->actionSaveProject, I::SaveProject},   {m_ui->actionOpenData, I::AddData},
        {m_ui->actionPan, I::Pan},                   {m_ui->actionZoomBox, I::ZoomBox},
        {m_ui->actionZoomIn, I::ZoomIn},             {m_ui->actionZoomOut, I::ZoomOut},
        {m_ui->actionZoomFull, I::ZoomFull},         {m_ui->actionZoomLayer, I::ZoomLayer},
        {m_ui->actionZoomSelection, I::ZoomSelection}, {m_ui->actionRefresh, I::Refresh},
        {m_ui->actionIdentify, I::Identify},         {m_ui->actionMeasureDistance, I::MeasureLine},
        {m_ui->actionMeasureArea, I::MeasureArea},   {m_ui->actionSelectRectangle, I::SelectRect},
        {m_ui->actionSelectPolygon, I::SelectPolygon}, {m_ui->actionSelectExpression, I::SelectExpression},
        {m_ui->actionClearSelection, I::ClearSelection}, {m_ui->actionAttributeTable, I::AttributeTable},
        {m_ui->actionAddGroup, I::AddGroup}};
    for (const auto &[action, icon] : icons)
        action->setIcon(MapIcons::icon(icon));

    QAction *undo = m_controller->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(MapIcons::icon(I::Undo));
    QAction *redo = m_controller->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo->setIcon(MapIcons::icon(I::Redo));
    m_ui->menuEdit->addAction(undo);
    m_ui->menuEdit->addAction(redo);
    m_ui->projectToolBar->addSeparator();
    m_ui->projectToolBar->addAction(undo);
    m_ui->projectToolBar->addAction(redo);

    ProjectActions *p = m_projectActions;
    connect(m_ui->actionNewProject, &QAction::triggered, p, &ProjectActions::newProject);
    connect(m_ui->actionOpenProject, &QAction::triggered, p, &ProjectActions::openProjectDialog);
    connect(m_ui->actionSaveProject, &QAction::triggered, p, &ProjectActions::save);
    connect(m_ui->actionSaveProjectAs, &QAction::triggered, p, &ProjectActions::saveAs);
    connect(m_ui->actionOpenData, &QAction::triggered, this, [this] {
        auto [parent, row] = m_controller->layerTreeModel()->insertionPoint(m_layerPanel->view()->currentIndex());
        m_projectActions->addDataDialog(parent, row);
    });
    connect(m_ui->actionExportMap, &QAction::triggered, p, &ProjectActions::exportMap);
    connect(m_ui->actionSettings, &QAction::triggered, p, &ProjectActions::showSettings);
    connect(p, &ProjectActions::quitRequested, this, &QWidget::close);
    connect(p, &ProjectActions::status, this, &MainWindow::showStatus);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    // The print layout designer is a window of its own (src/app/layout); this is its one hook.
    QAction *layouts = new QAction(tr("Print &Layouts…"), this);
    layouts->setShortcut(QKeySequence(tr("Ctrl+L")));
    m_ui->menuProject->insertAction(m_ui->actionQuit, layouts);
    connect(layouts, &QAction::triggered, this, [this] {
        auto *designer = new LayoutDesigner(this);
        designer->setAttribute(Qt::WA_DeleteOnClose);
        // The designer works on the saved project file (layouts live in it).
        if (!m_controller->filePath().isEmpty())
            designer->openProject(m_controller->filePath(), true);
        designer->show();
    });
    connect(m_ui->actionZoomFull, &QAction::triggered, m_canvas, &MapCanvas::zoomToFullExtent);
    connect(m_ui->actionZoomIn, &QAction::triggered, m_canvas, &MapCanvas::zoomIn);
    connect(m_ui->actionZoomOut, &QAction::triggered, m_canvas, &MapCanvas::zoomOut);
    connect(m_ui->actionRefresh, &QAction::triggered, m_canvas, &MapCanvas::refresh);
    connect(m_ui->actionZoomLayer, &QAction::triggered, this, [this] {
        if (auto l = m_layerPanel->currentLayer(); l && l->isLoaded())
            m_canvas->zoomToExtent(l->extent());
    });
    connect(m_ui->actionZoomSelection, &QAction::triggered, m_selectionController, &SelectionController::zoomToSelection);
    connect(m_ui->actionClearSelection, &QAction::triggered, m_selectionController, &SelectionController::clear);
    connect(m_ui->actionSelectExpression, &QAction::triggered, this,
            [this] { m_selectionController->selectByExpressionDialog(this); });
    connect(m_ui->actionChangeCrs, &QAction::triggered, p, &ProjectActions::chooseCrs);
    connect(m_ui->actionAddGroup, &QAction::triggered, m_layerPanel, &LayerTreePanel::addGroup);
    connect(m_ui->actionRemoveLayer, &QAction::triggered, m_layerPanel, &LayerTreePanel::removeSelected);
    connect(m_ui->actionRenameLayer, &QAction::triggered, m_layerPanel, &LayerTreePanel::renameCurrent);
    connect(m_ui->actionChangeSource, &QAction::triggered, m_layerPanel, &LayerTreePanel::changeDataSource);
    connect(m_ui->actionAttributeTable, &QAction::triggered, this, [this] {
        m_attributeDock->show();
        m_attributeDock->raise();
        m_attributePanel->setFocus();
    });
    connect(m_ui->actionStyle, &QAction::triggered, this, [this] {
        m_styleDock->show();
        m_styleDock->raise();
        m_stylePanel->setFocus();
    });
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Kartenwerk"),
                           tr("<h3>Kartenwerk %1</h3><p>Desktop GIS for the city's geodata service.</p>"
                              "<p>Built on Qt %2, GDAL, PROJ and GEOS.</p>")
                               .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    });

    connect(m_layerPanel, &LayerTreePanel::currentLayerChanged, this, &MainWindow::setCurrentLayer);
    connect(m_layerPanel, &LayerTreePanel::zoomToLayerRequested, this, [this](const std::shared_ptr<Layer> &l) {
        if (l && l->isLoaded())
            m_canvas->zoomToExtent(l->extent());
    });
    connect(m_layerPanel, &LayerTreePanel::addDataRequested, m_ui->actionOpenData, &QAction::trigger);
    connect(m_layerPanel, &LayerTreePanel::showStyleRequested, m_ui->actionStyle, &QAction::trigger);
    connect(m_layerPanel, &LayerTreePanel::openAttributeTableRequested, m_ui->actionAttributeTable, &QAction::trigger);
    connect(m_attributePanel, &AttributeTablePanel::zoomToFeatureRequested, m_selectionController,
            &SelectionController::zoomToFeature);
    connect(m_attributePanel, &AttributeTablePanel::zoomToSelectionRequested, m_selectionController,
            &SelectionController::zoomToSelection);
    connect(m_identifyPanel, &IdentifyPanel::zoomToFeatureRequested, m_selectionController,
            &SelectionController::zoomToFeature);
    connect(m_identifyPanel, &IdentifyPanel::selectFeatureRequested, m_selectionController,
            &SelectionController::selectFeature);
    connect(m_selectionController, &SelectionController::message, this, &MainWindow::showStatus);
    connect(m_statusBar, &MapStatusBar::crsChangeRequested, p, &ProjectActions::chooseCrs);
    connect(m_canvas, &MapCanvas::userNavigated, this, [this] { m_userNavigated = true; });
    connect(m_canvas, &MapCanvas::filesDropped, this, &MainWindow::addSources);
    connect(m_canvas, &MapCanvas::renderErrors, this,
            [this](const QStringList &errors) { showStatus(errors.join(QStringLiteral("; ")), 10000); });
}

void MainWindow::connectController()
{
    ProjectController *c = m_controller;
    connect(c, &ProjectController::mapChanged, this, [this] {
        m_canvas->setLayers(m_controller->renderLayers());
        // A reload gives the current layer new data: the table must read the new store.
        if (auto l = m_attributePanel->layer(); l && m_attributePanel->model()->store() != l->store())
            m_attributePanel->setLayer(l);
    });
    connect(c, &ProjectController::crsChanged, this, [this](const Crs &crs) {
        m_canvas->setCrs(crs);
        m_statusBar->setCrs(crs);
    });
    connect(c, &ProjectController::projectReplaced, this, [this] {
        m_userNavigated = false;
        const Envelope e = m_controller->project().extent();
        if (!e.isNull())
            m_canvas->setExtent(e);
        // The project's time (range, step, the moment shown, speed), as the command line uses it.
        if (const auto &time = m_controller->project().temporal())
            m_temporalTools->setSettings(*time);
        else
            m_temporalTools->clearSettings();
        updateTitle();
    });
    connect(c, &ProjectController::loadsFinished, this, [this](bool first) {
        if (first && !m_userNavigated && m_controller->project().extent().isNull())
            m_canvas->zoomToFullExtent();
        if (first && !m_layerPanel->view()->currentIndex().isValid()) {
            // Something to work on straight away: the first thematic layer (else the top one) becomes current.
            std::shared_ptr<Layer> pick;
            for (const auto &l : m_controller->project().layers()) {
                if (!l->isLoaded())
                    continue;
                if (!pick)
                    pick = l;
                if (l->kind() == Layer::Kind::Vector &&
                    static_cast<const VectorLayer &>(*l).renderer().type() != FeatureRenderer::Type::Single) {
                    pick = l;
                    break;
                }
            }
            if (pick)
                m_layerPanel->view()->setCurrentIndex(m_controller->layerTreeModel()->indexOfLayer(pick.get()));
        }
        m_stylePanel->setLayer(m_layerPanel->currentLayer());
        Q_EMIT layersLoaded();
    });
    connect(c, &ProjectController::loadProgress, m_statusBar, &MapStatusBar::setLoadProgress);
    connect(c, &ProjectController::dirtyChanged, this, &MainWindow::updateTitle);
    connect(c, &ProjectController::filePathChanged, this, &MainWindow::updateTitle);
    connect(c, &ProjectController::message, this, &MainWindow::showStatus);
    connect(c, &ProjectController::failed, this, [this](const QString &title, const QString &text) {
        if (m_interactive)
            QMessageBox::warning(this, title, text);
        else
            showStatus(text, 10000);
    });
}

void MainWindow::restoreWindowState()
{
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
}

// ---- behaviour ------------------------------------------------------------------------------------

void MainWindow::showStatus(const QString &text, int timeoutMs)
{
    if (text.isEmpty())
        statusBar()->clearMessage();
    else
        statusBar()->showMessage(text, timeoutMs);
}

void MainWindow::updateTitle()
{
    const QString path = m_controller->filePath();
    const QString name = path.isEmpty() ? tr("Untitled project") : QFileInfo(path).completeBaseName();
    setWindowTitle(tr("%1[*] — Kartenwerk").arg(name));
    setWindowModified(m_controller->isDirty());
}

void MainWindow::setCurrentLayer(const std::shared_ptr<Layer> &layer)
{
    auto vector = layer && layer->kind() == Layer::Kind::Vector ? std::static_pointer_cast<VectorLayer>(layer) : nullptr;
    m_stylePanel->setLayer(layer);
    if (vector != m_attributePanel->layer())
        m_attributePanel->setLayer(vector);
    m_selectionController->setCurrentLayer(vector);
}

void MainWindow::addSources(const QStringList &sources)
{
    auto [parent, row] = m_controller->layerTreeModel()->insertionPoint(m_layerPanel->view()->currentIndex());
    m_projectActions->addSources(sources, parent, row);
}

bool MainWindow::openProject(const QString &path)
{
    return m_projectActions->openProject(path);
}

void MainWindow::offerRecovery()
{
    m_projectActions->offerRecovery();
}

bool MainWindow::isIdle() const
{
    return !m_controller->isBusy() && !m_canvas->isRendering() && !m_canvas->isHighlightRendering();
}

void MainWindow::snapshotWhenReady(const QString &path, std::function<void(bool)> done)
{
    auto tryNow = std::make_shared<std::function<void()>>();
    *tryNow = [this, path, done, tryNow] {
        const bool needsImage = !m_controller->renderLayers().isEmpty();
        if (!isIdle() || (needsImage && m_canvas->lastImage().isNull())) {
            QTimer::singleShot(100, this, *tryNow);
            return;
        }
        done(grab().save(path));
    };
    QTimer::singleShot(200, this, *tryNow);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_projectActions->maybeSave()) {
        event->ignore();
        return;
    }
    if (m_interactive) {
        QSettings s;
        s.setValue(QStringLiteral("window/geometry"), saveGeometry());
        s.setValue(QStringLiteral("window/state"), saveState());
    }
    event->accept();
}

} // namespace kw
