// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/project/layer_tree.h"
#include "core/style/legend_entry.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <QSet>

#include <memory>
#include <vector>

class QUndoStack;

namespace kw {

class Project;

/// \brief The project's layer tree as an item model: groups and layers, each layer's legend as child rows.
///
/// Views edit through it (visibility check boxes, renaming, drag and drop); with an undo stack set, every
/// such edit is pushed as an undo command, which calls the raw edit functions below. Those functions emit
/// the model's signals and mapChanged(), so canvases and other views stay in step.
///
/// Index layout: the internal pointer of an index is the LayerTreeNode that is its *parent*; the row
/// picks the child node (under a group) or the legend entry (under a layer). So legend rows need no
/// objects of their own.
class LayerTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role {
        LayerIdRole = Qt::UserRole + 1, ///< the layer's id (layers only)
        NodeTypeRole,                   ///< "group", "layer" or "legend"
        OpacityRole,                    ///< layer opacity 0..1
        ErrorRole,                      ///< why a layer is broken (empty when fine)
    };

    explicit LayerTreeModel(QObject *parent = nullptr);
    ~LayerTreeModel() override;

    /// Shows \a project (not owned; null shows nothing). Resets the model.
    void setProject(Project *project);
    Project *project() const { return m_project; }
    /// Where view edits go as undo commands (not owned); without one they apply directly.
    void setUndoStack(QUndoStack *stack) { m_undo = stack; }
    QUndoStack *undoStack() const { return m_undo; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    /// The node of \a index: a group or layer node, the root for an invalid index, null for legend rows.
    LayerTreeNode *node(const QModelIndex &index) const;
    QModelIndex indexOf(const LayerTreeNode *node) const;
    QModelIndex indexOfLayer(const Layer *layer) const;
    /// The layer of a layer row or of one of its legend rows.
    std::shared_ptr<Layer> layer(const QModelIndex &index) const;
    /// The group a new layer goes into for a selection at \a index, and the row in it (above the layer).
    std::pair<LayerTreeNode *, int> insertionPoint(const QModelIndex &index) const;

    // ---- raw edits (undo commands call these) ----------------------------------------------------
    LayerTreeNode *insertNode(LayerTreeNode *parent, int row, std::unique_ptr<LayerTreeNode> node);
    std::unique_ptr<LayerTreeNode> takeNode(LayerTreeNode *node);
    /// Moves \a node under \a newParent to \a row (counted before the node is taken out).
    void moveNode(LayerTreeNode *node, LayerTreeNode *newParent, int row);
    void setNodeVisible(LayerTreeNode *node, bool visible);
    void setNodeName(LayerTreeNode *node, const QString &name);
    void setLayerOpacity(Layer *layer, double opacity);
    /// Rebuilds the legend rows and icon of \a layer after a style, label, load or source change.
    void refreshLayer(const Layer *layer);
    /// Marks \a layer as loading (shown in its tooltip and in italics).
    void setLayerBusy(const Layer *layer, bool busy);

    /// An icon of a legend entry (a swatch of its symbol, a ramp, …), \a size pixels square.
    static QImage legendSwatch(const LegendEntry &entry, int size);

Q_SIGNALS:
    /// Something that changes the drawn map: layers added, removed, moved, shown, hidden, restyled.
    void mapChanged();
    /// The user dropped files onto the tree: add them under \a parent at \a row.
    void filesDropped(const QStringList &paths, kw::LayerTreeNode *parent, int row);
    /// A layer's source changed and needs loading again.
    void layerNeedsReload(const std::shared_ptr<kw::Layer> &layer);

private:
    const QList<LegendEntry> &legend(const LayerTreeNode *node) const;
    QIcon legendIcon(const LayerTreeNode *node, int row) const;
    QIcon layerIcon(const LayerTreeNode *node) const;
    void forgetLegends(const LayerTreeNode *node);
    /// Legend rows shown under a layer (a single symbol is shown on the layer row itself).
    int legendRowCount(const LayerTreeNode *node) const;

    Project *m_project = nullptr;
    QUndoStack *m_undo = nullptr;
    QSet<const Layer *> m_busy;
    mutable QHash<const LayerTreeNode *, QList<LegendEntry>> m_legends;
    mutable QHash<const LayerTreeNode *, QList<QIcon>> m_icons;
};

} // namespace kw
