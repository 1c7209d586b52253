// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/feature_store.h"

namespace kw::analysis {

/// Appends \a g as a new feature \a fid of \a store (attributes are set by the caller afterwards).
inline void appendFeature(FeatureStore &store, int64_t fid, const Geometry &g)
{
    store.beginFeature(fid);
    const auto &ringEnds = g.ringEnds();
    const auto &partEnds = g.partRingEnds();
    const auto &xy = g.xy();
    uint32_t ring = 0;
    for (uint32_t partEnd : partEnds) {
        store.beginPart();
        for (; ring < partEnd; ++ring) {
            store.beginRing();
            const uint32_t v0 = ring == 0 ? 0 : ringEnds[ring - 1];
            for (uint32_t v = v0; v < ringEnds[ring]; ++v)
                store.addVertex(xy[2 * v], xy[2 * v + 1]);
        }
    }
    store.endFeature(g.type());
}

/// Copies row \a row of \a from into the current (last) row of \a to, column \a offset onwards.
inline void copyRow(const AttributeTable &from, size_t row, AttributeTable &to, int offset = 0)
{
    for (int c = 0; c < from.columnCount(); ++c)
        if (!from.isNull(row, c)) to.setVariant(c + offset, from.value(row, c));
}

} // namespace kw::analysis
