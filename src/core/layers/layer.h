// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/data/source_uri.h"
#include "core/geometry/envelope.h"
#include "core/render/layer_renderer.h"
#include "core/temporal/temporal_settings.h"
#include "core/util/result.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace kw {

/// \brief A map layer: where its data comes from, how it is shown, and its loaded data.
///
/// Lives on the main thread; render threads only see what createRenderer() copies out of it.
class Layer
{
public:
    enum class Kind { Vector, Raster };

    explicit Layer(SourceUri source, QString name) : m_source(std::move(source)), m_name(std::move(name)) {}
    virtual ~Layer() = default;

    virtual Kind kind() const = 0;
    /// Reads the data for a map in \a mapCrs. Sets error() on failure (a broken layer stays in the map).
    virtual Status load(const Crs &mapCrs, const std::function<bool(double)> &progress = {}) = 0;
    virtual bool isLoaded() const = 0;
    /// Extent in the map CRS it was loaded for (null before loading).
    virtual Envelope extent() const = 0;
    /// The CRS of the data itself.
    virtual Crs sourceCrs() const = 0;
    virtual std::unique_ptr<LayerRenderer> createRenderer(const RenderContext &context) const = 0;
    /// A copy sharing the loaded (immutable) data, with its own style: a snapshot for exports and render
    /// threads that must not see later edits of the layer.
    virtual std::shared_ptr<Layer> clone() const = 0;

    /// Identifies everything that decides this layer's image for a given view (data, style, filter, time);
    /// equal keys draw equal images, so a render may reuse the last one (RenderCache). Empty: never reuse.
    virtual QByteArray renderKey() const { return {}; }

    /// An unloaded copy of the source and name, to load() in a worker thread while this layer stays on
    /// the map; adoptLoaded() then takes over its data (or its error) on the main thread. This way a live
    /// layer, which render jobs read, is never loaded in place.
    virtual std::unique_ptr<Layer> cloneForLoading() const = 0;
    /// Takes the data and error of \a loaded, a layer of the same kind made by cloneForLoading().
    virtual void adoptLoaded(Layer &loaded) = 0;

    const SourceUri &source() const { return m_source; }
    void setSource(const SourceUri &s) { m_source = s; }
    QString name() const { return m_name; }
    void setName(const QString &n) { m_name = n; }
    bool isVisible() const { return m_visible; }
    void setVisible(bool v) { m_visible = v; }
    double opacity() const { return m_opacity; }
    void setOpacity(double o) { m_opacity = std::clamp(o, 0.0, 1.0); }
    /// True for layers that change with the map's time (sensor values, features with a date range).
    virtual bool isTemporal() const { return false; }
    /// Shows the layer for \a window (nullopt: no time set, everything shown). Main thread only: layers
    /// hand render threads an immutable snapshot, so a render in progress keeps the time it started with.
    virtual void setTimeWindow(const std::optional<TimeWindow> &window) { Q_UNUSED(window) }
    /// First and last time the layer has data for (nullopt when it is not temporal or has none).
    virtual std::optional<std::pair<int64_t, int64_t>> timeExtent() const { return std::nullopt; }

    /// Why the layer could not be loaded (empty when fine).
    QString error() const { return m_error; }

    /// Stable id within a project (layouts and legends refer to layers by it).
    QString id() const { return m_id; }
    void setId(const QString &id) { m_id = id; }
    /// Scale range in which the layer is drawn (denominators; 0 = no limit): minScale is the most zoomed
    /// out (largest denominator), maxScale the most zoomed in, as in QGIS.
    double minScale() const { return m_minScale; }
    double maxScale() const { return m_maxScale; }
    void setScaleRange(double minScale, double maxScale)
    {
        m_minScale = minScale;
        m_maxScale = maxScale;
    }
    bool isVisibleAtScale(double scale) const
    {
        return (m_minScale <= 0 || scale <= m_minScale) && (m_maxScale <= 0 || scale >= m_maxScale);
    }

protected:
    QString m_id;
    double m_minScale = 0;
    double m_maxScale = 0;
    SourceUri m_source;
    QString m_name;
    bool m_visible = true;
    double m_opacity = 1.0;
    QString m_error;
};

} // namespace kw
