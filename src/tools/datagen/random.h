// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

namespace kw::datagen {

/// \brief A splitmix64 generator with the few distributions the generators need.
///
/// The standard library's distributions are implementation-defined, so they would make the output depend
/// on the compiler; everything here is specified bit for bit.
class Random
{
public:
    explicit Random(uint64_t seed) : m_state(seed) {}

    uint64_t next()
    {
        uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    /// Uniform in [0, 1) with 53 random bits.
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    /// Uniform integer in [lo, hi] (inclusive); the modulo bias is far below anything visible.
    int64_t integer(int64_t lo, int64_t hi) { return lo + int64_t(next() % uint64_t(hi - lo + 1)); }
    bool chance(double p) { return uniform() < p; }

    /// Standard normal deviate (Box-Muller; one value per call keeps the sequence simple to reason about).
    double normal()
    {
        const double u1 = 1.0 - uniform(); // (0, 1]: log() stays finite
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    double normal(double mean, double sd) { return mean + sd * normal(); }

    /// Index drawn with probability proportional to \a weights.
    size_t weighted(const std::vector<double> &weights)
    {
        double total = 0;
        for (double w : weights)
            total += w;
        double x = uniform() * total;
        for (size_t i = 0; i < weights.size(); ++i) {
            if (x < weights[i]) return i;
            x -= weights[i];
        }
        return weights.size() - 1;
    }

    /// An independent generator for a sub-task, so adding draws in one part does not shift another part.
    Random fork(uint64_t salt) { return Random(next() ^ (salt * 0xd1342543de82ef95ULL)); }

private:
    uint64_t m_state;
};

} // namespace kw::datagen
