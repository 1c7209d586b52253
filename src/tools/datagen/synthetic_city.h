// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace kw::datagen {

struct CityOptions
{
    int64_t buildings = 100000;
    int64_t roads = -1; ///< -1: half the buildings
    uint64_t seed = 1;
};

/// Writes the benchmark city (layers districts, buildings, roads) to \a path; false with \a error on failure.
bool writeSyntheticCity(const std::string &path, const CityOptions &options, std::string &error);

} // namespace kw::datagen
