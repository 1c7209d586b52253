// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/canvas/map_canvas.h"

#include "app/canvas/highlight_layer.h"
#include "app/canvas/map_tool.h"
#include "core/crs/coordinate_transform.h"
#include "core/data/feature_selection.h"
#include "core/layers/layer.h"
#include "core/layers/vector_layer.h"
#include "core/render/render_job.h"
#include "core/render/time_stamp_overlay.h"

#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <cmath>

namespace kw {

namespace {
constexpr int kSpinnerSize = 22;
constexpr int kSpinnerDelayMs = 150; // quick renders should not flicker a spinner
constexpr double kClickSlopPx = 3;
} // namespace

MapCanvas::MapCanvas(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAcceptDrops(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    setAccessibleName(tr("Map"));
    setAccessibleDescription(tr("Drag or use the arrow keys to pan, the wheel or + and - to zoom, Shift+drag to zoom "
                                "to a rectangle."));
    m_renderTimer.setSingleShot(true);
    // Coalesces bursts of changes (wheel steps, resizes) into one render.
    m_renderTimer.setInterval(40);
    connect(&m_renderTimer, &QTimer::timeout, this, &MapCanvas::startRender);
    m_highlightTimer.setSingleShot(true);
    m_highlightTimer.setInterval(0);
    connect(&m_highlightTimer, &QTimer::timeout, this, &MapCanvas::startHighlight);
    m_spinnerTimer.setInterval(80);
    connect(&m_spinnerTimer, &QTimer::timeout, this, [this] {
        m_spinnerAngle = (m_spinnerAngle + 30) % 360;
        update(QRect(width() - kSpinnerSize - 8, 6, kSpinnerSize + 4, kSpinnerSize + 4));
    });
    m_settings.setBackground(Qt::white);
}

MapCanvas::~MapCanvas()
{
    for (ParallelRenderJob *job : {m_job, m_highlightJob}) {
        if (job) {
            job->cancel();
            job->waitForFinished();
        }
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
    if (crs == m_settings.crs())
        return;
    const Envelope old = extent();
    if (!old.isNull() && m_settings.crs().isValid()) {
        const Envelope moved = CoordinateTransform(m_settings.crs(), crs).transformBounds(old);
        m_settings.setCrs(crs);
        // The old image is in the old CRS: showing it transformed would be wrong; keep it until the new one.
        m_imageExtent = Envelope();
        m_highlight = QImage();
        if (!moved.isNull() && std::isfinite(moved.width()))
            m_settings.setExtent(moved);
        Q_EMIT extentChanged();
    } else {
        m_settings.setCrs(crs);
    }
    refresh();
}

void MapCanvas::setExtent(const Envelope &extent)
{
    if (extent.isNull() || !std::isfinite(extent.width()) || !std::isfinite(extent.height()))
        return;
    m_settings.setExtent(extent);
    Q_EMIT extentChanged();
    refresh();
}

void MapCanvas::setScale(double scaleDenominator)
{
    if (!(scaleDenominator > 0))
        return;
    const Envelope e = extent();
    m_settings.setOutputSize(size() * devicePixelRatioF());
    m_settings.setDpi(96.0 * devicePixelRatioF());
    m_settings.setScale(scaleDenominator, QPointF(e.centerX(), e.centerY()));
    Q_EMIT extentChanged();
    refresh();
}

double MapCanvas::mapUnitsPerPixel() const
{
    return m_settings.mapUnitsPerPixel() * devicePixelRatioF();
}

QPointF MapCanvas::toMap(const QPointF &widgetPos) const
{
    return m_settings.toMap(widgetPos * devicePixelRatioF());
}

QPointF MapCanvas::toWidget(const QPointF &mapPoint) const
{
    return m_settings.toPixel(mapPoint.x(), mapPoint.y()) / devicePixelRatioF();
}

void MapCanvas::setSelection(FeatureSelection *selection)
{
    if (m_selection)
        disconnect(m_selection, nullptr, this, nullptr);
    m_selection = selection;
    if (m_selection)
        connect(m_selection, &FeatureSelection::changed, this, [this] { m_highlightTimer.start(); });
    m_highlightTimer.start();
}

void MapCanvas::setMapTool(MapTool *tool)
{
    if (m_tool == tool)
        return;
    if (m_tool)
        m_tool->deactivate();
    m_tool = tool;
    if (m_tool) {
        m_tool->activate();
        setCursor(m_tool->cursor());
    } else {
        unsetCursor();
    }
    update();
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
        if (l && l->isVisible() && l->isLoaded())
            full.include(l->extent());
    return full;
}

void MapCanvas::zoomToFullExtent()
{
    zoomToExtent(fullExtent());
}

void MapCanvas::zoomToExtent(const Envelope &e)
{
    if (e.isNull())
        return;
    // A single point (or a tiny feature) gets about 200 m around it in metric CRSs.
    const double minimum = m_settings.crs().isGeographic() ? 0.002 : 100.0;
    setExtent(e.buffered(0.05, minimum));
}

void MapCanvas::zoomByFactor(double factor, const QPointF &anchorPixel)
{
    m_settings.setOutputSize(size() * devicePixelRatioF());
    const QPointF anchor = m_settings.toMap(anchorPixel);
    const Envelope e = extent();
    // Keep the map point under the anchor pixel fixed.
    const Envelope zoomed(anchor.x() - (anchor.x() - e.xmin) * factor, anchor.y() - (anchor.y() - e.ymin) * factor,
                          anchor.x() + (e.xmax - anchor.x()) * factor, anchor.y() + (e.ymax - anchor.y()) * factor);
    setExtent(zoomed);
}

void MapCanvas::zoomIn()
{
    zoomByFactor(0.5, QPointF(width() * devicePixelRatioF() / 2.0, height() * devicePixelRatioF() / 2.0));
}

void MapCanvas::zoomOut()
{
    zoomByFactor(2.0, QPointF(width() * devicePixelRatioF() / 2.0, height() * devicePixelRatioF() / 2.0));
}

void MapCanvas::pan(const QPointF &deltaPixels)
{
    m_settings.setOutputSize(size() * devicePixelRatioF());
    const double mupp = m_settings.mapUnitsPerPixel();
    const Envelope e = extent();
    const double dx = -deltaPixels.x() * mupp, dy = deltaPixels.y() * mupp;
    setExtent(Envelope(e.xmin + dx, e.ymin + dy, e.xmax + dx, e.ymax + dy));
}

void MapCanvas::panBy(const QPointF &deltaPixels)
{
    pan(deltaPixels * devicePixelRatioF());
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
    if (!m_settings.isValid()) {
        m_spinnerTimer.stop();
        return;
    }
    MapSettings snapshot = m_settings;
    snapshot.setDpi(96.0 * devicePixelRatioF());
    m_job = new ParallelRenderJob(snapshot, this);
    // Layers that did not change since the last render of this view are not drawn again.
    m_job->setCache(m_renderCache);
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
        m_spinnerTimer.stop();
        job->deleteLater();
        update();
        if (!job->errors().isEmpty())
            Q_EMIT renderErrors(job->errors());
        Q_EMIT renderFinished(job->renderTimeMs());
    });
    m_renderStartMs = QDateTime::currentMSecsSinceEpoch();
    m_spinnerTimer.start();
    Q_EMIT renderStarted();
    m_job->start();
    startHighlight();
}

void MapCanvas::startHighlight()
{
    m_highlightTimer.stop();
    if (m_highlightJob) {
        m_highlightJob->cancel();
        disconnect(m_highlightJob, nullptr, this, nullptr);
        connect(m_highlightJob, &RenderJob::finished, m_highlightJob, &QObject::deleteLater);
        m_highlightJob = nullptr;
    }
    QList<std::shared_ptr<Layer>> highlights;
    if (m_selection) {
        for (const auto &l : m_settings.layers()) {
            if (!l || l->kind() != Layer::Kind::Vector || !l->isLoaded())
                continue;
            if (auto mask = m_selection->mask(l->id()))
                highlights << std::make_shared<HighlightLayer>(static_cast<const VectorLayer &>(*l).store(), mask,
                                                               m_selection->count(l->id()));
        }
    }
    m_settings.setOutputSize(size() * devicePixelRatioF());
    if (highlights.isEmpty() || !m_settings.isValid()) {
        if (!m_highlight.isNull()) {
            m_highlight = QImage();
            update();
        }
        Q_EMIT highlightFinished();
        return;
    }
    MapSettings snapshot = m_settings;
    snapshot.setDpi(96.0 * devicePixelRatioF());
    snapshot.setLayers(highlights);
    snapshot.setBackground(Qt::transparent);
    m_highlightJob = new ParallelRenderJob(snapshot, this);
    connect(m_highlightJob, &RenderJob::finished, this, [this, job = m_highlightJob] {
        if (job != m_highlightJob)
            return;
        if (job->state() == RenderJob::State::Finished) {
            m_highlight = job->image();
            m_highlight.setDevicePixelRatio(devicePixelRatioF());
            m_highlightExtent = job->settings().visibleExtent();
        }
        m_highlightJob = nullptr;
        job->deleteLater();
        update();
        Q_EMIT highlightFinished();
    });
    m_highlightJob->start();
}

QRectF MapCanvas::imageRect(const Envelope &e) const
{
    // Where an image's extent lies in the current view (pan and zoom preview).
    const QPointF topLeft = m_settings.toPixel(e.xmin, e.ymax) / devicePixelRatioF();
    const QPointF bottomRight = m_settings.toPixel(e.xmax, e.ymin) / devicePixelRatioF();
    return QRectF(topLeft, bottomRight).translated(m_dragOffset);
}

void MapCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), m_settings.background());
    m_settings.setOutputSize(size() * devicePixelRatioF());
    p.setRenderHint(QPainter::SmoothPixmapTransform, !m_dragging);
    if (!m_image.isNull() && !m_imageExtent.isNull())
        p.drawImage(imageRect(m_imageExtent), m_image);
    // The same stamp as in animation frames (at 96 dpi in widget pixels, as frames at their default dpi).
    TimeStampOverlay::draw(p, QRectF(rect()), m_overlay, 96.0);
    if (!m_highlight.isNull() && !m_highlightExtent.isNull())
        p.drawImage(imageRect(m_highlightExtent), m_highlight);
    if (m_tool) {
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        m_tool->paint(p);
        p.restore();
    }
    if (m_zoomBox) {
        p.setPen(QPen(QColor(30, 90, 200), 1, Qt::DashLine));
        p.setBrush(QColor(30, 90, 200, 40));
        p.drawRect(m_zoomRect.normalized());
    }
    if (m_job && QDateTime::currentMSecsSinceEpoch() - m_renderStartMs > kSpinnerDelayMs) {
        // A small busy ring in the top right corner: the map is being redrawn.
        const QRectF r(width() - kSpinnerSize - 6, 8, kSpinnerSize, kSpinnerSize);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 255, 255, 200));
        p.drawEllipse(r.adjusted(-2, -2, 2, 2));
        p.setPen(QPen(QColor(200, 200, 200), 3));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(r.adjusted(3, 3, -3, -3));
        p.setPen(QPen(QColor(40, 110, 200), 3, Qt::SolidLine, Qt::RoundCap));
        p.drawArc(r.adjusted(3, 3, -3, -3), -m_spinnerAngle * 16, 100 * 16);
    }
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
    if (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier) && !m_tool) {
        m_zoomBox = true;
        m_zoomRect = QRect(event->position().toPoint(), QSize());
        return;
    }
    if (event->button() == Qt::LeftButton && m_tool && m_tool->mousePress(event))
        return;
    if (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton) {
        m_dragging = true;
        m_dragStart = event->position().toPoint();
        setCursor(Qt::ClosedHandCursor);
    }
}

void MapCanvas::mouseMoveEvent(QMouseEvent *event)
{
    Q_EMIT cursorMoved(toMap(event->position()));
    if (m_zoomBox) {
        m_zoomRect.setBottomRight(event->position().toPoint());
        update();
        return;
    }
    if (m_dragging) {
        m_dragOffset = event->position() - m_dragStart;
        update();
        return;
    }
    if (m_tool)
        m_tool->mouseMove(event);
}

void MapCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_zoomBox) {
        m_zoomBox = false;
        const QRect r = m_zoomRect.normalized();
        update();
        if (r.width() > 4 && r.height() > 4) {
            const QPointF a = toMap(r.topLeft()), b = toMap(r.bottomRight());
            setExtent(Envelope(a.x(), a.y(), b.x(), b.y()));
            Q_EMIT userNavigated();
        }
        return;
    }
    if (!m_dragging) {
        if (m_tool)
            m_tool->mouseRelease(event);
        return;
    }
    m_dragging = false;
    if (m_tool)
        setCursor(m_tool->cursor());
    else
        unsetCursor();
    const QPointF delta = event->position() - m_dragStart;
    m_dragOffset = QPointF();
    if (delta.manhattanLength() > kClickSlopPx) {
        pan(delta * devicePixelRatioF());
        Q_EMIT userNavigated();
    } else {
        update();
        // Not a drag but a click: the tool may want it (identify).
        if (m_tool && event->button() == Qt::LeftButton)
            m_tool->mouseRelease(event);
    }
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (m_tool && m_tool->mouseDoubleClick(event))
        return;
    if (event->button() == Qt::LeftButton && !m_tool) {
        zoomByFactor(0.5, event->position() * devicePixelRatioF());
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
    if (m_tool && m_tool->keyPress(event))
        return;
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
    case Qt::Key_Escape:
        if (m_zoomBox) {
            m_zoomBox = false;
            update();
        }
        return;
    default: QWidget::keyPressEvent(event); return;
    }
    Q_EMIT userNavigated();
}

void MapCanvas::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MapCanvas::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &u : event->mimeData()->urls())
        if (u.isLocalFile())
            paths << u.toLocalFile();
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    Q_EMIT filesDropped(paths);
}

void MapCanvas::leaveEvent(QEvent *)
{
    if (m_tool)
        update();
}

} // namespace kw
