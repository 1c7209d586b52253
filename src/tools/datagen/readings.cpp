// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/datagen/readings.h"

#include "tools/datagen/random.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

namespace kw::datagen {

namespace {

// Proleptic Gregorian calendar arithmetic (H. Hinnant's algorithms): no time zone database involved,
// so the output cannot depend on the machine's tzdata.
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + int64_t(doe) - 719468;
}

struct Civil
{
    int64_t y;
    unsigned m, d;
};

Civil civilFromDays(int64_t z)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t y = int64_t(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

/// 0 = Monday ... 6 = Sunday.
int weekday(int64_t days)
{
    return int(((days % 7) + 7 + 3) % 7);
}

int64_t lastSunday(int64_t year, unsigned month)
{
    const int64_t last = daysFromCivil(year, month + 1, 1) - 1;
    return last - (weekday(last) + 1) % 7;
}

/// Fixed-point formatting with a decimal comma: independent of the C locale the process runs in.
std::string germanNumber(double v, int decimals)
{
    const int64_t scale = decimals == 0 ? 1 : decimals == 1 ? 10 : 100;
    const int64_t q = std::llround(v * double(scale));
    std::string s = std::to_string(std::llabs(q) / scale);
    if (decimals > 0) {
        std::string frac = std::to_string(std::llabs(q) % scale);
        frac.insert(0, size_t(decimals) - frac.size(), '0');
        s += ',' + frac;
    }
    return q < 0 ? '-' + s : s;
}

enum DayType { Workday, Saturday, Sunday };

// Relative hourly profiles (index = local hour), shaped after typical German city counts.
constexpr double trafficProfile[3][24] = {{.10, .06, .05, .05, .09, .28, .70, 1.0, .95, .72, .64, .66,
                                           .70, .68, .72, .86, .98, 1.0, .80, .56, .42, .34, .26, .16},
                                          {.16, .10, .07, .06, .06, .10, .20, .34, .50, .64, .74, .80,
                                           .80, .76, .72, .68, .64, .60, .55, .46, .40, .36, .30, .22},
                                          {.18, .12, .09, .07, .05, .06, .09, .14, .22, .32, .42, .50,
                                           .52, .50, .50, .52, .54, .52, .48, .42, .34, .28, .22, .14}};
constexpr double pedestrianProfile[3][24] = {{.02, .01, .01, .01, .01, .02, .06, .15, .24, .36, .52, .72,
                                              .90, .86, .74, .76, .90, 1.0, .78, .48, .30, .20, .12, .05},
                                             {.06,  .04, .02, .01,  .01,  .01,  .03,  .07,
                                              .16,  .42, .84, 1.25, 1.45, 1.48, 1.40, 1.30,
                                              1.12, .86, .50, .34,  .28,  .24,  .18,  .10},
                                             {.07, .04, .02, .01, .01, .01, .02, .03, .05, .09, .16, .24,
                                              .30, .34, .36, .36, .34, .30, .24, .18, .12, .09, .06, .04}};
constexpr double parkingProfile[3][24] = {{.16, .14, .13, .13, .13, .15, .24, .48, .70, .82, .88, .90,
                                           .88, .86, .87, .88, .86, .78, .62, .46, .36, .28, .22, .18},
                                          {.18, .15, .14, .14, .14, .14, .17, .25, .42, .64, .84, .94,
                                           .96, .96, .94, .90, .82, .68, .52, .44, .40, .36, .30, .22},
                                          {.18, .16, .14, .13, .13, .13, .14, .16, .20, .24, .30, .34,
                                           .36, .36, .35, .34, .32, .30, .28, .26, .24, .22, .20, .18}};

} // namespace

int berlinOffsetHours(int64_t utcSeconds)
{
    const int64_t day = utcSeconds >= 0 ? utcSeconds / 86400 : (utcSeconds - 86399) / 86400;
    const int64_t year = civilFromDays(day).y;
    // Summer time runs from the last Sunday of March to the last Sunday of October, 01:00 UTC both times.
    const int64_t start = lastSunday(year, 3) * 86400 + 3600;
    const int64_t end = lastSunday(year, 10) * 86400 + 3600;
    return utcSeconds >= start && utcSeconds < end ? 2 : 1;
}

bool writeReadings(const std::string &path, const std::vector<SensorSeries> &sensors, int days, uint64_t seed,
                   std::string &error)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        error = "cannot write " + path;
        return false;
    }
    out << "sensor_id;zeitpunkt;groesse;wert;einheit\n";

    const int64_t startDay = daysFromCivil(2026, 9, 1);
    const int64_t localStart = startDay * 86400, localEnd = (startDay + days) * 86400;
    // Local midnight is 22:00 or 23:00 UTC the day before, depending on the season.
    int64_t utc = localStart - 2 * 3600;
    if (berlinOffsetHours(utc) != 2) utc = localStart - 3600;
    // Festival weekend in the city centre (Friday evening to Sunday night).
    const int64_t festivalFrom = daysFromCivil(2026, 9, 18) * 86400 + 16 * 3600;
    const int64_t festivalTo = daysFromCivil(2026, 9, 20) * 86400 + 23 * 3600;
    const int64_t holiday = daysFromCivil(2026, 10, 3); // Tag der Deutschen Einheit: shops closed

    Random master(seed * 0x9e3779b97f4a7c15ULL + 7);
    struct State
    {
        Random rng{0};
        int gapLeft = 0;
        double drift = 0;                       ///< slow per-sensor wander (calibration, local conditions)
        int64_t outageFrom = -1, outageTo = -1; ///< one long outage for a few sensors
    };
    std::vector<State> state(sensors.size());
    for (size_t i = 0; i < sensors.size(); ++i) {
        state[i].rng = master.fork(i + 1);
        if (state[i].rng.chance(0.12)) {
            const int64_t from = localStart + 86400 * state[i].rng.integer(3, std::max(3, days - 3));
            state[i].outageFrom = from + 3600 * state[i].rng.integer(0, 23);
            state[i].outageTo = state[i].outageFrom + 3600 * state[i].rng.integer(20, 60);
        }
    }
    Random weatherRng = master.fork(0x5eed);
    double weather = 0; // shared by all air-quality sites: inversions and wind affect the whole city

    char line[160];
    for (;; utc += 3600) {
        const int offset = berlinOffsetHours(utc);
        const int64_t local = utc + offset * 3600;
        if (local >= localEnd) break;
        const int64_t day = local / 86400;
        const Civil c = civilFromDays(day);
        const int hour = int((local % 86400) / 3600);
        const int wd = weekday(day);
        const DayType dt = (wd == 6 || day == holiday) ? Sunday : wd == 5 ? Saturday : Workday;
        const bool festival = local >= festivalFrom && local < festivalTo;
        char stamp[40];
        std::snprintf(stamp, sizeof stamp, "%04lld-%02u-%02uT%02d:00:00+%02d:00", (long long)c.y, c.m, c.d,
                      hour, offset);
        weather = 0.97 * weather + weatherRng.normal(0, 0.07);

        for (size_t i = 0; i < sensors.size(); ++i) {
            const SensorSeries &s = sensors[i];
            State &st = state[i];
            Random &r = st.rng;
            st.drift = 0.995 * st.drift + r.normal(0, 0.01);
            // Draw the gap and spike dice every hour, used or not, so each sensor's sequence stays aligned.
            const bool startGap = r.chance(0.004);
            const int gapLength = int(r.integer(1, 8));
            const bool spike = r.chance(0.0015);
            const double spikeFactor = r.uniform(2.5, 5.0);
            const double n1 = r.normal(), n2 = r.normal();
            if (st.gapLeft > 0) {
                --st.gapLeft;
                continue;
            }
            if (startGap) {
                st.gapLeft = gapLength - 1;
                continue;
            }
            if (utc >= st.outageFrom && utc < st.outageTo) continue;
            const double traffic = trafficProfile[dt][hour];
            const auto emit = [&](const char *quantity, const std::string &value, const char *unit) {
                std::snprintf(line, sizeof line, "%s;%s;%s;%s;%s\n", s.id.c_str(), stamp, quantity,
                              value.c_str(), unit);
                out << line;
            };
            switch (s.kind) {
            case SensorKind::Luftqualitaet: {
                const double w = std::exp(weather + st.drift);
                double no2 = (9 + 42 * s.level * traffic) * w + 3.0 * n1;
                double pm10 = (11 + 9 * s.level * traffic) * std::exp(0.8 * weather + st.drift) + 2.0 * n2;
                if (spike) {
                    no2 *= spikeFactor;
                    pm10 *= spikeFactor;
                }
                emit("NO2", germanNumber(std::max(1.5, no2), 1), "µg/m³");
                emit("PM10", germanNumber(std::max(2.0, pm10), 1), "µg/m³");
                break;
            }
            case SensorKind::Laerm: {
                // Energy sum of a quiet background and the traffic noise.
                const double background = 41 + 2 * st.drift;
                double trafficDb = 58 + 10 * std::log10(std::max(0.02, traffic)) + s.level;
                if (festival && s.central) trafficDb += hour >= 18 || hour < 2 ? 9 : 4;
                double la =
                    10 * std::log10(std::pow(10, background / 10) + std::pow(10, trafficDb / 10)) + 1.2 * n1;
                if (spike) la += 6 + 3 * spikeFactor;
                emit("LAeq", germanNumber(la, 1), "dB(A)");
                break;
            }
            case SensorKind::Verkehr: {
                double v = s.level * traffic * (1 + 0.07 * n1) * (1 + st.drift);
                if (spike) v *= 0.5 + spikeFactor / 2; // a diversion through this street
                emit("Verkehrsstaerke", germanNumber(std::max(0.0, std::round(v)), 0), "Fz/h");
                break;
            }
            case SensorKind::Parken: {
                double p = parkingProfile[dt][hour] * s.level;
                if (festival && s.central && hour >= 12) p = std::max(p, 0.97);
                p = 100 * p + 4 * n1;
                emit("Belegung", germanNumber(std::clamp(p, 0.0, 100.0), 1), "%");
                break;
            }
            case SensorKind::Passanten: {
                double v = s.level * pedestrianProfile[dt][hour] * (1 + 0.09 * n1);
                if (festival && s.central) {
                    // The festival fills the centre from the afternoon into the night.
                    const double boost = hour >= 17 || hour < 1 ? 4.5
                                         : hour >= 11           ? 3.0
                                         : hour < 3             ? 2.0
                                                                : 1.0;
                    v = std::max(v * boost, s.level * 0.25 * boost);
                }
                if (spike) v *= spikeFactor;
                emit("Passanten", germanNumber(std::max(0.0, std::round(v)), 0), "Personen/h");
                break;
            }
            }
        }
    }
    out.flush();
    if (!out) {
        error = "error writing " + path;
        return false;
    }
    return true;
}

} // namespace kw::datagen
