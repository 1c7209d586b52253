// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/source_info.h"
#include "core/layers/layer.h"

#include <QStringList>

#include <memory>

namespace kw {

/// \brief Turns a source into map layers: every layer it holds, or the named ones.
class LayerFactory
{
public:
    /// Inspects \a uri and creates one (unloaded) layer per layer in it, vector layers in source order,
    /// rasters below them. \a names restricts to those layer names (an unknown name is an error). A sensor
    /// cache (SensorCache) gives one SensorLayer per observed property, sharing the data read once.
    static Result<QList<std::shared_ptr<Layer>>> fromSource(const SourceUri &uri, const QStringList &names = {});
};

} // namespace kw
