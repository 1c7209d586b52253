// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/style/rule_based_renderer.h"

#include <QAbstractTableModel>

namespace kw {

/// \brief The rules of a rule-based style as an editable table: label, filter expression, colour.
class RuleListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { LabelColumn, FilterColumn, ColorColumn, ColumnCount };

    explicit RuleListModel(QObject *parent = nullptr);
    void setRules(const QList<Rule> &rules);
    const QList<Rule> &rules() const { return m_rules; }
    void setRuleColor(int row, const QColor &color);
    /// Appends a rule matching everything with \a symbol.
    void appendRule(const Symbol &symbol);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

Q_SIGNALS:
    /// The user edited the rules (not emitted by setRules()).
    void rulesEdited();

private:
    QList<Rule> m_rules;
};

} // namespace kw
