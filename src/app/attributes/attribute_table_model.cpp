// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/attributes/attribute_table_model.h"

#include "core/data/feature_store.h"
#include "core/util/thread_pools.h"

#include <QCollator>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <numeric>

namespace kw {

namespace {

using Order = std::vector<uint32_t>;

/// The view order: rows passing \a filter, sorted by \a column. Runs in a worker for big layers.
std::shared_ptr<const Order> computeOrder(std::shared_ptr<const FeatureStore> store, Expression filter, int column,
                                          Qt::SortOrder sortOrder, std::shared_ptr<const std::vector<uint8_t>> rowMask,
                                          bool rowMaskOn)
{
    ThreadPools::lowerWorkerPriority();
    auto order = std::make_shared<Order>();
    const size_t n = store->featureCount();
    const AttributeTable &t = store->attributes();
    const auto masked = [&](size_t f) { return rowMaskOn && (!rowMask || f >= rowMask->size() || !(*rowMask)[f]); };
    if (filter.isValid() || rowMaskOn) {
        ExpressionContext context(&t);
        for (size_t f = 0; f < n; ++f) {
            if (masked(f))
                continue;
            if (!filter.isValid()) {
                order->push_back(uint32_t(f));
                continue;
            }
            context.setRow(f);
            context.setFeatureId(store->fid(f));
            if (filter.evaluateBool(context))
                order->push_back(uint32_t(f));
        }
    } else {
        order->resize(n);
        std::iota(order->begin(), order->end(), 0u);
    }
    if (column < 0 || column >= t.columnCount())
        return order;
    const uint8_t *valid = t.validData(column);
    const bool desc = sortOrder == Qt::DescendingOrder;
    // Nulls go last in either direction, as in QGIS.
    auto sortBy = [&](auto less) {
        std::stable_sort(order->begin(), order->end(), [&](uint32_t a, uint32_t b) {
            const bool va = !valid || valid[a], vb = !valid || valid[b];
            if (va != vb)
                return va;
            if (!va)
                return false;
            return desc ? less(b, a) : less(a, b);
        });
    };
    if (const int64_t *v = t.intData(column))
        sortBy([v](uint32_t a, uint32_t b) { return v[a] < v[b]; });
    else if (const double *d = t.doubleData(column))
        sortBy([d](uint32_t a, uint32_t b) { return d[a] < d[b]; });
    else if (const uint8_t *bo = t.boolData(column))
        sortBy([bo](uint32_t a, uint32_t b) { return bo[a] < bo[b]; });
    else if (const QString *s = t.stringData(column)) {
        // Locale-aware with numbers in numeric order ("Haus 2" before "Haus 10"), umlauts where readers expect them.
        QCollator collator;
        collator.setNumericMode(true);
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        sortBy([s, &collator](uint32_t a, uint32_t b) { return collator.compare(s[a], s[b]) < 0; });
    }
    return order;
}

} // namespace

AttributeTableModel::AttributeTableModel(QObject *parent) : QAbstractTableModel(parent) {}

AttributeTableModel::~AttributeTableModel() = default;

void AttributeTableModel::setLayer(const QString &layerId, std::shared_ptr<const FeatureStore> store)
{
    beginResetModel();
    m_layerId = layerId;
    m_store = std::move(store);
    m_order.reset();
    m_inverseValid = false;
    m_filter = Expression();
    m_rowMask.reset();
    m_rowMaskOn = false;
    m_sortColumn = -1;
    ++m_generation; // results of work for the previous layer are dropped
    if (m_busy) {
        m_busy = false;
        Q_EMIT busyChanged(false);
    }
    endResetModel();
    Q_EMIT orderChanged();
}

Status AttributeTableModel::setFilter(const QString &expression, int *errorColumn)
{
    if (errorColumn)
        *errorColumn = 0;
    if (expression.trimmed().isEmpty()) {
        m_filter = Expression();
        rebuild();
        return {};
    }
    auto e = Expression::parse(expression, errorColumn);
    if (!e.ok())
        return e.error();
    if (m_store) {
        if (Status st = e->prepare(m_store->fields()); !st.ok())
            return st;
    }
    m_filter = *e;
    rebuild();
    return {};
}

void AttributeTableModel::setRowMask(std::shared_ptr<const std::vector<uint8_t>> mask)
{
    m_rowMask = std::move(mask);
    m_rowMaskOn = true;
    rebuild();
}

void AttributeTableModel::clearRowMask()
{
    if (!m_rowMaskOn)
        return;
    m_rowMask.reset();
    m_rowMaskOn = false;
    rebuild();
}

void AttributeTableModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    rebuild();
}

void AttributeTableModel::rebuild()
{
    const int generation = ++m_generation;
    if (!m_store)
        return;
    if (!m_filter.isValid() && m_sortColumn < 0 && !m_rowMaskOn) {
        apply(nullptr);
        return;
    }
    if (m_store->featureCount() <= asyncThreshold) {
        apply(computeOrder(m_store, m_filter, m_sortColumn, m_sortOrder, m_rowMask, m_rowMaskOn));
        return;
    }
    if (!m_busy) {
        m_busy = true;
        Q_EMIT busyChanged(true);
    }
    auto *watcher = new QFutureWatcher<std::shared_ptr<const Order>>(this);
    connect(watcher, &QFutureWatcher<std::shared_ptr<const Order>>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer sort, filter or layer superseded this one
        m_busy = false;
        apply(watcher->result());
        Q_EMIT busyChanged(false);
    });
    watcher->setFuture(QtConcurrent::run(ThreadPools::background(), computeOrder, m_store, m_filter, m_sortColumn,
                                         m_sortOrder, m_rowMask, m_rowMaskOn));
}

void AttributeTableModel::apply(std::shared_ptr<const std::vector<uint32_t>> order)
{
    beginResetModel();
    m_order = std::move(order);
    m_inverseValid = false;
    endResetModel();
    Q_EMIT orderChanged();
}

size_t AttributeTableModel::featureRow(int viewRow) const
{
    return m_order ? (*m_order)[size_t(viewRow)] : size_t(viewRow);
}

int AttributeTableModel::viewRow(size_t featureRow) const
{
    if (!m_store || featureRow >= m_store->featureCount())
        return -1;
    if (!m_order)
        return int(featureRow);
    if (!m_inverseValid) {
        m_inverse.assign(m_store->featureCount(), -1);
        for (size_t i = 0; i < m_order->size(); ++i)
            m_inverse[(*m_order)[i]] = int32_t(i);
        m_inverseValid = true;
    }
    return m_inverse[featureRow];
}

QString AttributeTableModel::displayText(const AttributeTable &t, size_t row, int col)
{
    if (t.isNull(row, col))
        return QStringLiteral("NULL");
    const QLocale locale;
    switch (t.type(col)) {
    case FieldType::Int: return locale.toString(qlonglong(t.intData(col)[row]));
    case FieldType::Double: return locale.toString(t.doubleData(col)[row], 'f', QLocale::FloatingPointShortest);
    case FieldType::Date: return locale.toString(t.value(row, col).toDate(), QLocale::ShortFormat);
    case FieldType::DateTime: return locale.toString(t.value(row, col).toDateTime().toLocalTime(), QLocale::ShortFormat);
    case FieldType::Bool: return t.boolData(col)[row] ? tr("true") : tr("false");
    case FieldType::String: return t.stringAt(row, col);
    }
    return t.text(row, col);
}

int AttributeTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_store)
        return 0;
    return int(m_order ? m_order->size() : m_store->featureCount());
}

int AttributeTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_store)
        return 0;
    return int(m_store->fields().size());
}

QVariant AttributeTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_store)
        return {};
    const size_t row = featureRow(index.row());
    const AttributeTable &t = m_store->attributes();
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: return displayText(t, row, col);
    case Qt::EditRole: return t.value(row, col);
    case Qt::TextAlignmentRole: {
        const FieldType type = t.type(col);
        const bool number = type == FieldType::Int || type == FieldType::Double;
        return int((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    case Qt::ForegroundRole:
        if (t.isNull(row, col))
            return QColor(Qt::gray);
        return {};
    case Qt::FontRole:
        if (t.isNull(row, col)) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    default: return {};
    }
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_store)
        return {};
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= m_store->fields().size())
            return {};
        if (role == Qt::DisplayRole)
            return m_store->fields()[section].name;
        if (role == Qt::ToolTipRole)
            return QStringLiteral("%1 (%2)").arg(m_store->fields()[section].name, m_store->fields()[section].sourceType);
        return {};
    }
    if (role == Qt::DisplayRole && section >= 0 && section < rowCount())
        return QLocale().toString(qlonglong(m_store->fid(featureRow(section))));
    return {};
}

} // namespace kw
