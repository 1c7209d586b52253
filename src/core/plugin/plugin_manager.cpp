// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plugin/plugin_manager.h"

#include "core/plugin/provider_plugin.h"
#include "core/plugin/sensor_source_plugin.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QLibrary>
#include <QMutex>
#include <QPluginLoader>

namespace kw {

namespace {
QMutex g_mutex;
QList<PluginManager::Loaded> g_loaded;
bool g_done = false;
} // namespace

QStringList PluginManager::searchPaths()
{
    QStringList paths;
    for (const QString &p : qEnvironmentVariable("KARTENWERK_PLUGIN_PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts))
        paths << p;
    const QString exeDir = QCoreApplication::applicationDirPath();
    paths << exeDir + QStringLiteral("/../lib/kartenwerk/plugins") << exeDir + QStringLiteral("/../../plugins")
          << QStringLiteral(KW_PLUGIN_INSTALL_DIR);
    QStringList existing;
    for (const QString &p : paths) {
        const QString clean = QDir::cleanPath(p);
        if (QDir(clean).exists() && !existing.contains(clean))
            existing << clean;
    }
    return existing;
}

QStringList PluginManager::loadAll()
{
    QMutexLocker lock(&g_mutex);
    if (g_done)
        return {};
    g_done = true;
    QStringList failures;
    QStringList seenIds;
    for (const QString &dir : searchPaths()) {
        QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!QLibrary::isLibrary(path) || !QFileInfo(path).fileName().startsWith(QLatin1String("libkw_plugin_")))
                continue;
            QPluginLoader loader(path);
            const QString iid = loader.metaData().value(QLatin1String("IID")).toString();
            const bool provider = iid == QLatin1String(KW_PROVIDER_PLUGIN_IID);
            const bool sensors = iid == QLatin1String(KW_SENSOR_SOURCE_PLUGIN_IID);
            if (!provider && !sensors) {
                failures << QStringLiteral("%1: plugin interface '%2' matches none of '%3', '%4'")
                                .arg(path, iid, QLatin1String(KW_PROVIDER_PLUGIN_IID),
                                     QLatin1String(KW_SENSOR_SOURCE_PLUGIN_IID));
                continue;
            }
            QObject *instance = loader.instance();
            QString id, description;
            if (provider) {
                auto *plugin = qobject_cast<ProviderPlugin *>(instance);
                if (!plugin) {
                    failures << QStringLiteral("%1: %2").arg(path, loader.errorString());
                    continue;
                }
                id = plugin->id();
                if (seenIds.contains(iid + id))
                    continue; // the same plugin in the build tree and an install folder
                description = plugin->description();
                DataProviders::add(plugin->createProvider());
            } else {
                auto *plugin = qobject_cast<SensorSourcePlugin *>(instance);
                if (!plugin) {
                    failures << QStringLiteral("%1: %2").arg(path, loader.errorString());
                    continue;
                }
                id = plugin->id();
                if (seenIds.contains(iid + id))
                    continue;
                description = plugin->description();
                SensorSources::add(plugin->createSensorSource());
            }
            seenIds << iid + id;
            g_loaded.append({id, path, description, iid});
        }
    }
    return failures;
}

QList<PluginManager::Loaded> PluginManager::loaded()
{
    QMutexLocker lock(&g_mutex);
    return g_loaded;
}

} // namespace kw
