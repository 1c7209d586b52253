// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QHash>
#include <QImage>

namespace kw {

class LayoutDocument;

/// \brief One layout item in the designer's scene: draws the core item (through its own draw(), the code
/// exports use) into a cached image at the view's resolution, and lets the user move and resize it.
///
/// Scene units are millimetres. Moving or resizing pushes one undoable command when the mouse is released.
class LayoutItemGraphics : public QGraphicsItem
{
public:
    LayoutItemGraphics(LayoutDocument *doc, const QString &id);

    QString itemId() const { return m_id; }
    /// Re-reads position, size and rotation from the document and drops the cached image.
    void sync();
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    bool nearResizeCorner(const QPointF &local) const;

    LayoutDocument *m_doc;
    QString m_id;
    QSizeF m_size;
    QImage m_cache;
    double m_cacheDpi = 0;
    bool m_resizing = false;
    QPointF m_pressScenePos;
    QRectF m_pressRect; ///< the item's rect (page mm) when the mouse went down
};

/// \brief The designer's scene over a LayoutDocument: pages as white sheets with margin guides, one
/// LayoutItemGraphics per item, kept in step with the document's change signals.
class LayoutScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit LayoutScene(LayoutDocument *doc, QObject *parent = nullptr);
    ~LayoutScene() override;

    LayoutDocument *document() const { return m_doc; }
    LayoutItemGraphics *graphicsFor(const QString &id) const { return m_items.value(id); }
    /// Ids of the selected items, in drawing order.
    QStringList selectedIds() const;
    void selectItem(const QString &id);
    /// The page rectangle of \a page in scene coordinates.
    QRectF pageRect(int page) const;
    /// Snap positions to this step in mm (0: off).
    double snap() const { return m_snap; }
    void setSnap(double mm) { m_snap = mm; }

private:
    void rebuild();
    void onAdded(const QString &id);
    void onRemoved(const QString &id);
    void onChanged(const QString &id);
    void restack();

    LayoutDocument *m_doc;
    QHash<QString, LayoutItemGraphics *> m_items;
    double m_snap = 0.5;
};

} // namespace kw
