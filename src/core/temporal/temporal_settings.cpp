// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/temporal/temporal_settings.h"

#include "core/temporal/time_format.h"

#include <algorithm>

namespace kw {

QTimeZone TemporalSettings::zone() const
{
    const auto z = TimeFormat::zone(timeZone);
    return z ? *z : TimeFormat::displayZone();
}

TimeWindow TemporalSettings::windowAt(int64_t t) const
{
    const QTimeZone z = zone();
    if (windowMode == WindowMode::Instant) {
        const Duration tol = tolerance.isZero() ? step : tolerance;
        return TimeWindow::at(t, t - tol.subtractFrom(t, z));
    }
    const Duration w = window.isZero() ? step : window;
    return TimeWindow::interval(t, w.addTo(t, z), aggregation);
}

std::vector<int64_t> TemporalSettings::frameTimes(size_t limit) const
{
    std::vector<int64_t> frames;
    if (!isValid()) return frames;
    const QTimeZone z = zone();
    // Each frame is begin + k steps (not the previous frame + one step), so month steps from the 31st do
    // not drift to the 28th.
    for (int64_t k = 0; frames.size() < limit; ++k) {
        const Duration kSteps =
            Duration::fromParts(int(step.months() * k), int(step.days() * k), step.msecs() * k);
        const int64_t t = kSteps.addTo(begin, z);
        if (t >= end) break;
        if (!frames.empty() && t <= frames.back()) break;
        frames.push_back(t);
    }
    return frames;
}

int64_t TemporalSettings::snap(int64_t t) const
{
    const std::vector<int64_t> frames = frameTimes();
    if (frames.empty() || t <= frames.front()) return begin;
    const auto it = std::upper_bound(frames.begin(), frames.end(), t);
    return *(it - 1);
}

QJsonObject TemporalSettings::toJson() const
{
    const QTimeZone z = zone();
    QJsonObject o;
    o[QStringLiteral("range")] = QJsonObject{{QStringLiteral("begin"), TimeFormat::toIsoLocal(begin, z)},
                                             {QStringLiteral("end"), TimeFormat::toIsoLocal(end, z)}};
    o[QStringLiteral("step")] = step.toString();
    QJsonObject w;
    if (windowMode == WindowMode::Instant) {
        w[QStringLiteral("mode")] = QStringLiteral("instant");
        if (!tolerance.isZero()) w[QStringLiteral("tolerance")] = tolerance.toString();
    } else {
        w[QStringLiteral("mode")] = QStringLiteral("interval");
        if (!window.isZero()) w[QStringLiteral("duration")] = window.toString();
    }
    o[QStringLiteral("window")] = w;
    o[QStringLiteral("aggregation")] = aggregationName(aggregation);
    if (current) o[QStringLiteral("current")] = TimeFormat::toIsoLocal(*current, z);
    o[QStringLiteral("time_zone")] = timeZone;
    o[QStringLiteral("fps")] = framesPerSecond;
    o[QStringLiteral("loop")] = loop;
    return o;
}

Result<TemporalSettings> TemporalSettings::fromJson(const QJsonObject &json)
{
    TemporalSettings s;
    s.timeZone = json.value(QLatin1String("time_zone")).toString(s.timeZone);
    const auto zone = TimeFormat::zone(s.timeZone);
    if (!zone) return Error::input(QStringLiteral("time/time_zone: unknown time zone '%1'").arg(s.timeZone));
    const auto instant = [&](const QJsonValue &v, const QString &key) -> Result<int64_t> {
        const auto t = TimeFormat::parseInstant(v.toString(), *zone);
        if (!t)
            return Error::input(
                QStringLiteral("time/%1: '%2' is not an ISO 8601 time").arg(key, v.toString()));
        return *t;
    };
    const QJsonObject range = json.value(QLatin1String("range")).toObject();
    auto b = instant(range.value(QLatin1String("begin")), QStringLiteral("range/begin"));
    if (!b.ok()) return b.error();
    auto e = instant(range.value(QLatin1String("end")), QStringLiteral("range/end"));
    if (!e.ok()) return e.error();
    if (*e <= *b) return Error::input(QStringLiteral("time/range: end must be after begin"));
    s.begin = *b;
    s.end = *e;
    if (json.contains(QLatin1String("step"))) {
        auto step = Duration::parse(json.value(QLatin1String("step")).toString());
        if (!step.ok() || step->isZero())
            return Error::input(
                QStringLiteral("time/step: %1")
                    .arg(step.ok() ? QStringLiteral("must not be zero") : step.error().message));
        s.step = *step;
    }
    const QJsonObject w = json.value(QLatin1String("window")).toObject();
    const QString mode = w.value(QLatin1String("mode")).toString(QStringLiteral("interval"));
    if (mode == QLatin1String("instant"))
        s.windowMode = WindowMode::Instant;
    else if (mode != QLatin1String("interval"))
        return Error::input(QStringLiteral("time/window/mode: '%1' (use interval or instant)").arg(mode));
    for (const auto &[key, target] : {std::pair{QStringLiteral("duration"), &s.window},
                                      std::pair{QStringLiteral("tolerance"), &s.tolerance}}) {
        if (!w.contains(key)) continue;
        auto d = Duration::parse(w.value(key).toString());
        if (!d.ok()) return Error::input(QStringLiteral("time/window/%1: %2").arg(key, d.error().message));
        *target = *d;
    }
    if (json.contains(QLatin1String("aggregation"))) {
        const auto a = aggregationFromName(json.value(QLatin1String("aggregation")).toString());
        if (!a)
            return Error::input(QStringLiteral("time/aggregation: '%1' (use %2)")
                                    .arg(json.value(QLatin1String("aggregation")).toString(),
                                         aggregationNames().join(QStringLiteral(", "))));
        s.aggregation = *a;
    }
    if (json.contains(QLatin1String("current"))) {
        auto c = instant(json.value(QLatin1String("current")), QStringLiteral("current"));
        if (!c.ok()) return c.error();
        s.current = *c;
    }
    s.framesPerSecond = json.value(QLatin1String("fps")).toDouble(s.framesPerSecond);
    if (!(s.framesPerSecond > 0 && s.framesPerSecond <= 120))
        return Error::input(QStringLiteral("time/fps: must be between 0 and 120"));
    s.loop = json.value(QLatin1String("loop")).toBool(s.loop);
    return s;
}

} // namespace kw
