// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

/// Reading typed values from CSV cells, by hand: a loader calls these for every cell of a file with
/// millions of them, so there is no regular expression, locale or allocation on the way.
namespace kw::csv {

/// How a column writes decimals: "12.5" (and nothing groups thousands) or "1.234,5" (German).
enum class DecimalStyle : uint8_t { Point, Comma };

/// \brief What a cell's text could be as a number, in either decimal style (see scanNumber()).
struct NumberShape
{
    bool point = false;        ///< a number with '.' as decimal point and no thousands separator
    bool comma = false;        ///< a number with ',' as decimal comma and '.' grouping thousands
    bool pointInteger = false; ///< point, without fraction or exponent
    bool commaInteger = false; ///< comma, without fraction or exponent
    bool decimalComma = false; ///< comma, with a decimal comma: "12,5"
    bool ungrouped = false;    ///< shows that '.' does not group thousands here: "2.63", "0.125", "1234"
    bool ambiguous = false;    ///< one '.' before three digits, "56.963": a decimal or a thousands separator
    bool shortInteger = false; ///< one to three digits: what a column that groups thousands writes below 1000
    bool longInteger = false;  ///< 19 or more digits: may not fit int64
};

/// Strips spaces and tabs at both ends.
std::string_view trimmed(std::string_view s);
/// Trims every field of a record; true when all are then empty (a blank line, or ";;;" from Excel).
bool trimRecord(std::vector<std::string_view> &fields);

/// Classifies a trimmed cell. Integers with leading zeros ("01067", "007") are no numbers: in German
/// municipal data they are postcodes and municipality keys, whose zeros matter.
NumberShape scanNumber(std::string_view s);

/// Parses a trimmed cell as a number in \a style; false when it is none.
bool parseDouble(std::string_view s, DecimalStyle style, double &out);
/// Parses a trimmed cell as an integer in \a style ("1.234" is 1234 in the comma style); false when it is
/// none or does not fit int64.
bool parseInt(std::string_view s, DecimalStyle style, int64_t &out);

enum class Temporal : uint8_t { None, Date, DateTime };

/// Parses ISO 8601 ("2018-12-24", "2018-12-24T13:45:00[.sss][Z|±hh[:mm]]", also with a space for 'T')
/// and German dates ("24.12.2018", "24.12.2018 13:45[:ss]") into milliseconds since the epoch. A time
/// without offset is taken as UTC, a date as its midnight UTC.
Temporal parseTemporal(std::string_view s, int64_t &msecs);

/// true/false, ja/nein and Excel's German WAHR/FALSCH, in any case.
std::optional<bool> parseBool(std::string_view s);

} // namespace kw::csv
