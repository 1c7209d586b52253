// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layout/chart_series.h"

#include <QFont>
#include <QPainter>
#include <QRectF>
#include <QTimeZone>
#include <optional>

namespace kw {

/// \brief How a time-series chart looks: texts, fonts (points), colours, line width (mm).
struct ChartStyle
{
    QString title;
    QString xLabel; ///< below the time axis; empty: none
    QString yLabel; ///< beside the value axis; empty: the unit of the first series
    QString fontFamily = QStringLiteral("DejaVu Sans");
    double titleSize = 9; ///< pt
    double textSize = 7;  ///< pt, tick labels, axis titles and legend
    QColor textColor = QColor(40, 40, 40);
    QColor axisColor = QColor(90, 90, 90);
    QColor gridColor = QColor(225, 225, 225);
    double lineWidth = 0.35; ///< mm
    bool showGrid = true;
    bool showLegend = true;
    /// Time zone of the axis labels (IANA id); empty: the system's.
    QString timeZone;
    /// Language of number labels (decimal comma in German), e.g. "de".
    QString locale = QStringLiteral("de");
    bool operator==(const ChartStyle &) const = default;
};

/// \brief A line chart of time series drawn with QPainter only (no QtCharts, which needs QtWidgets):
/// time on x, values on y, round ticks, axis titles with units, a legend. Vector output stays vector.
///
/// A value: set series and style, then draw() into any rectangle at any dpi. Lines break at NaN values
/// and where the time between two readings is more than 2.5 times the usual spacing (missing hours).
class ChartPainter
{
public:
    void setSeries(QList<ChartSeries> series) { m_series = std::move(series); }
    const QList<ChartSeries> &series() const { return m_series; }
    void setStyle(const ChartStyle &style) { m_style = style; }
    const ChartStyle &style() const { return m_style; }
    /// Fixed time range (UTC ms); unset: the data's.
    void setTimeRange(std::optional<std::pair<int64_t, int64_t>> range) { m_timeRange = range; }
    std::optional<std::pair<int64_t, int64_t>> timeRange() const { return m_timeRange; }
    /// Fixed value range; unset: from the data (with zero included when it is close).
    void setValueRange(std::optional<std::pair<double, double>> range) { m_valueRange = range; }

    /// Draws into \a rect (device pixels at \a dpi).
    void draw(QPainter &painter, const QRectF &rect, double dpi) const;

    /// Round tick values (1, 2, 2.5 or 5 × 10^k steps) covering [min, max], about \a maxTicks of them.
    static std::vector<double> niceTicks(double min, double max, int maxTicks);
    /// \brief Time ticks on round local times (hours, days, weeks, months) and their label format.
    struct TimeTicks
    {
        std::vector<int64_t> ticks; ///< UTC ms
        int64_t step = 0;           ///< nominal step in ms
        QString format;             ///< QDateTime format of the labels
    };
    static TimeTicks timeTicks(int64_t start, int64_t end, int maxTicks, const QTimeZone &zone);
    /// Colour of series \a i when it has none (a qualitative palette that prints well).
    static QColor defaultColor(int i);

private:
    QList<ChartSeries> m_series;
    ChartStyle m_style;
    std::optional<std::pair<int64_t, int64_t>> m_timeRange;
    std::optional<std::pair<double, double>> m_valueRange;
};

} // namespace kw
