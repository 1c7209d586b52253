// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layers/sensor_layer.h"

#include "core/style/classification.h"
#include "core/style/thematic_renderers.h"

namespace kw {

SensorLayer::SensorLayer(SourceUri source, QString property, QString name, SensorQuery query)
    : VectorLayer(std::move(source), QStringLiteral("sites"), std::move(name)),
      m_property(std::move(property)), m_query(std::move(query))
{
    m_query.from.reset();
    m_query.to.reset();
    m_query.properties.clear();
    m_query.targetCrs = Crs();
}

Status SensorLayer::load(const Crs &mapCrs, const std::function<bool(double)> &progress)
{
    if (m_data && m_dataSource != m_source.toString())
        m_data.reset(); // the source was changed (Change Data Source…)
    if (!m_data) {
        SensorQuery q = m_query;
        if (progress)
            q.progress = [progress](const SensorProgress &p) {
                return progress(p.total > 0 ? double(p.done) / double(p.total) : 0.0);
            };
        auto data = SensorSources::load(m_source.toString(), q);
        if (!data.ok()) {
            m_error = data.error().message;
            return data.error();
        }
        m_data = std::make_shared<const SensorData>(std::move(*data));
        m_dataSource = m_source.toString();
    }
    auto features = SensorFeatures::create(m_data, m_property, mapCrs);
    if (!features.ok()) {
        m_error = features.error().message;
        return features.error();
    }
    m_error.clear();
    m_features = std::move(*features);
    if (!hasCustomStyle()) {
        std::vector<double> all;
        for (int s : m_features->series()) {
            const auto v = m_data->series()[size_t(s)].data.values();
            all.insert(all.end(), v.begin(), v.end());
        }
        const auto classes = classify(all, ClassificationMethod::Pretty, 5);
        if (classes.ok() && classes->breaks.size() >= 2) {
            Symbol base = Symbol::defaultFor(GeometryFamily::Point, 0);
            base.markerSize = 4;
            base.strokeColor = QColor(60, 60, 60);
            setRenderer(std::make_unique<GraduatedRenderer>(GraduatedRenderer::fromBreaks(
                QStringLiteral("value"), classes->breaks, base, QStringLiteral("YlOrRd"))));
        }
    }
    const std::optional<TimeWindow> w = m_window ? m_window : m_features->wholeRange();
    setStore(w ? m_features->at(*w) : m_features->at(TimeWindow::interval(0, 0)));
    return {};
}

std::unique_ptr<Layer> SensorLayer::cloneForLoading() const
{
    auto copy = std::make_unique<SensorLayer>(m_source, m_property, m_name, m_query);
    copy->m_data = m_data; // load() reads again if the source changed since
    copy->m_dataSource = m_dataSource;
    copy->m_window = m_window;
    // With a style of its own the copy skips classifying every observation for a default style.
    if (hasCustomStyle())
        copy->setRenderer(renderer().clone());
    return copy;
}

void SensorLayer::adoptLoaded(Layer &loaded)
{
    auto &other = static_cast<SensorLayer &>(loaded);
    // Before the store: setStore() replaces a default style.
    if (!hasCustomStyle() && other.hasCustomStyle())
        setRenderer(other.renderer().clone());
    m_data = other.m_data;
    m_dataSource = other.m_dataSource;
    m_features = std::move(other.m_features);
    VectorLayer::adoptLoaded(other);
    // The time may have moved while the copy was loading: show the window set now.
    if (m_features && m_window != other.m_window)
        setTimeWindow(m_window);
}

void SensorLayer::setTimeWindow(const std::optional<TimeWindow> &window)
{
    m_window = window;
    if (!m_features) return;
    const std::optional<TimeWindow> w = window ? window : m_features->wholeRange();
    replaceStore(w ? m_features->at(*w) : m_features->at(TimeWindow::interval(0, 0)));
}

std::optional<std::pair<int64_t, int64_t>> SensorLayer::timeExtent() const
{
    if (!m_features) return std::nullopt;
    const auto w = m_features->wholeRange();
    if (!w) return std::nullopt;
    return std::pair{w->begin, w->end - 1};
}

} // namespace kw
