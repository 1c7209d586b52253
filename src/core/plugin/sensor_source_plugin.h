// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sensors/sensor_source.h"

#include <QString>
#include <QtPlugin>
#include <memory>

namespace kw {

/// \brief What a sensor-source plugin offers: one SensorSourceProvider, registered with SensorSources on
/// load.
///
/// Sensor sources are not feature layers (sites, series and observations over time), so they have their own
/// interface next to ProviderPlugin; the PluginManager loads both kinds from the same folders. Like every
/// plugin interface the id carries a version, and a plugin built against another one is refused.
class SensorSourcePlugin
{
public:
    virtual ~SensorSourcePlugin() = default;
    /// A short id, e.g. "sensorthings".
    virtual QString id() const = 0;
    virtual QString description() const = 0;
    virtual std::shared_ptr<SensorSourceProvider> createSensorSource() = 0;
};

} // namespace kw

#define KW_SENSOR_SOURCE_PLUGIN_IID "org.kartenwerk.SensorSourcePlugin/1.0"
Q_DECLARE_INTERFACE(kw::SensorSourcePlugin, KW_SENSOR_SOURCE_PLUGIN_IID)
