// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/temporal/temporal_settings.h"

#include <QDockWidget>
#include <QTimer>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QSlider;
class QToolButton;

namespace kw {

/// \brief The time slider of the map: play, pause, step, speed, loop; step size, aggregation, date ranges.
///
/// Knows only TemporalSettings and frame times; what a time means for the layers is TemporalTools' business
/// (TemporalController::apply, the same call animation frames use). Frame times come from
/// TemporalSettings::frameTimes(), so the slider stops exactly where an animation has its frames.
class TimeDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit TimeDock(QWidget *parent = nullptr);

    /// The range, step, window and aggregation to step through; the slider goes to the current time of the
    /// settings (or their start). Settings without a range disable the dock.
    void setSettings(const TemporalSettings &settings);
    const TemporalSettings &settings() const { return m_settings; }
    /// The time shown (nullopt when time is switched off or there is no range).
    std::optional<int64_t> currentTime() const;
    /// Moves to the frame at or before \a t.
    void setCurrentTime(int64_t t);
    int frameIndex() const;
    int frameCount() const { return int(m_frames.size()); }
    bool isPlaying() const { return m_timer.isActive(); }

    /// Layers with a date range the user may switch on (e.g. "Projekte: beginn – ende").
    void setDateRangeCandidates(const QStringList &labels, const QList<bool> &enabled);

public Q_SLOTS:
    void play();
    void pause();
    void stepForward();
    void stepBackward();

Q_SIGNALS:
    /// The time shown changed (also when time was switched on or off).
    void timeChanged();
    /// A date-range candidate was switched on or off.
    void dateRangeToggled(int index, bool enabled);

private:
    void rebuildFrames(std::optional<int64_t> keep);
    void updateLabel();
    void applyControls();

    TemporalSettings m_settings;
    std::vector<int64_t> m_frames;
    QTimer m_timer;
    QCheckBox *m_enabled = nullptr;
    QSlider *m_slider = nullptr;
    QLabel *m_label = nullptr;
    QToolButton *m_play = nullptr;
    QToolButton *m_back = nullptr;
    QToolButton *m_forward = nullptr;
    QComboBox *m_step = nullptr;
    QComboBox *m_aggregation = nullptr;
    QDoubleSpinBox *m_fps = nullptr;
    QCheckBox *m_loop = nullptr;
    QListWidget *m_ranges = nullptr;
    bool m_updating = false;
};

} // namespace kw
