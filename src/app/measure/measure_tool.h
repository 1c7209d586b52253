// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/canvas/map_tool.h"

#include <QPointF>

#include <optional>
#include <vector>

namespace kw {

/// \brief Measures distances along clicked vertices, or the area they enclose, on the ellipsoid.
///
/// Click to add vertices, move to see the running total, double-click (or right-click) to finish,
/// Backspace drops the last vertex, Escape starts over. Results use the map CRS's ellipsoid
/// (kw::Measurement), so they are true lengths whatever the projection.
class MeasureTool : public MapTool
{
    Q_OBJECT
public:
    enum class Mode { Distance, Area };
    MeasureTool(MapCanvas *canvas, Mode mode);

    Mode mode() const { return m_mode; }
    QCursor cursor() const override { return Qt::CrossCursor; }
    void deactivate() override;
    bool mousePress(QMouseEvent *event) override;
    bool mouseMove(QMouseEvent *event) override;
    bool mouseRelease(QMouseEvent *event) override;
    bool mouseDoubleClick(QMouseEvent *event) override;
    bool keyPress(QKeyEvent *event) override;
    void paint(QPainter &painter) override;

    /// Adds a vertex in map coordinates (what a click does; also for tests and keyboard use).
    void addVertex(const QPointF &mapPoint);
    void finish();
    void reset();
    /// The measured length (m) or area (m²) of the vertices so far (plus \a extra when given).
    std::optional<double> value(const std::optional<QPointF> &extra = std::nullopt) const;
    /// The current result as text, e.g. "1,234 km" or "12,5 ha (125.000 m²)".
    QString resultText() const;

    /// "850,2 m" below a kilometre, "12,345 km" above (in the UI locale).
    static QString formatLength(double metres);
    /// "640 m²" below a hectare, "12,50 ha" above, and "3,2 km²" as well from one square kilometre.
    static QString formatArea(double squareMetres);

Q_SIGNALS:
    /// The running or final result, for the status bar.
    void measured(const QString &text);

private:
    Mode m_mode;
    std::vector<QPointF> m_vertices;
    std::optional<QPointF> m_cursor; ///< map coordinates
    bool m_finished = false;
};

} // namespace kw
