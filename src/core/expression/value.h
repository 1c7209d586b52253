// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QVariant>

#include <cstdint>

namespace kw::expr {

/// \brief One value inside the expression evaluator: a small tagged union, so that numbers, booleans and
/// dates never touch the heap (QVariant is only used at the API boundary).
class Value
{
public:
    enum class Type : uint8_t { Null, Bool, Int, Double, String, Date, DateTime };

    Value() = default;
    static Value fromBool(bool b)
    {
        Value v(Type::Bool);
        v.m_i = b ? 1 : 0;
        return v;
    }
    static Value fromInt(int64_t i)
    {
        Value v(Type::Int);
        v.m_i = i;
        return v;
    }
    static Value fromDouble(double d)
    {
        Value v(Type::Double);
        v.m_d = d;
        return v;
    }
    static Value fromString(QString s)
    {
        Value v(Type::String);
        v.m_s = std::move(s);
        return v;
    }
    /// \a julianDay as QDate::toJulianDay().
    static Value fromDate(int64_t julianDay)
    {
        Value v(Type::Date);
        v.m_i = julianDay;
        return v;
    }
    static Value fromDate(const QDate &d) { return d.isValid() ? fromDate(d.toJulianDay()) : Value(); }
    /// An instant plus the UTC offset it is presented in (what format_date and hour() use).
    static Value fromDateTime(int64_t msecsUtc, int offsetSeconds = 0)
    {
        Value v(Type::DateTime);
        v.m_i = msecsUtc;
        v.m_offset = offsetSeconds;
        return v;
    }
    static Value fromDateTime(const QDateTime &dt);
    static Value fromVariant(const QVariant &v);

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    /// Bool, Int or Double: what arithmetic takes without parsing.
    bool isNumeric() const { return m_type == Type::Bool || m_type == Type::Int || m_type == Type::Double; }
    bool isTemporal() const { return m_type == Type::Date || m_type == Type::DateTime; }

    bool boolValue() const { return m_i != 0; }
    int64_t intValue() const { return m_i; }
    double doubleValue() const { return m_d; }
    const QString &stringValue() const { return m_s; }
    int64_t julianDay() const { return m_i; }
    int64_t msecs() const { return m_i; }
    int offsetSeconds() const { return m_offset; }

    /// Numeric value of a Bool, Int or Double (no string parsing).
    double numeric() const { return m_type == Type::Double ? m_d : double(m_i); }
    QDate date() const;
    /// The instant in its own UTC offset; a Date becomes midnight UTC.
    QDateTime dateTime() const;
    /// Milliseconds since the epoch; a Date counts as midnight UTC.
    int64_t instantMsecs() const;

    QVariant toVariant() const;
    /// Text form used by ||, LIKE, to_string and labels: locale-independent, shortest round-trip
    /// doubles, ISO dates, 'true'/'false'; empty for NULL.
    QString toText() const;

private:
    explicit Value(Type t) : m_type(t) {}

    Type m_type = Type::Null;
    int32_t m_offset = 0; // UTC offset of a DateTime in seconds
    union {
        int64_t m_i = 0;
        double m_d;
    };
    QString m_s;
};

/// Julian day of 1970-01-01, to turn epoch milliseconds into dates without a QDateTime.
inline constexpr int64_t kJulianDayOfEpoch = 2440588;
inline constexpr int64_t kMsecsPerDay = 86400000;

/// Floor division that rounds towards minus infinity (dates before 1970 must not shift by a day).
inline int64_t floorDiv(int64_t a, int64_t b)
{
    const int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/// Shortest round-trip text of a double, always with '.' as decimal point.
QString doubleToText(double d);
/// Parses a number written with '.' (no locale); false for empty, non-numeric or non-finite text.
bool parseNumber(const QString &s, double *out);
/// As parseNumber, but also tells whether the text was an integer that fits int64.
bool parseNumberValue(const QString &s, Value *out);
/// 'yyyy-MM-dd' gives a Date; ISO 8601 date-times (offset optional, 'T' or space) give a DateTime.
/// Date-times without an offset count as UTC, as the data providers store them.
Value parseTemporal(const QString &s);

/// Result of comparing two non-NULL values.
enum class Ordering : int8_t { Less = -1, Equal = 0, Greater = 1, Unordered = 2, Incomparable = 3 };

/// Compares by the language's rules: numerically when both are numbers or one is a number and the other
/// a numeric string; as dates when one is a date (a string is parsed); as strings otherwise. Unordered
/// for NaN; Incomparable (a type error) for a date against a non-date.
Ordering compareValues(const Value &a, const Value &b);

} // namespace kw::expr
