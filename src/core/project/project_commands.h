// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/data/source_uri.h"
#include "core/render/label_settings.h"
#include "core/style/feature_renderer.h"

#include <QUndoCommand>

#include <functional>
#include <memory>
#include <vector>

namespace kw {

class Layer;
class LayerTreeModel;
class LayerTreeNode;
class VectorLayer;

// Undo commands for every edit of a project. They keep raw pointers to tree nodes: a node a command
// removed is owned by that command until it is put back, and the undo stack replays commands strictly
// in order, so every pointer is valid whenever the command runs.

/// \brief Inserts layers or groups (new data, a new group).
class AddNodesCommand : public QUndoCommand
{
public:
    AddNodesCommand(LayerTreeModel *model, LayerTreeNode *parent, int row,
                    std::vector<std::unique_ptr<LayerTreeNode>> nodes, const QString &text);
    void redo() override;
    void undo() override;
    const std::vector<LayerTreeNode *> &nodes() const { return m_raw; }

private:
    LayerTreeModel *m_model;
    LayerTreeNode *m_parent;
    int m_row;
    std::vector<std::unique_ptr<LayerTreeNode>> m_owned;
    std::vector<LayerTreeNode *> m_raw;
};

/// \brief Removes layers or groups; undo puts them back where they were.
class RemoveNodesCommand : public QUndoCommand
{
public:
    RemoveNodesCommand(LayerTreeModel *model, std::vector<LayerTreeNode *> nodes);
    void redo() override;
    void undo() override;

private:
    struct Removed
    {
        LayerTreeNode *node;
        LayerTreeNode *parent = nullptr;
        int row = 0;
        std::unique_ptr<LayerTreeNode> owned;
    };
    LayerTreeModel *m_model;
    std::vector<Removed> m_removed;
};

/// \brief Moves nodes to \a row of \a parent (drag and drop, move up and down).
class MoveNodesCommand : public QUndoCommand
{
public:
    MoveNodesCommand(LayerTreeModel *model, std::vector<LayerTreeNode *> nodes, LayerTreeNode *parent, int row);
    void redo() override;
    void undo() override;

private:
    struct Place
    {
        LayerTreeNode *node;
        LayerTreeNode *parent;
        int row;
    };
    LayerTreeModel *m_model;
    std::vector<LayerTreeNode *> m_nodes;
    LayerTreeNode *m_parent;
    int m_row;
    std::vector<Place> m_before;
};

/// \brief Renames a layer or group.
class RenameNodeCommand : public QUndoCommand
{
public:
    RenameNodeCommand(LayerTreeModel *model, LayerTreeNode *node, const QString &name);
    void redo() override;
    void undo() override;

private:
    LayerTreeModel *m_model;
    LayerTreeNode *m_node;
    QString m_old, m_new;
};

/// \brief Shows or hides a layer or group.
class SetVisibilityCommand : public QUndoCommand
{
public:
    SetVisibilityCommand(LayerTreeModel *model, LayerTreeNode *node, bool visible);
    void redo() override;
    void undo() override;

private:
    LayerTreeModel *m_model;
    LayerTreeNode *m_node;
    bool m_visible;
};

/// \brief Changes a layer's opacity; consecutive changes of one layer (a slider drag) merge into one step.
class SetOpacityCommand : public QUndoCommand
{
public:
    enum { Id = 0x4b5701 };
    SetOpacityCommand(LayerTreeModel *model, Layer *layer, double opacity);
    void redo() override;
    void undo() override;
    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    LayerTreeModel *m_model;
    Layer *m_layer;
    double m_old, m_new;
};

/// \brief Replaces a vector layer's renderer (any style change). Consecutive changes with the same
/// non-empty \a mergeKey for the same layer (one spin box being turned) merge into one step.
class SetRendererCommand : public QUndoCommand
{
public:
    enum { Id = 0x4b5702 };
    SetRendererCommand(LayerTreeModel *model, VectorLayer *layer, std::unique_ptr<FeatureRenderer> renderer,
                       const QString &mergeKey = {});
    void redo() override;
    void undo() override;
    int id() const override { return m_key.isEmpty() ? -1 : Id; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    LayerTreeModel *m_model;
    VectorLayer *m_layer;
    std::unique_ptr<FeatureRenderer> m_old, m_new;
    QString m_key;
};

/// \brief Changes a vector layer's labels; merges like SetRendererCommand.
class SetLabelsCommand : public QUndoCommand
{
public:
    enum { Id = 0x4b5703 };
    SetLabelsCommand(LayerTreeModel *model, VectorLayer *layer, const LabelSettings &labels, const QString &mergeKey = {});
    void redo() override;
    void undo() override;
    int id() const override { return m_key.isEmpty() ? -1 : Id; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    LayerTreeModel *m_model;
    VectorLayer *m_layer;
    LabelSettings m_old, m_new;
    QString m_key;
};

/// \brief Points a layer at another data source ("Change data source…" for a broken layer); the model
/// asks for the layer to be loaded again.
class SetSourceCommand : public QUndoCommand
{
public:
    SetSourceCommand(LayerTreeModel *model, LayerTreeNode *node, const SourceUri &source);
    void redo() override;
    void undo() override;

private:
    void apply(const SourceUri &s);
    LayerTreeModel *m_model;
    LayerTreeNode *m_node;
    SourceUri m_old, m_new;
};

/// \brief Changes the map CRS; \a apply sets it and reloads the layers (the project controller's job).
class SetCrsCommand : public QUndoCommand
{
public:
    SetCrsCommand(const Crs &oldCrs, const Crs &newCrs, std::function<void(const Crs &)> apply);
    void redo() override { m_apply(m_new); }
    void undo() override { m_apply(m_old); }

private:
    Crs m_old, m_new;
    std::function<void(const Crs &)> m_apply;
};

} // namespace kw
