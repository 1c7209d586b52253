// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kw::datagen {

/// Sensor kinds, in the order their ids are numbered.
enum class SensorKind { Luftqualitaet, Laerm, Verkehr, Parken, Passanten };

/// \brief What the reading generator needs to know about one sensor site.
struct SensorSeries
{
    std::string id; ///< e.g. KL-LQ-001
    SensorKind kind;
    double level = 1.0;   ///< site scale: vehicles/h at peak, people/h at peak, relative pollution or noise
    bool central = false; ///< in the city centre: feels the festival
};

/// UTC offset of Europe/Berlin in hours (1 or 2) at the UTC instant \a utcSeconds (EU rule since 1996).
int berlinOffsetHours(int64_t utcSeconds);

/// Writes hourly readings of \a sensors in long format (German CSV conventions) for \a days days from
/// 2026-09-01 00:00 local time.
bool writeReadings(const std::string &path, const std::vector<SensorSeries> &sensors, int days, uint64_t seed,
                   std::string &error);

} // namespace kw::datagen
