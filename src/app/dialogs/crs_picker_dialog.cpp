// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/dialogs/crs_picker_dialog.h"

#include "app/dialogs/crs_list_model.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace kw {

CrsPickerDialog::CrsPickerDialog(const Crs &current, QWidget *parent)
    : QDialog(parent), m_model(new CrsListModel(this)), m_search(new QLineEdit(this)), m_view(new QTableView(this)),
      m_details(new QLabel(this)), m_current(current)
{
    setWindowTitle(tr("Coordinate Reference System"));
    resize(760, 480);
    auto *searchLabel = new QLabel(tr("&Search (EPSG code or name):"), this);
    searchLabel->setBuddy(m_search);
    m_search->setPlaceholderText(tr("e.g. 25832, UTM 32N, Gauss-Krüger, WGS 84"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search coordinate reference systems"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setAccessibleName(tr("Coordinate reference systems"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(searchLabel);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_details);
    layout->addWidget(buttons);

    m_delay.setSingleShot(true);
    m_delay.setInterval(150);
    connect(&m_delay, &QTimer::timeout, this, [this] { search(m_search->text()); });
    connect(m_search, &QLineEdit::textChanged, &m_delay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        search(m_search->text());
        if (m_model->rowCount() > 0)
            m_view->setFocus();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_view, &QTableView::doubleClicked, this, &QDialog::accept);
    connect(this, &QDialog::finished, &m_delay, &QTimer::stop);

    const QString id = current.authId();
    m_search->setText(id.isEmpty() ? QString() : id.section(QLatin1Char(':'), 1));
    search(m_search->text());
    m_search->setFocus();
    m_search->selectAll();
}

void CrsPickerDialog::search(const QString &text)
{
    m_delay.stop();
    const QString selected = m_view->currentIndex().isValid() ? m_model->info(m_view->currentIndex().row()).authId()
                                                              : m_current.authId();
    m_model->search(text);
    m_view->resizeColumnToContents(CrsListModel::CodeColumn);
    m_view->setColumnWidth(CrsListModel::NameColumn, 320);
    int row = m_model->rowOf(selected);
    if (row < 0 && m_model->rowCount() > 0)
        row = 0;
    if (row >= 0)
        m_view->selectRow(row);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CrsPickerDialog::selectionChanged,
            Qt::UniqueConnection);
    selectionChanged();
}

void CrsPickerDialog::selectionChanged()
{
    const QModelIndex i = m_view->currentIndex();
    if (!i.isValid()) {
        m_details->setText(tr("%1 coordinate reference systems found.").arg(QLocale().toString(m_model->rowCount())));
        return;
    }
    const CrsInfo &c = m_model->info(i.row());
    m_details->setText(tr("<b>%1</b> %2<br>%3 — %4")
                           .arg(c.authId().toHtmlEscaped(), c.name.toHtmlEscaped(),
                                c.geographic ? tr("geographic (degrees)") : tr("projected"),
                                c.areaName.toHtmlEscaped()));
}

Crs CrsPickerDialog::selectedCrs() const
{
    const QModelIndex i = m_view->currentIndex();
    if (!i.isValid())
        return {};
    auto crs = Crs::fromUserInput(m_model->info(i.row()).authId());
    return crs.ok() ? *crs : Crs();
}

} // namespace kw
