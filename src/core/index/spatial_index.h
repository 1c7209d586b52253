// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry/envelope.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace kw {

/// \brief A static packed R-tree (items sorted along a Hilbert curve, fixed node size), built once.
///
/// Built after a layer is loaded; read-only afterwards, so any number of render threads can query it.
/// Boxes are stored as floats rounded outwards (a box can only grow, by less than a metre at UTM
/// northings), so a query never misses an item: four floats and one index per node, about 21 bytes per item.
class SpatialIndex
{
public:
    SpatialIndex() = default;
    /// Builds the tree over \a boxes; item ids are positions in that vector. Null boxes are never found.
    explicit SpatialIndex(const std::vector<Envelope> &boxes, int nodeSize = 16);

    size_t size() const { return m_numItems; }
    size_t memoryUsage() const { return m_boxes.capacity() * sizeof(float) + m_indices.capacity() * 4; }
    Envelope extent() const { return m_extent; }

    /// Calls \a visit(id) for every item whose box intersects \a query, in no particular order (plus, rarely,
    /// items within float rounding of it: callers test geometries exactly where it matters).
    template <typename Visitor> void query(const Envelope &q, Visitor &&visit) const
    {
        if (m_numItems == 0 || q.isNull() || !q.intersects(m_extent))
            return;
        std::vector<size_t> stack;
        stack.reserve(64);
        size_t nodeIndex = m_boxes.size() / 4 - 1; // root
        int level = int(m_levelBounds.size()) - 1;
        std::vector<int> levels;
        levels.reserve(64);
        while (true) {
            const size_t end = std::min(nodeIndex + m_nodeSize, m_levelBounds[level]);
            for (size_t pos = nodeIndex; pos < end; ++pos) {
                const float *b = &m_boxes[4 * pos];
                if (q.xmax < b[0] || q.ymax < b[1] || q.xmin > b[2] || q.ymin > b[3])
                    continue;
                if (nodeIndex < m_numItems) {
                    visit(m_indices[pos]);
                } else {
                    stack.push_back(m_indices[pos]);
                    levels.push_back(level - 1);
                }
            }
            if (stack.empty())
                break;
            nodeIndex = stack.back();
            stack.pop_back();
            level = levels.back();
            levels.pop_back();
        }
    }

    /// Ids of the items intersecting \a q, ascending (the source's drawing order).
    std::vector<uint32_t> query(const Envelope &q) const;

private:
    size_t m_numItems = 0;
    size_t m_nodeSize = 16;
    Envelope m_extent;
    std::vector<size_t> m_levelBounds; // end position (in nodes) of each level, leaves first
    std::vector<float> m_boxes;         // 4 per node, rounded outwards
    std::vector<uint32_t> m_indices;    // item id for leaves, first-child position for inner nodes
};

} // namespace kw
