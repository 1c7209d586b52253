// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/layout/layout_export_dialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>

namespace kw {

LayoutExportDialog::LayoutExportDialog(const Layout &layout,
                                       std::shared_ptr<const LayoutProjectSnapshot> project, QWidget *parent)
    : QDialog(parent), m_layout(layout), m_project(std::move(project))
{
    setWindowTitle(tr("Export Layout “%1”").arg(layout.name()));
    auto *form = new QFormLayout(this);
    m_format = new QComboBox(this);
    m_format->addItem(tr("PDF (vector)"), QStringLiteral("pdf"));
    m_format->addItem(tr("SVG (vector)"), QStringLiteral("svg"));
    m_format->addItem(tr("PNG image"), QStringLiteral("png"));
    m_format->addItem(tr("JPEG image"), QStringLiteral("jpg"));
    m_format->addItem(tr("TIFF image"), QStringLiteral("tif"));
    form->addRow(tr("Format"), m_format);
    auto *row = new QHBoxLayout;
    m_path = new QLineEdit(this);
    auto *browse = new QPushButton(tr("Browse…"), this);
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    form->addRow(tr("File"), row);
    m_dpi = new QSpinBox(this);
    m_dpi->setRange(10, 2400);
    m_dpi->setSuffix(tr(" dpi"));
    form->addRow(tr("Resolution"), m_dpi);
    m_georef = new QCheckBox(tr("World file (and GeoTIFF) from the map"), this);
    form->addRow(QString(), m_georef);
    m_atlas = new QCheckBox(tr("Atlas: one page per feature ({name} in the file name: one file each)"), this);
    m_atlas->setVisible(layout.atlas().enabled);
    m_atlas->setChecked(layout.atlas().enabled);
    form->addRow(QString(), m_atlas);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &LayoutExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &LayoutExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &LayoutExportDialog::formatChanged);
    const QString base = m_project && !m_project->filePath.isEmpty()
                             ? QFileInfo(m_project->filePath).absolutePath()
                             : QDir::homePath();
    m_path->setText(QDir(base).filePath(layout.name() + QStringLiteral(".pdf")));
    formatChanged();
}

void LayoutExportDialog::setOutputPath(const QString &path)
{
    m_path->setText(path);
    const int i = m_format->findData(QFileInfo(path).suffix().toLower());
    if (i >= 0) m_format->setCurrentIndex(i);
}

QString LayoutExportDialog::outputPath() const
{
    return m_path->text();
}

void LayoutExportDialog::formatChanged()
{
    const QString suffix = m_format->currentData().toString();
    const bool image =
        suffix == QLatin1String("png") || suffix == QLatin1String("jpg") || suffix == QLatin1String("tif");
    m_dpi->setValue(suffix == QLatin1String("pdf") ? 300 : suffix == QLatin1String("svg") ? 254 : 150);
    m_georef->setEnabled(image);
    QFileInfo info(m_path->text());
    m_path->setText(info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + suffix));
}

void LayoutExportDialog::browse()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Layout"), m_path->text());
    if (!path.isEmpty()) setOutputPath(path);
}

ExportReport LayoutExportDialog::exportNow()
{
    const QString path = m_path->text();
    if (m_atlas->isVisible() && m_atlas->isChecked()) {
        LayoutExporter::AtlasExportSettings s;
        s.output = path;
        s.dpi = m_dpi->value();
        s.jobs = std::max(1, QThread::idealThreadCount());
        auto result = LayoutExporter::exportAtlas(m_layout, m_project, {}, s);
        if (!result.ok()) return ExportReport::failure(ExportResult::InvalidSettings, result.error());
        ExportReport report;
        report.files = result->files;
        report.log = result->log;
        for (const auto &f : result->failures)
            report.log.warn(tr("page %1 (%2): %3").arg(f.index + 1).arg(f.name, f.error.message));
        return report;
    }
    LayoutExporter exporter(m_layout, m_project);
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png") || suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg") ||
        suffix == QLatin1String("tif") || suffix == QLatin1String("tiff")) {
        ImageExportSettings s;
        s.dpi = m_dpi->value();
        s.georeference = m_georef->isChecked();
        return exporter.exportToImage(path, s);
    }
    return exporter.exportToFile(path, double(m_dpi->value()));
}

void LayoutExportDialog::accept()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const ExportReport report = exportNow();
    QApplication::restoreOverrideCursor();
    if (!report.ok()) {
        QMessageBox::warning(this, tr("Export failed"), report.error.message);
        return;
    }
    QStringList notes;
    for (const QString &s : report.log.substitutions() + report.log.warnings())
        notes << QStringLiteral("• ") + s;
    for (const QString &s : report.log.rasterisedItems())
        notes << tr("• rasterised: %1").arg(s);
    QMessageBox::information(
        this, tr("Exported"),
        tr("Wrote %n file(s).", nullptr, int(report.files.size())) +
            (notes.isEmpty() ? QString() : QStringLiteral("\n\n") + notes.join(QLatin1Char('\n'))));
    QDialog::accept();
}

} // namespace kw
