// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/project/recovery_manager.h"

#include "app/project/project_controller.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUndoStack>

namespace kw {

namespace {
const QString kSuffix = QStringLiteral(".kwrecovery");
const QString kFormat = QStringLiteral("kartenwerk-recovery");
} // namespace

RecoveryManager::RecoveryManager(ProjectController *controller, const QString &directory, QObject *parent)
    : QObject(parent), m_controller(controller)
{
    m_dir = directory.isEmpty()
                ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery")
                : directory;
    QDir().mkpath(m_dir);
    m_path = QStringLiteral("%1/session-%2-%3%4")
                 .arg(m_dir)
                 .arg(QCoreApplication::applicationPid())
                 .arg(QDateTime::currentMSecsSinceEpoch())
                 .arg(kSuffix);
    m_lock = std::make_unique<QLockFile>(m_path + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0);
    m_lock->tryLock(0);

    m_periodic.setInterval(2 * 60 * 1000);
    connect(&m_periodic, &QTimer::timeout, this, &RecoveryManager::saveNow);
    m_periodic.start();
    // A burst of edits (a slider drag) is written once, shortly after it ends.
    m_afterChange.setSingleShot(true);
    m_afterChange.setInterval(3000);
    connect(&m_afterChange, &QTimer::timeout, this, &RecoveryManager::saveNow);
    connect(controller->undoStack(), &QUndoStack::indexChanged, &m_afterChange, qOverload<>(&QTimer::start));
    connect(controller, &ProjectController::dirtyChanged, this, [this](bool dirty) {
        if (!dirty)
            removeFile();
    });
}

RecoveryManager::~RecoveryManager()
{
    // Closing normally: the user saved or declined to save, so nothing is left to recover.
    removeFile();
    if (m_lock)
        m_lock->unlock();
}

void RecoveryManager::removeFile()
{
    QFile::remove(m_path);
}

bool RecoveryManager::saveNow()
{
    if (!m_controller->isDirty()) {
        removeFile();
        return true;
    }
    const QString projectPath = m_controller->filePath();
    // Relative data paths stay relative to the project's own folder, so they resolve when restored.
    const QString projectDir = projectPath.isEmpty() ? QDir::homePath() : QFileInfo(projectPath).absolutePath();
    const QJsonDocument project = QJsonDocument::fromJson(m_controller->project().toJson(projectDir));
    QJsonObject root{{QStringLiteral("format"), kFormat},
                     {QStringLiteral("project_path"), projectPath},
                     {QStringLiteral("project_dir"), projectDir},
                     {QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                     {QStringLiteral("project"), project.object()}};
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    return file.commit();
}

std::optional<RecoveryManager::Candidate> RecoveryManager::findLeftover()
{
    std::optional<Candidate> best;
    const QFileInfoList files = QDir(m_dir).entryInfoList({QStringLiteral("*") + kSuffix}, QDir::Files, QDir::Time);
    for (const QFileInfo &fi : files) {
        if (fi.absoluteFilePath() == QFileInfo(m_path).absoluteFilePath())
            continue;
        QLockFile lock(fi.absoluteFilePath() + QStringLiteral(".lock"));
        if (!lock.tryLock(0))
            continue; // its session is still running
        lock.unlock();
        QFile f(fi.absoluteFilePath());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        Candidate c{fi.absoluteFilePath(), root.value(QLatin1String("project_path")).toString(),
                    QDateTime::fromString(root.value(QLatin1String("saved")).toString(), Qt::ISODateWithMs)};
        const bool valid = root.value(QLatin1String("format")).toString() == kFormat && c.saved.isValid();
        const QFileInfo project(c.projectPath);
        const bool newer = c.projectPath.isEmpty() || !project.exists() || project.lastModified() < c.saved;
        if (!valid || !newer) {
            discard(c);
            continue;
        }
        if (!best || best->saved < c.saved)
            best = c;
    }
    return best;
}

Result<std::unique_ptr<Project>> RecoveryManager::restore(const Candidate &c, QStringList *warnings) const
{
    QFile f(c.recoveryPath);
    if (!f.open(QIODevice::ReadOnly))
        return Error::input(QStringLiteral("%1: %2").arg(c.recoveryPath, f.errorString()));
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    const QByteArray project = QJsonDocument(root.value(QLatin1String("project")).toObject()).toJson();
    return Project::fromJson(project, root.value(QLatin1String("project_dir")).toString(), warnings);
}

void RecoveryManager::discard(const Candidate &c)
{
    QFile::remove(c.recoveryPath);
    QFile::remove(c.recoveryPath + QStringLiteral(".lock"));
}

} // namespace kw
