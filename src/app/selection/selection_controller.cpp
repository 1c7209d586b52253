// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/selection/selection_controller.h"

#include "app/canvas/map_canvas.h"
#include "app/dialogs/select_by_expression_dialog.h"
#include "app/project/project_controller.h"
#include "core/data/feature_query.h"
#include "core/layers/vector_layer.h"
#include "core/util/thread_pools.h"

#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

namespace kw {

SelectionController::SelectionController(ProjectController *project, MapCanvas *canvas, QObject *parent)
    : QObject(parent), m_project(project), m_canvas(canvas)
{
}

QList<std::shared_ptr<VectorLayer>> SelectionController::targetLayers() const
{
    const auto visible = m_project->visibleVectorLayers();
    if (auto current = m_current.lock()) {
        for (const auto &l : visible)
            if (l == current)
                return {current};
    }
    return visible;
}

namespace {
/// Drops rows the layer's filter hides: what is not drawn cannot be selected on the map.
void applyFilter(const VectorLayer &layer, std::vector<uint32_t> &rows)
{
    if (const auto mask = layer.filterMask())
        std::erase_if(rows, [&](uint32_t r) { return r >= mask->size() || !(*mask)[r]; });
}
} // namespace

void SelectionController::selectWith(const std::function<std::vector<uint32_t>(const FeatureStore &)> &query,
                                     FeatureSelection::Mode mode)
{
    for (const auto &l : targetLayers()) {
        const auto store = l->store();
        const int generation = ++m_generations[l->id()];
        const auto apply = [this, l, store, mode, generation](std::vector<uint32_t> rows) {
            if (m_generations.value(l->id()) != generation || l->store() != store)
                return; // a newer selection, or the layer was reloaded meanwhile
            applyFilter(*l, rows);
            m_project->selection()->select(l->id(), store->featureCount(), rows, mode);
            report();
        };
        if (store->featureCount() <= asyncThreshold) {
            apply(query(*store));
            continue;
        }
        // A rectangle over a million features is tested in a worker; the selection follows when it is known.
        auto *watcher = new QFutureWatcher<std::vector<uint32_t>>(this);
        connect(watcher, &QFutureWatcher<std::vector<uint32_t>>::finished, this, [watcher, apply] {
            watcher->deleteLater();
            apply(watcher->result());
        });
        watcher->setFuture(QtConcurrent::run(ThreadPools::background(), [query, store] {
            ThreadPools::lowerWorkerPriority();
            return query(*store);
        }));
    }
    if (targetLayers().isEmpty())
        report();
}

void SelectionController::selectInRectangle(const Envelope &box, FeatureSelection::Mode mode)
{
    selectWith([box](const FeatureStore &s) { return FeatureQuery::intersecting(s, box); }, mode);
}

void SelectionController::selectInPolygon(const std::vector<QPointF> &ring, FeatureSelection::Mode mode)
{
    selectWith([ring](const FeatureStore &s) { return FeatureQuery::intersecting(s, ring); }, mode);
}

Status SelectionController::selectByExpression(const std::shared_ptr<VectorLayer> &layer, const QString &expression,
                                               FeatureSelection::Mode mode, int *errorColumn)
{
    if (!layer || !layer->store())
        return Error::usage(tr("Choose a loaded vector layer first."));
    auto rows = FeatureQuery::matching(*layer->store(), expression, errorColumn);
    if (!rows.ok())
        return rows.error();
    m_project->selection()->select(layer->id(), layer->store()->featureCount(), *rows, mode);
    report();
    return {};
}

void SelectionController::clear()
{
    m_project->selection()->clearAll();
    report();
}

Envelope SelectionController::selectionExtent() const
{
    Envelope e;
    FeatureSelection *sel = m_project->selection();
    for (const QString &id : sel->layerIds()) {
        auto layer = std::dynamic_pointer_cast<VectorLayer>(m_project->layerById(id));
        if (!layer || !layer->store())
            continue;
        for (uint32_t r : sel->rows(id))
            e.include(layer->store()->featureEnvelope(r));
    }
    return e;
}

void SelectionController::zoomToSelection()
{
    const Envelope e = selectionExtent();
    if (e.isNull()) {
        Q_EMIT message(tr("Nothing is selected."), 3000);
        return;
    }
    m_canvas->zoomToExtent(e);
}

void SelectionController::zoomToFeature(const QString &layerId, qint64 row)
{
    auto layer = std::dynamic_pointer_cast<VectorLayer>(m_project->layerById(layerId));
    if (!layer || !layer->store() || row < 0 || size_t(row) >= layer->store()->featureCount())
        return;
    m_canvas->zoomToExtent(layer->store()->featureEnvelope(size_t(row)));
}

void SelectionController::selectFeature(const QString &layerId, qint64 row)
{
    auto layer = std::dynamic_pointer_cast<VectorLayer>(m_project->layerById(layerId));
    if (!layer || !layer->store() || row < 0)
        return;
    m_project->selection()->select(layerId, layer->store()->featureCount(), {uint32_t(row)});
    report();
}

void SelectionController::selectByExpressionDialog(QWidget *parent)
{
    auto layer = currentLayer();
    if (!layer) {
        const auto visible = m_project->visibleVectorLayers();
        if (visible.isEmpty()) {
            Q_EMIT message(tr("Add a vector layer first."), 5000);
            return;
        }
        layer = visible.front();
    }
    SelectByExpressionDialog dialog(
        layer,
        [this, layer](const QString &expression, FeatureSelection::Mode mode, int *column) {
            const Status st = selectByExpression(layer, expression, mode, column);
            return st.ok() ? QString() : st.error().message;
        },
        parent);
    dialog.exec();
}

void SelectionController::report()
{
    const size_t n = m_project->selection()->totalCount();
    Q_EMIT message(n == 0 ? tr("No features selected.") : tr("%Ln feature(s) selected.", nullptr, int(n)), 5000);
}

} // namespace kw
