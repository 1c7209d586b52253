// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/settings/settings_dialog.h"

#include "ui_settings_dialog.h"

#include "app/settings/language.h"

#include <QSettings>

namespace kw {

SettingsDialog::SettingsDialog(QWidget *parent) : QDialog(parent), m_ui(std::make_unique<Ui::SettingsDialog>())
{
    m_ui->setupUi(this);
    m_ui->language->addItem(tr("System language"), QString());
    m_ui->language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_ui->language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->language->setCurrentIndex(std::max(0, m_ui->language->findData(Language::configured())));
    m_ui->autosave->setChecked(autosaveEnabled());
}

SettingsDialog::~SettingsDialog() = default;

bool SettingsDialog::autosaveEnabled()
{
    return QSettings().value(QStringLiteral("project/autosave"), true).toBool();
}

void SettingsDialog::accept()
{
    const QString lang = m_ui->language->currentData().toString();
    m_languageChanged = lang != Language::configured();
    Language::setConfigured(lang);
    QSettings().setValue(QStringLiteral("project/autosave"), m_ui->autosave->isChecked());
    QDialog::accept();
}

} // namespace kw
