// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/feature_store.h"

#include <array>
#include <atomic>
#include <cmath>

namespace kw {

uint64_t InstanceSerial::next()
{
    static std::atomic<uint64_t> counter{0};
    return ++counter;
}

FeatureStore::FeatureStore(Fields fields, Crs crs) : m_crs(std::move(crs)), m_attributes(std::move(fields)) {}

void FeatureStore::reserve(size_t features, size_t vertices)
{
    m_fids.reserve(features);
    m_types.reserve(features);
    m_featPartStart.reserve(features + 1);
    m_partRingStart.reserve(features + 1);
    m_ringVertexStart.reserve(features + 1);
    if (vertices > 0)
        m_xy.reserve(2 * vertices);
    else
        m_expectedFeatures = features;
    m_attributes.reserve(features);
}

void FeatureStore::beginFeature(int64_t fid)
{
    if (m_expectedFeatures > 0 && m_fids.size() == 4096) {
        // 5 % headroom over the average so far: cheaper than a reallocation of the whole array.
        const double perFeature = double(m_xy.size()) / 2.0 / 4096.0;
        m_xy.reserve(size_t(2.0 * perFeature * 1.05 * double(m_expectedFeatures)) + 64);
        m_expectedFeatures = 0;
    }
    m_fids.push_back(fid);
    m_featPartStart.push_back(uint32_t(m_partRingStart.size()));
    m_curVertex0 = m_xy.size() / 2;
    m_curRing0 = m_ringVertexStart.size();
    m_curPart0 = m_partRingStart.size();
    m_attributes.appendRow();
}

void FeatureStore::beginPart()
{
    m_partRingStart.push_back(uint32_t(m_ringVertexStart.size()));
}

void FeatureStore::beginRing()
{
    m_ringVertexStart.push_back(uint32_t(m_xy.size() / 2));
}

void FeatureStore::endFeature(GeometryType type)
{
    m_types.push_back(uint8_t(type));
    if (m_partRingStart.size() == m_curPart0)
        ++m_report.empty;
}

void FeatureStore::discardCurrentGeometry()
{
    m_xy.resize(2 * m_curVertex0);
    m_ringVertexStart.resize(m_curRing0);
    m_partRingStart.resize(m_curPart0);
}

size_t FeatureStore::currentFeatureFirstVertex() const
{
    return m_curVertex0;
}

void FeatureStore::finish(bool buildIndex)
{
    if (m_finished)
        return;
    m_finished = true;
    m_ringVertexStart.push_back(uint32_t(m_xy.size() / 2));
    m_partRingStart.push_back(uint32_t(m_ringVertexStart.size() - 1));
    m_featPartStart.push_back(uint32_t(m_partRingStart.size() - 1));

    // A badly estimated vertex count can leave much of the array unused: give it back when that is worth
    // a copy (the copy briefly needs both arrays, so only for real waste).
    if (m_xy.capacity() > m_xy.size() + m_xy.size() / 2)
        m_xy.shrink_to_fit();
    const size_t n = m_fids.size();
    std::vector<Envelope> boxes(buildIndex ? n : 0);
    std::array<size_t, 5> familyCount{};
    for (size_t f = 0; f < n; ++f) {
        Envelope local;
        Envelope &b = buildIndex ? boxes[f] : local;
        const uint32_t v0 = vertexBegin(ringBegin(partBegin(f)));
        const uint32_t v1 = vertexBegin(ringBegin(partEnd(f)));
        bool bad = false;
        for (uint32_t v = v0; v < v1; ++v) {
            const double x = m_xy[2 * v], y = m_xy[2 * v + 1];
            if (std::isfinite(x) && std::isfinite(y))
                b.include(x, y);
            else
                bad = true;
        }
        if (bad)
            ++m_report.untransformable;
        m_extent.include(b);
        familyCount[size_t(familyOf(GeometryType(m_types[f])))]++;
    }
    size_t best = 0;
    for (size_t i = 1; i < familyCount.size(); ++i)
        if (familyCount[i] > familyCount[best] || (best == 0 && familyCount[i] > 0))
            best = i;
    m_family = GeometryFamily(best);
    if (buildIndex) {
        m_index.index = SpatialIndex(boxes);
        m_index.built = true;
    }
    m_attributes.finishLoading();
}

const SpatialIndex &FeatureStore::index() const
{
    if (!m_index.built.load(std::memory_order_acquire)) {
        std::lock_guard lock(m_index.mutex);
        if (!m_index.built.load(std::memory_order_relaxed)) {
            std::vector<Envelope> boxes(m_fids.size());
            for (size_t f = 0; f < boxes.size(); ++f)
                boxes[f] = featureEnvelope(f);
            m_index.index = SpatialIndex(boxes);
            m_index.built.store(true, std::memory_order_release);
        }
    }
    return m_index.index;
}

FeatureStore::LazyIndex::LazyIndex(const LazyIndex &o)
{
    *this = o;
}

FeatureStore::LazyIndex &FeatureStore::LazyIndex::operator=(const LazyIndex &o)
{
    if (this == &o)
        return *this;
    std::lock_guard lock(o.mutex);
    index = o.index;
    built.store(o.built.load());
    return *this;
}

Envelope FeatureStore::featureEnvelope(size_t f) const
{
    Envelope b;
    const uint32_t v0 = vertexBegin(ringBegin(partBegin(f)));
    const uint32_t v1 = vertexBegin(ringBegin(partEnd(f)));
    for (uint32_t v = v0; v < v1; ++v) {
        const double x = m_xy[2 * v], y = m_xy[2 * v + 1];
        if (std::isfinite(x) && std::isfinite(y))
            b.include(x, y);
    }
    return b;
}

Geometry FeatureStore::geometry(size_t f) const
{
    Geometry g(geometryType(f));
    for (uint32_t p = partBegin(f); p < partEnd(f); ++p) {
        g.beginPart();
        for (uint32_t r = ringBegin(p); r < ringEnd(p); ++r) {
            g.beginRing();
            for (uint32_t v = vertexBegin(r); v < vertexEnd(r); ++v)
                g.addVertex(m_xy[2 * v], m_xy[2 * v + 1]);
        }
    }
    return g;
}

size_t FeatureStore::memoryUsage() const
{
    return m_xy.capacity() * sizeof(double) + m_ringVertexStart.capacity() * 4 + m_partRingStart.capacity() * 4 +
           m_featPartStart.capacity() * 4 + m_fids.capacity() * 8 + m_types.capacity() +
           (m_index.built ? m_index.index.memoryUsage() : 0);
}

} // namespace kw
