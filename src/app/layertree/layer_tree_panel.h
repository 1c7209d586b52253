// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QSlider;
class QTreeView;

namespace kw {

class Layer;
class ProjectController;

/// \brief The layers dock: the layer tree (check boxes, drag to reorder, legends), an opacity slider for
/// the current layer and a context menu with the layer actions.
class LayerTreePanel : public QWidget
{
    Q_OBJECT
public:
    explicit LayerTreePanel(ProjectController *controller, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    /// The layer of the current row (or of the legend row's layer).
    std::shared_ptr<Layer> currentLayer() const;
    void addGroup();
    void removeSelected();
    void renameCurrent();
    /// Repoints the current layer at another file (for broken layers).
    void changeDataSource();

Q_SIGNALS:
    void currentLayerChanged(const std::shared_ptr<kw::Layer> &layer);
    void zoomToLayerRequested(const std::shared_ptr<kw::Layer> &layer);
    void addDataRequested();
    void showStyleRequested();
    void openAttributeTableRequested();

private:
    void updateOpacity();
    void showContextMenu(const QPoint &pos);

    ProjectController *m_controller;
    QTreeView *m_view;
    QSlider *m_opacity;
    QLabel *m_opacityLabel;
};

} // namespace kw
