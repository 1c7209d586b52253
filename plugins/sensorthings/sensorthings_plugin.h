// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/plugin/sensor_source_plugin.h"

#include <QObject>

namespace kw::sta {

/// \brief Reads OGC SensorThings API services (v1.0, v1.1) given by their service root URL.
class SensorThingsSource final : public SensorSourceProvider
{
public:
    QString id() const override { return QStringLiteral("sensorthings"); }
    /// http(s) URLs whose path ends in /v1.0 or /v1.1 (the service root).
    bool handles(const QString &source) const override;
    Result<SensorData> load(const QString &source, const SensorQuery &query) const override;
};

/// \brief The plugin object Qt loads: hands out a SensorThingsSource.
class SensorThingsPlugin : public QObject, public SensorSourcePlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID KW_SENSOR_SOURCE_PLUGIN_IID FILE "sensorthings.json")
    Q_INTERFACES(kw::SensorSourcePlugin)
public:
    QString id() const override { return QStringLiteral("sensorthings"); }
    QString description() const override;
    std::shared_ptr<SensorSourceProvider> createSensorSource() override;
};

} // namespace kw::sta
