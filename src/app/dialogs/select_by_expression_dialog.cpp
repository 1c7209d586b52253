// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/dialogs/select_by_expression_dialog.h"

#include "core/layers/vector_layer.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace kw {

SelectByExpressionDialog::SelectByExpressionDialog(const std::shared_ptr<VectorLayer> &layer, Runner run, QWidget *parent)
    : QDialog(parent), m_run(std::move(run)), m_expression(new QLineEdit(this)), m_mode(new QComboBox(this)),
      m_error(new QLabel(this))
{
    setWindowTitle(tr("Select by Expression — %1").arg(layer ? layer->name() : QString()));
    resize(560, 360);
    auto *fields = new QListWidget(this);
    fields->setAccessibleName(tr("Fields"));
    if (layer && layer->store())
        for (const Field &f : layer->store()->fields())
            fields->addItem(f.name);
    m_expression->setPlaceholderText(tr("e.g. \"BIR74\" > 10000 AND \"NAME\" LIKE 'W%'"));
    m_expression->setAccessibleName(tr("Selection expression"));
    m_mode->addItem(tr("Replace selection"), int(FeatureSelection::Mode::Replace));
    m_mode->addItem(tr("Add to selection"), int(FeatureSelection::Mode::Add));
    m_mode->addItem(tr("Remove from selection"), int(FeatureSelection::Mode::Remove));
    m_mode->setAccessibleName(tr("Selection mode"));
    m_error->setStyleSheet(QStringLiteral("color: #b00000"));
    m_error->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *select = buttons->addButton(tr("&Select"), QDialogButtonBox::AcceptRole);
    select->setDefault(true);
    auto *form = new QFormLayout;
    auto *exprLabel = new QLabel(tr("&Expression:"), this);
    exprLabel->setBuddy(m_expression);
    form->addRow(exprLabel, m_expression);
    auto *modeLabel = new QLabel(tr("&Mode:"), this);
    modeLabel->setBuddy(m_mode);
    form->addRow(modeLabel, m_mode);
    auto *fieldsLabel = new QLabel(tr("&Fields (double-click to insert):"), this);
    fieldsLabel->setBuddy(fields);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(fieldsLabel);
    layout->addWidget(fields, 1);
    layout->addWidget(buttons);
    connect(fields, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        m_expression->insert(QStringLiteral("\"%1\"").arg(item->text()));
        m_expression->setFocus();
    });
    connect(select, &QPushButton::clicked, this, [this] { apply(false); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_expression->setFocus();
}

void SelectByExpressionDialog::apply(bool close)
{
    int column = 0;
    const QString error = m_run(m_expression->text(), FeatureSelection::Mode(m_mode->currentData().toInt()), &column);
    m_error->setText(error);
    if (!error.isEmpty()) {
        m_expression->setFocus();
        if (column > 0)
            m_expression->setCursorPosition(column - 1);
        return;
    }
    if (close)
        accept();
}

} // namespace kw
