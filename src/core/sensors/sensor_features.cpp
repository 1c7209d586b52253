// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sensors/sensor_features.h"

#include "core/crs/coordinate_transform.h"

#include <limits>

namespace kw {

Result<SensorFeatures> SensorFeatures::create(std::shared_ptr<const SensorData> data, const QString &property,
                                              const Crs &mapCrs)
{
    SensorFeatures f;
    f.m_data = std::move(data);
    const SensorData &d = *f.m_data;
    QString actual;
    for (size_t site = 0; site < d.sites().size(); ++site) {
        const int s = d.findSeries(int(site), property);
        if (s >= 0) {
            f.m_series.push_back(s);
            actual = d.series()[size_t(s)].property;
        }
    }
    if (f.m_series.empty())
        return Error::input(QStringLiteral("%1: no series of property '%2' (properties: %3)")
                                .arg(d.origin(), property, d.properties().join(QStringLiteral(", "))));
    f.m_property = actual;
    f.m_unit = d.unitOf(actual);

    const Crs crs = mapCrs.isValid() ? mapCrs : d.crs();
    CoordinateTransform ct;
    if (crs.isValid() && d.crs().isValid() && crs != d.crs()) {
        ct = CoordinateTransform(d.crs(), crs);
        if (Status st = ct.check(); !st.ok())
            return Error::input(QStringLiteral("%1: %2").arg(d.origin(), st.error().message));
    }
    auto store = std::make_shared<FeatureStore>(
        Fields{Field{QStringLiteral("site_id"), FieldType::String, QStringLiteral("String")},
               Field{QStringLiteral("name"), FieldType::String, QStringLiteral("String")},
               Field{QStringLiteral("kind"), FieldType::String, QStringLiteral("String")},
               Field{QStringLiteral("property"), FieldType::String, QStringLiteral("String")},
               Field{QStringLiteral("unit"), FieldType::String, QStringLiteral("String")},
               Field{QStringLiteral("value"), FieldType::Double, QStringLiteral("Real")},
               Field{QStringLiteral("n"), FieldType::Int, QStringLiteral("Integer64")}},
        crs);
    store->setSourceCrs(d.crs());
    int64_t fid = 1;
    for (int s : f.m_series) {
        const SensorSeries &series = d.series()[size_t(s)];
        const SensorSite &site = d.sites()[size_t(series.site)];
        store->beginFeature(fid++);
        if (site.hasPosition()) {
            double xy[2] = {site.x, site.y};
            if (!ct.isIdentity()) ct.transformInPlace(xy, 1);
            store->beginPart();
            store->beginRing();
            store->addVertex(xy[0], xy[1]);
        }
        AttributeTable &t = store->attributes();
        t.setString(0, site.id);
        t.setString(1, site.name);
        if (!site.kind.isEmpty()) t.setString(2, site.kind);
        t.setString(3, series.property);
        if (!series.unit.isEmpty()) t.setString(4, series.unit);
        t.setInt(countColumn, 0);
        store->endFeature(GeometryType::Point);
    }
    store->finish();
    f.m_base = std::move(store);
    return f;
}

std::vector<double> SensorFeatures::values(const TimeWindow &window) const
{
    std::vector<double> v(m_series.size());
    for (size_t i = 0; i < m_series.size(); ++i) {
        const TimeSeries &ts = m_data->series()[size_t(m_series[i])].data;
        v[i] = window.instant ? ts.valueAt(window.begin, window.tolerance)
                              : ts.aggregate(window.begin, window.end, window.aggregation);
    }
    return v;
}

std::shared_ptr<FeatureStore> SensorFeatures::at(const TimeWindow &window) const
{
    auto store = std::make_shared<FeatureStore>(*m_base);
    std::vector<int64_t> counts(m_series.size());
    for (size_t i = 0; i < m_series.size(); ++i) {
        const TimeSeries &ts = m_data->series()[size_t(m_series[i])].data;
        if (window.instant) {
            counts[i] = std::isnan(ts.valueAt(window.begin, window.tolerance)) ? 0 : 1;
        } else {
            const auto [a, b] = ts.indexRange(window.begin, window.end);
            counts[i] = int64_t(b - a);
        }
    }
    store->attributes().replaceDoubleColumn(valueColumn, values(window));
    store->attributes().replaceIntColumn(countColumn, counts);
    return store;
}

std::optional<TimeWindow> SensorFeatures::wholeRange(Aggregation a) const
{
    int64_t lo = std::numeric_limits<int64_t>::max(), hi = std::numeric_limits<int64_t>::min();
    for (int s : m_series) {
        const TimeSeries &ts = m_data->series()[size_t(s)].data;
        if (ts.isEmpty()) continue;
        lo = std::min(lo, ts.firstTime());
        hi = std::max(hi, ts.lastTime());
    }
    if (lo > hi) return std::nullopt;
    return TimeWindow::interval(lo, hi + 1, a);
}

} // namespace kw
