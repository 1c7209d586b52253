// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/temporal/aggregation.h"
#include "core/temporal/duration.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QString>
#include <QTimeZone>
#include <cstdint>
#include <optional>
#include <vector>

namespace kw {

/// \brief The time one map shows: an interval [begin, end) whose observations are aggregated, or an instant.
///
/// Windows are half-open: an observation exactly at \a end belongs to the next window, so consecutive
/// frames never count an observation twice. An instant window shows the latest observation in
/// (t - tolerance, t]. Layers with a date range (a project's start and end) are shown while the range
/// overlaps the window.
struct TimeWindow
{
    int64_t begin = 0;
    int64_t end = 0;
    bool instant = false;
    int64_t tolerance = 0; ///< instants only
    Aggregation aggregation = Aggregation::Mean;

    static TimeWindow interval(int64_t begin, int64_t end, Aggregation a = Aggregation::Mean)
    {
        return {begin, end, false, 0, a};
    }
    static TimeWindow at(int64_t t, int64_t tolerance) { return {t, t, true, tolerance, Aggregation::Last}; }

    /// True when [start, end) overlaps this window (an instant t: start <= t < end).
    bool overlaps(int64_t start, int64_t stop) const
    {
        return instant ? start <= begin && begin < stop : start < end && stop > begin;
    }
    bool operator==(const TimeWindow &) const = default;
};

/// \brief The project's time: range, step, window and aggregation of the slider and of animations.
///
/// Frames are at begin, begin + step, begin + 2 step, … while before \a end (the range is half-open);
/// frame t shows the window [t, t + window) (window: one step unless set), or the instant t.
/// Steps with days or months follow the calendar of \a timeZone (Europe/Berlin), so a daily animation
/// stays at local midnight across a daylight-saving switch. Stored under "time" in the project file.
struct TemporalSettings
{
    enum class WindowMode { Interval, Instant };

    int64_t begin = 0;
    int64_t end = 0;
    Duration step = Duration::fromMSecs(3600000);
    WindowMode windowMode = WindowMode::Interval;
    Duration window;    ///< interval length; zero: one step
    Duration tolerance; ///< instant mode: the oldest observation still shown; zero: one step
    Aggregation aggregation = Aggregation::Mean;
    std::optional<int64_t> current; ///< where the slider stands (unset: at begin)
    QString timeZone = QStringLiteral("Europe/Berlin");
    double framesPerSecond = 2;
    bool loop = true;

    bool isValid() const { return begin < end && !step.isZero(); }
    QTimeZone zone() const;
    /// The window shown at frame time \a t.
    TimeWindow windowAt(int64_t t) const;
    /// Frame times in [begin, end), at most \a limit of them.
    std::vector<int64_t> frameTimes(size_t limit = 1000000) const;
    /// The frame time at or before \a t (begin when before the range).
    int64_t snap(int64_t t) const;

    QJsonObject toJson() const;
    /// Reads the "time" object; errors name the key.
    static Result<TemporalSettings> fromJson(const QJsonObject &json);
    bool operator==(const TemporalSettings &) const = default;
};

} // namespace kw
