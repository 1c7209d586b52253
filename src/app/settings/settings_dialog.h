// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace kw {

/// \brief Application settings: interface language and autosave. Stored in QSettings.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    ~SettingsDialog() override;

    /// True when the language was changed (it applies after a restart).
    bool languageChanged() const { return m_languageChanged; }
    void accept() override;

    /// Whether autosave to a recovery file is on (default on).
    static bool autosaveEnabled();

private:
    std::unique_ptr<Ui::SettingsDialog> m_ui;
    bool m_languageChanged = false;
};

} // namespace kw
