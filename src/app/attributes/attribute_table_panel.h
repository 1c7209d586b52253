// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <memory>

class QItemSelection;
class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;

namespace kw {

class AttributeTableModel;
class FeatureSelection;
class VectorLayer;

/// \brief The attribute table dock: the current layer's features, an expression filter, and a row
/// selection that is the map's selection (both ways).
class AttributeTablePanel : public QWidget
{
    Q_OBJECT
public:
    AttributeTablePanel(FeatureSelection *selection, QWidget *parent = nullptr);

    void setLayer(const std::shared_ptr<VectorLayer> &layer);
    std::shared_ptr<VectorLayer> layer() const { return m_layer.lock(); }
    AttributeTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    /// "Show selected only": the table lists just the selected features.
    QToolButton *selectedOnlyButton() const { return m_selectedOnly; }
    /// Applies the filter line's expression; shows an error at its column when it does not parse.
    bool applyFilter();

Q_SIGNALS:
    void zoomToFeatureRequested(const QString &layerId, qint64 row);
    void zoomToSelectionRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void applyLayer();
    void viewSelectionChanged();
    void syncFromSelection();

    FeatureSelection *m_selection;
    std::weak_ptr<VectorLayer> m_layer;
    AttributeTableModel *m_model;
    QTableView *m_view;
    QLineEdit *m_filter;
    QLabel *m_title;
    QLabel *m_error;
    QLabel *m_count;
    QToolButton *m_selectedOnly;
    bool m_syncing = false;
    /// A layer or selection change waits until the table is shown: a hidden table of a million rows
    /// should cost nothing.
    bool m_layerStale = false;
    bool m_selectionStale = false;
};

} // namespace kw
