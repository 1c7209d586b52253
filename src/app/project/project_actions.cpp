// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/project/project_actions.h"

#include "app/canvas/map_canvas.h"
#include "app/dialogs/crs_picker_dialog.h"
#include "app/project/project_controller.h"
#include "app/project/recent_files.h"
#include "app/project/recovery_manager.h"
#include "app/settings/settings_dialog.h"
#include "core/data/gdal/gdal_provider.h"
#include "core/render/map_exporter.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>

namespace kw {

ProjectActions::ProjectActions(ProjectController *controller, MapCanvas *canvas, QWidget *window, bool interactive)
    : QObject(window), m_controller(controller), m_canvas(canvas), m_window(window), m_interactive(interactive),
      m_recentProjects(std::make_unique<RecentFiles>(QStringLiteral("recent/projects"))),
      m_recentData(std::make_unique<RecentFiles>(QStringLiteral("recent/data")))
{
    if (m_interactive && SettingsDialog::autosaveEnabled())
        m_recovery = new RecoveryManager(m_controller, QString(), this);
}

ProjectActions::~ProjectActions() = default;

void ProjectActions::setRecentMenus(QMenu *projects, QMenu *data)
{
    m_projectsMenu = projects;
    m_dataMenu = data;
    updateRecentMenus();
}

void ProjectActions::updateRecentMenus()
{
    const auto fill = [this](QMenu *menu, RecentFiles &recent, bool projects) {
        if (!menu)
            return;
        menu->clear();
        const QStringList files = recent.list();
        int i = 1;
        for (const QString &f : files) {
            const QString text = QStringLiteral("&%1 %2").arg(i++ % 10).arg(QFileInfo(f).fileName());
            QAction *a = menu->addAction(text, this, [this, f, projects] {
                if (!projects)
                    addSources({f}, nullptr, 0);
                else if (maybeSave())
                    openProject(f);
            });
            a->setToolTip(f);
        }
        menu->setEnabled(!files.isEmpty());
        if (!files.isEmpty()) {
            menu->addSeparator();
            menu->addAction(tr("&Clear List"), this, [this, &recent] {
                recent.clear();
                updateRecentMenus();
            });
        }
    };
    fill(m_projectsMenu, *m_recentProjects, true);
    fill(m_dataMenu, *m_recentData, false);
}

void ProjectActions::addSources(const QStringList &sources, LayerTreeNode *parent, int row)
{
    for (const QString &s : sources)
        if (QFileInfo(s).exists())
            m_recentData->add(QFileInfo(s).absoluteFilePath());
    updateRecentMenus();
    m_controller->addSources(sources, parent, row);
}

bool ProjectActions::openProject(const QString &path)
{
    QStringList warnings;
    const Status st = m_controller->openProject(path, &warnings);
    if (!st.ok()) {
        if (m_interactive)
            QMessageBox::warning(m_window, tr("Cannot open project"), st.error().message);
        else
            Q_EMIT status(st.error().message, 10000);
        m_recentProjects->remove(path);
        updateRecentMenus();
        return false;
    }
    m_recentProjects->add(QFileInfo(path).absoluteFilePath());
    updateRecentMenus();
    if (!warnings.isEmpty())
        Q_EMIT status(warnings.join(QStringLiteral("; ")), 10000);
    return true;
}

void ProjectActions::offerRecovery()
{
    if (!m_recovery)
        return;
    const auto leftover = m_recovery->findLeftover();
    if (!leftover)
        return;
    const QString where = leftover->projectPath.isEmpty() ? tr("an unsaved project") : leftover->projectPath;
    const auto answer = QMessageBox::question(
        m_window, tr("Restore Unsaved Work?"),
        tr("Kartenwerk was not closed properly. Unsaved changes to %1 from %2 were kept.\n\nRestore them?")
            .arg(where, QLocale().toString(leftover->saved.toLocalTime(), QLocale::ShortFormat)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
        QStringList warnings;
        auto project = m_recovery->restore(*leftover, &warnings);
        if (project.ok())
            m_controller->setProject(std::move(*project), leftover->projectPath, true);
        else
            QMessageBox::warning(m_window, tr("Cannot restore"), project.error().message);
    }
    RecoveryManager::discard(*leftover);
}

void ProjectActions::addDataDialog(LayerTreeNode *parent, int row)
{
    QStringList filters = gdal::fileFilters();
    QStringList all;
    for (const QString &e : gdal::fileExtensions())
        all << QStringLiteral("*.") + e;
    filters.prepend(tr("All supported formats (%1)").arg(all.join(QLatin1Char(' '))));
    filters.append(tr("All files (*)"));
    const QStringList files =
        QFileDialog::getOpenFileNames(m_window, tr("Add Data"), QSettings().value(QStringLiteral("recent/dataDir")).toString(),
                                      filters.join(QStringLiteral(";;")));
    if (files.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("recent/dataDir"), QFileInfo(files.front()).absolutePath());
    addSources(files, parent, row);
}

bool ProjectActions::maybeSave()
{
    if (!m_controller->isDirty() || !m_interactive)
        return true;
    const auto answer = QMessageBox::warning(m_window, tr("Unsaved Changes"),
                                             tr("The project has unsaved changes. Save them?"),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                             QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void ProjectActions::newProject()
{
    if (maybeSave())
        m_controller->newProject();
}

void ProjectActions::openProjectDialog()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Project"), QString(),
                                                      tr("Kartenwerk projects (*.kwproj);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

bool ProjectActions::save()
{
    if (m_controller->filePath().isEmpty())
        return saveAs();
    m_controller->project().setExtent(m_canvas->extent());
    const Status st = m_controller->saveProject(m_controller->filePath());
    if (!st.ok()) {
        QMessageBox::warning(m_window, tr("Cannot save project"), st.error().message);
        return false;
    }
    Q_EMIT status(tr("Saved %1").arg(m_controller->filePath()), 5000);
    return true;
}

bool ProjectActions::saveAs()
{
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save Project As"), m_controller->filePath(),
                                                tr("Kartenwerk projects (*.kwproj)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".kwproj");
    m_controller->project().setExtent(m_canvas->extent());
    const Status st = m_controller->saveProject(path);
    if (!st.ok()) {
        QMessageBox::warning(m_window, tr("Cannot save project"), st.error().message);
        return false;
    }
    m_recentProjects->add(path);
    updateRecentMenus();
    Q_EMIT status(tr("Saved %1").arg(path), 5000);
    return true;
}

void ProjectActions::exportMap()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Map"), QString(),
                                                      tr("PNG image (*.png);;PDF (*.pdf);;SVG (*.svg)"));
    if (path.isEmpty())
        return;
    MapSettings settings = m_canvas->settings();
    settings.setExtent(m_canvas->extent());
    auto result = MapExporter::exportMap(settings, path);
    if (!result.ok())
        QMessageBox::warning(m_window, tr("Export failed"), result.error().message);
    else
        Q_EMIT status(tr("Exported %1").arg(path), 5000);
}

void ProjectActions::chooseCrs()
{
    CrsPickerDialog dialog(m_controller->crs(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Crs crs = dialog.selectedCrs();
    if (crs.isValid())
        m_controller->setCrs(crs);
}

void ProjectActions::showSettings()
{
    SettingsDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted || !dialog.languageChanged())
        return;
    const auto answer = QMessageBox::question(m_window, tr("Restart Kartenwerk?"),
                                              tr("The new language applies after a restart. Restart now?"));
    if (answer != QMessageBox::Yes || !maybeSave())
        return;
    QStringList args;
    if (!m_controller->filePath().isEmpty())
        args << m_controller->filePath();
    QProcess::startDetached(QApplication::applicationFilePath(), args);
    m_interactive = false; // already asked
    Q_EMIT quitRequested();
}

} // namespace kw
