// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

class QMenu;
class QWidget;

namespace kw {

class LayerTreeNode;
class MapCanvas;
class ProjectController;
class RecentFiles;
class RecoveryManager;

/// \brief The project's file dialogs and questions: new, open, save, add data, export, recent lists,
/// unsaved changes, crash recovery, map CRS and settings. The main window only connects actions to it.
class ProjectActions : public QObject
{
    Q_OBJECT
public:
    /// \a window parents the dialogs; without \a interactive nothing asks (snapshots, tests).
    ProjectActions(ProjectController *controller, MapCanvas *canvas, QWidget *window, bool interactive);
    ~ProjectActions() override;

    /// Keeps \a projects and \a data filled with the recent files.
    void setRecentMenus(QMenu *projects, QMenu *data);
    bool isInteractive() const { return m_interactive; }

    void newProject();
    void openProjectDialog();
    bool openProject(const QString &path);
    bool save();
    bool saveAs();
    /// Asks what to do with unsaved changes; false when the user cancels.
    bool maybeSave();
    void addDataDialog(LayerTreeNode *parent, int row);
    void addSources(const QStringList &sources, LayerTreeNode *parent, int row);
    void exportMap();
    void chooseCrs();
    void showSettings();
    /// Offers to restore unsaved work a crashed session left behind.
    void offerRecovery();

Q_SIGNALS:
    void status(const QString &text, int timeoutMs);
    /// The user wants to quit (after a language change with restart).
    void quitRequested();

private:
    void updateRecentMenus();

    ProjectController *m_controller;
    MapCanvas *m_canvas;
    QWidget *m_window;
    bool m_interactive;
    std::unique_ptr<RecentFiles> m_recentProjects;
    std::unique_ptr<RecentFiles> m_recentData;
    RecoveryManager *m_recovery = nullptr;
    QMenu *m_projectsMenu = nullptr;
    QMenu *m_dataMenu = nullptr;
};

} // namespace kw
