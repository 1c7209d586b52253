// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/temporal/time_format.h"

#include <QDateTime>
#include <cstdlib>

namespace kw {

namespace {

bool digitsAt(QStringView s, qsizetype pos, int count, int &out)
{
    if (pos + count > s.size()) return false;
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const QChar c = s[pos + i];
        if (c < QLatin1Char('0') || c > QLatin1Char('9')) return false;
        v = v * 10 + (c.unicode() - '0');
    }
    out = v;
    return true;
}

int64_t daysFromCivil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + int64_t(doe) - 719468;
}

/// The pieces of an ISO 8601 instant.
struct Parsed
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
    bool hasOffset = false;
    int offsetMinutes = 0;
};

std::optional<Parsed> parse(QStringView t)
{
    t = t.trimmed();
    Parsed p;
    if (!digitsAt(t, 0, 4, p.y) || t.size() < 10 || t[4] != QLatin1Char('-') || !digitsAt(t, 5, 2, p.mo) ||
        t[7] != QLatin1Char('-') || !digitsAt(t, 8, 2, p.d))
        return std::nullopt;
    if (!QDate::isValid(p.y, p.mo, p.d)) return std::nullopt;
    qsizetype i = 10;
    if (i < t.size()) {
        if (t[i] != QLatin1Char('T') && t[i] != QLatin1Char('t') && t[i] != QLatin1Char(' '))
            return std::nullopt;
        ++i;
        if (!digitsAt(t, i, 2, p.h) || i + 2 >= t.size() || t[i + 2] != QLatin1Char(':') ||
            !digitsAt(t, i + 3, 2, p.mi))
            return std::nullopt;
        i += 5;
        if (i < t.size() && t[i] == QLatin1Char(':')) {
            if (!digitsAt(t, i + 1, 2, p.s)) return std::nullopt;
            i += 3;
            if (i < t.size() && (t[i] == QLatin1Char('.') || t[i] == QLatin1Char(','))) {
                ++i;
                int scale = 100, k = 0;
                for (; i < t.size() && t[i].isDigit(); ++i, ++k) {
                    p.ms += (t[i].unicode() - '0') * scale;
                    scale /= 10;
                }
                if (k == 0) return std::nullopt;
            }
        }
        if (i < t.size() && (t[i] == QLatin1Char('Z') || t[i] == QLatin1Char('z'))) {
            p.hasOffset = true;
            ++i;
        } else if (i < t.size() && (t[i] == QLatin1Char('+') || t[i] == QLatin1Char('-'))) {
            const int sign = t[i] == QLatin1Char('-') ? -1 : 1;
            int oh = 0, om = 0;
            if (!digitsAt(t, i + 1, 2, oh)) return std::nullopt;
            i += 3;
            if (i < t.size() && t[i] == QLatin1Char(':')) ++i;
            if (i < t.size()) {
                if (!digitsAt(t, i, 2, om)) return std::nullopt;
                i += 2;
            }
            if (oh > 14 || om > 59) return std::nullopt;
            p.hasOffset = true;
            p.offsetMinutes = sign * (oh * 60 + om);
        }
        if (i != t.size()) return std::nullopt;
        // 24:00 is the end of a day in ISO 8601; a leap second is read as :59.
        if (p.h == 24 && p.mi == 0 && p.s == 0 && p.ms == 0) {
        } else if (p.h > 23 || p.mi > 59 || p.s > 60) {
            return std::nullopt;
        }
        if (p.s == 60) p.s = 59;
    }
    return p;
}

} // namespace

QTimeZone TimeFormat::displayZone()
{
    static const QTimeZone zone = [] {
        QTimeZone z(QByteArrayLiteral("Europe/Berlin"));
        return z.isValid() ? z : QTimeZone::utc();
    }();
    return zone;
}

std::optional<QTimeZone> TimeFormat::zone(const QString &id)
{
    if (id.compare(QLatin1String("UTC"), Qt::CaseInsensitive) == 0 || id == QLatin1String("Z"))
        return QTimeZone::utc();
    QTimeZone z(id.toUtf8());
    if (!z.isValid()) return std::nullopt;
    return z;
}

std::optional<int64_t> TimeFormat::parseInstant(QStringView text, const QTimeZone &naiveZone)
{
    const auto p = parse(text);
    if (!p) return std::nullopt;
    const int64_t dayStart = daysFromCivil(p->y, unsigned(p->mo), unsigned(p->d)) * 86400000LL;
    const int64_t timeOfDay = ((p->h * 60LL + p->mi) * 60 + p->s) * 1000 + p->ms;
    if (p->hasOffset) return dayStart + timeOfDay - p->offsetMinutes * 60000LL;
    if (!naiveZone.isValid() || naiveZone == QTimeZone::utc()) return dayStart + timeOfDay;
    // Wall-clock time in a zone, resolved here rather than by Qt (whose choice for repeated hours changed
    // between versions): the instant t with t + offset(t) = wall; of two, the first; of none (the hour
    // skipped in spring), the wall time read with the offset before the gap, i.e. moved forward by it.
    const int64_t wall = dayStart + timeOfDay;
    const auto offsetAt = [&naiveZone](int64_t t) {
        return int64_t(naiveZone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(t, QTimeZone::utc()))) * 1000;
    };
    const int64_t day = 86400000;
    const int64_t before = offsetAt(wall - day), after = offsetAt(wall + day), here = offsetAt(wall);
    std::optional<int64_t> best;
    for (int64_t o : {before, here, after}) {
        const int64_t t = wall - o;
        if (offsetAt(t) == o && (!best || t < *best)) best = t;
    }
    return best ? *best : wall - before;
}

bool TimeFormat::hasOffset(QStringView text)
{
    const auto p = parse(text);
    return p && p->hasOffset;
}

std::optional<TimeFormat::Interval> TimeFormat::parseInterval(QStringView text, const QTimeZone &naiveZone)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash < 0) {
        const auto t = parseInstant(text, naiveZone);
        if (!t) return std::nullopt;
        return Interval{*t, *t};
    }
    const auto a = parseInstant(text.left(slash), naiveZone);
    const auto b = parseInstant(text.mid(slash + 1), naiveZone);
    if (!a || !b || *b < *a) return std::nullopt;
    return Interval{*a, *b};
}

QString TimeFormat::toIsoUtc(int64_t msecs)
{
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch(msecs, QTimeZone::utc());
    return dt.toString(msecs % 1000 ? QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")
                                    : QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QString TimeFormat::toIsoLocal(int64_t msecs, const QTimeZone &zone)
{
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch(msecs, zone);
    const int offset = zone.offsetFromUtc(dt) / 60;
    const QString base = dt.toString(msecs % 1000 ? QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")
                                                  : QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (offset == 0 && zone == QTimeZone::utc()) return base + QLatin1Char('Z');
    return base + QStringLiteral("%1%2:%3")
                      .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                      .arg(std::abs(offset) / 60, 2, 10, QLatin1Char('0'))
                      .arg(std::abs(offset) % 60, 2, 10, QLatin1Char('0'));
}

QString TimeFormat::zoneLabel(int64_t msecs, const QTimeZone &zone)
{
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch(msecs, zone);
    const int offset = zone.offsetFromUtc(dt);
    if (zone.id() == QByteArrayLiteral("Europe/Berlin")) {
        if (offset == 3600) return QStringLiteral("MEZ");
        if (offset == 7200) return QStringLiteral("MESZ");
    }
    if (offset == 0) return QStringLiteral("UTC");
    const int m = std::abs(offset) / 60;
    return QStringLiteral("UTC%1%2:%3")
        .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(m / 60, 2, 10, QLatin1Char('0'))
        .arg(m % 60, 2, 10, QLatin1Char('0'));
}

QString TimeFormat::toDisplayRange(int64_t begin, int64_t end, const QTimeZone &zone)
{
    if (end <= begin) return toDisplay(begin, zone);
    const QDateTime a = QDateTime::fromMSecsSinceEpoch(begin, zone);
    const QDateTime b = QDateTime::fromMSecsSinceEpoch(end, zone);
    const QString day = QStringLiteral("dd.MM.yyyy");
    const bool seconds = begin % 60000 != 0 || end % 60000 != 0;
    const QString time = seconds ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    const bool midnightA = a.time() == QTime(0, 0), midnightB = b.time() == QTime(0, 0);
    if (midnightA && midnightB && a.date().addDays(1) == b.date()) return a.toString(day);
    const QString zoneA = zoneLabel(begin, zone), zoneB = zoneLabel(end, zone);
    const bool sameDay = a.date() == b.date() || (midnightB && a.date().addDays(1) == b.date());
    if (sameDay) {
        const QString endText = a.date() == b.date()
                                    ? b.toString(time)
                                    : (seconds ? QStringLiteral("24:00:00") : QStringLiteral("24:00"));
        if (zoneA != zoneB) // the night of a DST switch: "02:00 MESZ–02:00 MEZ"
            return a.toString(day + QLatin1Char(' ') + time) + QLatin1Char(' ') + zoneA + QChar(0x2013) +
                   endText + QLatin1Char(' ') + zoneB;
        return a.toString(day + QLatin1Char(' ') + time) + QChar(0x2013) + endText + QLatin1Char(' ') + zoneA;
    }
    return a.toString(day + QLatin1Char(' ') + time) +
           (zoneA == zoneB ? QString() : QLatin1Char(' ') + zoneA) + QStringLiteral(" \u2013 ") +
           b.toString(day + QLatin1Char(' ') + time) + QLatin1Char(' ') + zoneB;
}

QString TimeFormat::toDisplay(int64_t msecs, const QTimeZone &zone)
{
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch(msecs, zone);
    const bool seconds = (msecs % 60000) != 0;
    return dt.toString(seconds ? QStringLiteral("dd.MM.yyyy HH:mm:ss") : QStringLiteral("dd.MM.yyyy HH:mm")) +
           QLatin1Char(' ') + zoneLabel(msecs, zone);
}

} // namespace kw
