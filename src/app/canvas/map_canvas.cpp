// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/canvas/map_canvas.h"

#include "core/layers/layer.h"
#include "core/render/render_job.h"
#include "core/render/time_stamp_overlay.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <cmath>

namespace kw {

MapCanvas::MapCanvas(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    setAccessibleName(tr("Map"));
    m_renderTimer.setSingleShot(true);
    // Coalesces bursts of changes (wheel steps, resizes) into one render.
    m_renderTimer.setInterval(40);
    connect(&m_renderTimer, &QTimer::timeout, this, &MapCanvas::startRender);
    m_settings.setBackground(Qt::white);
}

MapCanvas::~MapCanvas()
{
    if (m_job) {
        m_job->cancel();
        m_job->waitForFinished();
    }
}

void MapCanvas::setLayers(const QList<std::shared_ptr<Layer>> &layers)
{
    const bool first = m_settings.extent().isNull();
    m_settings.setLayers(layers);
    Q_EMIT layersChanged();
    if (first)
        zoomToFullExtent();
    else
        refresh();
}

void MapCanvas::setCrs(const Crs &crs)
{
    m_settings.setCrs(crs);
    refresh();
}

void MapCanvas::setExtent(const Envelope &extent)
{
    if (extent.isNull())
        return;
    m_settings.setExtent(extent);
    Q_EMIT extentChanged();
    refresh();
}

void MapCanvas::setScale(double scaleDenominator)
{
    const Envelope e = extent();
    m_settings.setScale(scaleDenominator, QPointF(e.centerX(), e.centerY()));
    Q_EMIT extentChanged();
    refresh();
}

void MapCanvas::setOverlayText(const QString &text)
{
    m_pendingOverlay = text;
    if (m_image.isNull())
        m_overlay = text;
}

void MapCanvas::refresh()
{
    update();
    m_renderTimer.start();
}

Envelope MapCanvas::fullExtent() const
{
    Envelope full;
    for (const auto &l : m_settings.layers())
        if (l && l->isVisible())
            full.include(l->extent());
    return full;
}

void MapCanvas::zoomToFullExtent()
{
    const Envelope full = fullExtent();
    if (!full.isNull())
        setExtent(full.buffered(0.03, 100.0));
}

void MapCanvas::zoomByFactor(double factor, const QPointF &anchorPixel)
{
    const QPointF anchor = m_settings.toMap(anchorPixel);
    const Envelope e = extent();
    // Keep the map point under the anchor pixel fixed.
    const Envelope zoomed(anchor.x() - (anchor.x() - e.xmin) * factor, anchor.y() - (anchor.y() - e.ymin) * factor,
                          anchor.x() + (e.xmax - anchor.x()) * factor, anchor.y() + (e.ymax - anchor.y()) * factor);
    setExtent(zoomed);
}

void MapCanvas::pan(const QPointF &deltaPixels)
{
    const double mupp = m_settings.mapUnitsPerPixel();
    const Envelope e = extent();
    const double dx = -deltaPixels.x() * mupp, dy = deltaPixels.y() * mupp;
    setExtent(Envelope(e.xmin + dx, e.ymin + dy, e.xmax + dx, e.ymax + dy));
}

void MapCanvas::startRender()
{
    if (m_job) {
        // A stale render: stop it; its finished() is ignored and it deletes itself.
        m_job->cancel();
        disconnect(m_job, nullptr, this, nullptr);
        connect(m_job, &RenderJob::finished, m_job, &QObject::deleteLater);
        m_job = nullptr;
    }
    m_settings.setOutputSize(size() * devicePixelRatioF());
    if (!m_settings.isValid())
        return;
    MapSettings snapshot = m_settings;
    snapshot.setDpi(96.0 * devicePixelRatioF());
    m_job = new ParallelRenderJob(snapshot, this);
    connect(m_job, &RenderJob::finished, this, [this, job = m_job, overlay = m_pendingOverlay] {
        if (job != m_job)
            return;
        if (job->state() == RenderJob::State::Finished) {
            m_overlay = overlay;
            m_image = job->image();
            m_image.setDevicePixelRatio(devicePixelRatioF());
            m_imageExtent = job->settings().visibleExtent();
        }
        m_job = nullptr;
        job->deleteLater();
        update();
        Q_EMIT renderFinished(job->renderTimeMs());
    });
    Q_EMIT renderStarted();
    m_job->start();
}

void MapCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), m_settings.background());
    if (m_image.isNull())
        return;
    m_settings.setOutputSize(size() * devicePixelRatioF());
    // Where the last image's extent lies in the current view (pan and zoom preview).
    const QPointF topLeft = m_settings.toPixel(m_imageExtent.xmin, m_imageExtent.ymax) / devicePixelRatioF();
    const QPointF bottomRight = m_settings.toPixel(m_imageExtent.xmax, m_imageExtent.ymin) / devicePixelRatioF();
    p.setRenderHint(QPainter::SmoothPixmapTransform, !m_dragging);
    p.drawImage(QRectF(topLeft, bottomRight).translated(m_dragOffset), m_image);
    // The same stamp as in animation frames (at 96 dpi in widget pixels, as frames at their default dpi).
    TimeStampOverlay::draw(p, QRectF(rect()), m_overlay, 96.0);
}

void MapCanvas::resizeEvent(QResizeEvent *)
{
    m_settings.setOutputSize(size() * devicePixelRatioF());
    if (m_settings.extent().isNull())
        zoomToFullExtent();
    refresh();
}

void MapCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton) {
        m_dragging = true;
        m_dragStart = event->position().toPoint();
        setCursor(Qt::ClosedHandCursor);
    }
}

void MapCanvas::mouseMoveEvent(QMouseEvent *event)
{
    Q_EMIT cursorMoved(m_settings.toMap(event->position() * devicePixelRatioF()));
    if (m_dragging) {
        m_dragOffset = event->position() - m_dragStart;
        update();
    }
}

void MapCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return;
    m_dragging = false;
    unsetCursor();
    const QPointF delta = (event->position() - m_dragStart) * devicePixelRatioF();
    m_dragOffset = QPointF();
    if (delta.manhattanLength() > 0) {
        pan(delta);
        Q_EMIT userNavigated();
    }
}

void MapCanvas::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    zoomByFactor(std::pow(0.8, steps), event->position() * devicePixelRatioF());
    Q_EMIT userNavigated();
}

void MapCanvas::keyPressEvent(QKeyEvent *event)
{
    const QPointF center(width() * devicePixelRatioF() / 2, height() * devicePixelRatioF() / 2);
    const double step = std::min(width(), height()) * devicePixelRatioF() / 4;
    switch (event->key()) {
    case Qt::Key_Left: pan(QPointF(step, 0)); break;
    case Qt::Key_Right: pan(QPointF(-step, 0)); break;
    case Qt::Key_Up: pan(QPointF(0, step)); break;
    case Qt::Key_Down: pan(QPointF(0, -step)); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomByFactor(0.5, center); break;
    case Qt::Key_Minus: zoomByFactor(2.0, center); break;
    default: QWidget::keyPressEvent(event); return;
    }
    Q_EMIT userNavigated();
}

} // namespace kw
