// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/label_engine.h"

#include <QFontMetricsF>
#include <QPainterPath>
#include <QTransform>

#include <algorithm>
#include <cmath>

namespace kw {

namespace {

/// Buckets of placed boxes so that a collision test looks only at nearby labels.
class CollisionGrid
{
public:
    explicit CollisionGrid(const QSize &size, double cell = 64)
        : m_cell(cell), m_cols(int(size.width() / cell) + 1), m_rows(int(size.height() / cell) + 1),
          m_cells(size_t(m_cols) * m_rows)
    {
    }
    bool collides(const QPolygonF &poly, const QRectF &bounds) const
    {
        bool hit = false;
        visit(bounds, [&](const std::vector<size_t> &cell) {
            for (size_t i : cell)
                if (m_boxes[i].second.intersects(bounds) && m_boxes[i].first.intersects(poly))
                    hit = true;
        });
        return hit;
    }
    void insert(const QPolygonF &poly, const QRectF &bounds)
    {
        m_boxes.emplace_back(poly, bounds);
        const size_t id = m_boxes.size() - 1;
        visitMutable(bounds, [&](std::vector<size_t> &cell) { cell.push_back(id); });
    }

private:
    template <typename F> void visit(const QRectF &r, F &&f) const
    {
        const int c0 = std::clamp(int(r.left() / m_cell), 0, m_cols - 1);
        const int c1 = std::clamp(int(r.right() / m_cell), 0, m_cols - 1);
        const int r0 = std::clamp(int(r.top() / m_cell), 0, m_rows - 1);
        const int r1 = std::clamp(int(r.bottom() / m_cell), 0, m_rows - 1);
        for (int y = r0; y <= r1; ++y)
            for (int x = c0; x <= c1; ++x)
                f(m_cells[size_t(y) * m_cols + x]);
    }
    template <typename F> void visitMutable(const QRectF &r, F &&f)
    {
        const int c0 = std::clamp(int(r.left() / m_cell), 0, m_cols - 1);
        const int c1 = std::clamp(int(r.right() / m_cell), 0, m_cols - 1);
        const int r0 = std::clamp(int(r.top() / m_cell), 0, m_rows - 1);
        const int r1 = std::clamp(int(r.bottom() / m_cell), 0, m_rows - 1);
        for (int y = r0; y <= r1; ++y)
            for (int x = c0; x <= c1; ++x)
                f(m_cells[size_t(y) * m_cols + x]);
    }
    double m_cell;
    int m_cols, m_rows;
    std::vector<std::vector<size_t>> m_cells;
    std::vector<std::pair<QPolygonF, QRectF>> m_boxes;
};

QTransform candidateTransform(const LabelCandidate &c)
{
    QTransform t;
    t.translate(c.anchor.x(), c.anchor.y());
    t.rotate(-c.angle);
    return t;
}

} // namespace

QRectF LabelEngine::textBox(const QString &text, const QFont &font)
{
    const QFontMetricsF fm(font);
    return QRectF(0, -fm.ascent(), fm.horizontalAdvance(text), fm.ascent() + fm.descent());
}

LabelEngine::Stats LabelEngine::run(std::vector<LayerLabels> &layers, QPainter &painter, const QSize &size) const
{
    struct Item
    {
        int priority;
        int layerOrder;
        size_t layer;
        size_t feature;
    };
    std::vector<Item> order;
    for (size_t l = 0; l < layers.size(); ++l)
        for (size_t f = 0; f < layers[l].features.size(); ++f)
            order.push_back({layers[l].settings.priority, layers[l].layerOrder, l, f});
    std::stable_sort(order.begin(), order.end(), [](const Item &a, const Item &b) {
        if (a.priority != b.priority)
            return a.priority > b.priority;
        return a.layerOrder > b.layerOrder;
    });

    Stats stats;
    CollisionGrid grid(size);
    const QRectF mapRect(QPointF(0, 0), QSizeF(size));
    struct Placed
    {
        size_t layer;
        const LabelFeature *feature;
        LabelCandidate candidate;
    };
    std::vector<Placed> placed;
    for (const Item &item : order) {
        const LabelFeature &lf = layers[item.layer].features[item.feature];
        const double halo = layers[item.layer].haloPx;
        bool done = false;
        for (const LabelCandidate &c : lf.candidates) {
            const QPolygonF poly = candidateTransform(c).map(QPolygonF(c.box.adjusted(-halo, -halo, halo, halo)));
            const QRectF bounds = poly.boundingRect();
            if (!mapRect.contains(bounds) || grid.collides(poly, bounds))
                continue;
            grid.insert(poly, bounds);
            placed.push_back({item.layer, &lf, c});
            done = true;
            break;
        }
        done ? ++stats.placed : ++stats.dropped;
    }

    // Halos first, then all texts: a halo never covers a neighbour's letters.
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    for (const Placed &p : placed) {
        const LayerLabels &ll = layers[p.layer];
        if (ll.haloPx <= 0 || ll.settings.haloColor.alpha() == 0)
            continue;
        QPainterPath path;
        path.addText(p.candidate.box.left(), 0, ll.font, p.feature->text);
        painter.save();
        painter.setTransform(candidateTransform(p.candidate), true);
        painter.setPen(QPen(ll.settings.haloColor, 2 * ll.haloPx, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(ll.settings.haloColor);
        painter.drawPath(path);
        painter.restore();
    }
    for (const Placed &p : placed) {
        const LayerLabels &ll = layers[p.layer];
        painter.save();
        painter.setTransform(candidateTransform(p.candidate), true);
        painter.setFont(ll.font);
        painter.setPen(ll.settings.color);
        // Real text (not outlines), so labels stay selectable and searchable in PDF exports.
        painter.drawText(QPointF(p.candidate.box.left(), 0), p.feature->text);
        painter.restore();
    }
    painter.restore();
    return stats;
}

} // namespace kw
