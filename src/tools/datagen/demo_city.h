// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace kw::datagen {

struct DemoOptions
{
    uint64_t seed = 1;
    int days = 35; ///< of hourly readings, from 2026-09-01 00:00 local time
};

/// Writes kaiserslautern.gpkg and messwerte.csv into \a outDir; false with \a error on failure.
bool writeDemo(const std::string &outDir, const DemoOptions &options, std::string &error);

} // namespace kw::datagen
