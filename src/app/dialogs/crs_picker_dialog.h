// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"

#include <QDialog>
#include <QTimer>

class QLabel;
class QLineEdit;
class QTableView;

namespace kw {

class CrsListModel;

/// \brief Picks a coordinate reference system: search PROJ's database by EPSG code or name.
class CrsPickerDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CrsPickerDialog(const Crs &current, QWidget *parent = nullptr);

    /// The chosen CRS (invalid when none is selected).
    Crs selectedCrs() const;
    QLineEdit *searchEdit() const { return m_search; }
    CrsListModel *model() const { return m_model; }
    /// Searches now (typing searches after a short pause).
    void search(const QString &text);

private:
    void selectionChanged();

    CrsListModel *m_model;
    QLineEdit *m_search;
    QTableView *m_view;
    QLabel *m_details;
    QTimer m_delay;
    Crs m_current;
};

} // namespace kw
