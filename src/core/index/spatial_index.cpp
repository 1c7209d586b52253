// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/index/spatial_index.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace kw {

namespace {

// Hilbert curve index of (x, y) on a 2^16 grid (Warren's "Hacker's Delight" iterative variant).
uint32_t hilbert(uint32_t x, uint32_t y)
{
    uint32_t a = x ^ y;
    uint32_t b = 0xFFFF ^ a;
    uint32_t c = 0xFFFF ^ (x | y);
    uint32_t d = x & (y ^ 0xFFFF);

    uint32_t A = a | (b >> 1);
    uint32_t B = (a >> 1) ^ a;
    uint32_t C = ((c >> 1) ^ (b & (d >> 1))) ^ c;
    uint32_t D = ((a & (c >> 1)) ^ (d >> 1)) ^ d;

    a = A; b = B; c = C; d = D;
    A = ((a & (a >> 2)) ^ (b & (b >> 2)));
    B = ((a & (b >> 2)) ^ (b & ((a ^ b) >> 2)));
    C ^= ((a & (c >> 2)) ^ (b & (d >> 2)));
    D ^= ((b & (c >> 2)) ^ ((a ^ b) & (d >> 2)));

    a = A; b = B; c = C; d = D;
    A = ((a & (a >> 4)) ^ (b & (b >> 4)));
    B = ((a & (b >> 4)) ^ (b & ((a ^ b) >> 4)));
    C ^= ((a & (c >> 4)) ^ (b & (d >> 4)));
    D ^= ((b & (c >> 4)) ^ ((a ^ b) & (d >> 4)));

    a = A; b = B; c = C; d = D;
    C ^= ((a & (c >> 8)) ^ (b & (d >> 8)));
    D ^= ((b & (c >> 8)) ^ ((a ^ b) & (d >> 8)));

    a = C ^ (C >> 1);
    b = D ^ (D >> 1);

    uint32_t i0 = x ^ y;
    uint32_t i1 = b | (0xFFFF ^ (i0 | a));

    i0 = (i0 | (i0 << 8)) & 0x00FF00FF;
    i0 = (i0 | (i0 << 4)) & 0x0F0F0F0F;
    i0 = (i0 | (i0 << 2)) & 0x33333333;
    i0 = (i0 | (i0 << 1)) & 0x55555555;

    i1 = (i1 | (i1 << 8)) & 0x00FF00FF;
    i1 = (i1 | (i1 << 4)) & 0x0F0F0F0F;
    i1 = (i1 | (i1 << 2)) & 0x33333333;
    i1 = (i1 | (i1 << 1)) & 0x55555555;

    return (i1 << 1) | i0;
}

float down(double v)
{
    float f = float(v);
    return double(f) > v ? std::nextafter(f, -std::numeric_limits<float>::infinity()) : f;
}

float up(double v)
{
    float f = float(v);
    return double(f) < v ? std::nextafter(f, std::numeric_limits<float>::infinity()) : f;
}

} // namespace

SpatialIndex::SpatialIndex(const std::vector<Envelope> &boxes, int nodeSize)
    : m_nodeSize(size_t(std::clamp(nodeSize, 2, 65535)))
{
    // Items with null boxes (empty geometries) are left out of the tree entirely.
    std::vector<uint32_t> items;
    items.reserve(boxes.size());
    for (uint32_t i = 0; i < boxes.size(); ++i) {
        if (!boxes[i].isNull()) {
            items.push_back(i);
            m_extent.include(boxes[i]);
        }
    }
    m_numItems = items.size();
    if (m_numItems == 0)
        return;

    size_t n = m_numItems;
    size_t numNodes = n;
    m_levelBounds.push_back(n);
    do {
        n = (n + m_nodeSize - 1) / m_nodeSize;
        numNodes += n;
        m_levelBounds.push_back(numNodes);
    } while (n != 1);

    const double w = std::max(m_extent.width(), 1e-12);
    const double h = std::max(m_extent.height(), 1e-12);
    std::vector<std::pair<uint32_t, uint32_t>> keyed(m_numItems);
    for (size_t i = 0; i < m_numItems; ++i) {
        const Envelope &b = boxes[items[i]];
        const auto hx = uint32_t(65535.0 * ((b.xmin + b.xmax) / 2 - m_extent.xmin) / w);
        const auto hy = uint32_t(65535.0 * ((b.ymin + b.ymax) / 2 - m_extent.ymin) / h);
        keyed[i] = {hilbert(hx, hy), items[i]};
    }
    std::sort(keyed.begin(), keyed.end());

    m_boxes.resize(numNodes * 4);
    m_indices.resize(numNodes);
    for (size_t i = 0; i < m_numItems; ++i) {
        const Envelope &b = boxes[keyed[i].second];
        float *o = &m_boxes[4 * i];
        o[0] = down(b.xmin);
        o[1] = down(b.ymin);
        o[2] = up(b.xmax);
        o[3] = up(b.ymax);
        m_indices[i] = keyed[i].second;
    }

    size_t pos = 0;
    size_t out = m_numItems;
    for (size_t level = 0; level + 1 < m_levelBounds.size(); ++level) {
        const size_t end = m_levelBounds[level];
        while (pos < end) {
            const size_t nodeStart = pos;
            float nb[4] = {std::numeric_limits<float>::infinity(), std::numeric_limits<float>::infinity(),
                           -std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity()};
            for (size_t j = 0; j < m_nodeSize && pos < end; ++j, ++pos) {
                const float *b = &m_boxes[4 * pos];
                nb[0] = std::min(nb[0], b[0]);
                nb[1] = std::min(nb[1], b[1]);
                nb[2] = std::max(nb[2], b[2]);
                nb[3] = std::max(nb[3], b[3]);
            }
            float *o = &m_boxes[4 * out];
            std::copy(nb, nb + 4, o);
            m_indices[out] = uint32_t(nodeStart);
            ++out;
        }
    }
}

std::vector<uint32_t> SpatialIndex::query(const Envelope &q) const
{
    std::vector<uint32_t> ids;
    query(q, [&ids](uint32_t id) { ids.push_back(id); });
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace kw
