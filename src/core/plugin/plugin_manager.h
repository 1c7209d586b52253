// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace kw {

/// \brief Finds and loads plugins (shared libraries in the plugin folders) and registers what they provide.
///
/// Two kinds of plugin are known, told apart by the interface id in their metadata: data providers
/// (ProviderPlugin, registered with DataProviders) and sensor sources (SensorSourcePlugin, registered with
/// SensorSources). Only files named `libkw_plugin_*` are considered. Folders searched:
/// $KARTENWERK_PLUGIN_PATH (':'-separated), `<executable>/../lib/kartenwerk/plugins`,
/// `<executable>/../../plugins` (build tree) and the compile-time install folder. App and CLI call
/// loadAll() once at start-up.
class PluginManager
{
public:
    struct Loaded
    {
        QString id;
        QString path;
        QString description;
        QString interfaceId; ///< KW_PROVIDER_PLUGIN_IID or KW_SENSOR_SOURCE_PLUGIN_IID
    };
    /// Loads every plugin found; returns what failed (file and reason), never aborts on a bad plugin.
    static QStringList loadAll();
    static QList<Loaded> loaded();
    static QStringList searchPaths();
};

} // namespace kw
