// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/project/project.h"

#include <QWidget>

class QLabel;

namespace kw {

class MapCanvas;

/// \brief Full-screen presentation of a project for meetings: the map large, its legend beside it, the
/// project's named views (Project::bookmarks()) as slides. Arrow keys, space and page keys step through the
/// views, Home/End jump, Escape closes.
class PresentationView : public QWidget
{
    Q_OBJECT
public:
    /// \a project must outlive the view (its layers are shown live, as in the main window).
    explicit PresentationView(const Project &project, QWidget *parent = nullptr);

    int slideCount() const { return int(m_views.size()); }
    int currentSlide() const { return m_current; }
    void showSlide(int index);
    MapCanvas *canvas() const { return m_canvas; }

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QList<Bookmark> m_views;
    int m_current = -1;
    MapCanvas *m_canvas;
    QLabel *m_title;
    QLabel *m_counter;
    QString m_projectTitle;
};

/// \brief The legend of a set of layers, drawn with drawLegendSymbol() as the print legend draws it.
class LegendWidget : public QWidget
{
    Q_OBJECT
public:
    explicit LegendWidget(QWidget *parent = nullptr);
    /// Layers top first; \a scale decides which are shown (0: all).
    void setLayers(const QList<std::shared_ptr<Layer>> &layers, double scale = 0);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<std::shared_ptr<Layer>> m_layers;
    double m_scale = 0;
};

} // namespace kw
