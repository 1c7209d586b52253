// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/identify/identify_panel.h"

#include "app/identify/identify_results_model.h"
#include "app/project/project_controller.h"
#include "core/layers/vector_layer.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QTreeView>
#include <QVBoxLayout>

namespace kw {

IdentifyPanel::IdentifyPanel(ProjectController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_model(new IdentifyResultsModel(this)), m_view(new QTreeView(this)),
      m_summary(new QLabel(this))
{
    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_view->setAccessibleName(tr("Identify results"));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_summary->setText(tr("Click on the map with the identify tool (Ctrl+Shift+I)."));
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Identify summary"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);

    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &i) {
        const auto [layer, row] = m_model->feature(i);
        if (row >= 0)
            Q_EMIT zoomToFeatureRequested(layer, row);
    });
    connect(m_view, &QTreeView::customContextMenuRequested, this, [this](const QPoint &pos) {
        const auto [layer, row] = m_model->feature(m_view->indexAt(pos));
        if (row < 0)
            return;
        QMenu menu(this);
        menu.addAction(tr("&Zoom to Feature"), this, [this, layer = layer, row = row] { Q_EMIT zoomToFeatureRequested(layer, row); });
        menu.addAction(tr("&Select Feature"), this, [this, layer = layer, row = row] { Q_EMIT selectFeatureRequested(layer, row); });
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(controller, &ProjectController::projectReplaced, m_model, &IdentifyResultsModel::clear);
}

void IdentifyPanel::identify(const QPointF &point, double tolerance)
{
    QList<std::shared_ptr<Layer>> layers = m_controller->renderLayers();
    std::reverse(layers.begin(), layers.end()); // top first, as the layer tree lists them
    m_model->setResults(IdentifyResultsModel::identify(layers, point, tolerance, m_controller->crs()));
    int features = 0;
    for (const auto &r : m_model->results())
        features += r.store ? int(r.rows.size()) : 1;
    const QLocale locale;
    m_summary->setText(features == 0 ? tr("Nothing found at %1, %2.")
                                           .arg(locale.toString(point.x(), 'f', 1), locale.toString(point.y(), 'f', 1))
                                     : tr("%n feature(s) found.", nullptr, features));
    // One layer with one feature: show its attributes straight away.
    m_view->expandToDepth(features <= 3 ? 1 : 0);
}

} // namespace kw
