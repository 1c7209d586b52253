// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/main_window.h"

#include "ui_main_window.h"

#include "app/attributes/attribute_table_model.h"
#include "app/attributes/attribute_table_panel.h"
#include "app/canvas/map_canvas.h"
#include "app/canvas/zoom_box_tool.h"
#include "app/dialogs/crs_picker_dialog.h"
#include "app/dialogs/select_by_expression_dialog.h"
#include "app/icons/map_icons.h"
#include "app/identify/identify_panel.h"
#include "app/identify/identify_tool.h"
#include "app/layertree/layer_tree_panel.h"
#include "app/measure/measure_tool.h"
#include "app/project/project_controller.h"
#include "app/project/recent_files.h"
#include "app/project/recovery_manager.h"
#include "app/selection/select_tool.h"
#include "app/selection/selection_controller.h"
#include "app/settings/settings_dialog.h"
#include "app/statusbar/map_status_bar.h"
#include "app/style/style_panel.h"
#include "core/data/feature_selection.h"
#include "core/data/gdal/gdal_provider.h"
#include "core/layers/vector_layer.h"
#include "core/project/layer_tree_model.h"
#include "core/render/map_exporter.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>

namespace kw {

MainWindow::MainWindow(bool interactive, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_interactive(interactive),
      m_controller(new ProjectController(this)), m_canvas(new MapCanvas(this)),
      m_recentProjects(std::make_unique<RecentFiles>(QStringLiteral("recent/projects"))),
      m_recentData(std::make_unique<RecentFiles>(QStringLiteral("recent/data")))
{
    m_ui->setupUi(this);
    delete m_ui->centralWidget;
    setCentralWidget(m_canvas);
    m_canvas->setSelection(m_controller->selection());
    m_canvas->setCrs(m_controller->crs());
    m_selectionController = new SelectionController(m_controller, m_canvas, this);
    m_statusBar = new MapStatusBar(statusBar(), m_canvas);
    m_statusBar->setCrs(m_controller->crs());

    createDocks();
    createTools();
    connectActions();
    connectController();
    if (m_interactive) {
        if (SettingsDialog::autosaveEnabled())
            m_recovery = new RecoveryManager(m_controller, QString(), this);
        restoreWindowState();
    }
    updateRecentMenus();
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
    tabifyDockWidget(m_styleDock, m_identifyDock);
    m_styleDock->raise();
    m_attributeDock->hide();
    resizeDocks({m_layerDock, m_styleDock}, {250, 300}, Qt::Horizontal);
    const QKeySequence keys[] = {QKeySequence(Qt::ALT | Qt::Key_1), QKeySequence(Qt::ALT | Qt::Key_2),
                                 QKeySequence(Qt::ALT | Qt::Key_3), QKeySequence(Qt::ALT | Qt::Key_4)};
    int i = 0;
    for (QDockWidget *d : {m_layerDock, m_styleDock, m_attributeDock, m_identifyDock})
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

    connect(m_ui->actionNewProject, &QAction::triggered, this, &MainWindow::newProject);
    connect(m_ui->actionOpenProject, &QAction::triggered, this, &MainWindow::openProjectDialog);
    connect(m_ui->actionSaveProject, &QAction::triggered, this, &MainWindow::save);
    connect(m_ui->actionSaveProjectAs, &QAction::triggered, this, &MainWindow::saveAs);
    connect(m_ui->actionOpenData, &QAction::triggered, this, &MainWindow::openData);
    connect(m_ui->actionExportMap, &QAction::triggered, this, &MainWindow::exportMap);
    connect(m_ui->actionSettings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
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
    connect(m_ui->actionSelectExpression, &QAction::triggered, this, &MainWindow::selectByExpression);
    connect(m_ui->actionChangeCrs, &QAction::triggered, this, &MainWindow::changeCrs);
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
    connect(m_layerPanel, &LayerTreePanel::addDataRequested, this, &MainWindow::openData);
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
    connect(m_statusBar, &MapStatusBar::crsChangeRequested, this, &MainWindow::changeCrs);
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

void MainWindow::updateRecentMenus()
{
    const auto fill = [this](QMenu *menu, RecentFiles &recent, bool projects) {
        menu->clear();
        const QStringList files = recent.list();
        int i = 1;
        for (const QString &f : files) {
            const QString text = QStringLiteral("&%1 %2").arg(i++ % 10).arg(QFileInfo(f).fileName());
            QAction *a = menu->addAction(text, this, [this, f, projects] {
                if (projects) {
                    if (maybeSave())
                        openProject(f);
                } else {
                    addSources({f});
                }
            });
            a->setToolTip(f);
        }
        menu->setEnabled(!files.isEmpty());
        if (!files.isEmpty()) {
            menu->addSeparator();
            menu->addAction(tr("&Clear List"), this, [this, &recent] {
                recent.clear();
                updateRecentMenus();
            });
        }
    };
    fill(m_ui->menuRecentProjects, *m_recentProjects, true);
    fill(m_ui->menuRecentData, *m_recentData, false);
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
    for (const QString &s : sources)
        if (QFileInfo(s).exists())
            m_recentData->add(QFileInfo(s).absoluteFilePath());
    updateRecentMenus();
    auto [parent, row] = m_controller->layerTreeModel()->insertionPoint(m_layerPanel->view()->currentIndex());
    m_controller->addSources(sources, parent, row);
}

bool MainWindow::openProject(const QString &path)
{
    QStringList warnings;
    const Status st = m_controller->openProject(path, &warnings);
    if (!st.ok()) {
        if (m_interactive)
            QMessageBox::warning(this, tr("Cannot open project"), st.error().message);
        else
            showStatus(st.error().message, 10000);
        m_recentProjects->remove(path);
        updateRecentMenus();
        return false;
    }
    m_recentProjects->add(QFileInfo(path).absoluteFilePath());
    updateRecentMenus();
    if (!warnings.isEmpty())
        showStatus(warnings.join(QStringLiteral("; ")), 10000);
    return true;
}

void MainWindow::offerRecovery()
{
    if (!m_recovery)
        return;
    const auto leftover = m_recovery->findLeftover();
    if (!leftover)
        return;
    const QString where = leftover->projectPath.isEmpty() ? tr("an unsaved project") : leftover->projectPath;
    const auto answer = QMessageBox::question(
        this, tr("Restore Unsaved Work?"),
        tr("Kartenwerk was not closed properly. Unsaved changes to %1 from %2 were kept.\n\nRestore them?")
            .arg(where, QLocale().toString(leftover->saved.toLocalTime(), QLocale::ShortFormat)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
        QStringList warnings;
        auto project = m_recovery->restore(*leftover, &warnings);
        if (project.ok())
            m_controller->setProject(std::move(*project), leftover->projectPath, true);
        else
            QMessageBox::warning(this, tr("Cannot restore"), project.error().message);
    }
    RecoveryManager::discard(*leftover);
}

void MainWindow::openData()
{
    QStringList filters = gdal::fileFilters();
    QStringList all;
    for (const QString &e : gdal::fileExtensions())
        all << QStringLiteral("*.") + e;
    filters.prepend(tr("All supported formats (%1)").arg(all.join(QLatin1Char(' '))));
    filters.append(tr("All files (*)"));
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Add Data"), QSettings().value(QStringLiteral("recent/dataDir")).toString(),
                                                            filters.join(QStringLiteral(";;")));
    if (files.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("recent/dataDir"), QFileInfo(files.front()).absolutePath());
    addSources(files);
}

bool MainWindow::maybeSave()
{
    if (!m_controller->isDirty() || !m_interactive)
        return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved Changes"),
                                             tr("The project has unsaved changes. Save them?"),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                             QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::newProject()
{
    if (maybeSave())
        m_controller->newProject();
}

void MainWindow::openProjectDialog()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(),
                                                      tr("Kartenwerk projects (*.kwproj);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

bool MainWindow::save()
{
    if (m_controller->filePath().isEmpty())
        return saveAs();
    m_controller->project().setExtent(m_canvas->extent());
    const Status st = m_controller->saveProject(m_controller->filePath());
    if (!st.ok()) {
        QMessageBox::warning(this, tr("Cannot save project"), st.error().message);
        return false;
    }
    showStatus(tr("Saved %1").arg(m_controller->filePath()), 5000);
    return true;
}

bool MainWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"), m_controller->filePath(),
                                                tr("Kartenwerk projects (*.kwproj)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".kwproj");
    m_controller->project().setExtent(m_canvas->extent());
    const Status st = m_controller->saveProject(path);
    if (!st.ok()) {
        QMessageBox::warning(this, tr("Cannot save project"), st.error().message);
        return false;
    }
    m_recentProjects->add(path);
    updateRecentMenus();
    showStatus(tr("Saved %1").arg(path), 5000);
    return true;
}

void MainWindow::exportMap()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Map"), QString(),
                                                      tr("PNG image (*.png);;PDF (*.pdf);;SVG (*.svg)"));
    if (path.isEmpty())
        return;
    MapSettings settings = m_canvas->settings();
    settings.setExtent(m_canvas->extent());
    auto result = MapExporter::exportMap(settings, path);
    if (!result.ok())
        QMessageBox::warning(this, tr("Export failed"), result.error().message);
    else
        showStatus(tr("Exported %1").arg(path), 5000);
}

void MainWindow::changeCrs()
{
    CrsPickerDialog dialog(m_controller->crs(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Crs crs = dialog.selectedCrs();
    if (crs.isValid())
        m_controller->setCrs(crs);
}

void MainWindow::selectByExpression()
{
    auto layer = m_selectionController->currentLayer();
    if (!layer) {
        const auto visible = m_controller->visibleVectorLayers();
        if (visible.isEmpty()) {
            showStatus(tr("Add a vector layer first."), 5000);
            return;
        }
        layer = visible.front();
    }
    SelectByExpressionDialog dialog(
        layer,
        [this, layer](const QString &expression, FeatureSelection::Mode mode, int *column) {
            const Status st = m_selectionController->selectByExpression(layer, expression, mode, column);
            return st.ok() ? QString() : st.error().message;
        },
        this);
    dialog.exec();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted || !dialog.languageChanged())
        return;
    const auto answer = QMessageBox::question(this, tr("Restart Kartenwerk?"),
                                              tr("The new language applies after a restart. Restart now?"));
    if (answer != QMessageBox::Yes || !maybeSave())
        return;
    QStringList args;
    if (!m_controller->filePath().isEmpty())
        args << m_controller->filePath();
    QProcess::startDetached(QApplication::applicationFilePath(), args);
    m_interactive = false; // already asked
    close();
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
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    if (m_interactive || m_recovery) {
        QSettings s;
        s.setValue(QStringLiteral("window/geometry"), saveGeometry());
        s.setValue(QStringLiteral("window/state"), saveState());
    }
    event->accept();
}

} // namespace kw
