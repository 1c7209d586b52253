// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/layer_tree.h"

namespace kw {

std::unique_ptr<LayerTreeNode> LayerTreeNode::group(const QString &name)
{
    auto n = std::make_unique<LayerTreeNode>();
    n->m_type = Type::Group;
    n->m_name = name;
    return n;
}

std::unique_ptr<LayerTreeNode> LayerTreeNode::layer(std::shared_ptr<Layer> layer)
{
    auto n = std::make_unique<LayerTreeNode>();
    n->m_type = Type::Layer;
    n->m_layer = std::move(layer);
    return n;
}

void LayerTreeNode::setName(const QString &n)
{
    if (m_layer)
        m_layer->setName(n);
    else
        m_name = n;
}

void LayerTreeNode::setVisible(bool v)
{
    if (m_layer)
        m_layer->setVisible(v);
    else
        m_visible = v;
}

int LayerTreeNode::indexOf(const LayerTreeNode *child) const
{
    for (size_t i = 0; i < m_children.size(); ++i)
        if (m_children[i].get() == child)
            return int(i);
    return -1;
}

LayerTreeNode *LayerTreeNode::insertChild(int index, std::unique_ptr<LayerTreeNode> node)
{
    index = std::clamp(index, 0, childCount());
    node->m_parent = this;
    auto *raw = node.get();
    m_children.insert(m_children.begin() + index, std::move(node));
    return raw;
}

std::unique_ptr<LayerTreeNode> LayerTreeNode::takeChild(int index)
{
    auto node = std::move(m_children[size_t(index)]);
    m_children.erase(m_children.begin() + index);
    node->m_parent = nullptr;
    return node;
}

QList<std::shared_ptr<Layer>> LayerTreeNode::layers(bool visibleOnly) const
{
    QList<std::shared_ptr<Layer>> out;
    if (visibleOnly && !isVisible())
        return out;
    if (m_layer) {
        out.append(m_layer);
        return out;
    }
    for (const auto &c : m_children)
        out += c->layers(visibleOnly);
    return out;
}

LayerTreeNode *LayerTreeNode::findLayer(const Layer *layer)
{
    if (m_layer.get() == layer)
        return this;
    for (const auto &c : m_children)
        if (LayerTreeNode *n = c->findLayer(layer))
            return n;
    return nullptr;
}

} // namespace kw
