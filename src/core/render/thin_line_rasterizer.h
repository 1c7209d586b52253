// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineF>
#include <QRect>
#include <QRgb>
#include <cstddef>
#include <cstdint>
#include <vector>

class QImage;
class QPainter;

namespace kw {

/// \brief Draws antialiased, opaque, square-capped line segments a few pixels wide straight into a 32-bit
/// image.
///
/// A city's road network seen whole is millions of segments about a pixel long. Qt rasterises each
/// `drawLines()` segment on its own (QRasterizer::rasterizeLine): clipping, span set-up and a blend call per
/// span cost ~400 ns a segment, 67 % of a full-extent redraw of 500,000 roads. Here a segment is the
/// rectangle Qt fills (square caps reach half the width beyond the ends) and every pixel near it gets the
/// rectangle's coverage, estimated separably: the pixel's footprint projected on the segment's direction
/// and on its normal, each overlapped with the rectangle's extent there. That is exact for axis-parallel
/// segments and close to the true area elsewhere; the blend is Qt's premultiplied "source over" with the
/// same rounding.
///
/// Features rarely come in spatial order, so drawing them as they come touches the image at random and
/// waits on memory. Segments are therefore queued, sorted into 32x32 pixel tiles (a counting sort that
/// keeps their order within each tile), and drawn tile by tile while the tile is in the cache. Every pixel
/// still sees its segments in the order they were added, so the image is the same as drawing them in order.
/// flush() must be called before the painter draws anything else.
///
/// It applies only where Qt would do the same work: a painter on an ARGB32_Premultiplied or RGB32 image,
/// antialiased, source-over, fully opaque, no clip, a transform of at most translation and uniform scale.
/// Otherwise isActive() is false and the caller draws with QPainter.
class ThinLineRasterizer
{
public:
    /// Binds to \a painter's image if the painter allows drawing behind its back (see class comment).
    explicit ThinLineRasterizer(QPainter &painter);

    bool isActive() const { return m_bits != nullptr; }

    /// Queues \a count segments given in the painter's logical coordinates, \a width logical pixels wide, in
    /// the opaque colour \a color (alpha is ignored). Draws when the queue is full.
    void add(const QLineF *segments, size_t count, double width, QRgb color);
    /// Queues an axis-parallel square of side \a size logical pixels centred on \a centre (what
    /// QPainter::fillRect draws), in the opaque colour \a color.
    void addDot(const QPointF &centre, double size, QRgb color);
    /// Draws everything queued.
    void flush();

private:
    struct Segment
    {
        float ax, ay, bx, by;
        uint32_t style;
    };
    struct Style
    {
        float halfWidth;
        uint32_t color;
    };
    /// What a pixel's coverage by one segment's rectangle depends on (see blendSpan()).
    struct Coverage
    {
        float e, inv2e; // half a pixel's footprint projected on the axes, and 1 / (2e)
        float tLo, tHi; // the rectangle along the segment, from its start
        float pHi;      // and across it: [-pHi, pHi]
        // The footprint's exact distribution across the segment, a trapezoid (see footprintBelow()):
        float k;        // half its plateau
        float ia, i2ab; // 1 / a and 1 / (2ab), a >= b the pixel's projections on the axes
        float base;     // b / (2a), the share below -k
        float ux, nx;   // change of t and p from one pixel to the next in a row
        uint32_t color;
    };
    uint32_t styleFor(float halfWidth, QRgb color);
    template <typename F> void forEachTile(const Segment &s, F &&f) const;
    void drawSquare(float x, float y, const Style &style, const QRect &clip) const;
    void draw(const Segment &s, const QRect &clip) const;
    /// Blends pixels from..to of \a row, the first at t, p from the segment's start.
    void blendSpan(quint32 *row, int from, int to, float t, float p, const Coverage &c) const;
    quint32 *row(int y) const { return reinterpret_cast<quint32 *>(m_bits + qsizetype(y) * m_stride); }

    uchar *m_bits = nullptr;
    qsizetype m_stride = 0;
    int m_width = 0;
    QRect m_clip;
    double m_scale = 1, m_dx = 0, m_dy = 0;
    int m_tilesX = 0, m_tilesY = 0;
    std::vector<Segment> m_queue;
    std::vector<Style> m_styles;
    std::vector<Segment> m_binned;
    std::vector<uint32_t> m_tileStart;
};

} // namespace kw
