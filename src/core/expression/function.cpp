// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/expression/function.h"

#include <QLocale>
#include <QRegularExpression>

#include <array>
#include <cmath>
#include <limits>
#include <numbers>

namespace kw::expr {

// ---- argument conversions ----------------------------------------------------------------------------

namespace {

QString quoted(const Value &v)
{
    return QLatin1Char('\'') + v.toText() + QLatin1Char('\'');
}

} // namespace

bool toNumberArg(const Value &v, EvalState &s, Value *out)
{
    switch (v.type()) {
    case Value::Type::Int:
    case Value::Type::Double:
        *out = v;
        return true;
    case Value::Type::Bool:
        *out = Value::fromInt(v.intValue());
        return true;
    case Value::Type::String:
        if (parseNumberValue(v.stringValue(), out))
            return true;
        s.fail(QStringLiteral("cannot convert %1 to a number").arg(quoted(v)));
        return false;
    case Value::Type::Date:
    case Value::Type::DateTime:
        s.fail(QStringLiteral("cannot use the date %1 as a number (date_add() and age() compute with dates)")
                   .arg(quoted(v)));
        return false;
    case Value::Type::Null:
        break;
    }
    s.fail(QStringLiteral("cannot use NULL as a number"));
    return false;
}

bool toDoubleArg(const Value &v, EvalState &s, double *out)
{
    Value n;
    if (!toNumberArg(v, s, &n))
        return false;
    *out = n.numeric();
    return true;
}

bool toIntArg(const Value &v, EvalState &s, int64_t *out)
{
    Value n;
    if (!toNumberArg(v, s, &n))
        return false;
    if (n.type() == Value::Type::Int) {
        *out = n.intValue();
        return true;
    }
    const double r = std::round(n.doubleValue()); // half away from zero
    if (!(r >= -9.2e18 && r <= 9.2e18)) {
        s.fail(QStringLiteral("%1 is out of the integer range").arg(doubleToText(n.doubleValue())));
        return false;
    }
    *out = int64_t(r);
    return true;
}

bool toTemporalArg(const Value &v, EvalState &s, Value *out)
{
    if (v.isTemporal()) {
        *out = v;
        return true;
    }
    if (v.type() == Value::Type::String) {
        *out = parseTemporal(v.stringValue());
        if (!out->isNull())
            return true;
    }
    s.fail(QStringLiteral("cannot convert %1 to a date").arg(quoted(v)));
    return false;
}

namespace {

// ---- string functions ----------------------------------------------------------------------------------

Value fnLower(const Value *a, int, EvalState &)
{
    return Value::fromString(a[0].toText().toLower());
}

Value fnUpper(const Value *a, int, EvalState &)
{
    return Value::fromString(a[0].toText().toUpper());
}

Value fnTitle(const Value *a, int, EvalState &)
{
    const QString in = a[0].toText();
    QString out;
    out.reserve(in.size());
    bool wordStart = true;
    for (const QChar c : in) {
        if (c.isSpace()) {
            wordStart = true;
            out += c;
        } else {
            out += wordStart ? c.toTitleCase() : c.toLower();
            wordStart = false;
        }
    }
    return Value::fromString(out);
}

Value fnTrim(const Value *a, int, EvalState &)
{
    return Value::fromString(a[0].toText().trimmed());
}

Value fnLength(const Value *a, int, EvalState &)
{
    return Value::fromInt(a[0].toText().size());
}

Value fnSubstr(const Value *a, int n, EvalState &s)
{
    const QString str = a[0].toText();
    int64_t from = 0, len = int64_t(str.size()) + 1;
    if (!toIntArg(a[1], s, &from) || (n > 2 && !toIntArg(a[2], s, &len)))
        return {};
    // As QGIS: 1-based; a negative start counts from the end, a negative length leaves that many off the end.
    if (from < 0)
        from = std::max<int64_t>(0, int64_t(str.size()) + from);
    else if (from > 0)
        from -= 1;
    if (len < 0)
        len = std::max<int64_t>(0, int64_t(str.size()) + len - from);
    return Value::fromString(str.mid(qsizetype(std::min<int64_t>(from, str.size())), qsizetype(len)));
}

Value fnLeft(const Value *a, int, EvalState &s)
{
    int64_t len;
    if (!toIntArg(a[1], s, &len))
        return {};
    return Value::fromString(a[0].toText().left(qsizetype(std::max<int64_t>(0, len))));
}

Value fnRight(const Value *a, int, EvalState &s)
{
    int64_t len;
    if (!toIntArg(a[1], s, &len))
        return {};
    return Value::fromString(a[0].toText().right(qsizetype(std::max<int64_t>(0, len))));
}

Value fnReplace(const Value *a, int, EvalState &)
{
    QString str = a[0].toText();
    str.replace(a[1].toText(), a[2].toText());
    return Value::fromString(str);
}

Value fnConcat(const Value *a, int n, EvalState &)
{
    QString out;
    for (int i = 0; i < n; ++i)
        if (!a[i].isNull())
            out += a[i].toText();
    return Value::fromString(out);
}

/// Locales are built once: QLocale lookups by name are slow and its const methods are thread-safe.
const QLocale &localeNamed(const QString &name)
{
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    static const QLocale german(QLocale::German, QLocale::Germany);
    if (name.isEmpty() || name.startsWith(QLatin1String("en"), Qt::CaseInsensitive))
        return english;
    if (name.startsWith(QLatin1String("de"), Qt::CaseInsensitive))
        return german;
    thread_local QLocale other;
    other = QLocale(name);
    return other;
}

Value fnFormatNumber(const Value *a, int n, EvalState &s)
{
    double x;
    int64_t places;
    if (!toDoubleArg(a[0], s, &x) || !toIntArg(a[1], s, &places))
        return {};
    // English by default, not the desktop's locale: a layout must not change with the machine it runs on.
    const QLocale &loc = localeNamed(n > 2 ? a[2].toText() : QString());
    return Value::fromString(loc.toString(x, 'f', int(std::clamp<int64_t>(places, 0, 15))));
}

Value fnToString(const Value *a, int, EvalState &)
{
    return Value::fromString(a[0].toText());
}

Value fnToInt(const Value *a, int, EvalState &s)
{
    int64_t i;
    return toIntArg(a[0], s, &i) ? Value::fromInt(i) : Value();
}

Value fnToReal(const Value *a, int, EvalState &s)
{
    double d;
    return toDoubleArg(a[0], s, &d) ? Value::fromDouble(d) : Value();
}

Value fnRegexpMatch(const Value *a, int, EvalState &s)
{
    const QRegularExpression re(a[1].toText());
    if (!re.isValid())
        return s.fail(QStringLiteral("invalid regular expression '%1': %2").arg(a[1].toText(), re.errorString()));
    const QRegularExpressionMatch m = re.match(a[0].toText());
    return Value::fromInt(m.hasMatch() ? m.capturedStart() + 1 : 0);
}

Value fnStrpos(const Value *a, int, EvalState &)
{
    return Value::fromInt(a[0].toText().indexOf(a[1].toText()) + 1);
}

Value pad(const Value *a, EvalState &s, bool left)
{
    int64_t width;
    if (!toIntArg(a[1], s, &width))
        return {};
    const QString fill = a[2].toText();
    if (fill.isEmpty())
        return s.fail(QStringLiteral("%1pad(): the fill string is empty").arg(QLatin1String(left ? "l" : "r")));
    const qsizetype w = qsizetype(std::clamp<int64_t>(width, 0, 1 << 20));
    const QString str = a[0].toText();
    return Value::fromString(left ? str.rightJustified(w, fill.at(0), true) : str.leftJustified(w, fill.at(0), true));
}

Value fnLpad(const Value *a, int, EvalState &s)
{
    return pad(a, s, true);
}

Value fnRpad(const Value *a, int, EvalState &s)
{
    return pad(a, s, false);
}

// ---- math -------------------------------------------------------------------------------------------

Value fnAbs(const Value *a, int, EvalState &s)
{
    Value n;
    if (!toNumberArg(a[0], s, &n))
        return {};
    if (n.type() == Value::Type::Int)
        return n.intValue() == std::numeric_limits<int64_t>::min() ? Value::fromDouble(-double(n.intValue()))
                                                                     : Value::fromInt(std::abs(n.intValue()));
    return Value::fromDouble(std::fabs(n.doubleValue()));
}

Value fnRound(const Value *a, int n, EvalState &s)
{
    Value x;
    if (!toNumberArg(a[0], s, &x))
        return {};
    if (n == 1) {
        int64_t i;
        return toIntArg(x, s, &i) ? Value::fromInt(i) : Value();
    }
    int64_t places;
    if (!toIntArg(a[1], s, &places))
        return {};
    const double scale = std::pow(10.0, double(std::clamp<int64_t>(places, -15, 15)));
    return Value::fromDouble(std::round(x.numeric() * scale) / scale);
}

using DoubleFn = double (*)(double);

Value unaryMath(const Value &a, EvalState &s, DoubleFn f)
{
    double x;
    if (!toDoubleArg(a, s, &x))
        return {};
    return Value::fromDouble(f(x));
}

Value fnFloor(const Value *a, int, EvalState &s)
{
    return unaryMath(a[0], s, [](double x) { return std::floor(x); });
}

Value fnCeil(const Value *a, int, EvalState &s)
{
    return unaryMath(a[0], s, [](double x) { return std::ceil(x); });
}

Value fnExp(const Value *a, int, EvalState &s)
{
    return unaryMath(a[0], s, [](double x) { return std::exp(x); });
}

Value logarithm(const Value &a, EvalState &s, DoubleFn f, const char *name)
{
    double x;
    if (!toDoubleArg(a, s, &x))
        return {};
    if (x <= 0) // NaN or -inf would only turn into an unreadable label
        return s.fail(QStringLiteral("%1() of a number that is not positive (%2)")
                          .arg(QLatin1String(name), doubleToText(x)));
    return Value::fromDouble(f(x));
}

Value fnLn(const Value *a, int, EvalState &s)
{
    return logarithm(a[0], s, [](double x) { return std::log(x); }, "ln");
}

Value fnLog10(const Value *a, int, EvalState &s)
{
    return logarithm(a[0], s, [](double x) { return std::log10(x); }, "log10");
}

Value fnSqrt(const Value *a, int, EvalState &s)
{
    double x;
    if (!toDoubleArg(a[0], s, &x))
        return {};
    if (x < 0)
        return s.fail(QStringLiteral("sqrt() of a negative number (%1)").arg(doubleToText(x)));
    return Value::fromDouble(std::sqrt(x));
}

Value fnPow(const Value *a, int, EvalState &s)
{
    double x, y;
    if (!toDoubleArg(a[0], s, &x) || !toDoubleArg(a[1], s, &y))
        return {};
    const double r = std::pow(x, y);
    if (std::isnan(r))
        return s.fail(QStringLiteral("%1 ^ %2 is not a real number").arg(doubleToText(x), doubleToText(y)));
    return Value::fromDouble(r);
}

Value extreme(const Value *a, int n, EvalState &s, bool wantMax)
{
    Value best;
    for (int i = 0; i < n; ++i) {
        if (a[i].isNull())
            continue; // as QGIS: NULLs are skipped, all NULL gives NULL
        Value x;
        if (!toNumberArg(a[i], s, &x))
            return {};
        if (best.isNull()) {
            best = x;
            continue;
        }
        if (best.type() == Value::Type::Int && x.type() == Value::Type::Int) {
            if (wantMax ? x.intValue() > best.intValue() : x.intValue() < best.intValue())
                best = x;
        } else {
            const double b = best.numeric(), c = x.numeric();
            best = Value::fromDouble(wantMax ? std::max(b, c) : std::min(b, c));
        }
    }
    return best;
}

Value fnMin(const Value *a, int n, EvalState &s)
{
    return extreme(a, n, s, false);
}

Value fnMax(const Value *a, int n, EvalState &s)
{
    return extreme(a, n, s, true);
}

Value fnClamp(const Value *a, int, EvalState &s)
{
    Value lo, x, hi;
    if (!toNumberArg(a[0], s, &lo) || !toNumberArg(a[1], s, &x) || !toNumberArg(a[2], s, &hi))
        return {};
    if (lo.type() == Value::Type::Int && x.type() == Value::Type::Int && hi.type() == Value::Type::Int)
        return Value::fromInt(std::max(lo.intValue(), std::min(x.intValue(), hi.intValue())));
    return Value::fromDouble(std::max(lo.numeric(), std::min(x.numeric(), hi.numeric())));
}

Value fnPi(const Value *, int, EvalState &)
{
    return Value::fromDouble(std::numbers::pi);
}

// ---- conditionals -------------------------------------------------------------------------------------

Value fnNullIf(const Value *a, int, EvalState &)
{
    if (a[0].isNull() || a[1].isNull())
        return a[0];
    return compareValues(a[0], a[1]) == Ordering::Equal ? Value() : a[0];
}

// ---- date and time ----------------------------------------------------------------------------------

Value fnNow(const Value *, int, EvalState &s)
{
    // A caller-supplied @now makes exports and tests reproducible; only without it is the clock read.
    const auto it = s.ctx.variables().constFind(QStringLiteral("now"));
    if (it != s.ctx.variables().constEnd() && !it->isNull()) {
        Value t;
        return toTemporalArg(Value::fromVariant(*it), s, &t) ? t : Value();
    }
    return Value::fromDateTime(QDateTime::currentDateTime());
}

Value fnToDate(const Value *a, int n, EvalState &s)
{
    if (n > 1) {
        const QDate d = QDate::fromString(a[0].toText(), a[1].toText());
        if (!d.isValid())
            return s.fail(QStringLiteral("'%1' does not match the date format '%2'").arg(a[0].toText(), a[1].toText()));
        return Value::fromDate(d);
    }
    Value t;
    if (!toTemporalArg(a[0], s, &t))
        return {};
    return Value::fromDate(t.date());
}

Value fnToDateTime(const Value *a, int n, EvalState &s)
{
    if (n > 1) {
        QDateTime dt = QDateTime::fromString(a[0].toText(), a[1].toText());
        if (!dt.isValid())
            return s.fail(QStringLiteral("'%1' does not match the date-time format '%2'")
                              .arg(a[0].toText(), a[1].toText()));
        if (dt.timeSpec() == Qt::LocalTime)
            dt = QDateTime(dt.date(), dt.time(), Qt::UTC);
        return Value::fromDateTime(dt);
    }
    Value t;
    if (!toTemporalArg(a[0], s, &t))
        return {};
    return t.type() == Value::Type::Date ? Value::fromDateTime(t.instantMsecs(), 0) : t;
}

Value fnFormatDate(const Value *a, int n, EvalState &s)
{
    Value t;
    if (!toTemporalArg(a[0], s, &t))
        return {};
    const QString format = a[1].toText();
    if (n > 2) { // month and day names in that language
        const QLocale &loc = localeNamed(a[2].toText());
        return Value::fromString(t.type() == Value::Type::Date ? loc.toString(t.date(), format)
                                                               : loc.toString(t.dateTime(), format));
    }
    return Value::fromString(t.type() == Value::Type::Date ? t.date().toString(format) : t.dateTime().toString(format));
}

enum class Part { Year, Month, Day, Hour, Minute, DayOfWeek };

Value datePart(const Value &a, EvalState &s, Part part)
{
    Value t;
    if (!toTemporalArg(a, s, &t))
        return {};
    const QDateTime dt = t.dateTime(); // in the value's own offset
    switch (part) {
    case Part::Year: return Value::fromInt(dt.date().year());
    case Part::Month: return Value::fromInt(dt.date().month());
    case Part::Day: return Value::fromInt(dt.date().day());
    case Part::Hour: return Value::fromInt(dt.time().hour());
    case Part::Minute: return Value::fromInt(dt.time().minute());
    case Part::DayOfWeek: return Value::fromInt(dt.date().dayOfWeek()); // ISO: Monday 1 ... Sunday 7
    }
    return {};
}

Value fnYear(const Value *a, int, EvalState &s)
{
    return datePart(a[0], s, Part::Year);
}
Value fnMonth(const Value *a, int, EvalState &s)
{
    return datePart(a[0], s, Part::Month);
}
Value fnDay(const Value *a, int, EvalState &s)
{
    return datePart(a[0], s, Part::Day);
}
Value fnHour(const Value *a, int, EvalState &s)
{
    return datePart(a[0], s, Part::Hour);
}
Value fnMinute(const Value *a, int, EvalState &s)
{
    return datePart(a[0], s, Part::Minute);
}
Value fnDayOfWeek(const Value *a, int, EvalState &s)
{
    return datePart(a[0], s, Part::DayOfWeek);
}

Value fnAge(const Value *a, int, EvalState &s)
{
    Value x, y;
    if (!toTemporalArg(a[0], s, &x) || !toTemporalArg(a[1], s, &y))
        return {};
    if (x.type() == Value::Type::Date && y.type() == Value::Type::Date)
        return Value::fromInt(x.julianDay() - y.julianDay());
    return Value::fromDouble(double(x.instantMsecs() - y.instantMsecs()) / double(kMsecsPerDay));
}

Value fnDateAdd(const Value *a, int, EvalState &s)
{
    Value t, n;
    if (!toTemporalArg(a[0], s, &t) || !toNumberArg(a[1], s, &n))
        return {};
    QString unit = a[2].toText().trimmed().toLower();
    if (unit.endsWith(u's'))
        unit.chop(1);
    const bool isDate = t.type() == Value::Type::Date;
    const bool integral = n.type() == Value::Type::Int;
    const auto wholeUnits = [&](const char *what) -> bool {
        if (integral)
            return true;
        s.fail(QStringLiteral("date_add(): %1 must be added in whole numbers").arg(QLatin1String(what)));
        return false;
    };
    if (unit == u"year" || unit == u"month") {
        if (!wholeUnits(unit == u"year" ? "years" : "months"))
            return {};
        const int months = int(n.intValue() * (unit == u"year" ? 12 : 1));
        return isDate ? Value::fromDate(t.date().addMonths(months)) : Value::fromDateTime(t.dateTime().addMonths(months));
    }
    if ((unit == u"week" || unit == u"day") && isDate) {
        if (!wholeUnits("days to a date"))
            return {};
        return Value::fromDate(t.julianDay() + n.intValue() * (unit == u"week" ? 7 : 1));
    }
    double perUnit = 0;
    if (unit == u"week")
        perUnit = 7.0 * kMsecsPerDay;
    else if (unit == u"day")
        perUnit = kMsecsPerDay;
    else if (unit == u"hour")
        perUnit = 3600000.0;
    else if (unit == u"minute")
        perUnit = 60000.0;
    else if (unit == u"second")
        perUnit = 1000.0;
    else
        return s.fail(QStringLiteral("date_add(): unknown unit '%1' (years, months, weeks, days, hours, minutes, "
                                     "seconds)")
                          .arg(a[2].toText()));
    const int offset = isDate ? 0 : t.offsetSeconds();
    return Value::fromDateTime(t.instantMsecs() + int64_t(std::llround(n.numeric() * perUnit)), offset);
}

constexpr uint8_t P = Function::Pure;
constexpr uint8_t PN = Function::Pure | Function::NullIn;

const std::array kFunctions = {
    // strings
    Function{"lower", 1, 1, PN, fnLower},
    Function{"upper", 1, 1, PN, fnUpper},
    Function{"title", 1, 1, PN, fnTitle},
    Function{"trim", 1, 1, PN, fnTrim},
    Function{"length", 1, 1, PN, fnLength},
    Function{"substr", 2, 3, PN, fnSubstr},
    Function{"left", 2, 2, PN, fnLeft},
    Function{"right", 2, 2, PN, fnRight},
    Function{"replace", 3, 3, PN, fnReplace},
    Function{"concat", 0, -1, P, fnConcat},
    Function{"format_number", 2, 3, PN, fnFormatNumber},
    Function{"to_string", 1, 1, PN, fnToString},
    Function{"to_int", 1, 1, PN, fnToInt},
    Function{"to_real", 1, 1, PN, fnToReal},
    Function{"regexp_match", 2, 2, PN, fnRegexpMatch, Function::Special::RegexpMatch},
    Function{"strpos", 2, 2, PN, fnStrpos},
    Function{"lpad", 3, 3, PN, fnLpad},
    Function{"rpad", 3, 3, PN, fnRpad},
    // math
    Function{"abs", 1, 1, PN, fnAbs},
    Function{"round", 1, 2, PN, fnRound},
    Function{"floor", 1, 1, PN, fnFloor},
    Function{"ceil", 1, 1, PN, fnCeil},
    Function{"sqrt", 1, 1, PN, fnSqrt},
    Function{"pow", 2, 2, PN, fnPow},
    Function{"exp", 1, 1, PN, fnExp},
    Function{"ln", 1, 1, PN, fnLn},
    Function{"log10", 1, 1, PN, fnLog10},
    Function{"min", 1, -1, P, fnMin},
    Function{"max", 1, -1, P, fnMax},
    Function{"clamp", 3, 3, PN, fnClamp},
    Function{"pi", 0, 0, P, fnPi},
    // conditionals (if and coalesce evaluate their arguments lazily: dedicated nodes)
    Function{"coalesce", 1, -1, P, nullptr, Function::Special::Coalesce},
    Function{"if", 3, 3, P, nullptr, Function::Special::If},
    Function{"nullif", 2, 2, P, fnNullIf},
    // date and time
    Function{"now", 0, 0, 0, fnNow},
    Function{"to_date", 1, 2, PN, fnToDate},
    Function{"to_datetime", 1, 2, PN, fnToDateTime},
    Function{"format_date", 2, 3, PN, fnFormatDate},
    Function{"year", 1, 1, PN, fnYear},
    Function{"month", 1, 1, PN, fnMonth},
    Function{"day", 1, 1, PN, fnDay},
    Function{"hour", 1, 1, PN, fnHour},
    Function{"minute", 1, 1, PN, fnMinute},
    Function{"day_of_week", 1, 1, PN, fnDayOfWeek},
    Function{"age", 2, 2, PN, fnAge},
    Function{"date_add", 3, 3, PN, fnDateAdd},
};

} // namespace

int findFunction(const QString &name)
{
    for (size_t i = 0; i < kFunctions.size(); ++i)
        if (name.compare(QLatin1String(kFunctions[i].name), Qt::CaseInsensitive) == 0)
            return int(i);
    return -1;
}

const Function &functionAt(int index)
{
    return kFunctions[size_t(index)];
}

} // namespace kw::expr
