// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layers/layer.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <vector>

namespace kw {

/// \brief A node of the layer tree: a group with children or a layer. Top of the list = drawn last.
class LayerTreeNode
{
public:
    enum class Type { Group, Layer };

    static std::unique_ptr<LayerTreeNode> group(const QString &name);
    static std::unique_ptr<LayerTreeNode> layer(std::shared_ptr<Layer> layer);

    Type type() const { return m_type; }
    bool isGroup() const { return m_type == Type::Group; }
    QString name() const { return m_layer ? m_layer->name() : m_name; }
    void setName(const QString &n);
    bool isVisible() const { return m_layer ? m_layer->isVisible() : m_visible; }
    void setVisible(bool v);
    bool isExpanded() const { return m_expanded; }
    void setExpanded(bool e) { m_expanded = e; }
    const std::shared_ptr<Layer> &layer() const { return m_layer; }

    LayerTreeNode *parent() const { return m_parent; }
    int childCount() const { return int(m_children.size()); }
    LayerTreeNode *child(int i) const { return m_children[size_t(i)].get(); }
    int indexOf(const LayerTreeNode *child) const;
    /// Inserts \a node at \a index (clamped); returns it.
    LayerTreeNode *insertChild(int index, std::unique_ptr<LayerTreeNode> node);
    std::unique_ptr<LayerTreeNode> takeChild(int index);

    /// Layers below this node, top first, optionally only those whose node and ancestors are visible.
    QList<std::shared_ptr<Layer>> layers(bool visibleOnly = false) const;
    /// The node holding \a layer, or null.
    LayerTreeNode *findLayer(const Layer *layer);

    /// Keys of the file format this node does not know (written by a newer version): kept on save.
    QJsonObject &extra() { return m_extra; }
    const QJsonObject &extra() const { return m_extra; }

private:
    Type m_type = Type::Group;
    QString m_name;
    bool m_visible = true;
    bool m_expanded = true;
    std::shared_ptr<Layer> m_layer;
    LayerTreeNode *m_parent = nullptr;
    std::vector<std::unique_ptr<LayerTreeNode>> m_children;
    QJsonObject m_extra;
};

} // namespace kw
