// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/temporal/temporal_controller.h"

#include "core/temporal/time_format.h"

#include <QDateTime>
#include <limits>

namespace kw {

void TemporalController::apply(const QList<std::shared_ptr<Layer>> &layers, const TemporalSettings &settings,
                               std::optional<int64_t> t)
{
    const std::optional<TimeWindow> window =
        t ? std::optional<TimeWindow>(settings.windowAt(*t)) : std::nullopt;
    for (const auto &l : layers)
        if (l && l->isTemporal()) l->setTimeWindow(window);
}

std::optional<std::pair<int64_t, int64_t>>
TemporalController::timeExtent(const QList<std::shared_ptr<Layer>> &layers)
{
    int64_t lo = std::numeric_limits<int64_t>::max(), hi = std::numeric_limits<int64_t>::min();
    for (const auto &l : layers) {
        if (!l || !l->isTemporal()) continue;
        if (const auto e = l->timeExtent()) {
            lo = std::min(lo, e->first);
            hi = std::max(hi, e->second);
        }
    }
    if (lo > hi) return std::nullopt;
    return std::pair{lo, hi};
}

std::optional<TemporalSettings>
TemporalController::defaultSettings(const QList<std::shared_ptr<Layer>> &layers)
{
    const auto extent = timeExtent(layers);
    if (!extent) return std::nullopt;
    TemporalSettings s;
    const QTimeZone zone = s.zone();
    const int64_t span = extent->second - extent->first;
    const int64_t day = 86400000;
    QDateTime start = QDateTime::fromMSecsSinceEpoch(extent->first, zone);
    if (span > 3 * 366 * day) {
        s.step = Duration::fromParts(1, 0, 0);
        start = QDateTime(QDate(start.date().year(), start.date().month(), 1), QTime(0, 0), zone);
    } else if (span > 60 * day) {
        s.step = Duration::fromParts(0, 1, 0);
        start = QDateTime(start.date(), QTime(0, 0), zone);
    } else {
        s.step = Duration::fromMSecs(3600000);
        start = QDateTime(start.date(), QTime(start.time().hour(), 0), zone);
    }
    s.begin = start.toMSecsSinceEpoch();
    // The last observation must lie in the last frame's window: end after it by at least one step.
    s.end = s.step.addTo(s.begin, zone);
    while (s.end <= extent->second)
        s.end = s.step.addTo(s.end, zone);
    return s;
}

QString TemporalController::label(const TemporalSettings &settings, int64_t t)
{
    const TimeWindow w = settings.windowAt(t);
    if (w.instant) return TimeFormat::toDisplay(t, settings.zone());
    return TimeFormat::toDisplayRange(w.begin, w.end, settings.zone());
}

} // namespace kw
