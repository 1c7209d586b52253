// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/data_provider.h"

#include <QString>
#include <QtPlugin>

#include <memory>

namespace kw {

/// \brief What a data-provider plugin offers: one DataProvider, registered with DataProviders on load.
///
/// The interface id carries a version; a plugin built against another major version is refused by the
/// PluginManager, never loaded half-compatible.
class ProviderPlugin
{
public:
    virtual ~ProviderPlugin() = default;
    /// A short id, e.g. "sensorthings".
    virtual QString id() const = 0;
    virtual QString description() const = 0;
    virtual std::shared_ptr<DataProvider> createProvider() = 0;
};

} // namespace kw

#define KW_PROVIDER_PLUGIN_IID "org.kartenwerk.ProviderPlugin/1.0"
Q_DECLARE_INTERFACE(kw::ProviderPlugin, KW_PROVIDER_PLUGIN_IID)
