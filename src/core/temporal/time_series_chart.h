// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QColor>
#include <QList>
#include <QPainter>
#include <QSize>
#include <QString>
#include <QTimeZone>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace kw {

/// \brief A line chart of time series drawn with QPainter: PNG and SVG for the CLI, any device for others.
///
/// The time axis is in local time (Europe/Berlin unless set), ticks on full hours, days or months; the
/// value axis carries the unit. A line is broken where two observations are further apart than the gap
/// threshold (by default 1.5 times the series' median spacing), so gaps in the data stay visible. An
/// optional cursor marks the time the map shows. Qt Charts is not used: it needs Qt Widgets, which core
/// and the CLI never load.
class TimeSeriesChart
{
public:
    /// \brief One series drawn as a line.
    struct Line
    {
        QString label;
        std::vector<int64_t> times;
        std::vector<double> values;
        QColor color; ///< invalid: the next colour of the Dark2 scheme
    };

    void addLine(const QString &label, std::span<const int64_t> times, std::span<const double> values,
                 const QColor &color = QColor());
    const QList<Line> &lines() const { return m_lines; }
    void setTitle(const QString &t) { m_title = t; }
    QString title() const { return m_title; }
    void setUnit(const QString &u) { m_unit = u; }
    /// The time span shown (default: the data's).
    void setTimeRange(int64_t begin, int64_t end) { m_range = std::pair{begin, end}; }
    void setCursor(std::optional<int64_t> t) { m_cursor = t; }
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    /// Largest spacing drawn as a connected line, in ms; 0: automatic.
    void setGapThreshold(int64_t ms) { m_gap = ms; }

    /// \brief A labelled tick of the time axis.
    struct Tick
    {
        int64_t time = 0;
        QString label; ///< "16:00", "18.09. 00:00" where the day changes, "18.09." for day steps
    };
    /// Ticks at full local hours, days or months, about \a wanted of them over [begin, end]. Shared with
    /// the app's Qt Charts dock, so both charts label time alike.
    static QList<Tick> timeTicks(int64_t begin, int64_t end, const QTimeZone &zone, int wanted);
    /// Index ranges [first, last) of \a times that are drawn as connected lines: a line breaks where two
    /// observations are further apart than \a gapThreshold (0: 1.5 times the median spacing, so a single
    /// missed reading shows).
    static std::vector<std::pair<size_t, size_t>> segments(std::span<const int64_t> times,
                                                           int64_t gapThreshold = 0);

    /// The time span shown: setTimeRange() or the data's (nullopt without data).
    std::optional<std::pair<int64_t, int64_t>> timeRange() const;
    /// Draws into \a rect; sizes in points follow \a dpi.
    void paint(QPainter &painter, const QRectF &rect, double dpi = 96) const;
    /// Writes a PNG or SVG (by suffix) of \a size pixels, atomically.
    Status exportTo(const QString &path, const QSize &size, double dpi = 96) const;

private:
    QList<Line> m_lines;
    QString m_title;
    QString m_unit;
    std::optional<std::pair<int64_t, int64_t>> m_range;
    std::optional<int64_t> m_cursor;
    QTimeZone m_zone;
    int64_t m_gap = 0;
};

} // namespace kw
