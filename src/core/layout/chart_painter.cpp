// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layout/chart_painter.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <limits>

namespace kw {

namespace {

constexpr int64_t kMinute = 60 * 1000;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;

QFont chartFont(const QString &family, double pt, double dpi, bool bold = false)
{
    QFont f(family);
    f.setPixelSize(std::max(1, int(pt * dpi / 72.0 + 0.5)));
    f.setBold(bold);
    f.setStyleStrategy(QFont::PreferNoShaping); // searchable PDF text: no ligatures
    return f;
}

/// The usual spacing of a series (median of the steps), to tell a missing reading from the normal rhythm.
int64_t typicalStep(const std::vector<int64_t> &t)
{
    if (t.size() < 2) return 0;
    std::vector<int64_t> steps;
    steps.reserve(t.size() - 1);
    for (size_t i = 1; i < t.size(); ++i)
        steps.push_back(t[i] - t[i - 1]);
    std::nth_element(steps.begin(), steps.begin() + steps.size() / 2, steps.end());
    return steps[steps.size() / 2];
}

QString numberLabel(double v, double step, const QLocale &locale)
{
    int decimals = 0;
    while (decimals < 6 &&
           std::abs(step * std::pow(10.0, decimals) - std::round(step * std::pow(10.0, decimals))) > 1e-6)
        ++decimals;
    if (std::abs(v) < step * 1e-9) v = 0; // no "-0"
    QString s = locale.toString(v, 'f', decimals);
    return s;
}

} // namespace

QColor ChartPainter::defaultColor(int i)
{
    // ColorBrewer Dark2: distinguishable lines that stay readable in print and on a projector.
    static const QColor palette[] = {QColor(27, 158, 119), QColor(217, 95, 2),   QColor(117, 112, 179),
                                     QColor(231, 41, 138), QColor(102, 166, 30), QColor(230, 171, 2),
                                     QColor(166, 118, 29), QColor(102, 102, 102)};
    return palette[size_t(i) % std::size(palette)];
}

std::vector<double> ChartPainter::niceTicks(double min, double max, int maxTicks)
{
    std::vector<double> ticks;
    if (!std::isfinite(min) || !std::isfinite(max) || maxTicks < 2) return ticks;
    if (max < min) std::swap(min, max);
    if (max - min < 1e-12) {
        min -= 1;
        max += 1;
    }
    const double raw = (max - min) / (maxTicks - 1);
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * p;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * p >= raw) {
            step = m * p;
            break;
        }
    // Multiples of the step (not a running sum, which would drift: 2.2 + 0.2 + 0.2 + …).
    const long long first = std::llround(std::floor(min / step + 1e-9));
    const long long last = std::llround(std::ceil(max / step - 1e-9));
    for (long long k = first; k <= last; ++k)
        ticks.push_back(double(k) * step);
    return ticks;
}

ChartPainter::TimeTicks ChartPainter::timeTicks(int64_t start, int64_t end, int maxTicks,
                                                      const QTimeZone &zone)
{
    TimeTicks out;
    if (end <= start || maxTicks < 1) return out;
    struct Step
    {
        int64_t ms;
        int months;
        const char *format;
    };
    static const Step steps[] = {
        {15 * kMinute, 0, "HH:mm"}, {30 * kMinute, 0, "HH:mm"}, {kHour, 0, "HH:mm"},
        {2 * kHour, 0, "HH:mm"},    {3 * kHour, 0, "HH:mm"},    {6 * kHour, 0, "HH:mm"},
        {12 * kHour, 0, "HH:mm"},   {kDay, 0, "dd.MM."},        {2 * kDay, 0, "dd.MM."},
        {7 * kDay, 0, "dd.MM."},    {14 * kDay, 0, "dd.MM."},   {0, 1, "MM/yyyy"},
        {0, 3, "MM/yyyy"},          {0, 6, "MM/yyyy"},          {0, 12, "yyyy"}};
    const Step *chosen = &steps[std::size(steps) - 1];
    for (const Step &s : steps) {
        const int64_t nominal = s.months ? int64_t(s.months) * 30 * kDay : s.ms;
        if ((end - start) / nominal + 1 <= maxTicks) {
            chosen = &s;
            break;
        }
    }
    out.format = QString::fromLatin1(chosen->format);
    out.step = chosen->months ? int64_t(chosen->months) * 30 * kDay : chosen->ms;
    const QDateTime first = QDateTime::fromMSecsSinceEpoch(start, zone);
    if (chosen->months) {
        QDate d(first.date().year(), 1, 1);
        while (QDateTime(d, QTime(0, 0), zone).toMSecsSinceEpoch() < start)
            d = d.addMonths(chosen->months);
        for (; QDateTime(d, QTime(0, 0), zone).toMSecsSinceEpoch() <= end; d = d.addMonths(chosen->months))
            out.ticks.push_back(QDateTime(d, QTime(0, 0), zone).toMSecsSinceEpoch());
        return out;
    }
    if (chosen->ms >= kDay) {
        // Whole local days (midnight), weeks starting on Monday; stepping by dates keeps midnight across a
        // daylight-saving change.
        const int days = int(chosen->ms / kDay);
        QDate d = first.date();
        if (days == 7 || days == 14) d = d.addDays(1 - d.dayOfWeek());
        while (QDateTime(d, QTime(0, 0), zone).toMSecsSinceEpoch() < start)
            d = d.addDays(days);
        for (; QDateTime(d, QTime(0, 0), zone).toMSecsSinceEpoch() <= end; d = d.addDays(days))
            out.ticks.push_back(QDateTime(d, QTime(0, 0), zone).toMSecsSinceEpoch());
        return out;
    }
    // Sub-day steps: round local clock times (06:00, 12:00, ...).
    const int stepMinutes = int(chosen->ms / kMinute);
    QDateTime t(first.date(), QTime(0, 0), zone);
    while (t.toMSecsSinceEpoch() < start)
        t = t.addSecs(stepMinutes * 60);
    for (; t.toMSecsSinceEpoch() <= end; t = t.addSecs(stepMinutes * 60)) {
        const QTime local = t.time();
        if ((local.hour() * 60 + local.minute()) % stepMinutes == 0)
            out.ticks.push_back(t.toMSecsSinceEpoch());
    }
    return out;
}

void ChartPainter::draw(QPainter &painter, const QRectF &rect, double dpi) const
{
    const double mm = dpi / 25.4;
    const QTimeZone zone =
        m_style.timeZone.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(m_style.timeZone.toUtf8());
    const QLocale locale(m_style.locale);
    const QFont textFont = chartFont(m_style.fontFamily, m_style.textSize, dpi);
    const QFont titleFont = chartFont(m_style.fontFamily, m_style.titleSize, dpi, true);
    const QFontMetricsF fm(textFont), tfm(titleFont);

    // Data ranges.
    int64_t t0 = std::numeric_limits<int64_t>::max(), t1 = std::numeric_limits<int64_t>::min();
    double v0 = std::numeric_limits<double>::infinity(), v1 = -std::numeric_limits<double>::infinity();
    for (const ChartSeries &s : m_series)
        for (size_t i = 0; i < s.times.size() && i < s.values.size(); ++i) {
            if (!std::isfinite(s.values[i])) continue;
            t0 = std::min(t0, s.times[i]);
            t1 = std::max(t1, s.times[i]);
            v0 = std::min(v0, s.values[i]);
            v1 = std::max(v1, s.values[i]);
        }
    if (m_timeRange) {
        t0 = m_timeRange->first;
        t1 = m_timeRange->second;
    }
    if (m_valueRange) {
        v0 = m_valueRange->first;
        v1 = m_valueRange->second;
    } else if (std::isfinite(v0) && v0 > 0 && v0 < 0.35 * v1) {
        v0 = 0; // a baseline at zero where it costs little room: amounts read honestly
    }

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    double top = rect.top();
    if (!m_style.title.isEmpty()) {
        painter.setFont(titleFont);
        painter.setPen(m_style.textColor);
        painter.drawText(QPointF(rect.left(), top + tfm.ascent()), m_style.title);
        top += tfm.height() + 1.0 * mm;
    }
    const bool hasData = t1 > t0 && std::isfinite(v0) && std::isfinite(v1);
    if (!hasData) {
        painter.setFont(textFont);
        painter.setPen(m_style.axisColor);
        painter.drawText(QRectF(rect.left(), top, rect.width(), rect.bottom() - top), Qt::AlignCenter,
                         QStringLiteral("keine Daten"));
        painter.restore();
        return;
    }

    // Legend: one row of colour lines and names under the title.
    if (m_style.showLegend && m_series.size() > 1) {
        painter.setFont(textFont);
        double x = rect.left();
        const double y = top + fm.ascent();
        for (int i = 0; i < m_series.size(); ++i) {
            const ChartSeries &s = m_series[i];
            const double w = 5 * mm + 1 * mm + fm.horizontalAdvance(s.name) + 3 * mm;
            if (x + w > rect.right() && x > rect.left()) {
                x = rect.left();
                top += fm.height();
            }
            const double yy = top + fm.ascent();
            painter.setPen(QPen(s.color.isValid() ? s.color : defaultColor(i), m_style.lineWidth * mm * 1.5,
                                Qt::SolidLine, Qt::FlatCap));
            painter.drawLine(QPointF(x, yy - fm.ascent() / 3), QPointF(x + 5 * mm, yy - fm.ascent() / 3));
            painter.setPen(m_style.textColor);
            painter.drawText(QPointF(x + 6 * mm, yy), s.name);
            x += w;
        }
        Q_UNUSED(y);
        top += fm.height() + 1.0 * mm;
    }

    const QString yTitle =
        !m_style.yLabel.isEmpty() ? m_style.yLabel : (m_series.isEmpty() ? QString() : m_series.front().unit);
    // Room for the value labels on the left; the y axis title sits above the labels (reads horizontally).
    if (!yTitle.isEmpty()) {
        painter.setFont(textFont);
        painter.setPen(m_style.textColor);
        painter.drawText(QPointF(rect.left(), top + fm.ascent()), yTitle);
        top += fm.height() + 0.5 * mm;
    }
    const double plotBottomReserve = fm.height() * (m_style.xLabel.isEmpty() ? 1.0 : 2.0) + 1.5 * mm;
    const double plotHeight = rect.bottom() - plotBottomReserve - top;
    const int maxYTicks = std::clamp(int(plotHeight / (fm.height() * 2.2)) + 1, 2, 8);
    std::vector<double> yTicks = niceTicks(v0, v1, maxYTicks);
    if (yTicks.size() < 2) yTicks = {v0, v1};
    const double yStep = yTicks.size() > 1 ? yTicks[1] - yTicks[0] : 1.0;
    double labelWidth = 0;
    for (double v : yTicks)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(numberLabel(v, yStep, locale)));
    const QRectF plot(rect.left() + labelWidth + 1.5 * mm, top + fm.ascent() / 2,
                      rect.right() - (rect.left() + labelWidth + 1.5 * mm) -
                          fm.horizontalAdvance(QStringLiteral("00:00")) / 2,
                      plotHeight - fm.ascent() / 2);
    if (plot.width() <= 0 || plot.height() <= 0) {
        painter.restore();
        return;
    }
    const double yMin = yTicks.front(), yMax = yTicks.back();
    const auto px = [&](int64_t t) { return plot.left() + double(t - t0) / double(t1 - t0) * plot.width(); };
    const auto py = [&](double v) { return plot.bottom() - (v - yMin) / (yMax - yMin) * plot.height(); };

    // Grid and value axis.
    painter.setFont(textFont);
    const double hair = std::max(1.0, 0.1 * mm);
    for (double v : yTicks) {
        const double y = py(v);
        if (m_style.showGrid) {
            painter.setPen(QPen(m_style.gridColor, hair));
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        }
        painter.setPen(m_style.textColor);
        const QString label = numberLabel(v, yStep, locale);
        painter.drawText(
            QPointF(plot.left() - 1 * mm - fm.horizontalAdvance(label), y + (fm.ascent() - fm.descent()) / 2),
            label);
    }
    // Time axis.
    const double labelSpace = fm.horizontalAdvance(QStringLiteral("00.00.")) + 3 * mm;
    const TimeTicks tt = timeTicks(t0, t1, std::max(2, int(plot.width() / labelSpace)), zone);
    for (int64_t t : tt.ticks) {
        const double x = px(t);
        if (m_style.showGrid) {
            painter.setPen(QPen(m_style.gridColor, hair));
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        }
        painter.setPen(QPen(m_style.axisColor, hair));
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 0.8 * mm));
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(t, zone);
        // Sub-day ticks at midnight show the date instead of "00:00": the reader sees where days begin.
        const bool midnight = tt.step < kDay && local.time() == QTime(0, 0);
        const QString label = local.toString(midnight ? QStringLiteral("dd.MM.") : tt.format);
        painter.setPen(m_style.textColor);
        painter.drawText(QPointF(x - fm.horizontalAdvance(label) / 2, plot.bottom() + 1 * mm + fm.ascent()),
                         label);
    }
    painter.setPen(QPen(m_style.axisColor, hair));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.bottomLeft(), plot.topLeft());
    if (!m_style.xLabel.isEmpty()) {
        painter.setPen(m_style.textColor);
        painter.drawText(QRectF(plot.left(), plot.bottom() + 1 * mm + fm.height(), plot.width(), fm.height()),
                         Qt::AlignHCenter | Qt::AlignTop, m_style.xLabel);
    }

    // Series.
    painter.save();
    painter.setClipRect(plot.adjusted(-hair, -hair, hair, hair));
    for (int i = 0; i < m_series.size(); ++i) {
        const ChartSeries &s = m_series[i];
        const int64_t gap = typicalStep(s.times) * 5 / 2;
        QPen pen(s.color.isValid() ? s.color : defaultColor(i), m_style.lineWidth * mm, Qt::SolidLine,
                 Qt::RoundCap, Qt::RoundJoin);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        QPainterPath path;
        bool open = false;
        int64_t last = 0;
        for (size_t k = 0; k < s.times.size() && k < s.values.size(); ++k) {
            if (!std::isfinite(s.values[k])) {
                open = false;
                continue;
            }
            const QPointF p(px(s.times[k]), py(s.values[k]));
            if (open && gap > 0 && s.times[k] - last > gap) open = false;
            if (open)
                path.lineTo(p);
            else
                path.moveTo(p);
            open = true;
            last = s.times[k];
        }
        painter.drawPath(path);
    }
    painter.restore();
    painter.restore();
}

} // namespace kw
