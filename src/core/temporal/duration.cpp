// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/temporal/duration.h"

#include <QDateTime>

namespace kw {

Result<Duration> Duration::parse(const QString &text)
{
    const QString s = text.trimmed().toUpper();
    const auto bad = [&text](const QString &why) {
        return Error::usage(
            QStringLiteral("invalid ISO 8601 duration '%1': %2 (examples: PT15M, PT1H, P1D)").arg(text, why));
    };
    if (s.size() < 3 || s[0] != QLatin1Char('P'))
        return bad(QStringLiteral("expected P followed by numbers and units"));
    int64_t months = 0, days = 0, msecs = 0;
    bool inTime = false, any = false, anyTime = false;
    QString number;
    QString seenUnits; // each unit once, in order
    for (qsizetype i = 1; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c == QLatin1Char('T')) {
            if (inTime || !number.isEmpty()) return bad(QStringLiteral("misplaced T"));
            inTime = true;
            continue;
        }
        if (c.isDigit() || c == QLatin1Char('.') || c == QLatin1Char(',')) {
            number += c == QLatin1Char(',') ? QLatin1Char('.') : c;
            continue;
        }
        if (number.isEmpty()) return bad(QStringLiteral("unit '%1' without a number").arg(c));
        bool ok = false;
        const double v = number.toDouble(&ok);
        if (!ok || v < 0) return bad(QStringLiteral("'%1' is not a number").arg(number));
        const bool fractional = number.contains(QLatin1Char('.'));
        number.clear();
        const QString key = (inTime ? QStringLiteral("T") : QString()) + c;
        if (seenUnits.contains(key + QLatin1Char(';')))
            return bad(QStringLiteral("unit '%1' given twice").arg(c));
        seenUnits += key + QLatin1Char(';');
        if (fractional && !(inTime && c == QLatin1Char('S')))
            return bad(QStringLiteral("only seconds may have a fraction"));
        if (v > 1e9) return bad(QStringLiteral("too large"));
        if (!inTime) {
            switch (c.unicode()) {
            case 'Y':
                months += int64_t(v) * 12;
                break;
            case 'M':
                months += int64_t(v);
                break;
            case 'W':
                days += int64_t(v) * 7;
                break;
            case 'D':
                days += int64_t(v);
                break;
            default:
                return bad(QStringLiteral("unknown date unit '%1'").arg(c));
            }
        } else {
            switch (c.unicode()) {
            case 'H':
                msecs += int64_t(v) * 3600000;
                break;
            case 'M':
                msecs += int64_t(v) * 60000;
                break;
            case 'S':
                msecs += int64_t(v * 1000.0 + 0.5);
                break;
            default:
                return bad(QStringLiteral("unknown time unit '%1'").arg(c));
            }
            anyTime = true;
        }
        any = true;
    }
    if (!number.isEmpty()) return bad(QStringLiteral("number without a unit at the end"));
    if (!any) return bad(QStringLiteral("no number"));
    if (inTime && !anyTime) return bad(QStringLiteral("T without hours, minutes or seconds"));
    if (months > 1200000 || days > 100000000) return bad(QStringLiteral("too large"));
    return Duration(int(months), int(days), msecs);
}

int64_t Duration::approximateMSecs() const
{
    return (int64_t(m_months) * 30 + m_days) * 86400000LL + m_msecs;
}

int64_t Duration::addTo(int64_t t, const QTimeZone &zone) const
{
    if (isExact()) return t + m_msecs;
    QDateTime dt = QDateTime::fromMSecsSinceEpoch(t, zone.isValid() ? zone : QTimeZone::utc());
    dt = dt.addMonths(m_months).addDays(m_days);
    return dt.toMSecsSinceEpoch() + m_msecs;
}

int64_t Duration::subtractFrom(int64_t t, const QTimeZone &zone) const
{
    if (isExact()) return t - m_msecs;
    QDateTime dt = QDateTime::fromMSecsSinceEpoch(t - m_msecs, zone.isValid() ? zone : QTimeZone::utc());
    return dt.addDays(-m_days).addMonths(-m_months).toMSecsSinceEpoch();
}

QString Duration::toString() const
{
    if (isZero()) return QStringLiteral("PT0S");
    QString s = QStringLiteral("P");
    if (m_months >= 12 && m_months % 12 == 0)
        s += QString::number(m_months / 12) + QLatin1Char('Y');
    else if (m_months)
        s += QString::number(m_months) + QLatin1Char('M');
    if (m_days) s += QString::number(m_days) + QLatin1Char('D');
    if (m_msecs) {
        s += QLatin1Char('T');
        int64_t rest = m_msecs;
        if (const int64_t h = rest / 3600000) {
            s += QString::number(h) + QLatin1Char('H');
            rest -= h * 3600000;
        }
        if (const int64_t m = rest / 60000) {
            s += QString::number(m) + QLatin1Char('M');
            rest -= m * 60000;
        }
        if (rest) {
            if (rest % 1000 == 0)
                s += QString::number(rest / 1000) + QLatin1Char('S');
            else
                s += QString::number(double(rest) / 1000.0, 'f', 3) + QLatin1Char('S');
        }
    }
    return s;
}

} // namespace kw
