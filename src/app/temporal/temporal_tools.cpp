// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/temporal/temporal_tools.h"

#include "app/canvas/map_canvas.h"
#include "app/charts/series_chart_dock.h"
#include "app/temporal/time_dock.h"
#include "core/layers/sensor_layer.h"
#include "core/temporal/temporal_controller.h"

#include <QMainWindow>
#include <QMenu>

namespace kw {

namespace {

/// A start and an end field of \a store that look like a date range (both Date or DateTime).
std::optional<std::pair<QString, QString>> dateRangeFields(const FeatureStore &store)
{
    static const QList<std::pair<QString, QString>> pairs = {
        {QStringLiteral("beginn"), QStringLiteral("ende")},
        {QStringLiteral("start"), QStringLiteral("end")},
        {QStringLiteral("begin"), QStringLiteral("end")},
        {QStringLiteral("von"), QStringLiteral("bis")},
        {QStringLiteral("start_date"), QStringLiteral("end_date")},
        {QStringLiteral("baubeginn"), QStringLiteral("bauende")}};
    const auto isDate = [&](const QString &name) {
        const int c = store.attributes().fieldIndex(name);
        return c >= 0 &&
               (store.fields()[c].type == FieldType::Date || store.fields()[c].type == FieldType::DateTime);
    };
    for (const auto &[a, b] : pairs)
        if (isDate(a) && isDate(b))
            return std::pair{store.fields()[store.attributes().fieldIndex(a)].name,
                             store.fields()[store.attributes().fieldIndex(b)].name};
    return std::nullopt;
}

} // namespace

TemporalTools *TemporalTools::install(QMainWindow *window, MapCanvas *canvas)
{
    return new TemporalTools(window, canvas);
}

TemporalTools::TemporalTools(QMainWindow *window, MapCanvas *canvas) : QObject(window), m_canvas(canvas)
{
    m_time = new TimeDock(window);
    m_chart = new SeriesChartDock(window);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_time);
    window->addDockWidget(Qt::RightDockWidgetArea, m_chart);
    m_time->hide();
    m_chart->hide();
    if (auto *view = window->findChild<QMenu *>(QStringLiteral("menuView"))) {
        view->addSeparator();
        view->addAction(m_time->toggleViewAction());
        view->addAction(m_chart->toggleViewAction());
    }
    connect(canvas, &MapCanvas::layersChanged, this, &TemporalTools::layersChanged);
    connect(m_time, &TimeDock::timeChanged, this, &TemporalTools::timeChanged);
    connect(m_time, &TimeDock::dateRangeToggled, this, &TemporalTools::dateRangeToggled);
}

void TemporalTools::setSettings(const TemporalSettings &settings)
{
    m_userSettings = true;
    m_time->setSettings(settings);
    m_time->show();
}

void TemporalTools::clearSettings()
{
    m_userSettings = false;
    m_extent.reset(); // the next layers offer their own range
    m_keepTime = false; // from its start: the moment shown in another project means nothing here
}

void TemporalTools::layersChanged()
{
    if (!m_canvas) return;
    const QList<std::shared_ptr<Layer>> layers = m_canvas->settings().layers();
    QList<std::shared_ptr<SensorLayer>> sensors;
    QStringList candidates;
    QList<bool> enabled;
    m_rangeCandidates.clear();
    m_rangeFields.clear();
    for (const auto &l : layers) {
        if (auto sensor = std::dynamic_pointer_cast<SensorLayer>(l)) {
            if (sensor->isLoaded()) sensors << sensor;
            continue;
        }
        auto vector = std::dynamic_pointer_cast<VectorLayer>(l);
        if (!vector || !vector->store()) continue;
        const auto fields = vector->temporalFilter().isEnabled()
                                ? std::optional(std::pair{vector->temporalFilter().startField,
                                                          vector->temporalFilter().endField})
                                : dateRangeFields(*vector->store());
        if (!fields) continue;
        candidates << tr("%1: %2 – %3").arg(vector->name(), fields->first, fields->second);
        enabled << vector->temporalFilter().isEnabled();
        m_rangeCandidates << vector;
        m_rangeFields << *fields;
    }
    m_time->setDateRangeCandidates(candidates, enabled);
    m_chart->setSensorLayers(sensors);
    // Offer the data's time range unless settings were given (and the range did not change).
    const auto extent = TemporalController::timeExtent(layers);
    if (!m_userSettings && extent != m_extent) {
        m_extent = extent;
        if (const auto defaults = TemporalController::defaultSettings(layers)) {
            TemporalSettings s = *defaults;
            if (m_keepTime)
                s.current = m_time->currentTime();
            m_keepTime = true;
            m_time->setSettings(s);
        }
    }
    if (!sensors.isEmpty() || !candidates.isEmpty()) m_time->show();
    timeChanged();
}

void TemporalTools::timeChanged()
{
    if (!m_canvas) return;
    const auto t = m_time->currentTime();
    TemporalController::apply(m_canvas->settings().layers(), m_time->settings(), t);
    m_canvas->setOverlayText(t ? TemporalController::label(m_time->settings(), *t) : QString());
    m_canvas->refresh();
    m_chart->setCursorTime(t);
}

void TemporalTools::dateRangeToggled(int index, bool enabled)
{
    const auto layer = std::dynamic_pointer_cast<VectorLayer>(m_rangeCandidates.value(index).lock());
    if (!layer) return;
    layer->setTemporalFilter(enabled ? TemporalFilter{m_rangeFields[index].first, m_rangeFields[index].second}
                                     : TemporalFilter());
    m_extent.reset(); // the data's range changed
    layersChanged();
}

} // namespace kw
