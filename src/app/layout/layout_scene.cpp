// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/layout/layout_scene.h"

#include "app/layout/layout_commands.h"
#include "app/layout/layout_document.h"
#include "core/layout/layout_exporter.h"

#include <QCursor>
#include <QGraphicsDropShadowEffect>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <cmath>

namespace kw {

namespace {

QJsonObject withRect(QJsonObject o, const QRectF &r)
{
    o[QStringLiteral("x")] = r.x();
    o[QStringLiteral("y")] = r.y();
    o[QStringLiteral("width")] = r.width();
    o[QStringLiteral("height")] = r.height();
    return o;
}

double snapped(double v, double step)
{
    return step > 0 ? std::round(v / step) * step : v;
}

} // namespace

// ---- LayoutItemGraphics ---------------------------------------------------------------------------

LayoutItemGraphics::LayoutItemGraphics(LayoutDocument *doc, const QString &id) : m_doc(doc), m_id(id)
{
    setFlags(ItemIsSelectable | ItemIsFocusable);
    setAcceptHoverEvents(true);
    sync();
}

void LayoutItemGraphics::sync()
{
    const LayoutItem *item = m_doc->layout().item(m_id);
    if (!item) return;
    prepareGeometryChange();
    m_size = item->rect().size();
    setPos(m_doc->pageOrigin(item->page()) + item->rect().topLeft());
    setTransformOriginPoint(m_size.width() / 2, m_size.height() / 2);
    setRotation(item->supportsRotation() ? item->rotation() : 0);
    m_cache = QImage();
    update();
}

QRectF LayoutItemGraphics::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size);
}

void LayoutItemGraphics::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const LayoutItem *item = m_doc->layout().item(m_id);
    if (!item) return;
    // The item is drawn by its own draw() into an image at the view's resolution (pixels per mm of the
    // current zoom), cached until the item or the zoom changes: repaints while dragging stay cheap.
    const double pxPerMm = option->levelOfDetailFromTransform(painter->worldTransform());
    const double dpi = std::clamp(pxPerMm * 25.4 * painter->device()->devicePixelRatioF(), 20.0, 600.0);
    if (m_cache.isNull() || std::abs(dpi - m_cacheDpi) > 0.5) {
        LayoutRenderContext context;
        context.dpi = dpi;
        context.preview = true;
        context.project = m_doc->project();
        context.layout = &m_doc->layout();
        context.page = item->page();
        context.variables = LayoutExporter::layoutVariables(m_doc->layout(), *m_doc->project(), {});
        m_doc->layout().addPageVariables(context);
        const QSize size(std::max(1, int(std::ceil(m_size.width() * dpi / 25.4))),
                         std::max(1, int(std::ceil(m_size.height() * dpi / 25.4))));
        m_cache = QImage(size, QImage::Format_ARGB32_Premultiplied);
        m_cache.fill(Qt::transparent);
        QPainter p(&m_cache);
        p.setRenderHint(QPainter::Antialiasing, true);
        // draw() places the item on its page; undo that here, the graphics item has the position.
        const double k = dpi / 25.4;
        p.translate(-item->rect().x() * k, -item->rect().y() * k);
        if (item->supportsRotation() && item->rotation() != 0) {
            // Rotation is the graphics item's; draw the item unrotated into the cache.
            auto copy = item->clone();
            copy->setRotation(0);
            copy->draw(p, context);
        } else {
            item->draw(p, context);
        }
        m_cacheDpi = dpi;
    }
    painter->setRenderHint(QPainter::SmoothPixmapTransform, true);
    painter->drawImage(boundingRect(), m_cache);
    if (isSelected()) {
        QPen pen(QColor(30, 120, 220), 0);
        pen.setCosmetic(true);
        pen.setStyle(Qt::DashLine);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(boundingRect());
        const double h = 2.0; // resize handle, mm
        painter->fillRect(QRectF(m_size.width() - h, m_size.height() - h, h, h), QColor(30, 120, 220));
    } else if (!item->hasFrame() && (item->background().alpha() == 0 || !item->background().isValid())) {
        // Unframed items get a faint outline so they can be found and grabbed.
        QPen pen(QColor(0, 0, 0, 40), 0);
        pen.setCosmetic(true);
        pen.setStyle(Qt::DotLine);
        painter->setPen(pen);
        painter->drawRect(boundingRect());
    }
}

bool LayoutItemGraphics::nearResizeCorner(const QPointF &local) const
{
    return isSelected() && local.x() > m_size.width() - 2.5 && local.y() > m_size.height() - 2.5;
}

void LayoutItemGraphics::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    setCursor(nearResizeCorner(event->pos()) ? Qt::SizeFDiagCursor : Qt::SizeAllCursor);
    QGraphicsItem::hoverMoveEvent(event);
}

void LayoutItemGraphics::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsItem::mousePressEvent(event);
    m_resizing = nearResizeCorner(event->pos());
    m_pressScenePos = event->scenePos();
    if (const LayoutItem *item = m_doc->layout().item(m_id)) m_pressRect = item->rect();
}

void LayoutItemGraphics::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton)) return;
    const QPointF delta = event->scenePos() - m_pressScenePos;
    const double step = static_cast<LayoutScene *>(scene())->snap();
    if (m_resizing) {
        prepareGeometryChange();
        m_size = QSizeF(std::max(2.0, snapped(m_pressRect.width() + delta.x(), step)),
                        std::max(2.0, snapped(m_pressRect.height() + delta.y(), step)));
        m_cache = QImage();
    } else {
        const LayoutItem *item = m_doc->layout().item(m_id);
        const QPointF origin = m_doc->pageOrigin(item ? item->page() : 0);
        setPos(origin + QPointF(snapped(m_pressRect.x() + delta.x(), step),
                                snapped(m_pressRect.y() + delta.y(), step)));
    }
}

void LayoutItemGraphics::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsItem::mouseReleaseEvent(event);
    const LayoutItem *item = m_doc->layout().item(m_id);
    if (!item) return;
    const QRectF now(pos() - m_doc->pageOrigin(item->page()), m_size);
    if (now == m_pressRect) return;
    const QJsonObject before = item->toJson();
    m_doc->undoStack()->push(new SetItemCommand(
        m_doc, m_id, before, withRect(before, now),
        m_resizing ? QObject::tr("Resize %1").arg(m_id) : QObject::tr("Move %1").arg(m_id), true));
    m_resizing = false;
}

// ---- LayoutScene ----------------------------------------------------------------------------------

LayoutScene::LayoutScene(LayoutDocument *doc, QObject *parent) : QGraphicsScene(parent), m_doc(doc)
{
    setBackgroundBrush(QColor(222, 225, 229));
    connect(doc, &LayoutDocument::itemAdded, this, &LayoutScene::onAdded);
    connect(doc, &LayoutDocument::itemRemoved, this, &LayoutScene::onRemoved);
    connect(doc, &LayoutDocument::itemChanged, this, &LayoutScene::onChanged);
    rebuild();
}

LayoutScene::~LayoutScene()
{
    // Deleting the items deselects them: nobody may hear of it while they are half destroyed.
    blockSignals(true);
    m_items.clear();
    clear();
}

QRectF LayoutScene::pageRect(int page) const
{
    if (page < 0 || page >= m_doc->layout().pages().size()) return {};
    return QRectF(m_doc->pageOrigin(page), m_doc->layout().pages()[page].size);
}

void LayoutScene::rebuild()
{
    const QSignalBlocker blocker(this);
    clear();
    m_items.clear();
    for (int p = 0; p < m_doc->layout().pages().size(); ++p) {
        const QRectF r = pageRect(p);
        auto *sheet = addRect(r, Qt::NoPen, QBrush(m_doc->layout().pages()[p].background));
        auto *shadow = new QGraphicsDropShadowEffect;
        shadow->setBlurRadius(12);
        shadow->setOffset(0.6, 0.8);
        shadow->setColor(QColor(0, 0, 0, 90));
        sheet->setGraphicsEffect(shadow);
        sheet->setZValue(-1000);
        QPen guide(QColor(120, 160, 220, 140), 0, Qt::DashLine);
        guide.setCosmetic(true);
        auto *margins = addRect(r.marginsRemoved(m_doc->layout().pages()[p].margins), guide);
        margins->setZValue(-999);
    }
    for (const auto &item : m_doc->layout().items())
        onAdded(item->id());
    setSceneRect(itemsBoundingRect().adjusted(-20, -20, 20, 20));
}

void LayoutScene::restack()
{
    int z = 0;
    for (const auto &item : m_doc->layout().items())
        if (auto *g = m_items.value(item->id())) g->setZValue(z++);
}

void LayoutScene::onAdded(const QString &id)
{
    if (m_items.contains(id)) return;
    auto *g = new LayoutItemGraphics(m_doc, id);
    addItem(g);
    m_items.insert(id, g);
    restack();
}

void LayoutScene::onRemoved(const QString &id)
{
    if (auto *g = m_items.take(id)) {
        const bool wasSelected = g->isSelected();
        {
            const QSignalBlocker blocker(this);
            removeItem(g);
            delete g;
        }
        if (wasSelected) Q_EMIT selectionChanged();
    }
    // Others may show what the removed one provided (a legend of a deleted map).
    for (auto *g : std::as_const(m_items))
        g->sync();
}

void LayoutScene::onChanged(const QString &id)
{
    if (auto *g = m_items.value(id)) g->sync();
    // Legends, scale bars, north arrows, overviews and tables follow their map: a changed map redraws
    // the others too; any other change redraws only its own item.
    const LayoutItem *changed = m_doc->layout().item(id);
    if (changed && changed->type() == LayoutItem::Type::Map)
        for (auto *g : std::as_const(m_items))
            if (g->itemId() != id) g->sync();
    restack();
}

QStringList LayoutScene::selectedIds() const
{
    QStringList ids;
    for (const auto &item : m_doc->layout().items())
        if (auto *g = m_items.value(item->id()); g && g->isSelected()) ids << item->id();
    return ids;
}

void LayoutScene::selectItem(const QString &id)
{
    clearSelection();
    if (auto *g = m_items.value(id)) g->setSelected(true);
}

} // namespace kw
