// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/thin_line_rasterizer.h"

#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cmath>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#define KW_THIN_LINES_SSE2
#endif

namespace kw {

namespace {

/// x·a + y·b per channel of two premultiplied pixels, a + b = 255, rounded as Qt's INTERPOLATE_PIXEL_255.
inline quint32 interpolate255(quint32 x, quint32 a, quint32 y, quint32 b)
{
    quint32 t = (x & 0xff00ff) * a + (y & 0xff00ff) * b;
    t = (t + ((t >> 8) & 0xff00ff) + 0x800080) >> 8;
    t &= 0xff00ff;
    x = ((x >> 8) & 0xff00ff) * a + ((y >> 8) & 0xff00ff) * b;
    x = x + ((x >> 8) & 0xff00ff) + 0x800080;
    x &= 0xff00ff00;
    return x | t;
}

/// Length of [c - e, c + e] ∩ [lo, hi], divided by 2e: the share of a pixel's projected footprint inside.
inline float overlap(float c, float e, float lo, float hi, float inv2e)
{
    const float len = std::min(c + e, hi) - std::max(c - e, lo);
    return std::min(std::max(len * inv2e, 0.0f), 1.0f);
}

/// Share of a pixel's area at signed distance below \a x from its centre, across a line whose normal is
/// (a, b) up to sign and order (a >= b): the pixel's projection on the normal is a trapezoid, flat over
/// [-k, k] at height 1/a with linear flanks out to ±e, e = (a + b)/2, k = (a - b)/2. This is the exact
/// coverage of a pixel by a half-plane, what makes diagonal edges as sharp as Qt's.
inline float footprintBelow(float x, float e, float k, float ia, float i2ab, float base)
{
    const float u = std::min(std::max(x, -e), e);
    const float q1 = std::min(u, -k) + e, q3 = e - std::max(u, k);
    return (q1 * q1 - q3 * q3) * i2ab + (std::min(std::max(u, -k), k) + k) * ia + base;
}

/// floor() and ceil() for the coordinates here (a few thousand pixels at most); std::floor is a libm
/// call without SSE4.1.
inline int floorInt(float v)
{
    const int i = int(v);
    return i - (float(i) > v);
}
inline int ceilInt(float v)
{
    const int i = int(v);
    return i + (float(i) < v);
}

constexpr int kTile = 32;               // pixels; a tile of 32-bit pixels is 4 KiB, well inside L1
constexpr size_t kQueueLimit = 1 << 18; // segments queued before drawing: 5 MiB
constexpr size_t kDirectLimit = 1024;   // fewer are drawn in the order they came, without tiles

} // namespace

ThinLineRasterizer::ThinLineRasterizer(QPainter &painter)
{
    QPaintDevice *device = painter.device();
    if (!device || device->devType() != QInternal::Image || !painter.isActive()) return;
    auto *image = static_cast<QImage *>(device);
    if (image->format() != QImage::Format_ARGB32_Premultiplied && image->format() != QImage::Format_RGB32)
        return;
    if (!painter.testRenderHint(QPainter::Antialiasing) || painter.hasClipping() || painter.opacity() < 1.0 ||
        painter.compositionMode() != QPainter::CompositionMode_SourceOver)
        return;
    const QTransform t = painter.deviceTransform();
    if (t.type() > QTransform::TxScale || t.m11() != t.m22() || t.m11() <= 0) return;
    m_scale = t.m11();
    m_dx = t.dx();
    m_dy = t.dy();
    m_clip = image->rect();
    if (m_clip.isEmpty()) return;
    m_tilesX = (m_clip.width() + kTile - 1) / kTile;
    m_tilesY = (m_clip.height() + kTile - 1) / kTile;
    // The painter has detached the image when it began, so bits() does not copy; the raster engine
    // draws immediately, so what is written here lands between its own operations in order.
    m_stride = image->bytesPerLine();
    m_width = image->width();
    m_bits = image->bits();
}

void ThinLineRasterizer::add(const QLineF *segments, size_t count, double width, QRgb color)
{
    if (!m_bits || width <= 0) return;
    const double h = width * m_scale / 2;
    const uint32_t styleIndex = styleFor(float(h), color);
    // Segments are clipped to the image widened by more than their reach, so that floats keep sub-pixel
    // precision however far outside a zoomed-in view their ends lie; the cut ends are never seen.
    const double m = h + 4;
    const double left = m_clip.left() - m, top = m_clip.top() - m;
    const double right = m_clip.right() + 1 + m, bottom = m_clip.bottom() + 1 + m;
    for (size_t i = 0; i < count; ++i) {
        const QLineF &l = segments[i];
        double ax = l.x1() * m_scale + m_dx, ay = l.y1() * m_scale + m_dy;
        double bx = l.x2() * m_scale + m_dx, by = l.y2() * m_scale + m_dy;
        if (!std::isfinite(ax) || !std::isfinite(ay) || !std::isfinite(bx) || !std::isfinite(by)) continue;
        if (std::max(ax, bx) < left || std::min(ax, bx) > right || std::max(ay, by) < top ||
            std::min(ay, by) > bottom)
            continue;
        if (ax < left || ax > right || ay < top || ay > bottom || bx < left || bx > right || by < top ||
            by > bottom) {
            // Liang–Barsky against the widened image.
            const double dx = bx - ax, dy = by - ay;
            double t0 = 0, t1 = 1;
            const auto edge = [&](double p, double q) {
                if (p == 0) return q >= 0;
                const double r = q / p;
                if (p < 0)
                    t0 = std::max(t0, r);
                else
                    t1 = std::min(t1, r);
                return t0 <= t1;
            };
            if (!edge(-dx, ax - left) || !edge(dx, right - ax) || !edge(-dy, ay - top) ||
                !edge(dy, bottom - ay))
                continue;
            bx = ax + t1 * dx;
            by = ay + t1 * dy;
            ax += t0 * dx;
            ay += t0 * dy;
        }
        m_queue.push_back({float(ax), float(ay), float(bx), float(by), styleIndex});
    }
    if (m_queue.size() >= kQueueLimit) flush();
}

uint32_t ThinLineRasterizer::styleFor(float halfWidth, QRgb color)
{
    // Features of a few styles come interleaved (categories, dots between lines): look back a little.
    const Style style{halfWidth, color | 0xff000000u};
    const size_t n = m_styles.size();
    for (size_t k = n; k > 0 && k + 4 > n; --k)
        if (m_styles[k - 1].halfWidth == style.halfWidth && m_styles[k - 1].color == style.color)
            return uint32_t(k - 1);
    m_styles.push_back(style);
    return uint32_t(n);
}

void ThinLineRasterizer::addDot(const QPointF &centre, double size, QRgb color)
{
    if (!m_bits || size <= 0) return;
    const double h = size * m_scale / 2;
    const double x = centre.x() * m_scale + m_dx, y = centre.y() * m_scale + m_dy;
    if (!(x + h > m_clip.left() && x - h < m_clip.right() + 1 && y + h > m_clip.top() &&
          y - h < m_clip.bottom() + 1))
        return; // outside, or not finite
    m_queue.push_back({float(x), float(y), float(x), float(y), styleFor(float(h), color)});
    if (m_queue.size() >= kQueueLimit) flush();
}

template <typename F> void ThinLineRasterizer::forEachTile(const Segment &s, F &&f) const
{
    // Tiles that pixels within reach of the segment fall in; reach covers the width and the antialiasing.
    const float reach = m_styles[s.style].halfWidth + 1.0f;
    const float ylo = std::min(s.ay, s.by) - reach, yhi = std::max(s.ay, s.by) + reach;
    const int ty0 = std::max(0, floorInt((ylo - float(m_clip.top()))) / kTile);
    const int ty1 = std::min(m_tilesY - 1, floorInt((yhi - float(m_clip.top()))) / kTile);
    const float dx = s.bx - s.ax, dy = s.by - s.ay;
    for (int ty = ty0; ty <= ty1; ++ty) {
        // The part of the segment within reach of this band of tiles, and its x range.
        float x0 = std::min(s.ax, s.bx), x1 = std::max(s.ax, s.bx);
        if (ty0 != ty1 && std::abs(dy) > 1e-6f) {
            const float bandLo = float(m_clip.top() + ty * kTile) - reach,
                        bandHi = float(m_clip.top() + (ty + 1) * kTile) + reach;
            float u0 = (bandLo - s.ay) / dy, u1 = (bandHi - s.ay) / dy;
            if (u0 > u1) std::swap(u0, u1);
            u0 = std::clamp(u0, 0.0f, 1.0f);
            u1 = std::clamp(u1, 0.0f, 1.0f);
            x0 = std::min(s.ax + u0 * dx, s.ax + u1 * dx);
            x1 = std::max(s.ax + u0 * dx, s.ax + u1 * dx);
        }
        const int tx0 = std::max(0, floorInt((x0 - reach - float(m_clip.left()))) / kTile);
        const int tx1 = std::min(m_tilesX - 1, floorInt((x1 + reach - float(m_clip.left()))) / kTile);
        for (int tx = tx0; tx <= tx1; ++tx)
            f(ty * m_tilesX + tx);
    }
}

void ThinLineRasterizer::flush()
{
    if (m_queue.empty()) return;
    if (m_queue.size() < kDirectLimit) {
        // A few segments between other drawing (dots between buildings drawn as polygons): sorting into
        // tiles would cost more than it saves.
        for (const Segment &s : m_queue)
            draw(s, m_clip);
        m_queue.clear();
        m_styles.clear();
        return;
    }
    // Counting sort into tiles, stable: each tile's list keeps the order the segments were added in.
    const size_t tiles = size_t(m_tilesX) * size_t(m_tilesY);
    m_tileStart.assign(tiles + 1, 0);
    for (const Segment &s : m_queue)
        forEachTile(s, [&](int t) { ++m_tileStart[size_t(t) + 1]; });
    for (size_t t = 0; t < tiles; ++t)
        m_tileStart[t + 1] += m_tileStart[t];
    m_binned.resize(m_tileStart[tiles]);
    std::vector<uint32_t> cursor(m_tileStart.begin(), m_tileStart.end() - 1);
    for (const Segment &s : m_queue)
        forEachTile(s, [&](int t) { m_binned[cursor[size_t(t)]++] = s; });
    for (size_t t = 0; t < tiles; ++t) {
        if (m_tileStart[t] == m_tileStart[t + 1]) continue;
        const int tx = int(t % size_t(m_tilesX)), ty = int(t / size_t(m_tilesX));
        const QRect clip =
            QRect(m_clip.left() + tx * kTile, m_clip.top() + ty * kTile, kTile, kTile) & m_clip;
        for (uint32_t k = m_tileStart[t]; k < m_tileStart[t + 1]; ++k)
            draw(m_binned[k], clip);
    }
    m_queue.clear();
    m_styles.clear();
}

Q_ALWAYS_INLINE void ThinLineRasterizer::blendSpan(quint32 *row, int from, int to, float t, float p,
                                                   const Coverage &c) const
{
    int i = from;
#if defined(KW_THIN_LINES_SSE2)
    // Four pixels at a time while four fit in the image row; lanes past `to` get no coverage, so the
    // pixels there (in the image, maybe in the next tile) are written back as they were.
    const __m128 e = _mm_set1_ps(c.e), inv2e = _mm_set1_ps(c.inv2e);
    const __m128 tLo = _mm_set1_ps(c.tLo), tHi = _mm_set1_ps(c.tHi), pLo = _mm_set1_ps(-c.pHi),
                 pHi = _mm_set1_ps(c.pHi);
    const __m128 zero = _mm_setzero_ps(), one = _mm_set1_ps(1.0f), scale = _mm_set1_ps(255.0f),
                 half = _mm_set1_ps(0.5f);
    const __m128 steps = _mm_set_ps(3, 2, 1, 0);
    const __m128 stepT = _mm_mul_ps(steps, _mm_set1_ps(c.ux)), stepP = _mm_mul_ps(steps, _mm_set1_ps(c.nx));
    const __m128i lanes = _mm_set_epi32(3, 2, 1, 0);
    const __m128i color = _mm_unpacklo_epi8(_mm_set1_epi32(int(c.color)), _mm_setzero_si128());
    const __m128i c255 = _mm_set1_epi16(255), c80 = _mm_set1_epi16(0x80);
    const __m128 k = _mm_set1_ps(c.k), negK = _mm_set1_ps(-c.k), negE = _mm_set1_ps(-c.e);
    const __m128 ia = _mm_set1_ps(c.ia), i2ab = _mm_set1_ps(c.i2ab), base = _mm_set1_ps(c.base);
    const auto below4 = [&](__m128 x) { // footprintBelow()
        const __m128 u = _mm_min_ps(_mm_max_ps(x, negE), e);
        const __m128 q1 = _mm_add_ps(_mm_min_ps(u, negK), e), q3 = _mm_sub_ps(e, _mm_max_ps(u, k));
        const __m128 mid = _mm_add_ps(_mm_min_ps(_mm_max_ps(u, negK), k), k);
        return _mm_add_ps(_mm_add_ps(_mm_mul_ps(_mm_sub_ps(_mm_mul_ps(q1, q1), _mm_mul_ps(q3, q3)), i2ab),
                                     _mm_mul_ps(mid, ia)),
                          base);
    };
    const auto overlap4 = [&](__m128 v, __m128 lo, __m128 hi) {
        const __m128 len = _mm_sub_ps(_mm_min_ps(_mm_add_ps(v, e), hi), _mm_max_ps(_mm_sub_ps(v, e), lo));
        return _mm_min_ps(_mm_max_ps(_mm_mul_ps(len, inv2e), zero), one);
    };
    const auto blend2 = [&](__m128i dst16, __m128i a16) {
        // color·a + dst·(255 - a), rounded as Qt's INTERPOLATE_PIXEL_255; fits in 16 bits (<= 65407).
        __m128i x =
            _mm_add_epi16(_mm_mullo_epi16(color, a16), _mm_mullo_epi16(dst16, _mm_sub_epi16(c255, a16)));
        x = _mm_add_epi16(_mm_add_epi16(x, _mm_srli_epi16(x, 8)), c80);
        return _mm_srli_epi16(x, 8);
    };
    for (; i <= to && i + 3 < m_width; i += 4) {
        const float k = float(i - from);
        const __m128 tv = _mm_add_ps(_mm_set1_ps(t + k * c.ux), stepT);
        const __m128 pv = _mm_add_ps(_mm_set1_ps(p + k * c.nx), stepP);
        const __m128 across = _mm_sub_ps(below4(_mm_sub_ps(pHi, pv)), below4(_mm_sub_ps(pLo, pv)));
        const __m128 cov = _mm_mul_ps(overlap4(tv, tLo, tHi), _mm_min_ps(_mm_max_ps(across, zero), one));
        __m128i a = _mm_cvttps_epi32(_mm_add_ps(_mm_mul_ps(cov, scale), half));
        a = _mm_and_si128(a, _mm_cmpgt_epi32(_mm_set1_epi32(to - i + 1), lanes)); // lanes beyond `to`
        a = _mm_packs_epi32(a, a);                                                // a0 a1 a2 a3 a0 a1 a2 a3
        a = _mm_unpacklo_epi16(a, a);                                             // a0 a0 a1 a1 a2 a2 a3 a3
        const __m128i aLo = _mm_unpacklo_epi32(a, a), aHi = _mm_unpackhi_epi32(a, a);
        auto *px = reinterpret_cast<__m128i *>(row + i);
        const __m128i dst = _mm_loadu_si128(px);
        const __m128i lo = blend2(_mm_unpacklo_epi8(dst, _mm_setzero_si128()), aLo);
        const __m128i hi = blend2(_mm_unpackhi_epi8(dst, _mm_setzero_si128()), aHi);
        _mm_storeu_si128(px, _mm_packus_epi16(lo, hi));
    }
#endif
    // The rest (or everything without SSE2): one pixel at a time, the same arithmetic.
    for (; i <= to; ++i) {
        const float k = float(i - from);
        const float tv = t + k * c.ux, pv = p + k * c.nx;
        const float across = footprintBelow(c.pHi - pv, c.e, c.k, c.ia, c.i2ab, c.base) -
                             footprintBelow(-c.pHi - pv, c.e, c.k, c.ia, c.i2ab, c.base);
        const float cov = overlap(tv, c.e, c.tLo, c.tHi, c.inv2e) * std::min(std::max(across, 0.0f), 1.0f);
        const auto a = quint32(cov * 255.0f + 0.5f);
        row[i] = interpolate255(c.color, a, row[i], 255 - a);
    }
}

void ThinLineRasterizer::drawSquare(float x, float y, const Style &style, const QRect &clip) const
{
    // An axis-parallel square: coverage is the product of its overlaps with a pixel's column and row,
    // exactly. A one-pixel dot (a building seen from afar) touches at most four pixels.
    const float h = style.halfWidth;
    const float x0 = x - h, x1 = x + h, y0 = y - h, y1 = y + h;
    const int i0 = std::max(clip.left(), floorInt(x0)), i1 = std::min(clip.right(), ceilInt(x1) - 1);
    const int j0 = std::max(clip.top(), floorInt(y0)), j1 = std::min(clip.bottom(), ceilInt(y1) - 1);
    for (int j = j0; j <= j1; ++j) {
        const float wy = std::min(y1, float(j + 1)) - std::max(y0, float(j));
        quint32 *r = row(j);
        for (int i = i0; i <= i1; ++i) {
            const float wx = std::min(x1, float(i + 1)) - std::max(x0, float(i));
            const auto a = quint32(std::min(std::max(wx * wy, 0.0f), 1.0f) * 255.0f + 0.5f);
            r[i] = interpolate255(style.color, a, r[i], 255 - a);
        }
    }
}

void ThinLineRasterizer::draw(const Segment &s, const QRect &clip) const
{
    const Style &style = m_styles[s.style];
    if (s.ax == s.bx && s.ay == s.by) {
        drawSquare(s.ax, s.ay, style, clip);
        return;
    }
    const float ax = s.ax, ay = s.ay;
    const float dx = s.bx - ax, dy = s.by - ay;
    const float len = std::sqrt(dx * dx + dy * dy);
    // Along the segment (u) and across it (n). A zero-length segment is a square, as Qt's square cap draws
    // it.
    const float ux = len > 1e-6f ? dx / len : 1.0f, uy = len > 1e-6f ? dy / len : 0.0f;
    const float nx = -uy, ny = ux;
    const float h = style.halfWidth;
    // Half the extent of a pixel's square projected on u (and, the same, on n).
    const float e = 0.5f * (std::abs(ux) + std::abs(uy));
    const float reach = h + e; // beyond this a pixel centre sees nothing of the rectangle

    // Pixels whose centres can see the rectangle: the segment's bounds widened by the reach.
    const int i0 = std::max(clip.left(), ceilInt(std::min(ax, s.bx) - reach - 0.5f));
    const int i1 = std::min(clip.right(), floorInt(std::max(ax, s.bx) + reach - 0.5f));
    const int j0 = std::max(clip.top(), ceilInt(std::min(ay, s.by) - reach - 0.5f));
    const int j1 = std::min(clip.bottom(), floorInt(std::max(ay, s.by) + reach - 0.5f));
    if (i0 > i1 || j0 > j1) return;

    const float pa = std::max(std::abs(ux), std::abs(uy)),
                pb = std::max(std::min(std::abs(ux), std::abs(uy)), 1e-3f);
    const Coverage cov{
        e,  1.0f / (2 * e), -h, len + h, h, (pa - pb) / 2, 1.0f / pa, 1.0f / (2 * pa * pb), pb / (2 * pa), ux,
        nx, style.color};
    if (i1 - i0 < 8) {
        // Short segments, most of a map seen whole: the whole box, a row at a time.
        for (int j = j0; j <= j1; ++j) {
            const float cx = float(i0) + 0.5f - ax, cy = float(j) + 0.5f - ay;
            blendSpan(row(j), i0, i1, cx * ux + cy * uy, cx * nx + cy * ny, cov);
        }
        return;
    }
    // Longer ones: per row, only the pixel centres (cx, cy) with -reach <= p <= reach and
    // -reach <= t <= len + reach, where t = (cx-ax)·ux + (cy-ay)·uy and p = (cx-ax)·nx + (cy-ay)·ny.
    const float rux = std::abs(ux) > 1e-6f ? 1.0f / ux : 0.0f, rnx = std::abs(nx) > 1e-6f ? 1.0f / nx : 0.0f;
    for (int j = j0; j <= j1; ++j) {
        const float cy = float(j) + 0.5f - ay;
        float lo = float(i0) + 0.5f, hi = float(i1) + 0.5f;
        const auto narrow = [&](float k, float rk, float base, float from, float to) {
            // base + (cx - ax)·k in [from, to]
            if (rk == 0) {
                if (base < from || base > to) hi = lo - 1;
                return;
            }
            float x0 = ax + (from - base) * rk, x1 = ax + (to - base) * rk;
            if (k < 0) std::swap(x0, x1);
            lo = std::max(lo, x0);
            hi = std::min(hi, x1);
        };
        narrow(ux, rux, cy * uy, -reach, len + reach);
        narrow(nx, rnx, cy * ny, -reach, reach);
        const int from = std::max(i0, ceilInt(std::min(lo, hi) - 0.5f)); // min(): lo may be far out
        const int to = std::min(i1, floorInt(hi - 0.5f));
        if (from <= to) {
            const float cx = float(from) + 0.5f - ax;
            blendSpan(row(j), from, to, cx * ux + cy * uy, cx * nx + cy * ny, cov);
        }
    }
}

} // namespace kw
