// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crs/coordinate_transform.h"

#include "core/crs/proj_context.h"

#include <QHash>

#include <cmath>
#include <limits>

namespace kw {

namespace {

// Operations are costly to create (database lookups, grid discovery) and cheap to reuse: cache them per
// thread. The context is created first so that it outlives the cached operations at thread exit.
struct OperationCache
{
    PJ_CONTEXT *ctx = proj::context();
    QHash<QString, PJ *> ops;
    ~OperationCache()
    {
        for (PJ *p : std::as_const(ops))
            if (p)
                proj_destroy(p);
    }
};

PJ *operationFor(const Crs &src, const Crs &dst)
{
    thread_local OperationCache cache;
    const QString key = src.wkt() + QStringLiteral("\n=>\n") + dst.wkt();
    auto it = cache.ops.constFind(key);
    if (it != cache.ops.constEnd())
        return *it;
    PJ *result = nullptr;
    proj::PjPtr s(proj_create(cache.ctx, src.wkt().toUtf8().constData()));
    proj::PjPtr d(proj_create(cache.ctx, dst.wkt().toUtf8().constData()));
    if (s && d) {
        proj::PjPtr op(proj_create_crs_to_crs_from_pj(cache.ctx, s.pj, d.pj, nullptr, nullptr));
        if (op)
            result = proj_normalize_for_visualization(cache.ctx, op.pj);
    }
    cache.ops.insert(key, result);
    return result;
}

} // namespace

CoordinateTransform::CoordinateTransform(const Crs &source, const Crs &destination)
    : m_src(source), m_dst(destination), m_identity(!source.isValid() || !destination.isValid() || source == destination)
{
}

Status CoordinateTransform::check() const
{
    if (m_identity)
        return {};
    if (!operationFor(m_src, m_dst))
        return Error::input(QStringLiteral("no coordinate operation from %1 to %2")
                                .arg(m_src.description(), m_dst.description()));
    return {};
}

Status CoordinateTransform::transformInPlace(double *xy, size_t count, bool inverse) const
{
    if (m_identity || count == 0)
        return {};
    PJ *op = operationFor(m_src, m_dst);
    if (!op)
        return Error::input(QStringLiteral("no coordinate operation from %1 to %2")
                                .arg(m_src.description(), m_dst.description()));
    proj_trans_generic(op, inverse ? PJ_INV : PJ_FWD, xy, 2 * sizeof(double), count, xy + 1, 2 * sizeof(double),
                       count, nullptr, 0, 0, nullptr, 0, 0);
    // PROJ marks failed points with HUGE_VAL; keep them recognisable but harmless for drawing.
    for (size_t i = 0; i < 2 * count; ++i)
        if (!std::isfinite(xy[i]) || std::abs(xy[i]) >= HUGE_VAL)
            xy[i] = std::numeric_limits<double>::infinity();
    return {};
}

QPointF CoordinateTransform::transform(const QPointF &p, bool inverse) const
{
    double xy[2] = {p.x(), p.y()};
    transformInPlace(xy, 1, inverse);
    return {xy[0], xy[1]};
}

Envelope CoordinateTransform::transformBounds(const Envelope &e, bool inverse) const
{
    if (m_identity || e.isNull())
        return e;
    PJ *op = operationFor(m_src, m_dst);
    if (!op)
        return {};
    double x0, y0, x1, y1;
    if (!proj_trans_bounds(proj::context(), op, inverse ? PJ_INV : PJ_FWD, e.xmin, e.ymin, e.xmax, e.ymax, &x0, &y0,
                           &x1, &y1, 21))
        return {};
    return {x0, y0, x1, y1};
}

} // namespace kw
