// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"

#include <QObject>
#include <QPointF>

class QLabel;
class QProgressBar;
class QStatusBar;
class QToolButton;

namespace kw {

class MapCanvas;
class ScaleComboBox;

/// \brief The status bar's map widgets: cursor position (map CRS and WGS 84), editable scale, map CRS
/// (click to change) and the loading progress.
class MapStatusBar : public QObject
{
    Q_OBJECT
public:
    MapStatusBar(QStatusBar *bar, MapCanvas *canvas);

    ScaleComboBox *scaleBox() const { return m_scale; }
    QToolButton *crsButton() const { return m_crs; }
    QLabel *coordinatesLabel() const { return m_coords; }
    void setCrs(const Crs &crs);
    /// Shows "\a done of \a total layers loaded" while loading.
    void setLoadProgress(int done, int total);
    /// The text for a cursor position: map coordinates and latitude/longitude, in the UI locale.
    static QString coordinateText(const QPointF &mapPoint, const Crs &crs);

Q_SIGNALS:
    void crsChangeRequested();

private:
    MapCanvas *m_canvas;
    QLabel *m_coords;
    ScaleComboBox *m_scale;
    QToolButton *m_crs;
    QProgressBar *m_progress;
};

} // namespace kw
