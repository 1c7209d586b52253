// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/project_commands.h"

#include "core/layers/vector_layer.h"
#include "core/project/layer_tree_model.h"

#include <QCoreApplication>

#include <algorithm>

namespace kw {

// ---- AddNodesCommand ------------------------------------------------------------------------------

AddNodesCommand::AddNodesCommand(LayerTreeModel *model, LayerTreeNode *parent, int row,
                                 std::vector<std::unique_ptr<LayerTreeNode>> nodes, const QString &text)
    : QUndoCommand(text), m_model(model), m_parent(parent), m_row(row), m_owned(std::move(nodes))
{
    for (const auto &n : m_owned)
        m_raw.push_back(n.get());
}

void AddNodesCommand::redo()
{
    int row = std::clamp(m_row, 0, m_parent->childCount());
    for (auto &n : m_owned)
        m_model->insertNode(m_parent, row++, std::move(n));
    m_owned.clear();
}

void AddNodesCommand::undo()
{
    m_owned.clear();
    for (LayerTreeNode *n : m_raw)
        m_owned.push_back(m_model->takeNode(n));
}

// ---- RemoveNodesCommand ---------------------------------------------------------------------------

RemoveNodesCommand::RemoveNodesCommand(LayerTreeModel *model, std::vector<LayerTreeNode *> nodes)
    : m_model(model)
{
    for (LayerTreeNode *n : nodes)
        m_removed.push_back(Removed{n, nullptr, 0, nullptr});
    setText(nodes.size() == 1 ? QCoreApplication::translate("kw::ProjectCommands", "Remove %1").arg(nodes.front()->name())
                              : QCoreApplication::translate("kw::ProjectCommands", "Remove %1 layers").arg(nodes.size()));
}

void RemoveNodesCommand::redo()
{
    for (Removed &r : m_removed) {
        r.parent = r.node->parent();
        r.row = r.parent->indexOf(r.node);
        r.owned = m_model->takeNode(r.node);
    }
}

void RemoveNodesCommand::undo()
{
    for (auto it = m_removed.rbegin(); it != m_removed.rend(); ++it)
        m_model->insertNode(it->parent, it->row, std::move(it->owned));
}

// ---- MoveNodesCommand -----------------------------------------------------------------------------

MoveNodesCommand::MoveNodesCommand(LayerTreeModel *model, std::vector<LayerTreeNode *> nodes, LayerTreeNode *parent,
                                   int row)
    : m_model(model), m_nodes(std::move(nodes)), m_parent(parent), m_row(row)
{
    setText(m_nodes.size() == 1 ? QCoreApplication::translate("kw::ProjectCommands", "Move %1").arg(m_nodes.front()->name())
                                : QCoreApplication::translate("kw::ProjectCommands", "Move %1 layers").arg(m_nodes.size()));
}

void MoveNodesCommand::redo()
{
    m_before.clear();
    for (LayerTreeNode *n : m_nodes)
        m_before.push_back({n, n->parent(), n->parent()->indexOf(n)});
    if (m_nodes.size() == 1) {
        m_model->moveNode(m_nodes.front(), m_parent, m_row);
        return;
    }
    // Several nodes: take them all out, then insert them together before the first sibling that stays.
    LayerTreeNode *anchor = nullptr;
    for (int i = std::max(0, m_row); i < m_parent->childCount() && !anchor; ++i)
        if (std::find(m_nodes.begin(), m_nodes.end(), m_parent->child(i)) == m_nodes.end())
            anchor = m_parent->child(i);
    std::vector<std::unique_ptr<LayerTreeNode>> taken;
    for (LayerTreeNode *n : m_nodes)
        taken.push_back(m_model->takeNode(n));
    int row = anchor ? m_parent->indexOf(anchor) : m_parent->childCount();
    for (auto &n : taken)
        m_model->insertNode(m_parent, row++, std::move(n));
}

void MoveNodesCommand::undo()
{
    if (m_nodes.size() == 1) {
        const Place &p = m_before.front();
        const int now = p.node->parent() == p.parent ? p.parent->indexOf(p.node) : -1;
        m_model->moveNode(p.node, p.parent, now >= 0 && now < p.row ? p.row + 1 : p.row);
        return;
    }
    // Take every moved node out, then put each back at its old row, lowest rows first: the nodes that
    // stayed are in their old order, so this rebuilds the old tree exactly.
    std::vector<std::pair<Place, std::unique_ptr<LayerTreeNode>>> taken;
    for (const Place &p : m_before)
        taken.emplace_back(p, m_model->takeNode(p.node));
    std::stable_sort(taken.begin(), taken.end(), [](const auto &a, const auto &b) { return a.first.row < b.first.row; });
    for (auto &[place, node] : taken)
        m_model->insertNode(place.parent, place.row, std::move(node));
}

// ---- RenameNodeCommand ----------------------------------------------------------------------------

RenameNodeCommand::RenameNodeCommand(LayerTreeModel *model, LayerTreeNode *node, const QString &name)
    : m_model(model), m_node(node), m_old(node->name()), m_new(name)
{
    setText(QCoreApplication::translate("kw::ProjectCommands", "Rename %1 to %2").arg(m_old, m_new));
}

void RenameNodeCommand::redo()
{
    m_model->setNodeName(m_node, m_new);
}

void RenameNodeCommand::undo()
{
    m_model->setNodeName(m_node, m_old);
}

// ---- SetVisibilityCommand -------------------------------------------------------------------------

SetVisibilityCommand::SetVisibilityCommand(LayerTreeModel *model, LayerTreeNode *node, bool visible)
    : m_model(model), m_node(node), m_visible(visible)
{
    setText(visible ? QCoreApplication::translate("kw::ProjectCommands", "Show %1").arg(node->name()) : QCoreApplication::translate("kw::ProjectCommands", "Hide %1").arg(node->name()));
}

void SetVisibilityCommand::redo()
{
    m_model->setNodeVisible(m_node, m_visible);
}

void SetVisibilityCommand::undo()
{
    m_model->setNodeVisible(m_node, !m_visible);
}

// ---- SetOpacityCommand ----------------------------------------------------------------------------

SetOpacityCommand::SetOpacityCommand(LayerTreeModel *model, Layer *layer, double opacity)
    : m_model(model), m_layer(layer), m_old(layer->opacity()), m_new(opacity)
{
    setText(QCoreApplication::translate("kw::ProjectCommands", "Change opacity of %1").arg(layer->name()));
}

void SetOpacityCommand::redo()
{
    m_model->setLayerOpacity(m_layer, m_new);
}

void SetOpacityCommand::undo()
{
    m_model->setLayerOpacity(m_layer, m_old);
}

bool SetOpacityCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetOpacityCommand *>(other);
    if (o->m_layer != m_layer)
        return false;
    m_new = o->m_new;
    return true;
}

// ---- SetRendererCommand ---------------------------------------------------------------------------

SetRendererCommand::SetRendererCommand(LayerTreeModel *model, VectorLayer *layer,
                                       std::unique_ptr<FeatureRenderer> renderer, const QString &mergeKey)
    : m_model(model), m_layer(layer), m_old(layer->renderer().clone()), m_new(std::move(renderer)), m_key(mergeKey)
{
    setText(QCoreApplication::translate("kw::ProjectCommands", "Change style of %1").arg(layer->name()));
}

void SetRendererCommand::redo()
{
    m_layer->setRenderer(m_new->clone());
    m_model->refreshLayer(m_layer);
}

void SetRendererCommand::undo()
{
    m_layer->setRenderer(m_old->clone());
    m_model->refreshLayer(m_layer);
}

bool SetRendererCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetRendererCommand *>(other);
    if (o->m_layer != m_layer || o->m_key != m_key)
        return false;
    m_new = o->m_new->clone();
    return true;
}

// ---- SetLabelsCommand -----------------------------------------------------------------------------

SetLabelsCommand::SetLabelsCommand(LayerTreeModel *model, VectorLayer *layer, const LabelSettings &labels,
                                   const QString &mergeKey)
    : m_model(model), m_layer(layer), m_old(layer->labels()), m_new(labels), m_key(mergeKey)
{
    setText(QCoreApplication::translate("kw::ProjectCommands", "Change labels of %1").arg(layer->name()));
}

void SetLabelsCommand::redo()
{
    m_layer->setLabels(m_new);
    m_model->refreshLayer(m_layer);
}

void SetLabelsCommand::undo()
{
    m_layer->setLabels(m_old);
    m_model->refreshLayer(m_layer);
}

bool SetLabelsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetLabelsCommand *>(other);
    if (o->m_layer != m_layer || o->m_key != m_key)
        return false;
    m_new = o->m_new;
    return true;
}

// ---- SetSourceCommand -----------------------------------------------------------------------------

SetSourceCommand::SetSourceCommand(LayerTreeModel *model, LayerTreeNode *node, const SourceUri &source)
    : m_model(model), m_node(node), m_old(node->layer()->source()), m_new(source)
{
    setText(QCoreApplication::translate("kw::ProjectCommands", "Change data source of %1").arg(node->name()));
}

void SetSourceCommand::apply(const SourceUri &s)
{
    m_node->layer()->setSource(s);
    m_model->refreshLayer(m_node->layer().get());
    Q_EMIT m_model->layerNeedsReload(m_node->layer());
}

void SetSourceCommand::redo()
{
    apply(m_new);
}

void SetSourceCommand::undo()
{
    apply(m_old);
}

// ---- SetCrsCommand --------------------------------------------------------------------------------

SetCrsCommand::SetCrsCommand(const Crs &oldCrs, const Crs &newCrs, std::function<void(const Crs &)> apply)
    : m_old(oldCrs), m_new(newCrs), m_apply(std::move(apply))
{
    setText(QCoreApplication::translate("kw::ProjectCommands", "Change map CRS to %1").arg(newCrs.description()));
}

} // namespace kw
