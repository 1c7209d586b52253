// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/temporal/time_series_chart.h"

#include "core/style/color_brewer.h"
#include "core/temporal/time_format.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QPainterPath>
#include <QSaveFile>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>
#include <limits>

namespace kw {

namespace {

constexpr int64_t hour = 3600000;
constexpr int64_t day = 24 * hour;

/// A round step (1, 2, 2.5, 5 × 10^k) giving about \a n intervals over \a span.
double niceStep(double span, int n)
{
    if (!(span > 0)) return 1;
    const double raw = span / n;
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (raw <= m * p) return m * p;
    return 10 * p;
}

QString valueText(double v, double step)
{
    const int decimals = step >= 1 ? 0 : std::min(6, int(std::ceil(-std::log10(step) - 1e-9)));
    return QLocale(QLocale::German).toString(v, 'f', decimals);
}

/// Tick times in [begin, end] at local hours, days or months, about \a wanted of them.
std::vector<int64_t> tickTimes(int64_t begin, int64_t end, const QTimeZone &zone, int wanted, bool &showsDays)
{
    const int64_t span = end - begin;
    struct Step
    {
        int months;
        int64_t ms;
    };
    const Step steps[] = {{0, hour}, {0, 2 * hour}, {0, 3 * hour}, {0, 6 * hour}, {0, 12 * hour},
                          {0, day},  {0, 2 * day},  {0, 7 * day},  {0, 14 * day}, {1, 0},
                          {3, 0},    {6, 0},        {12, 0},       {24, 0},       {60, 0}};
    Step chosen = steps[std::size(steps) - 1];
    for (const Step &s : steps) {
        const double length = s.months ? s.months * 30.0 * day : double(s.ms);
        if (span / length <= wanted) {
            chosen = s;
            break;
        }
    }
    showsDays = chosen.months > 0 || chosen.ms >= day;
    std::vector<int64_t> ticks;
    QDateTime t = QDateTime::fromMSecsSinceEpoch(begin, zone);
    if (chosen.months) {
        t = QDateTime(QDate(t.date().year(), t.date().month(), 1), QTime(0, 0), zone);
        while (t.toMSecsSinceEpoch() < begin)
            t = t.addMonths(chosen.months);
        for (; t.toMSecsSinceEpoch() <= end && ticks.size() < 1000; t = t.addMonths(chosen.months))
            ticks.push_back(t.toMSecsSinceEpoch());
    } else if (chosen.ms >= day) {
        const int days = int(chosen.ms / day);
        t = QDateTime(t.date(), QTime(0, 0), zone);
        while (t.toMSecsSinceEpoch() < begin)
            t = t.addDays(1);
        if (days == 7) // weeks start on Monday
            while (t.date().dayOfWeek() != 1)
                t = t.addDays(1);
        for (; t.toMSecsSinceEpoch() <= end && ticks.size() < 1000; t = t.addDays(days))
            ticks.push_back(t.toMSecsSinceEpoch());
    } else {
        const int hours = int(chosen.ms / hour);
        t = QDateTime(t.date(), QTime(t.time().hour(), 0), zone);
        while (t.toMSecsSinceEpoch() < begin || t.time().hour() % hours != 0)
            t = t.addSecs(3600);
        for (; t.toMSecsSinceEpoch() <= end && ticks.size() < 1000; t = t.addSecs(3600 * hours))
            ticks.push_back(t.toMSecsSinceEpoch());
    }
    return ticks;
}

int64_t medianSpacing(std::span<const int64_t> t)
{
    if (t.size() < 2) return 0;
    std::vector<int64_t> d;
    d.reserve(t.size() - 1);
    for (size_t i = 1; i < t.size(); ++i)
        d.push_back(t[i] - t[i - 1]);
    std::nth_element(d.begin(), d.begin() + std::ptrdiff_t(d.size() / 2), d.end());
    return d[d.size() / 2];
}

} // namespace

QList<TimeSeriesChart::Tick> TimeSeriesChart::timeTicks(int64_t begin, int64_t end, const QTimeZone &zone,
                                                        int wanted)
{
    bool showsDays = false;
    QList<Tick> out;
    QDate lastDate;
    for (int64_t t : tickTimes(begin, end, zone, wanted, showsDays)) {
        const QDateTime dt = QDateTime::fromMSecsSinceEpoch(t, zone);
        QString label;
        if (showsDays)
            label = dt.toString(QStringLiteral("dd.MM."));
        else if (dt.date() != lastDate)
            label = dt.toString(QStringLiteral("dd.MM. HH:mm"));
        else
            label = dt.toString(QStringLiteral("HH:mm"));
        lastDate = dt.date();
        out.append({t, label});
    }
    return out;
}

std::vector<std::pair<size_t, size_t>> TimeSeriesChart::segments(std::span<const int64_t> times,
                                                                 int64_t gapThreshold)
{
    std::vector<std::pair<size_t, size_t>> out;
    const int64_t gap = gapThreshold > 0 ? gapThreshold : medianSpacing(times) * 3 / 2;
    size_t start = 0;
    for (size_t i = 1; i <= times.size(); ++i)
        if (i == times.size() || (gap > 0 && times[i] - times[i - 1] > gap)) {
            if (i > start) out.emplace_back(start, i);
            start = i;
        }
    return out;
}

void TimeSeriesChart::addLine(const QString &label, std::span<const int64_t> times,
                              std::span<const double> values, const QColor &color)
{
    Line l;
    l.label = label;
    l.times.assign(times.begin(), times.end());
    l.values.assign(values.begin(), values.end());
    l.color = color;
    if (!l.color.isValid()) {
        const QList<QColor> palette = colorsFor(QStringLiteral("Dark2"), 8);
        l.color = palette.value(int(m_lines.size()) % std::max<int>(1, int(palette.size())), Qt::black);
    }
    m_lines.append(std::move(l));
}

std::optional<std::pair<int64_t, int64_t>> TimeSeriesChart::timeRange() const
{
    if (m_range) return m_range;
    int64_t lo = std::numeric_limits<int64_t>::max(), hi = std::numeric_limits<int64_t>::min();
    for (const Line &l : m_lines)
        if (!l.times.empty()) {
            lo = std::min(lo, l.times.front());
            hi = std::max(hi, l.times.back());
        }
    if (lo > hi) return std::nullopt;
    if (lo == hi) hi = lo + hour;
    return std::pair{lo, hi};
}

void TimeSeriesChart::paint(QPainter &painter, const QRectF &rect, double dpi) const
{
    const QTimeZone zone = m_zone.isValid() ? m_zone : TimeFormat::displayZone();
    const double pt = dpi / 72.0;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.fillRect(rect, Qt::white);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(std::max(6, int(8 * pt + 0.5)));
    QFont titleFont = font;
    titleFont.setPixelSize(std::max(8, int(11 * pt + 0.5)));
    titleFont.setBold(true);
    const QFontMetricsF fm(font), tfm(titleFont);

    const auto range = timeRange();
    double vmin = std::numeric_limits<double>::infinity(), vmax = -vmin;
    for (const Line &l : m_lines)
        for (size_t i = 0; i < l.times.size(); ++i)
            if (std::isfinite(l.values[i]) &&
                (!range || (l.times[i] >= range->first && l.times[i] <= range->second))) {
                vmin = std::min(vmin, l.values[i]);
                vmax = std::max(vmax, l.values[i]);
            }
    if (!(vmin <= vmax)) {
        vmin = 0;
        vmax = 1;
    }
    if (vmin > 0 && vmin < 0.5 * vmax) vmin = 0; // counts and concentrations read best from zero
    if (vmax == vmin) vmax = vmin + 1;
    const double vstep = niceStep(vmax - vmin, 5);
    vmin = std::floor(vmin / vstep) * vstep;
    vmax = std::ceil(vmax / vstep) * vstep;

    // Layout: title on top, legend below it, value labels on the left, time labels at the bottom.
    const double pad = 6 * pt;
    double top = rect.top() + pad;
    if (!m_title.isEmpty()) {
        painter.setFont(titleFont);
        painter.setPen(Qt::black);
        painter.drawText(QRectF(rect.left() + pad, top, rect.width() - 2 * pad, tfm.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, m_title);
        top += tfm.height() + pad / 2;
    }
    // Legend entries in rows.
    painter.setFont(font);
    double lx = rect.left() + pad;
    const double swatch = 14 * pt;
    for (const Line &l : m_lines) {
        const double w = swatch + 3 * pt + fm.horizontalAdvance(l.label) + 10 * pt;
        if (lx + w > rect.right() - pad && lx > rect.left() + pad) {
            lx = rect.left() + pad;
            top += fm.height() + 2 * pt;
        }
        painter.setPen(QPen(l.color, 2 * pt));
        painter.drawLine(QPointF(lx, top + fm.height() / 2), QPointF(lx + swatch, top + fm.height() / 2));
        painter.setPen(Qt::black);
        painter.drawText(QPointF(lx + swatch + 3 * pt, top + fm.ascent()), l.label);
        lx += w;
    }
    if (!m_lines.isEmpty()) top += fm.height() + pad;

    double labelWidth = 0;
    for (double v = vmin; v <= vmax + vstep / 2; v += vstep)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(valueText(v, vstep)));
    const QString unitText = m_unit;
    const double unitHeight = unitText.isEmpty() ? 0 : 1.5 * fm.height() + 2 * pt;
    const QRectF plot(rect.left() + pad + labelWidth + 4 * pt, top + unitHeight,
                      rect.width() - 2 * pad - labelWidth - 4 * pt -
                          fm.horizontalAdvance(QStringLiteral("00:00")) / 2,
                      rect.bottom() - pad - 2 * fm.height() - 4 * pt - top - unitHeight);
    if (plot.width() < 10 || plot.height() < 10) {
        painter.restore();
        return;
    }
    if (!unitText.isEmpty()) {
        painter.setPen(Qt::black);
        painter.drawText(QPointF(rect.left() + pad, top + fm.ascent()), unitText);
    }
    const auto yOf = [&](double v) { return plot.bottom() - (v - vmin) / (vmax - vmin) * plot.height(); };
    // Value grid.
    painter.setFont(font);
    for (double v = vmin; v <= vmax + vstep / 2; v += vstep) {
        const double y = yOf(v);
        painter.setPen(QPen(QColor(225, 225, 225), 1));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(Qt::black);
        painter.drawText(QRectF(rect.left() + pad, y - fm.height() / 2, labelWidth, fm.height()),
                         Qt::AlignRight | Qt::AlignVCenter, valueText(v, vstep));
    }
    if (range) {
        const double span = double(range->second - range->first);
        const auto xOf = [&](int64_t t) {
            return plot.left() + double(t - range->first) / span * plot.width();
        };
        bool showsDays = false;
        const std::vector<int64_t> ticks = tickTimes(range->first, range->second, zone,
                                                     std::max(2, int(plot.width() / (60 * pt))), showsDays);
        QDate lastDate;
        for (int64_t t : ticks) {
            const double x = xOf(t);
            painter.setPen(QPen(QColor(235, 235, 235), 1));
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            painter.setPen(Qt::black);
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3 * pt));
            const QDateTime dt = QDateTime::fromMSecsSinceEpoch(t, zone);
            const QString first =
                showsDays ? dt.toString(QStringLiteral("dd.MM.")) : dt.toString(QStringLiteral("HH:mm"));
            painter.drawText(QRectF(x - 40 * pt, plot.bottom() + 4 * pt, 80 * pt, fm.height()),
                             Qt::AlignHCenter | Qt::AlignTop, first);
            if (!showsDays && dt.date() != lastDate)
                painter.drawText(
                    QRectF(x - 40 * pt, plot.bottom() + 4 * pt + fm.height(), 80 * pt, fm.height()),
                    Qt::AlignHCenter | Qt::AlignTop, dt.toString(QStringLiteral("dd.MM.yyyy")));
            if (showsDays && dt.date().year() != lastDate.year())
                painter.drawText(
                    QRectF(x - 40 * pt, plot.bottom() + 4 * pt + fm.height(), 80 * pt, fm.height()),
                    Qt::AlignHCenter | Qt::AlignTop, dt.toString(QStringLiteral("yyyy")));
            lastDate = dt.date();
        }
        painter.save();
        painter.setClipRect(plot.adjusted(-1, -1, 1, 1));
        for (const Line &l : m_lines) {
            QPainterPath path;
            for (const auto &[first, last] : segments(l.times, m_gap)) {
                bool open = false;
                for (size_t i = first; i < last; ++i) {
                    if (!std::isfinite(l.values[i])) continue;
                    const QPointF p(xOf(l.times[i]), yOf(l.values[i]));
                    if (open)
                        path.lineTo(p);
                    else
                        path.moveTo(p);
                    open = true;
                }
            }
            painter.setPen(QPen(l.color, 1.5 * pt, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(path);
            // Single observations between gaps would be invisible as lines: mark every point when few.
            if (l.times.size() <= 60) {
                painter.setBrush(l.color);
                for (size_t i = 0; i < l.times.size(); ++i)
                    if (std::isfinite(l.values[i]))
                        painter.drawEllipse(QPointF(xOf(l.times[i]), yOf(l.values[i])), 1.8 * pt, 1.8 * pt);
            }
        }
        if (m_cursor && *m_cursor >= range->first && *m_cursor <= range->second) {
            painter.setPen(QPen(QColor(200, 30, 30), 1.5 * pt, Qt::DashLine));
            painter.drawLine(QPointF(xOf(*m_cursor), plot.top()), QPointF(xOf(*m_cursor), plot.bottom()));
        }
        painter.restore();
    }
    painter.setPen(QPen(Qt::black, 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(plot);
    painter.restore();
}

Status TimeSeriesChart::exportTo(const QString &path, const QSize &size, double dpi) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        return Error::usage(QStringLiteral("%1: unsupported chart format (use .png or .svg)").arg(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::output(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    if (suffix == QLatin1String("png")) {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        const int dpm = int(dpi / 0.0254 + 0.5);
        image.setDotsPerMeterX(dpm);
        image.setDotsPerMeterY(dpm);
        {
            QPainter painter(&image);
            paint(painter, QRectF(QPointF(0, 0), QSizeF(size)), dpi);
        }
        if (!image.save(&file, "PNG")) {
            file.cancelWriting();
            return Error::output(QStringLiteral("%1: cannot write the image").arg(path));
        }
    } else {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setResolution(int(dpi + 0.5));
        svg.setTitle(m_title.isEmpty() ? QStringLiteral("Kartenwerk chart") : m_title);
        QPainter painter;
        if (!painter.begin(&svg)) {
            file.cancelWriting();
            return Error::output(QStringLiteral("%1: cannot start SVG").arg(path));
        }
        paint(painter, QRectF(QPointF(0, 0), QSizeF(size)), dpi);
        painter.end();
    }
    if (!file.commit())
        return Error::output(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    return {};
}

} // namespace kw
