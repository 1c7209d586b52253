// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/feature_selection.h"
#include "core/geometry/envelope.h"
#include "core/util/result.h"

#include <QHash>
#include <QObject>
#include <QPointF>

class QWidget;

#include <functional>
#include <memory>
#include <vector>

namespace kw {

class FeatureStore;
class MapCanvas;
class ProjectController;
class VectorLayer;

/// \brief Applies the selection tools to layers: the current vector layer of the layer tree, or every
/// visible vector layer when none is current (so a first click just works). Zooms to selections and features.
class SelectionController : public QObject
{
    Q_OBJECT
public:
    SelectionController(ProjectController *project, MapCanvas *canvas, QObject *parent = nullptr);

    void setCurrentLayer(const std::shared_ptr<VectorLayer> &layer) { m_current = layer; }
    std::shared_ptr<VectorLayer> currentLayer() const { return m_current.lock(); }
    /// The layers the tools select in.
    QList<std::shared_ptr<VectorLayer>> targetLayers() const;

    /// Layers up to this size are queried at once; bigger ones in a worker.
    static constexpr size_t asyncThreshold = 100000;

    void selectInRectangle(const Envelope &box, FeatureSelection::Mode mode);
    void selectInPolygon(const std::vector<QPointF> &ring, FeatureSelection::Mode mode);
    /// Selects the features of \a layer matching \a expression; \a errorColumn gets the column of a syntax error.
    Status selectByExpression(const std::shared_ptr<VectorLayer> &layer, const QString &expression,
                              FeatureSelection::Mode mode, int *errorColumn = nullptr);
    void clear();
    /// The extent of every selected feature (null when nothing is selected).
    Envelope selectionExtent() const;
    void zoomToSelection();
    void zoomToFeature(const QString &layerId, qint64 row);
    void selectFeature(const QString &layerId, qint64 row);
    /// Asks for an expression (for the current layer, else the top visible vector layer) and selects with it.
    void selectByExpressionDialog(QWidget *parent);

Q_SIGNALS:
    void message(const QString &text, int timeoutMs);

private:
    void report();
    void selectWith(const std::function<std::vector<uint32_t>(const FeatureStore &)> &query, FeatureSelection::Mode mode);

    ProjectController *m_project;
    MapCanvas *m_canvas;
    std::weak_ptr<VectorLayer> m_current;
    QHash<QString, int> m_generations; ///< per layer, so only the latest selection lands
};

} // namespace kw
