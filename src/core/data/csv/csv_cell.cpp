// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/csv/csv_cell.h"

#include <charconv>

namespace kw::csv {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// Reads exactly \a n digits at \a p.
bool digits(const char *p, int n, int &out)
{
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (!isDigit(p[i]))
            return false;
        v = v * 10 + (p[i] - '0');
    }
    out = v;
    return true;
}

/// Reads one or two digits at s[i]; advances i.
bool oneOrTwoDigits(std::string_view s, size_t &i, int &out)
{
    if (i >= s.size() || !isDigit(s[i]))
        return false;
    out = s[i++] - '0';
    if (i < s.size() && isDigit(s[i]))
        out = out * 10 + (s[i++] - '0');
    return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil): cheaper than a
// QDateTime per cell.
int64_t daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bool validDate(int y, int m, int d)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1)
        return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

/// Copies a number into \a buf as std::from_chars reads it: no '+', no grouping, '.' as decimal point.
bool normalise(std::string_view s, DecimalStyle style, char *buf, size_t cap, size_t &len)
{
    len = 0;
    size_t i = 0;
    if (!s.empty() && s[0] == '+')
        i = 1;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (style == DecimalStyle::Comma) {
            if (c == '.')
                continue;
            if (c == ',')
                c = '.';
        }
        if (len == cap)
            return false;
        buf[len++] = c;
    }
    return true;
}

} // namespace

std::string_view trimmed(std::string_view s)
{
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t'))
        ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        --e;
    return s.substr(b, e - b);
}

bool trimRecord(std::vector<std::string_view> &fields)
{
    bool blank = true;
    for (std::string_view &f : fields) {
        f = trimmed(f);
        blank = blank && f.empty();
    }
    return blank;
}

NumberShape scanNumber(std::string_view s)
{
    const char *p = s.data();
    const char *const end = p + s.size();
    if (p < end && (*p == '+' || *p == '-'))
        ++p;
    const char *const first = p;
    // Runs of digits separated by '.' or ','; sep[k] precedes run k.
    constexpr int maxRuns = 8;
    int run[maxRuns];
    char sep[maxRuns] = {};
    int runs = 0, total = 0;
    for (;;) {
        const char *r0 = p;
        while (p < end && isDigit(*p))
            ++p;
        run[runs] = int(p - r0);
        total += run[runs];
        ++runs;
        if (p < end && (*p == '.' || *p == ',') && runs < maxRuns) {
            sep[runs] = *p++;
            continue;
        }
        break;
    }
    bool exponent = false;
    if (p < end && (*p == 'e' || *p == 'E') && total > 0) {
        ++p;
        if (p < end && (*p == '+' || *p == '-'))
            ++p;
        const char *d0 = p;
        while (p < end && isDigit(*p))
            ++p;
        if (p == d0)
            return {};
        exponent = true;
    }
    if (p != end || total == 0 || (run[0] > 1 && *first == '0'))
        return {};

    NumberShape r;
    const int seps = runs - 1;
    if (seps == 0) {
        r.point = true;
        r.pointInteger = !exponent;
        r.shortInteger = !exponent && run[0] <= 3;
        r.longInteger = run[0] >= 19;
        r.ungrouped = !exponent && run[0] >= 4;
    } else if (seps == 1 && sep[1] == '.' && run[1] > 0) {
        r.point = true;
    }

    int dots = 0;
    bool commaOk = true, decimalComma = false;
    for (int k = 1; k < runs; ++k) {
        if (sep[k] == '.') {
            commaOk = commaOk && !decimalComma && run[k] == 3;
            ++dots;
        } else {
            commaOk = commaOk && !decimalComma && run[k] > 0;
            decimalComma = true;
        }
    }
    if (dots > 0 && (run[0] < 1 || run[0] > 3 || *first == '0' || exponent))
        commaOk = false;
    if (commaOk) {
        r.comma = true;
        r.decimalComma = decimalComma;
        r.commaInteger = !decimalComma && !exponent;
        r.longInteger = r.longInteger || (r.commaInteger && total >= 19);
    }
    if (r.point && seps == 1) {
        r.ambiguous = r.comma;
        r.ungrouped = !r.comma;
    }
    return r;
}

bool parseDouble(std::string_view s, DecimalStyle style, double &out)
{
    const NumberShape shape = scanNumber(s);
    if (style == DecimalStyle::Comma ? !shape.comma : !shape.point)
        return false;
    char buf[64];
    size_t len;
    if (!normalise(s, style, buf, sizeof buf, len))
        return false;
    const auto res = std::from_chars(buf, buf + len, out);
    return res.ec == std::errc() && res.ptr == buf + len;
}

bool parseInt(std::string_view s, DecimalStyle style, int64_t &out)
{
    const NumberShape shape = scanNumber(s);
    if (style == DecimalStyle::Comma ? !shape.commaInteger : !shape.pointInteger)
        return false;
    char buf[64];
    size_t len;
    if (!normalise(s, style, buf, sizeof buf, len))
        return false;
    const auto res = std::from_chars(buf, buf + len, out);
    return res.ec == std::errc() && res.ptr == buf + len;
}

Temporal parseTemporal(std::string_view s, int64_t &msecs)
{
    const size_t n = s.size();
    if (n < 8 || !isDigit(s[0]))
        return Temporal::None;
    const char *p = s.data();
    int y = 0, mo = 0, d = 0;
    size_t i = 0;
    if (n >= 10 && p[4] == '-' && p[7] == '-') {
        if (!digits(p, 4, y) || !digits(p + 5, 2, mo) || !digits(p + 8, 2, d))
            return Temporal::None;
        i = 10;
    } else {
        if (!oneOrTwoDigits(s, i, d) || i >= n || s[i++] != '.' || !oneOrTwoDigits(s, i, mo) || i >= n ||
            s[i++] != '.' || i + 4 > n || !digits(p + i, 4, y))
            return Temporal::None;
        i += 4;
    }
    if (!validDate(y, mo, d))
        return Temporal::None;
    const int64_t day = daysFromCivil(y, mo, d) * 86400000LL;
    if (i == n) {
        msecs = day;
        return Temporal::Date;
    }
    if (p[i] != 'T' && p[i] != ' ')
        return Temporal::None;
    ++i;
    int h = 0, mi = 0, sec = 0, ms = 0;
    if (!oneOrTwoDigits(s, i, h) || i >= n || s[i++] != ':' || i + 2 > n || !digits(p + i, 2, mi))
        return Temporal::None;
    i += 2;
    if (i < n && s[i] == ':') {
        if (i + 3 > n || !digits(p + i + 1, 2, sec))
            return Temporal::None;
        i += 3;
        if (i < n && (s[i] == '.' || s[i] == ',')) {
            ++i;
            int scale = 100, k = 0;
            for (; i < n && isDigit(s[i]); ++i, ++k) {
                ms += (s[i] - '0') * scale;
                scale /= 10;
            }
            if (k == 0)
                return Temporal::None;
        }
    }
    int offsetMinutes = 0;
    if (i < n && s[i] == 'Z') {
        ++i;
    } else if (i < n && (s[i] == '+' || s[i] == '-')) {
        const int sign = s[i] == '-' ? -1 : 1;
        int oh = 0, om = 0;
        if (i + 3 > n || !digits(p + i + 1, 2, oh))
            return Temporal::None;
        i += 3;
        if (i < n && s[i] == ':')
            ++i;
        if (i < n) {
            if (i + 2 > n || !digits(p + i, 2, om))
                return Temporal::None;
            i += 2;
        }
        if (oh > 14 || om > 59)
            return Temporal::None;
        offsetMinutes = sign * (oh * 60 + om);
    }
    if (i != n || h > 23 || mi > 59 || sec > 60)
        return Temporal::None;
    msecs = day + ((h * 60LL + mi) * 60 + sec) * 1000 + ms - offsetMinutes * 60000LL;
    return Temporal::DateTime;
}

std::optional<bool> parseBool(std::string_view s)
{
    if (s.size() < 2 || s.size() > 6)
        return std::nullopt;
    char lower[6];
    for (size_t i = 0; i < s.size(); ++i)
        lower[i] = (s[i] >= 'A' && s[i] <= 'Z') ? char(s[i] + 32) : s[i];
    const std::string_view w(lower, s.size());
    if (w == "true" || w == "ja" || w == "wahr")
        return true;
    if (w == "false" || w == "nein" || w == "falsch")
        return false;
    return std::nullopt;
}

} // namespace kw::csv
