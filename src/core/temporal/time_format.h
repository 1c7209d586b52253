// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>
#include <QTimeZone>
#include <cstdint>
#include <optional>

namespace kw {

/// \brief Reading and writing instants: kept as milliseconds since 1970 UTC, shown in the city's local time.
///
/// ISO 8601 is read as "YYYY-MM-DD[(T| )hh:mm[:ss[.fff]]][Z|±hh[:mm]]". An offset in the text is always
/// respected; text without one is wall-clock time in the zone the caller names (for the city's data:
/// Europe/Berlin). Wall-clock times that do not exist (the hour skipped in spring) move forward by the gap;
/// times that occur twice (the hour repeated in autumn) mean the first of them (summer time): give an
/// offset to mean the second.
class TimeFormat
{
public:
    /// Europe/Berlin: where the city's times are shown (UTC if the system has no time zone data).
    static QTimeZone displayZone();
    /// A zone by IANA id ("Europe/Berlin", "UTC"); nullopt when unknown.
    static std::optional<QTimeZone> zone(const QString &id);

    /// Parses one instant; nullopt when \a text is none.
    static std::optional<int64_t> parseInstant(QStringView text, const QTimeZone &naiveZone);
    /// True when \a text (a valid instant) carries its own offset or 'Z'.
    static bool hasOffset(QStringView text);

    /// \brief A time interval [begin, end]; an instant has begin == end.
    struct Interval
    {
        int64_t begin = 0;
        int64_t end = 0;
    };
    /// Parses "start/end" (ISO 8601 interval of two instants) or a single instant.
    static std::optional<Interval> parseInterval(QStringView text, const QTimeZone &naiveZone);

    /// "2026-09-01T00:00:00Z" (milliseconds only when not zero).
    static QString toIsoUtc(int64_t msecs);
    /// "2026-09-01T02:00:00+02:00" in \a zone.
    static QString toIsoLocal(int64_t msecs, const QTimeZone &zone);
    /// What people read on maps and charts: "01.09.2026 02:00 MESZ" (Europe/Berlin: MEZ/MESZ; other zones:
    /// "UTC+hh:mm"). Seconds are shown only when not zero.
    static QString toDisplay(int64_t msecs, const QTimeZone &zone);
    /// A window [begin, end) for people: "18.09.2026" (a whole local day), "18.09.2026 16:00–17:00 MESZ"
    /// (within a day; an end at midnight is written 24:00; across a DST switch "02:00 MESZ–02:00 MEZ"),
    /// else "30.09.2026 00:00 – 02.10.2026 00:00 MESZ".
    static QString toDisplayRange(int64_t begin, int64_t end, const QTimeZone &zone);
    /// The zone's abbreviation at \a msecs as toDisplay writes it.
    static QString zoneLabel(int64_t msecs, const QTimeZone &zone);
};

} // namespace kw
