// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/dialogs/crs_list_model.h"

namespace kw {

CrsListModel::CrsListModel(QObject *parent) : QAbstractTableModel(parent) {}

void CrsListModel::search(const QString &query)
{
    beginResetModel();
    m_items = Crs::searchDatabase(query);
    endResetModel();
}

int CrsListModel::rowOf(const QString &authId) const
{
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items[i].authId().compare(authId, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

int CrsListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int CrsListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CrsListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const CrsInfo &c = m_items[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case CodeColumn: return c.authId();
        case NameColumn: return c.name;
        case AreaColumn: return c.areaName;
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole)
        return QStringLiteral("%1 — %2\n%3").arg(c.authId(), c.name, c.areaName);
    if (role == Qt::UserRole)
        return c.authId();
    return {};
}

QVariant CrsListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CodeColumn: return tr("Code");
    case NameColumn: return tr("Name");
    case AreaColumn: return tr("Area of use");
    default: return {};
    }
}

} // namespace kw
