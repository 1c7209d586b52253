// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layers/vector_layer.h"
#include "core/sensors/sensor_features.h"
#include "core/sensors/sensor_source.h"

#include <memory>
#include <optional>

namespace kw {

/// \brief Sensor sites of one observed property, styled by the value aggregated over the current time window.
///
/// A VectorLayer whose FeatureStore is built from the sites (SensorFeatures) with an attribute "value" for
/// the window the map shows (and "n", the number of observations in it). Every renderer applies: a
/// graduated or proportional style on "value", a heatmap weighted by "value", labels, filters. Changing
/// the time rebuilds only the small point store (one aggregation per site over sorted arrays); the style is
/// kept, so class breaks stay fixed and frames compare. Without a time set, the value is the aggregate over
/// all observations. The data can be shared between layers of different properties (setData). Until a
/// style is set, loading gives a graduated style on "value" with breaks from all observations of the
/// property (pretty classes, YlOrRd), so every time shares one legend.
class SensorLayer final : public VectorLayer
{
public:
    /// \a source is anything SensorSources reads (a sensor cache, a table, a SensorThings URL); \a query
    /// carries the options of long tables (sites, site id field); its time window and properties are ignored.
    SensorLayer(SourceUri source, QString property, QString name, SensorQuery query = {});
    /// A snapshot for layouts and atlases: the sensor data and current window are shared, not re-read.
    std::shared_ptr<Layer> clone() const override { return std::make_shared<SensorLayer>(*this); }

    Status load(const Crs &mapCrs, const std::function<bool(double)> &progress = {}) override;
    /// A sensor layer again (a plain VectorLayer would read the sites table without any values): same
    /// source, property and query, the shared data and the current window.
    std::unique_ptr<Layer> cloneForLoading() const override;
    /// Takes the loaded series, the store and, unless this layer has a style of its own, the default style.
    void adoptLoaded(Layer &loaded) override;
    /// Uses already loaded data instead of reading the source (several layers of one cache).
    void setData(std::shared_ptr<const SensorData> data)
    {
        m_data = std::move(data);
        m_dataSource = m_source.toString();
    }
    std::shared_ptr<const SensorData> data() const { return m_data; }

    QString property() const { return m_property; }
    /// The unit of the property (after loading).
    QString unit() const { return m_features ? m_features->unit() : QString(); }
    const SensorQuery &query() const { return m_query; }
    /// The features with their series (after loading).
    const SensorFeatures *features() const { return m_features ? &*m_features : nullptr; }

    bool isTemporal() const override { return true; }
    void setTimeWindow(const std::optional<TimeWindow> &window) override;
    std::optional<std::pair<int64_t, int64_t>> timeExtent() const override;

private:
    QString m_property;
    SensorQuery m_query;
    std::shared_ptr<const SensorData> m_data;
    QString m_dataSource; // the source m_data was read from: after a change of source it is read again
    std::optional<SensorFeatures> m_features;
};

} // namespace kw
