// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/attributes/attribute_table_panel.h"

#include "app/attributes/attribute_table_model.h"
#include "core/data/feature_selection.h"
#include "core/layers/vector_layer.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace kw {

AttributeTablePanel::AttributeTablePanel(FeatureSelection *selection, QWidget *parent)
    : QWidget(parent), m_selection(selection), m_model(new AttributeTableModel(this)), m_view(new QTableView(this)),
      m_filter(new QLineEdit(this)), m_title(new QLabel(this)), m_error(new QLabel(this)), m_count(new QLabel(this)),
      m_selectedOnly(new QToolButton(this))
{
    m_filter->setPlaceholderText(tr("Filter expression, e.g. \"NAME\" LIKE 'W%' — Enter applies"));
    m_filter->setAccessibleName(tr("Attribute filter expression"));
    m_filter->setClearButtonEnabled(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00000"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_error->setAccessibleName(tr("Filter error"));
    m_title->setAccessibleName(tr("Attribute table layer"));
    m_count->setAccessibleName(tr("Feature count"));

    auto *zoomSel = new QToolButton(this);
    zoomSel->setText(tr("Zoom to Selection"));
    zoomSel->setAccessibleName(tr("Zoom to selection"));
    auto *clearSel = new QToolButton(this);
    clearSel->setText(tr("Clear Selection"));
    clearSel->setAccessibleName(tr("Clear selection"));
    m_selectedOnly->setText(tr("Selected Only"));
    m_selectedOnly->setCheckable(true);
    m_selectedOnly->setAccessibleName(tr("Show selected features only"));
    m_selectedOnly->setToolTip(tr("List only the selected features"));
    connect(m_selectedOnly, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            m_model->setRowMask(m_selection->mask(m_model->layerId()));
        else
            m_model->clearRowMask();
    });
    connect(zoomSel, &QToolButton::clicked, this, &AttributeTablePanel::zoomToSelectionRequested);
    connect(clearSel, &QToolButton::clicked, this, [this] {
        if (auto l = m_layer.lock())
            m_selection->clear(l->id());
    });

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->horizontalHeader()->setSectionsMovable(true);
    // Fixed row heights: a million rows must not be measured.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setAccessibleName(tr("Attribute table"));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);

    auto *top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addWidget(m_filter, 1);
    top->addWidget(m_selectedOnly);
    top->addWidget(zoomSel);
    top->addWidget(clearSel);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);

    connect(m_filter, &QLineEdit::returnPressed, this, &AttributeTablePanel::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &t) {
        if (t.isEmpty())
            applyFilter();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AttributeTablePanel::viewSelectionChanged);
    connect(m_selection, &FeatureSelection::changed, this, [this](const QString &id) {
        if (id != m_model->layerId())
            return;
        if (m_selectedOnly->isChecked() && !m_syncing)
            m_model->setRowMask(m_selection->mask(id)); // the new order syncs the view selection
        else
            syncFromSelection();
    });
    connect(m_model, &AttributeTableModel::orderChanged, this, [this] {
        syncFromSelection();
        const auto store = m_model->store();
        m_count->setText(store ? tr("%1 of %2").arg(QLocale().toString(m_model->rowCount()),
                                                    QLocale().toString(qulonglong(store->featureCount())))
                               : QString());
    });
    connect(m_model, &AttributeTableModel::busyChanged, this, [this](bool busy) {
        m_count->setText(busy ? tr("Sorting…") : m_count->text());
    });
    // Enter or a double click (what "activated" means on each platform) zooms to the feature.
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &i) {
        Q_EMIT zoomToFeatureRequested(m_model->layerId(), qint64(m_model->featureRow(i.row())));
    });
    connect(m_view, &QTableView::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex i = m_view->indexAt(pos);
        if (!i.isValid())
            return;
        QMenu menu(this);
        const qint64 row = qint64(m_model->featureRow(i.row()));
        menu.addAction(tr("&Zoom to Feature"), this, [this, row] { Q_EMIT zoomToFeatureRequested(m_model->layerId(), row); });
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    setLayer(nullptr);
}

void AttributeTablePanel::setLayer(const std::shared_ptr<VectorLayer> &layer)
{
    m_layer = layer;
    if (!isVisible()) {
        m_layerStale = true;
        return;
    }
    applyLayer();
}

void AttributeTablePanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_layerStale)
        applyLayer(); // syncs the selection too, once the new order is in place
    else if (m_selectionStale)
        syncFromSelection();
}

void AttributeTablePanel::applyLayer()
{
    m_layerStale = false;
    const auto layer = m_layer.lock();
    m_title->setText(layer ? QStringLiteral("<b>%1</b>").arg(layer->name().toHtmlEscaped()) : tr("No vector layer selected"));
    m_error->hide();
    m_filter->blockSignals(true);
    m_filter->clear();
    m_filter->blockSignals(false);
    m_filter->setEnabled(layer && layer->store());
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    {
        const QSignalBlocker block(m_selectedOnly);
        m_selectedOnly->setChecked(false);
    }
    m_model->setLayer(layer ? layer->id() : QString(), layer ? layer->store() : nullptr);
}

bool AttributeTablePanel::applyFilter()
{
    int column = 0;
    const Status st = m_model->setFilter(m_filter->text(), &column);
    if (st.ok()) {
        m_error->hide();
        return true;
    }
    // Point at the error: the caret goes to the column the parser names.
    m_error->setText(st.error().message);
    m_error->show();
    if (column > 0) {
        m_filter->setFocus();
        m_filter->setCursorPosition(column - 1);
    }
    return false;
}

void AttributeTablePanel::viewSelectionChanged()
{
    if (m_syncing || m_model->layerId().isEmpty() || !m_model->store())
        return;
    std::vector<uint32_t> rows;
    for (const QItemSelectionRange &r : m_view->selectionModel()->selection())
        for (int i = r.top(); i <= r.bottom(); ++i)
            rows.push_back(uint32_t(m_model->featureRow(i)));
    m_syncing = true;
    m_selection->select(m_model->layerId(), m_model->store()->featureCount(), rows);
    m_syncing = false;
}

void AttributeTablePanel::syncFromSelection()
{
    if (m_syncing || !m_model->store())
        return;
    if (!isVisible()) {
        m_selectionStale = true;
        return;
    }
    m_selectionStale = false;
    // Walk the view rows in order against the selection mask: contiguous runs become one range each, so a
    // big block is one range, not a million, and nothing needs sorting.
    QItemSelection sel;
    const auto mask = m_selection->mask(m_model->layerId());
    const int rows = m_model->rowCount();
    const int lastColumn = std::max(0, m_model->columnCount() - 1);
    int first = -1;
    for (int v = 0; mask && v <= rows; ++v) {
        const bool selected = v < rows && (*mask)[m_model->featureRow(v)];
        if (selected && first < 0)
            first = v;
        if (!selected && first >= 0) {
            sel.append(QItemSelectionRange(m_model->index(first, 0), m_model->index(v - 1, lastColumn)));
            first = -1;
        }
    }
    m_syncing = true;
    m_view->selectionModel()->select(sel, QItemSelectionModel::ClearAndSelect);
    if (!sel.isEmpty())
        m_view->scrollTo(sel.front().topLeft());
    m_syncing = false;
}

} // namespace kw
