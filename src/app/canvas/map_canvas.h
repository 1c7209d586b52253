// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/render/map_settings.h"

#include <QImage>
#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace kw {

class ParallelRenderJob;

/// \brief The interactive map: renders in the background, shows the last image transformed meanwhile.
///
/// Every change of view or layers schedules a render; a render still running is cancelled. Until the new
/// image arrives, the previous one is drawn scaled and shifted to the current view, so panning and
/// zooming stay fluid whatever the data size.
class MapCanvas : public QWidget
{
    Q_OBJECT
public:
    explicit MapCanvas(QWidget *parent = nullptr);
    ~MapCanvas() override;

    /// The view (extent, CRS, layers); the output size follows the widget.
    const MapSettings &settings() const { return m_settings; }
    void setLayers(const QList<std::shared_ptr<Layer>> &layers);
    void setCrs(const Crs &crs);
    void setExtent(const Envelope &extent);
    Envelope extent() const { return m_settings.visibleExtent(); }
    double scale() const { return m_settings.scale(); }
    void setScale(double scaleDenominator);
    /// Schedules a new render (after a layer changed its style or visibility).
    void refresh();
    void zoomByFactor(double factor, const QPointF &anchorPixel);
    void zoomToFullExtent();
    bool isRendering() const { return m_job != nullptr; }
    /// The last finished map image.
    QImage lastImage() const { return m_image; }
    /// Text drawn onto the map (the current time); it changes with the next finished render, so the text
    /// and the map always belong together, as in an animation frame. Empty: nothing.
    void setOverlayText(const QString &text);
    QString overlayText() const { return m_overlay; }

Q_SIGNALS:
    void cursorMoved(const QPointF &mapPoint);
    void extentChanged();
    /// The user panned or zoomed (as opposed to the program setting the view).
    void userNavigated();
    void renderStarted();
    void renderFinished(qint64 milliseconds);
    /// setLayers() was called (layers added, removed or reloaded).
    void layersChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void startRender();
    void pan(const QPointF &deltaPixels);
    Envelope fullExtent() const;

    MapSettings m_settings;
    QImage m_image;
    Envelope m_imageExtent; ///< the extent m_image shows
    ParallelRenderJob *m_job = nullptr;
    QTimer m_renderTimer;
    QPoint m_dragStart;
    QPointF m_dragOffset;
    bool m_dragging = false;
    QString m_overlay;        ///< belongs to m_image
    QString m_pendingOverlay; ///< for the next render
};

} // namespace kw
