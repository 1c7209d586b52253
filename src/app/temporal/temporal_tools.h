// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layers/layer.h"

#include <QObject>
#include <QPointer>
#include <memory>

class QMainWindow;

namespace kw {

class MapCanvas;
class SeriesChartDock;
class TimeDock;

/// \brief Wires the time dock and the chart dock to a map canvas: the app's one place for time.
///
/// Watches the canvas' layers; when time-aware ones are there, offers their time range in the TimeDock
/// (TemporalController::defaultSettings, unless settings were given), and on every slider change calls
/// TemporalController::apply on the canvas' layers, sets the time stamp (TemporalController::label) and
/// moves the chart's cursor — the same calls AnimationExporter makes for each frame. Vector layers with a
/// start and an end field (beginn/ende, start/end, von/bis, …) are offered as date-range filters.
/// Install with one call; MainWindow needs to know nothing else.
class TemporalTools : public QObject
{
    Q_OBJECT
public:
    /// Creates the docks in \a window (time at the bottom, chart on the right; hidden until there is
    /// time-aware data), adds their
    /// toggle actions to the window's View menu if it has one, and follows \a canvas.
    static TemporalTools *install(QMainWindow *window, MapCanvas *canvas);

    TimeDock *timeDock() const { return m_time; }
    SeriesChartDock *chartDock() const { return m_chart; }
    /// Uses \a settings (e.g. a project's) instead of ones derived from the data.
    void setSettings(const TemporalSettings &settings);
    /// Back to settings derived from the data, once it is loaded (a project without time settings).
    void clearSettings();

private:
    TemporalTools(QMainWindow *window, MapCanvas *canvas);
    void layersChanged();
    void timeChanged();
    void dateRangeToggled(int index, bool enabled);

    QPointer<MapCanvas> m_canvas;
    TimeDock *m_time = nullptr;
    SeriesChartDock *m_chart = nullptr;
    bool m_userSettings = false;
    bool m_keepTime = true; // data added to a map keeps the moment shown; a new project starts afresh
    std::optional<std::pair<int64_t, int64_t>> m_extent;
    QList<std::weak_ptr<Layer>> m_rangeCandidates;
    QList<std::pair<QString, QString>> m_rangeFields;
};

} // namespace kw
