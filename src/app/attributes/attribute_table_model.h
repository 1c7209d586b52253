// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/expression/expression.h"
#include "core/util/result.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace kw {

class AttributeTable;
class FeatureStore;

/// \brief The attributes of a vector layer as a table, read straight from its FeatureStore.
///
/// Nothing is copied: data() formats the cell it is asked for. Sorting and filtering produce a vector of
/// store rows (the view order), computed in a worker thread for big layers, so a million rows sort
/// without freezing the window. Without a sort or filter the view order is the store order.
class AttributeTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// Layers up to this size sort and filter synchronously (instant anyway, and deterministic).
    static constexpr size_t asyncThreshold = 20000;

    explicit AttributeTableModel(QObject *parent = nullptr);
    ~AttributeTableModel() override;

    void setLayer(const QString &layerId, std::shared_ptr<const FeatureStore> store);
    QString layerId() const { return m_layerId; }
    std::shared_ptr<const FeatureStore> store() const { return m_store; }

    /// Shows only features for which \a expression is true (empty: all). A syntax error or unknown field is
    /// returned with its 1-based column in \a errorColumn; the previous filter then stays.
    Status setFilter(const QString &expression, int *errorColumn = nullptr);
    QString filter() const { return m_filter.isValid() ? m_filter.text() : QString(); }
    /// Shows only rows set in \a mask (e.g. the selection; null: no such restriction), on top of the filter.
    void setRowMask(std::shared_ptr<const std::vector<uint8_t>> mask);
    void clearRowMask();
    bool hasRowMask() const { return m_rowMaskOn; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    /// True while a sort or filter runs in the background.
    bool isBusy() const { return m_busy; }

    /// The store row shown at \a viewRow.
    size_t featureRow(int viewRow) const;
    /// The view row of store row \a featureRow (-1 when filtered out).
    int viewRow(size_t featureRow) const;

    /// A cell as the UI shows it: numbers and dates in the user's locale, "NULL" for nulls.
    static QString displayText(const AttributeTable &table, size_t row, int col);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void busyChanged(bool busy);
    /// A new view order is in place (sorted, filtered or a new layer).
    void orderChanged();

private:
    void rebuild();
    void apply(std::shared_ptr<const std::vector<uint32_t>> order);

    QString m_layerId;
    std::shared_ptr<const FeatureStore> m_store;
    std::shared_ptr<const std::vector<uint32_t>> m_order; ///< null: store order
    mutable std::vector<int32_t> m_inverse;
    mutable bool m_inverseValid = false;
    Expression m_filter;
    std::shared_ptr<const std::vector<uint8_t>> m_rowMask;
    bool m_rowMaskOn = false;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_generation = 0;
    bool m_busy = false;
};

} // namespace kw
