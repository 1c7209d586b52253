// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/render/map_settings.h"
#include "core/render/render_cache.h"

#include <QImage>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace kw {

class FeatureSelection;
class MapTool;
class ParallelRenderJob;

/// \brief The interactive map: renders in the background, shows the last image transformed meanwhile.
///
/// Every change of view or layers schedules a render; a render still running is cancelled. Until the new
/// image arrives, the previous one is drawn scaled and shifted to the current view, so panning and
/// zooming stay fluid whatever the data size. The selection is drawn by a second background job into an
/// overlay image, so selecting never re-renders the map. A small spinner shows while a render runs.
class MapCanvas : public QWidget
{
    Q_OBJECT
public:
    explicit MapCanvas(QWidget *parent = nullptr);
    ~MapCanvas() override;

    /// The view (extent, CRS, layers); the output size follows the widget.
    const MapSettings &settings() const { return m_settings; }
    void setLayers(const QList<std::shared_ptr<Layer>> &layers);
    /// Changes the map CRS, keeping the same area in view.
    void setCrs(const Crs &crs);
    const Crs &crs() const { return m_settings.crs(); }
    void setExtent(const Envelope &extent);
    Envelope extent() const { return m_settings.visibleExtent(); }
    double scale() const { return m_settings.scale(); }
    void setScale(double scaleDenominator);
    double mapUnitsPerPixel() const;
    /// Widget position to map coordinates and back.
    QPointF toMap(const QPointF &widgetPos) const;
    QPointF toWidget(const QPointF &mapPoint) const;

    /// Draws the selected features of \a selection highlighted (not owned).
    void setSelection(FeatureSelection *selection);
    /// The active tool (not owned; null: dragging pans).
    void setMapTool(MapTool *tool);
    MapTool *mapTool() const { return m_tool; }

    /// Schedules a new render (after a layer changed its style or visibility).
    void refresh();
    void zoomByFactor(double factor, const QPointF &anchorPixel);
    void zoomIn();
    void zoomOut();
    void zoomToFullExtent();
    /// Shows \a extent with a small margin (a point gets a sensible neighbourhood).
    void zoomToExtent(const Envelope &extent);
    /// Moves the view by \a deltaPixels (device-independent pixels).
    void panBy(const QPointF &deltaPixels);
    /// A render runs or is about to start.
    bool isRendering() const { return m_job != nullptr || m_renderTimer.isActive(); }
    /// The last finished map image and the highlight overlay.
    QImage lastImage() const { return m_image; }
    QImage highlightImage() const { return m_highlight; }
    /// Text drawn onto the map (the current time); it changes with the next finished render, so the text
    /// and the map always belong together, as in an animation frame. Empty: nothing.
    void setOverlayText(const QString &text);
    QString overlayText() const { return m_overlay; }
    bool isHighlightRendering() const { return m_highlightJob != nullptr || m_highlightTimer.isActive(); }

Q_SIGNALS:
    void cursorMoved(const QPointF &mapPoint);
    void extentChanged();
    /// The user panned or zoomed (as opposed to the program setting the view).
    void userNavigated();
    void renderStarted();
    void renderFinished(qint64 milliseconds);
    void renderErrors(const QStringList &errors);
    /// setLayers() was called (layers added, removed or reloaded).
    void layersChanged();
    void highlightFinished();
    /// Files dropped onto the map.
    void filesDropped(const QStringList &paths);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void startRender();
    void startHighlight();
    void pan(const QPointF &deltaDevicePixels);
    Envelope fullExtent() const;
    QRectF imageRect(const Envelope &imageExtent) const;

    MapSettings m_settings;
    QImage m_image;
    Envelope m_imageExtent; ///< the extent m_image shows
    QImage m_highlight;
    Envelope m_highlightExtent;
    ParallelRenderJob *m_job = nullptr;
    std::shared_ptr<RenderCache> m_renderCache = std::make_shared<RenderCache>();
    ParallelRenderJob *m_highlightJob = nullptr;
    QTimer m_renderTimer;
    QTimer m_highlightTimer;
    QTimer m_spinnerTimer;
    int m_spinnerAngle = 0;
    qint64 m_renderStartMs = 0;
    QPointer<FeatureSelection> m_selection;
    MapTool *m_tool = nullptr;
    QPoint m_dragStart;
    QPointF m_dragOffset;
    bool m_dragging = false;
    QString m_overlay;        ///< belongs to m_image
    QString m_pendingOverlay; ///< for the next render
    bool m_zoomBox = false;
    QRect m_zoomRect;
};

} // namespace kw
