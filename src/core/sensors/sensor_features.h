// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/feature_store.h"
#include "core/sensors/sensor_data.h"
#include "core/temporal/temporal_settings.h"

#include <memory>
#include <vector>

namespace kw {

/// \brief The sites observing one property as point features, with their value for a time window.
///
/// Built once per property and map CRS (positions reprojected); at(window) then costs one copy of the small
/// point store and one aggregation per site (two binary searches each), so a map can follow a time slider.
/// Fields: site_id, name, kind, property, unit (text), value (Double: the window's aggregate, null where the
/// window holds no observation) and n (Int: observations in the window).
class SensorFeatures
{
public:
    static constexpr int valueColumn = 5;
    static constexpr int countColumn = 6;

    /// Features for \a property (case-insensitive) of \a data in \a mapCrs (invalid: the data's CRS).
    static Result<SensorFeatures> create(std::shared_ptr<const SensorData> data, const QString &property,
                                         const Crs &mapCrs);

    /// The features with value and n for \a window.
    std::shared_ptr<FeatureStore> at(const TimeWindow &window) const;
    /// The value per feature for \a window (NaN: none).
    std::vector<double> values(const TimeWindow &window) const;
    /// A window over all observations of the property, aggregated with \a a.
    std::optional<TimeWindow> wholeRange(Aggregation a = Aggregation::Mean) const;
    /// For each feature, the series it shows (index into data()->series()).
    const std::vector<int> &series() const { return m_series; }
    const std::shared_ptr<const SensorData> &data() const { return m_data; }
    QString property() const { return m_property; }
    QString unit() const { return m_unit; }

private:
    std::shared_ptr<const SensorData> m_data;
    std::shared_ptr<const FeatureStore> m_base;
    std::vector<int> m_series;
    QString m_property;
    QString m_unit;
};

} // namespace kw
