// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layers/layer.h"
#include "core/temporal/temporal_settings.h"

#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace kw {

/// \brief Puts layers at a time: the one code path of the app's time slider and of animation frames.
///
/// apply() gives every temporal layer the window the settings define at t; the app then renders the canvas
/// and draws label() with TimeStampOverlay, and AnimationExporter does the same for each frame — so a frame
/// shows exactly what the slider shows at that time.
class TemporalController
{
public:
    /// Sets the window at \a t on every temporal layer; nullopt clears the time (layers show everything).
    static void apply(const QList<std::shared_ptr<Layer>> &layers, const TemporalSettings &settings,
                      std::optional<int64_t> t);
    /// Union of the time extents of the (loaded) temporal layers.
    static std::optional<std::pair<int64_t, int64_t>> timeExtent(const QList<std::shared_ptr<Layer>> &layers);
    /// Settings for layers that come without any: their whole time extent, in steps of an hour (a day for
    /// more than 60 days of data, a month for more than 3 years), starting at a full local hour.
    static std::optional<TemporalSettings> defaultSettings(const QList<std::shared_ptr<Layer>> &layers);
    /// The text a map shows at frame \a t: the window in local time (TimeFormat::toDisplayRange) or the
    /// instant.
    static QString label(const TemporalSettings &settings, int64_t t);
};

} // namespace kw
