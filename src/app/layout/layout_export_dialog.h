// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layout/layout_exporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace kw {

/// \brief Asks where and how to export a layout (format, resolution, georeferencing) and runs the same
/// LayoutExporter as kartenwerk-cli export; atlas layouts can be exported page per feature or as one PDF.
class LayoutExportDialog : public QDialog
{
    Q_OBJECT
public:
    LayoutExportDialog(const Layout &layout, std::shared_ptr<const LayoutProjectSnapshot> project,
                       QWidget *parent = nullptr);

    void setOutputPath(const QString &path);
    QString outputPath() const;
    /// Exports with the dialog's settings; returns the report (the dialog shows it when accepted by the
    /// user).
    ExportReport exportNow();

private:
    void browse();
    void formatChanged();
    void accept() override;

    Layout m_layout;
    std::shared_ptr<const LayoutProjectSnapshot> m_project;
    QComboBox *m_format;
    QLineEdit *m_path;
    QSpinBox *m_dpi;
    QCheckBox *m_georef;
    QCheckBox *m_atlas;
};

} // namespace kw
