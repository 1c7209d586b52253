// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/project/project.h"

#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace kw {

class ProjectController;

/// \brief Autosaves unsaved work to a recovery file and finds the files a crashed session left behind.
///
/// The file lives in QStandardPaths::AppDataLocation/recovery, is written atomically every two minutes
/// and a few seconds after each change while the project has unsaved changes, and is deleted when the
/// changes are saved or discarded. A running session holds a lock file next to it, so a second
/// Kartenwerk window never offers to restore the first one's work: only files without a live owner count.
class RecoveryManager : public QObject
{
    Q_OBJECT
public:
    /// \a directory defaults to AppDataLocation/recovery.
    explicit RecoveryManager(ProjectController *controller, const QString &directory = {}, QObject *parent = nullptr);
    ~RecoveryManager() override;

    /// A recovery file from a session that ended without cleaning up.
    struct Candidate
    {
        QString recoveryPath;
        QString projectPath; ///< where the project belongs (empty: it was never saved)
        QDateTime saved;
    };
    /// The newest leftover file worth offering: one whose project file is missing or older than it.
    /// Leftovers not worth offering are deleted.
    std::optional<Candidate> findLeftover();
    /// Reads a leftover's project (its layers are not loaded yet).
    Result<std::unique_ptr<Project>> restore(const Candidate &candidate, QStringList *warnings = nullptr) const;
    /// Deletes a leftover (restored or declined).
    static void discard(const Candidate &candidate);

    /// Writes the recovery file now (when there are unsaved changes) or removes it (when there are none).
    bool saveNow();
    QString recoveryPath() const { return m_path; }
    QString directory() const { return m_dir; }
    /// The autosave period (two minutes by default).
    void setInterval(int ms) { m_periodic.setInterval(ms); }
    /// Delay between a change and its autosave.
    void setChangeDelay(int ms) { m_afterChange.setInterval(ms); }

private:
    void removeFile();

    ProjectController *m_controller;
    QString m_dir;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_periodic;
    QTimer m_afterChange;
};

} // namespace kw
