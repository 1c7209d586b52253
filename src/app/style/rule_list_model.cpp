// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/style/rule_list_model.h"

#include <QPixmap>

namespace kw {

RuleListModel::RuleListModel(QObject *parent) : QAbstractTableModel(parent) {}

void RuleListModel::setRules(const QList<Rule> &rules)
{
    beginResetModel();
    m_rules = rules;
    endResetModel();
}

void RuleListModel::setRuleColor(int row, const QColor &color)
{
    if (row < 0 || row >= m_rules.size())
        return;
    m_rules[row].symbol.fillColor = color;
    m_rules[row].symbol.strokeColor = color.darker(140);
    const QModelIndex i = index(row, ColorColumn);
    Q_EMIT dataChanged(i, i);
    Q_EMIT rulesEdited();
}

void RuleListModel::appendRule(const Symbol &symbol)
{
    const int row = int(m_rules.size());
    beginInsertRows({}, row, row);
    Rule r;
    r.label = tr("Rule %1").arg(row + 1);
    r.symbol = symbol;
    m_rules.append(r);
    endInsertRows();
    Q_EMIT rulesEdited();
}

int RuleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int RuleListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RuleListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rules.size())
        return {};
    const Rule &r = m_rules[index.row()];
    switch (index.column()) {
    case LabelColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return r.label;
        break;
    case FilterColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return r.isElse ? QStringLiteral("ELSE") : r.filter;
        if (role == Qt::ToolTipRole)
            return tr("An expression, e.g. \"BIR74\" > 10000; ELSE for all other features");
        break;
    case ColorColumn:
        if (role == Qt::DecorationRole) {
            QPixmap pm(16, 16);
            pm.fill(r.symbol.fillColor);
            return pm;
        }
        if (role == Qt::DisplayRole)
            return r.symbol.fillColor.name();
        break;
    default: break;
    }
    return {};
}

bool RuleListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_rules.size())
        return false;
    Rule &r = m_rules[index.row()];
    if (index.column() == LabelColumn) {
        r.label = value.toString();
    } else if (index.column() == FilterColumn) {
        const QString f = value.toString().trimmed();
        r.isElse = f.compare(QLatin1String("ELSE"), Qt::CaseInsensitive) == 0;
        r.filter = r.isElse ? QString() : f;
    } else {
        return false;
    }
    Q_EMIT dataChanged(index, index);
    Q_EMIT rulesEdited();
    return true;
}

QVariant RuleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LabelColumn: return tr("Label");
    case FilterColumn: return tr("Filter");
    case ColorColumn: return tr("Colour");
    default: return {};
    }
}

Qt::ItemFlags RuleListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (index.column() != ColorColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool RuleListModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_rules.size())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_rules.remove(row, count);
    endRemoveRows();
    Q_EMIT rulesEdited();
    return true;
}

} // namespace kw
