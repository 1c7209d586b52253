// SPDX-License-Identifier: GPL-3.0-or-later
// kartenwerk-datagen: deterministic demo and benchmark data (see resources/demo/README.md).
#include "tools/datagen/demo_city.h"
#include "tools/datagen/synthetic_city.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

const char *const usage = R"(Usage:
  kartenwerk-datagen demo OUTDIR [--seed S] [--days D]
      Kaiserslautern demo: OUTDIR/kaiserslautern.gpkg and OUTDIR/messwerte.csv
  kartenwerk-datagen city OUT.gpkg --buildings N [--roads M] [--seed S]
      synthetic benchmark city (layers districts, buildings, roads; M defaults to N/2)

Equal arguments give equal output. Exit codes: 0 ok, 1 usage error, 3 cannot write.
)";

bool parseInt(const char *text, int64_t &value)
{
    char *end = nullptr;
    const long long v = std::strtoll(text, &end, 10);
    if (!text[0] || *end || v < 0) return false;
    value = v;
    return true;
}

int usageError(const char *message)
{
    std::fprintf(stderr, "kartenwerk-datagen: %s\n\n%s", message, usage);
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) return usageError("no command given");
    const std::string command = argv[1];
    if (command == "-h" || command == "--help") {
        std::fputs(usage, stdout);
        return 0;
    }
    if (command != "demo" && command != "city")
        return usageError(("unknown command '" + command + "'").c_str());
    std::string target;
    int64_t buildings = -1, roads = -1, seed = 1, days = 35;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&](int64_t &v) {
            if (i + 1 >= argc || !parseInt(argv[i + 1], v)) return false;
            ++i;
            return true;
        };
        if (arg == "--buildings" && command == "city") {
            if (!value(buildings)) return usageError("--buildings needs a non-negative number");
        } else if (arg == "--roads" && command == "city") {
            if (!value(roads)) return usageError("--roads needs a non-negative number");
        } else if (arg == "--days" && command == "demo") {
            if (!value(days) || days < 1 || days > 3660)
                return usageError("--days needs a number from 1 to 3660");
        } else if (arg == "--seed") {
            if (!value(seed)) return usageError("--seed needs a non-negative number");
        } else if (!arg.empty() && arg[0] == '-') {
            return usageError(("unknown option " + arg).c_str());
        } else if (target.empty()) {
            target = arg;
        } else {
            return usageError(("unexpected argument " + arg).c_str());
        }
    }
    if (target.empty()) return usageError(command == "demo" ? "no OUTDIR given" : "no output file given");

    const auto t0 = std::chrono::steady_clock::now();
    std::string error;
    bool ok;
    if (command == "city") {
        if (buildings < 0) return usageError("city needs --buildings N");
        kw::datagen::CityOptions options;
        options.buildings = buildings;
        options.roads = roads;
        options.seed = uint64_t(seed);
        ok = kw::datagen::writeSyntheticCity(target, options, error);
    } else {
        kw::datagen::DemoOptions options;
        options.seed = uint64_t(seed);
        options.days = int(days);
        ok = kw::datagen::writeDemo(target, options, error);
    }
    if (!ok) {
        std::fprintf(stderr, "kartenwerk-datagen: %s\n", error.c_str());
        return 3;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "kartenwerk-datagen: wrote %s in %.1f s\n", target.c_str(), seconds);
    return 0;
}
