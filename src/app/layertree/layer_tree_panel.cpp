// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/layertree/layer_tree_panel.h"

#include "app/project/project_controller.h"
#include "core/layers/layer.h"
#include "core/project/layer_tree_model.h"
#include "core/project/project_commands.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QShortcut>
#include <QSlider>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace kw {

LayerTreePanel::LayerTreePanel(ProjectController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_view(new QTreeView(this)), m_opacity(new QSlider(Qt::Horizontal, this)),
      m_opacityLabel(new QLabel(this))
{
    LayerTreeModel *model = controller->layerTreeModel();
    m_view->setModel(model);
    m_view->setHeaderHidden(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAccessibleName(tr("Layers"));
    m_view->setAccessibleDescription(tr("Space toggles visibility, F2 renames, Delete removes."));
    m_view->expandAll();

    m_opacity->setRange(0, 100);
    m_opacity->setAccessibleName(tr("Layer opacity"));
    m_opacity->setToolTip(tr("Opacity of the current layer"));
    auto *opacityLabel = new QLabel(tr("&Opacity:"), this);
    opacityLabel->setBuddy(m_opacity);
    m_opacityLabel->setMinimumWidth(m_opacityLabel->fontMetrics().horizontalAdvance(QStringLiteral("100 %")));
    auto *row = new QHBoxLayout;
    row->addWidget(opacityLabel);
    row->addWidget(m_opacity, 1);
    row->addWidget(m_opacityLabel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_view, 1);
    layout->addLayout(row);
    setFocusProxy(m_view);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateOpacity();
        Q_EMIT currentLayerChanged(currentLayer());
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->expandAll();
        updateOpacity();
        Q_EMIT currentLayerChanged(currentLayer());
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int last) {
        m_view->expand(parent);
        for (int r = first; r <= last; ++r)
            m_view->expand(m_view->model()->index(r, 0, parent));
        // A newly added layer becomes current, as in QGIS (legend rows appearing do not count).
        const QModelIndex added = m_view->model()->index(first, 0, parent);
        if (!m_view->currentIndex().isValid() && m_controller->layerTreeModel()->node(added))
            m_view->setCurrentIndex(added);
    });
    connect(model, &QAbstractItemModel::dataChanged, this, [this] { updateOpacity(); });
    connect(m_opacity, &QSlider::valueChanged, this, [this, model](int v) {
        m_opacityLabel->setText(tr("%1 %").arg(QLocale().toString(v)));
        auto layer = currentLayer();
        if (!layer || qRound(layer->opacity() * 100) == v)
            return;
        // Each step is an undo command; SetOpacityCommand::mergeWith folds one drag into one step.
        model->setData(model->indexOfLayer(layer.get()), v / 100.0, LayerTreeModel::OpacityRole);
    });
    connect(m_view, &QTreeView::customContextMenuRequested, this, &LayerTreePanel::showContextMenu);
    // Delete removes the selected layers while the tree has the focus (not while a name is being edited).
    new QShortcut(QKeySequence::Delete, m_view, this, &LayerTreePanel::removeSelected, Qt::WidgetShortcut);
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &i) {
        if (m_controller->layerTreeModel()->node(i) == nullptr) // a legend row
            Q_EMIT showStyleRequested();
    });
    updateOpacity();
}

std::shared_ptr<Layer> LayerTreePanel::currentLayer() const
{
    return m_controller->layerTreeModel()->layer(m_view->currentIndex());
}

void LayerTreePanel::updateOpacity()
{
    auto layer = currentLayer();
    m_opacity->setEnabled(bool(layer));
    const int v = layer ? qRound(layer->opacity() * 100) : 100;
    if (m_opacity->value() != v) {
        const QSignalBlocker block(m_opacity);
        m_opacity->setValue(v);
    }
    m_opacityLabel->setText(tr("%1 %").arg(QLocale().toString(v)));
}

void LayerTreePanel::addGroup()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add Group"), tr("Group name:"), QLineEdit::Normal,
                                               tr("Group"), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    LayerTreeModel *model = m_controller->layerTreeModel();
    auto [parent, row] = model->insertionPoint(m_view->currentIndex());
    std::vector<std::unique_ptr<LayerTreeNode>> nodes;
    nodes.push_back(LayerTreeNode::group(name.trimmed()));
    m_controller->undoStack()->push(
        new AddNodesCommand(model, parent, row, std::move(nodes), tr("Add group %1").arg(name.trimmed())));
}

void LayerTreePanel::removeSelected()
{
    LayerTreeModel *model = m_controller->layerTreeModel();
    std::vector<LayerTreeNode *> nodes;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        if (LayerTreeNode *n = model->node(i); n && i.isValid())
            nodes.push_back(n);
    // Children of a selected group go with it.
    std::erase_if(nodes, [&](LayerTreeNode *n) {
        for (LayerTreeNode *a = n->parent(); a; a = a->parent())
            if (std::find(nodes.begin(), nodes.end(), a) != nodes.end())
                return true;
        return false;
    });
    if (!nodes.empty())
        m_controller->undoStack()->push(new RemoveNodesCommand(model, nodes));
}

void LayerTreePanel::renameCurrent()
{
    if (m_view->currentIndex().isValid())
        m_view->edit(m_view->currentIndex());
}

void LayerTreePanel::changeDataSource()
{
    LayerTreeModel *model = m_controller->layerTreeModel();
    LayerTreeNode *n = model->node(m_view->currentIndex());
    if (!n || !n->layer())
        return;
    const SourceUri old = n->layer()->source();
    const QString path = QFileDialog::getOpenFileName(this, tr("Change Data Source of %1").arg(n->name()),
                                                      QFileInfo(old.path).absolutePath(),
                                                      tr("All files (*)"));
    if (path.isEmpty())
        return;
    SourceUri uri = old;
    uri.path = path;
    m_controller->undoStack()->push(new SetSourceCommand(model, n, uri));
}

void LayerTreePanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    LayerTreeModel *model = m_controller->layerTreeModel();
    QMenu menu(this);
    auto layer = model->layer(index);
    if (layer) {
        menu.addAction(tr("&Zoom to Layer"), this, [this, layer] { Q_EMIT zoomToLayerRequested(layer); });
        menu.addAction(tr("Open &Attribute Table"), this, &LayerTreePanel::openAttributeTableRequested);
        menu.addAction(tr("&Style…"), this, &LayerTreePanel::showStyleRequested);
        if (!layer->error().isEmpty())
            menu.addAction(tr("Change &Data Source…"), this, &LayerTreePanel::changeDataSource);
        menu.addSeparator();
    }
    if (index.isValid() && model->node(index)) {
        menu.addAction(tr("Re&name"), this, &LayerTreePanel::renameCurrent);
        menu.addAction(tr("&Remove"), this, &LayerTreePanel::removeSelected);
        menu.addSeparator();
    }
    menu.addAction(tr("Add &Group…"), this, &LayerTreePanel::addGroup);
    menu.addAction(tr("Add &Data…"), this, &LayerTreePanel::addDataRequested);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace kw
