// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

#include <functional>
#include <memory>

class QActionGroup;
class QDockWidget;

namespace Ui {
class MainWindow;
}

namespace kw {

class AttributeTablePanel;
class IdentifyPanel;
class IdentifyTool;
class Layer;
class LayerTreePanel;
class MapCanvas;
class MapStatusBar;
class MapTool;
class MeasureTool;
class ProjectActions;
class ProjectController;
class SelectTool;
class SelectionController;
class StylePanel;
class TemporalTools;
class ZoomBoxTool;

/// \brief The main window: creates the features (canvas, docks, controllers) and wires them to menus,
/// toolbars and each other. Features live in their own folders; this class holds no feature logic.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// \a interactive: ask questions (unsaved changes, crash recovery) and keep settings; off for
    /// snapshots and tests.
    explicit MainWindow(bool interactive = true, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Adds every layer of the given sources; loading runs in the background.
    void addSources(const QStringList &sources);
    /// Opens a project file (a message box on failure when interactive). Returns success.
    bool openProject(const QString &path);
    /// Offers to restore unsaved work a crashed session left behind.
    void offerRecovery();
    /// Writes a PNG of the window once loading and the first map render have finished, then calls \a done.
    void snapshotWhenReady(const QString &path, std::function<void(bool)> done);
    /// Loading, rendering and the selection overlay are all done.
    bool isIdle() const;

    MapCanvas *canvas() const { return m_canvas; }
    ProjectController *controller() const { return m_controller; }
    ProjectActions *projectActions() const { return m_projectActions; }
    LayerTreePanel *layerTreePanel() const { return m_layerPanel; }
    StylePanel *stylePanel() const { return m_stylePanel; }
    AttributeTablePanel *attributePanel() const { return m_attributePanel; }
    IdentifyPanel *identifyPanel() const { return m_identifyPanel; }
    SelectionController *selectionController() const { return m_selectionController; }
    MeasureTool *measureDistanceTool() const { return m_measureDistance; }
    IdentifyTool *identifyTool() const { return m_identifyTool; }

Q_SIGNALS:
    /// Every pending load has finished.
    void layersLoaded();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createTools();
    void connectActions();
    void connectController();
    void restoreWindowState();
    void updateTitle();
    void setCurrentLayer(const std::shared_ptr<Layer> &layer);
    void showStatus(const QString &text, int timeoutMs);

    std::unique_ptr<Ui::MainWindow> m_ui;
    bool m_interactive;
    ProjectController *m_controller;
    MapCanvas *m_canvas;
    MapStatusBar *m_statusBar = nullptr;
    TemporalTools *m_temporalTools = nullptr;
    LayerTreePanel *m_layerPanel = nullptr;
    StylePanel *m_stylePanel = nullptr;
    AttributeTablePanel *m_attributePanel = nullptr;
    IdentifyPanel *m_identifyPanel = nullptr;
    QDockWidget *m_layerDock = nullptr;
    QDockWidget *m_styleDock = nullptr;
    QDockWidget *m_attributeDock = nullptr;
    QDockWidget *m_identifyDock = nullptr;
    QDockWidget *m_historyDock = nullptr;
    SelectionController *m_selectionController = nullptr;
    ProjectActions *m_projectActions = nullptr;
    QActionGroup *m_toolGroup = nullptr;
    ZoomBoxTool *m_zoomBoxTool = nullptr;
    IdentifyTool *m_identifyTool = nullptr;
    MeasureTool *m_measureDistance = nullptr;
    MeasureTool *m_measureArea = nullptr;
    SelectTool *m_selectRect = nullptr;
    SelectTool *m_selectPolygon = nullptr;
    bool m_userNavigated = false;
};

} // namespace kw
