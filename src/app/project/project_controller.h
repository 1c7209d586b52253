// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/project/project.h"
#include "core/util/result.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

class QUndoStack;

namespace kw {

class FeatureSelection;
class Layer;
class LayerTreeModel;
class LayerTreeNode;
class VectorLayer;

/// \brief Owns the open project and everything that edits it: undo stack, layer tree model, selection.
///
/// Opening data and reloading layers after a CRS change run in worker threads; a layer is loaded into
/// a copy (Layer::cloneForLoading) and takes the result over on the main thread, so render jobs never
/// see a half-loaded layer.
class ProjectController : public QObject
{
    Q_OBJECT
public:
    explicit ProjectController(QObject *parent = nullptr);
    ~ProjectController() override;

    Project &project() { return *m_project; }
    const Project &project() const { return *m_project; }
    LayerTreeModel *layerTreeModel() const { return m_model; }
    QUndoStack *undoStack() const { return m_undo; }
    FeatureSelection *selection() const { return m_selection; }

    /// Where the project is saved (empty for a new one).
    QString filePath() const { return m_filePath; }
    /// Unsaved changes: the undo stack is not at its clean state.
    bool isDirty() const;
    Crs crs() const { return m_project->crs(); }
    /// Layers still loading.
    int pendingLoads() const { return int(m_loading.size()); }
    /// Sources are being inspected or layers loaded.
    bool isBusy() const { return m_inspecting > 0 || !m_loading.isEmpty(); }

    /// Visible layers that are loaded for the current map CRS, bottom first: what the canvas draws.
    QList<std::shared_ptr<Layer>> renderLayers() const;
    /// Visible loaded vector layers, top first (identify, selection).
    QList<std::shared_ptr<VectorLayer>> visibleVectorLayers() const;
    std::shared_ptr<Layer> layerById(const QString &id) const;

    void newProject();
    /// Reads \a path and starts loading its layers. Layers that fail stay in the tree, marked broken.
    Status openProject(const QString &path, QStringList *warnings = nullptr);
    /// Installs an already read project (recovery), remembering \a filePath as where it belongs.
    void setProject(std::unique_ptr<Project> project, const QString &filePath, bool dirty);
    Status saveProject(const QString &path);

    /// Adds every layer of the sources under \a parent (null: the top of the tree) at \a row; sources are
    /// inspected and loaded in the background. One undo step.
    void addSources(const QStringList &sources, LayerTreeNode *parent = nullptr, int row = 0);
    /// Changes the map CRS (an undo step); layers are reloaded in the background.
    void setCrs(const Crs &crs);
    /// Loads \a layer again for the current CRS (after its source changed).
    void reloadLayer(const std::shared_ptr<Layer> &layer);

Q_SIGNALS:
    /// A different project is shown (new or opened): views reset, the canvas zooms to it.
    void projectReplaced();
    /// The drawn map changed (layers, order, visibility, style, loads).
    void mapChanged();
    void crsChanged(const kw::Crs &crs);
    /// Loading progress over all layers loading now: \a done of \a total, \a fraction of the current batch.
    void loadProgress(int done, int total);
    /// Every pending load has finished; \a firstLoad when these were the first layers of the project.
    void loadsFinished(bool firstLoad);
    void dirtyChanged(bool dirty);
    void filePathChanged(const QString &path);
    /// Something the user should read in the status bar.
    void message(const QString &text, int timeoutMs);
    /// A failure the user must see (a dialog).
    void failed(const QString &title, const QString &text);

private:
    void install(std::unique_ptr<Project> project, const QString &filePath);
    void startLoad(const std::shared_ptr<Layer> &layer);
    void applyCrs(const Crs &crs);
    void setFilePath(const QString &path);

    std::unique_ptr<Project> m_project;
    QUndoStack *m_undo;
    LayerTreeModel *m_model;
    FeatureSelection *m_selection;
    QString m_filePath;
    /// Layers loading now, with the generation of their load (a newer load makes an older result stale).
    QHash<const Layer *, int> m_loading;
    int m_generation = 0;
    int m_batchTotal = 0;
    int m_batchDone = 0;
    bool m_hadLoadedLayers = false;
    int m_inspecting = 0;
    /// Set when the project is replaced or the controller goes: loads still running give up.
    std::shared_ptr<std::atomic_bool> m_cancelLoads = std::make_shared<std::atomic_bool>(false);
    /// The user picked the map CRS: adding data no longer changes it.
    bool m_crsChosen = false;
};

} // namespace kw
