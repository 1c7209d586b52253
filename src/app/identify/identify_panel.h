// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QTreeView;

namespace kw {

class IdentifyResultsModel;
class ProjectController;

/// \brief The identify results dock: layer → feature → field/value for the last click on the map.
class IdentifyPanel : public QWidget
{
    Q_OBJECT
public:
    explicit IdentifyPanel(ProjectController *controller, QWidget *parent = nullptr);

    IdentifyResultsModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

public Q_SLOTS:
    /// Lists the features at \a point (map CRS) in every visible layer.
    void identify(const QPointF &point, double tolerance);

Q_SIGNALS:
    /// The user asked to zoom to or select a listed feature.
    void zoomToFeatureRequested(const QString &layerId, qint64 row);
    void selectFeatureRequested(const QString &layerId, qint64 row);

private:
    ProjectController *m_controller;
    IdentifyResultsModel *m_model;
    QTreeView *m_view;
    QLabel *m_summary;
};

} // namespace kw
