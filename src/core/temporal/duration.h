// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QString>
#include <QTimeZone>
#include <cstdint>

namespace kw {

/// \brief An ISO 8601 duration ("PT15M", "PT1H", "P1D", "P1W", "P1M", "P1DT12H") as calendar and exact parts.
///
/// Months and days are calendar units: adding "P1D" to local midnight gives the next local midnight even
/// across a daylight-saving switch (23 or 25 hours), as people expect of a daily step. Hours, minutes and
/// seconds are exact. Years are kept as 12 months, weeks as 7 days; negative durations are not allowed.
class Duration
{
public:
    Duration() = default;
    static Duration fromMSecs(int64_t msecs) { return Duration(0, 0, msecs); }
    static Duration fromParts(int months, int days, int64_t msecs) { return Duration(months, days, msecs); }
    /// Parses "PnYnMnWnDTnHnMnS" (seconds may have a fraction); an error names the text.
    static Result<Duration> parse(const QString &text);

    int months() const { return m_months; }
    int days() const { return m_days; }
    int64_t msecs() const { return m_msecs; }
    bool isZero() const { return m_months == 0 && m_days == 0 && m_msecs == 0; }
    /// True when the length does not depend on the calendar (no months or days).
    bool isExact() const { return m_months == 0 && m_days == 0; }
    /// The length in milliseconds, counting a day as 24 h and a month as 30 days where not exact.
    int64_t approximateMSecs() const;

    /// \a t plus this duration: months and days added to the wall-clock time in \a zone, then the exact part.
    int64_t addTo(int64_t t, const QTimeZone &zone) const;
    /// \a t minus this duration (the inverse of addTo for the same zone, away from DST switches).
    int64_t subtractFrom(int64_t t, const QTimeZone &zone) const;

    /// Canonical ISO 8601 text: "PT1H", "P1D", "P1DT12H", "PT0S" for zero.
    QString toString() const;

    bool operator==(const Duration &) const = default;

private:
    Duration(int months, int days, int64_t msecs) : m_months(months), m_days(days), m_msecs(msecs) {}
    int m_months = 0;
    int m_days = 0;
    int64_t m_msecs = 0;
};

} // namespace kw
