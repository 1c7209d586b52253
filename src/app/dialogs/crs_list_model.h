// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"

#include <QAbstractTableModel>

namespace kw {

/// \brief CRSs of PROJ's database matching a search text: code, name and area of use.
class CrsListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { CodeColumn, NameColumn, AreaColumn, ColumnCount };

    explicit CrsListModel(QObject *parent = nullptr);
    /// Lists the CRSs matching \a query (see Crs::searchDatabase).
    void search(const QString &query);
    const CrsInfo &info(int row) const { return m_items[row]; }
    /// The row of "AUTH:CODE" (-1 when not listed).
    int rowOf(const QString &authId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<CrsInfo> m_items;
};

} // namespace kw
