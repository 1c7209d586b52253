// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/geometry/envelope.h"

#include <QPointF>

#include <cstddef>

namespace kw {

/// \brief Transforms coordinates between two CRSs with PROJ, always in x=easting/longitude order.
///
/// A cheap value: the PROJ operation is created lazily per thread (PROJ objects are bound to one
/// context, and contexts must not be shared between threads), so copies can be handed to render threads.
class CoordinateTransform
{
public:
    CoordinateTransform() = default;
    CoordinateTransform(const Crs &source, const Crs &destination);

    bool isValid() const { return m_src.isValid() && m_dst.isValid(); }
    /// True when source and destination are the same: transform() is then a no-op.
    bool isIdentity() const { return m_identity; }
    const Crs &source() const { return m_src; }
    const Crs &destination() const { return m_dst; }

    /// Checks that PROJ can build an operation between the two CRSs.
    Status check() const;

    /// Transforms \a count interleaved x,y pairs in place; points that fail become infinity.
    Status transformInPlace(double *xy, size_t count, bool inverse = false) const;
    QPointF transform(const QPointF &p, bool inverse = false) const;
    /// Transforms a box, densifying its edges so curved edges are covered.
    Envelope transformBounds(const Envelope &e, bool inverse = false) const;

private:
    Crs m_src;
    Crs m_dst;
    bool m_identity = true;
};

} // namespace kw
