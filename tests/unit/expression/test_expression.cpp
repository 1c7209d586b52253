// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/attribute_table.h"
#include "core/expression/expression.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <cmath>
#include <thread>

using namespace kw;

namespace {

QVariant I(qlonglong v)
{
    return QVariant::fromValue<qlonglong>(v);
}
QVariant D(double v)
{
    return QVariant(v);
}
QVariant S(const char *utf8)
{
    return QVariant(QString::fromUtf8(utf8));
}
QVariant B(bool v)
{
    return QVariant(v);
}
QVariant N()
{
    return QVariant();
}

QString describe(const QVariant &v)
{
    if (!v.isValid())
        return QStringLiteral("NULL");
    return QStringLiteral("%1(%2)").arg(QLatin1String(v.typeName()), v.toString());
}

/// Same type and value; doubles within rounding.
bool sameValue(const QVariant &actual, const QVariant &expected)
{
    if (!expected.isValid() || !actual.isValid())
        return expected.isValid() == actual.isValid();
    if (actual.metaType() != expected.metaType())
        return false;
    if (expected.metaType().id() == QMetaType::Double) {
        const double a = actual.toDouble(), e = expected.toDouble();
        return a == e || std::fabs(a - e) <= 1e-12 * std::max(std::fabs(a), std::fabs(e));
    }
    return actual == expected;
}

ExpressionContext variablesContext()
{
    ExpressionContext c;
    c.setVariable(QStringLiteral("atlas_page"), 3);
    c.setVariable(QStringLiteral("map_scale"), 5000.0);
    c.setVariable(QStringLiteral("name"), QStringLiteral("Kartenwerk"));
    c.setVariable(QStringLiteral("nothing"), QVariant());
    c.setVariable(QStringLiteral("now"), QDateTime(QDate(2026, 9, 1), QTime(10, 0), Qt::OffsetFromUTC, 7200));
    c.setFeatureId(4711);
    return c;
}

/// A small table with umlauts and spaces in field names, and nulls.
AttributeTable buildingTable()
{
    AttributeTable t(Fields{
        {QStringLiteral("Straßenname"), FieldType::String, {}},
        {QStringLiteral("geschosse"), FieldType::Int, {}},
        {QStringLiteral("höhe"), FieldType::Double, {}},
        {QStringLiteral("funktion"), FieldType::String, {}},
        {QStringLiteral("baudatum"), FieldType::Date, {}},
        {QStringLiteral("erfasst"), FieldType::DateTime, {}},
        {QStringLiteral("denkmal"), FieldType::Bool, {}},
        {QStringLiteral("Name mit Leerzeichen"), FieldType::String, {}},
    });
    const auto msecs = [](int y, int m, int d, int h = 0) {
        return QDateTime(QDate(y, m, d), QTime(h, 0), Qt::UTC).toMSecsSinceEpoch();
    };
    // row 0: a complete record
    t.appendRow();
    t.setString(0, QStringLiteral("Hauptstraße"));
    t.setInt(1, 5);
    t.setDouble(2, 16.5);
    t.setString(3, QStringLiteral("wohnen"));
    t.setDateTime(4, msecs(1905, 6, 1));
    t.setDateTime(5, msecs(2021, 3, 15, 9));
    t.setBool(6, true);
    t.setString(7, QStringLiteral("Ölmühle"));
    // row 1: another one
    t.appendRow();
    t.setString(0, QStringLiteral("Am Ämterweg"));
    t.setInt(1, 2);
    t.setDouble(2, 7.25);
    t.setString(3, QStringLiteral("gewerbe"));
    t.setDateTime(4, msecs(1968, 1, 31));
    t.setDateTime(5, msecs(2019, 12, 31, 23));
    t.setBool(6, false);
    t.setString(7, QStringLiteral("Werk 2"));
    // row 2: mostly nulls
    t.appendRow();
    t.setString(0, QStringLiteral("Domplatz"));
    return t;
}

} // namespace

/// \brief Parsing, NULL semantics, precedence, functions and field access of the expression language.
class TestExpression : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void evaluate_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QVariant>("expected");
        const auto row = [](const char *text, const QVariant &expected) {
            QTest::newRow(text) << QString::fromUtf8(text) << expected;
        };

        // literals
        row("42", I(42));
        row("3.5", D(3.5));
        row("1e3", D(1000));
        row(".5", D(0.5));
        row("9223372036854775807", I(9223372036854775807LL));
        row("9223372036854775808", D(9223372036854775808.0));
        row("'Straße'", S("Straße"));
        row("'it''s'", S("it's"));
        row("'it\\'s'", S("it's"));
        row("'Zeile 1\\nZeile 2'", S("Zeile 1\nZeile 2"));
        row("TRUE", B(true));
        row("false", B(false));
        row("NULL", N());

        // precedence and arithmetic
        row("2 + 3 * 4 ^ 2", D(50));
        row("-2 ^ 2", D(4)); // as QGIS: unary minus binds tighter than ^
        row("-(2 ^ 2)", D(-4));
        row("2 ^ 3 ^ 2", D(512));
        row("2 ^ -1", D(0.5));
        row("(2 + 3) * 4", I(20));
        row("10 - 4 - 3", I(3));
        row("2 * -3", I(-6));
        row("- - 3", I(3));
        row("+3", I(3));
        row("7 / 2", D(3.5));
        row("6 / 3", D(2));
        row("7 // 2", I(3));
        row("-7 // 2", I(-4));
        row("7.5 // 2", I(3));
        row("7 % 3", I(1));
        row("-7 % 3", I(-1));
        row("7.5 % 2", D(1.5));
        row("9223372036854775807 + 1", D(9223372036854775808.0));
        row("'10' + 5", I(15));
        row("'2.5' * 2", D(5));
        row("TRUE + 1", I(2));
        row("1 + 2 = 3", B(true));
        row("1 < 2 = TRUE", B(true));
        row("NOT 1 = 2", B(true));
        row("NOT TRUE AND FALSE", B(false));
        row("TRUE OR FALSE AND FALSE", B(true));
        row("NOT NOT TRUE", B(true));
        row("'a' || 1 + 2", S("a3")); // || binds looser than + (SQL; QGIS binds it tighter)
        row("'a' || 'b' = 'ab'", B(true));
        row("1 || 2.5", S("12.5"));
        row("0.1 + 0.2 || ''", S("0.30000000000000004"));

        // NULL semantics
        row("NULL = NULL", N());
        row("NULL <> 1", N());
        row("1 + NULL", N());
        row("-NULL", N());
        row("'a' || NULL", N());
        row("NULL AND FALSE", B(false));
        row("FALSE AND NULL", B(false));
        row("NULL AND TRUE", N());
        row("NULL OR TRUE", B(true));
        row("NULL OR FALSE", N());
        row("NOT NULL", N());
        row("NULL IS NULL", B(true));
        row("1 IS NULL", B(false));
        row("1 IS NOT NULL", B(true));
        row("NULL IS NOT NULL", B(false));
        row("1 IS 1", B(true));
        row("'1' IS 1", B(true));
        row("NULL IN (1, 2)", N());
        row("3 IN (1, NULL)", N());
        row("1 IN (1, NULL)", B(true));
        row("3 NOT IN (1, NULL)", N());
        row("@nothing IS NULL", B(true));
        row("@unknown IS NULL", B(true));
        row("NULL BETWEEN 1 AND 2", N());
        row("5 BETWEEN NULL AND 2", B(false));
        row("1 BETWEEN NULL AND 2", N());

        // comparisons across types
        row("'10' = 10", B(true));
        row("'10' > 9", B(true));
        row("9 < '10'", B(true));
        row("'10' > '9'", B(false)); // two strings compare as strings
        row("'abc' < 'abd'", B(true));
        row("'a' = 1", B(false));
        row("2 = 2.0", B(true));
        row("TRUE = 1", B(true));
        row("to_date('2026-09-01') = '2026-09-01'", B(true));
        row("to_date('2026-09-01') < to_datetime('2026-09-01T10:00:00Z')", B(true));
        row("to_datetime('2026-09-01T10:00:00+02:00') = to_datetime('2026-09-01T08:00:00Z')", B(true));
        row("now() > '2026-01-01'", B(true));

        // LIKE / ILIKE
        row("'Straße' LIKE 'Stra%'", B(true));
        row("'Straße' LIKE 'stra%'", B(false));
        row("'Straße' ILIKE 'STRA%'", B(true));
        row("'Ämter' ILIKE 'ämter%'", B(true));
        row("'Ölmühle' ILIKE '%MÜHLE'", B(true));
        row("'Straße' ILIKE 'STRASSE'", B(false)); // simple case folding: ß is not "ss"
        row("'abc' LIKE 'a_c'", B(true));
        row("'abc' LIKE 'a\\_c'", B(false));
        row("'a_c' LIKE 'a\\_c'", B(true));
        row("'100%' LIKE '100\\%'", B(true));
        row("'1000' LIKE '100\\%'", B(false));
        row("'a\\b' LIKE 'a\\\\%'", B(true));
        row("'abc' NOT LIKE 'a%'", B(false));
        row("'abc' NOT ILIKE 'X%'", B(true));
        row("'' LIKE '%'", B(true));
        row("'abc' LIKE ''", B(false));
        row("'abcbc' LIKE '%b%c'", B(true));
        row("'aXbXc' LIKE '%b_c'", B(true));
        row("'ab' LIKE 'a_c'", B(false));
        row("'Hauptstraße 12' LIKE '%straße%'", B(true));
        row("'Hauptstraße' ILIKE '%STRASSE%'", B(false));
        row("'Hauptstraße' ILIKE '%STRAßE%'", B(true));
        row("'Ab' LIKE 'ab'", B(false));
        row("'Ab' ILIKE 'ab'", B(true));
        row("'ÖL' ILIKE 'öl'", B(true));
        row("'abc' LIKE '%%'", B(true));
        row("'a%c' LIKE '%\\%%'", B(true));
        row("'abc' LIKE '%\\%%'", B(false));
        row("'xyz' LIKE '%yz'", B(true));
        row("'xyz' LIKE '%y'", B(false));
        row("123 LIKE '12%'", B(true));
        row("NULL LIKE '%'", N());
        row("'x' LIKE NULL", N());

        // IN
        row("2 IN (1, 2, 3)", B(true));
        row("'b' IN ('a', 'b')", B(true));
        row("'c' IN ('a', 'b')", B(false));
        row("'2' IN (1, 2)", B(true));
        row("2 IN ('1', '2')", B(true));
        row("2.0 IN (1, 2)", B(true));
        row("-0.0 IN (0)", B(true));
        row("'x' NOT IN ('a', 'b')", B(true));
        row("4 IN (1 + 3, 5)", B(true));
        row("@atlas_page IN (@atlas_page, 99)", B(true));
        row("to_date('2026-09-01') IN ('2026-09-01')", B(true));
        row("TRUE IN ('true')", B(true));

        // BETWEEN
        row("5 BETWEEN 1 AND 10", B(true));
        row("10 BETWEEN 1 AND 10", B(true));
        row("11 BETWEEN 1 AND 10", B(false));
        row("5 NOT BETWEEN 1 AND 4", B(true));
        row("'b' BETWEEN 'a' AND 'c'", B(true));
        row("5 BETWEEN 1 AND 10 AND FALSE", B(false));
        row("1 + 1 BETWEEN 2 AND 1 + 2", B(true));

        // CASE
        row("CASE WHEN 1 > 2 THEN 'a' WHEN 2 > 1 THEN 'b' END", S("b"));
        row("CASE WHEN FALSE THEN 1 END", N());
        row("case when true then 'x' else 'y' end", S("x"));
        row("CASE WHEN NULL THEN 1 ELSE 2 END", I(2));

        // string functions
        row("lower('ÄRGER')", S("ärger"));
        row("UPPER('straße')", S("STRASSE"));
        row("title('hAUPT straße')", S("Haupt Straße"));
        row("trim('  x y  ')", S("x y"));
        row("length('Größe')", I(5));
        row("length(12.5)", I(4));
        row("substr('Kartenwerk', 1, 5)", S("Karte"));
        row("substr('Kartenwerk', 7)", S("werk"));
        row("substr('Kartenwerk', -4)", S("werk"));
        row("substr('Kartenwerk', 2, -4)", S("arten"));
        row("substr('Kartenwerk', 20)", S(""));
        row("left('Kartenwerk', 5)", S("Karte"));
        row("right('Kartenwerk', 4)", S("werk"));
        row("replace('a-b-c', '-', '/')", S("a/b/c"));
        row("concat('a', 1, NULL, 2.5)", S("a12.5"));
        row("concat()", S(""));
        row("format_number(1234567.891, 2)", S("1,234,567.89"));
        row("format_number(1234567.891, 2, 'de')", S("1.234.567,89"));
        row("format_number(-0.126, 2, 'de')", S("-0,13"));
        row("to_string(1.5)", S("1.5"));
        row("to_string(TRUE)", S("true"));
        row("to_string(to_date('2026-09-01'))", S("2026-09-01"));
        row("to_int('42')", I(42));
        row("to_int(2.5)", I(3));
        row("to_int('3.7')", I(4));
        row("to_real('2.5')", D(2.5));
        row("to_real(2)", D(2));
        row("regexp_match('B-Plan 12', '[0-9]+')", I(8));
        row("regexp_match('abc', 'x')", I(0));
        row("regexp_match('abc', '(?i)B')", I(2));
        row("strpos('Kartenwerk', 'werk')", I(7));
        row("strpos('Kartenwerk', 'x')", I(0));
        row("lpad('7', 3, '0')", S("007"));
        row("lpad('Hello', 3, 'x')", S("Hel"));
        row("rpad('ab', 4, '.')", S("ab.."));
        row("upper(NULL)", N());

        // math
        row("abs(-3)", I(3));
        row("abs(-2.5)", D(2.5));
        row("round(2.5)", I(3));
        row("round(-2.5)", I(-3));
        row("round(3.14159, 2)", D(3.14));
        row("round(1234.5, -2)", D(1200));
        row("floor(2.7)", D(2));
        row("floor(-2.5)", D(-3));
        row("ceil(2.1)", D(3));
        row("sqrt(16)", D(4));
        row("pow(2, 10)", D(1024));
        row("exp(0)", D(1));
        row("ln(1)", D(0));
        row("log10(1000)", D(3));
        row("min(3, 1, 2)", I(1));
        row("min(3, NULL, 2.5)", D(2.5));
        row("max(3, 1, 2)", I(3));
        row("max(NULL, NULL)", N());
        row("clamp(0, 15, 10)", I(10));
        row("clamp(0, -1.5, 10)", D(0));
        row("pi()", D(3.141592653589793));

        // conditionals
        row("coalesce(NULL, NULL, 'x')", S("x"));
        row("coalesce(NULL)", N());
        row("if(1 > 2, 'a', 'b')", S("b"));
        row("if(NULL, 1, 2)", I(2));
        row("IF(TRUE, 1, 1 / 0)", I(1)); // lazy: the other branch is not evaluated
        row("nullif(1, 1)", N());
        row("nullif(1, 2)", I(1));
        row("nullif('a', NULL)", S("a"));

        // date and time (@now is 2026-09-01 10:00 +02:00)
        row("now()", QVariant(QDateTime(QDate(2026, 9, 1), QTime(10, 0), Qt::OffsetFromUTC, 7200)));
        row("format_date(now(), 'dd.MM.yyyy HH:mm')", S("01.09.2026 10:00"));
        row("to_date('2026-09-01')", QVariant(QDate(2026, 9, 1)));
        row("to_date('01.09.2026', 'dd.MM.yyyy')", QVariant(QDate(2026, 9, 1)));
        row("to_date('2026-09-01T23:30:00+02:00')", QVariant(QDate(2026, 9, 1)));
        row("to_datetime('2026-09-01T10:00:00+02:00')",
            QVariant(QDateTime(QDate(2026, 9, 1), QTime(10, 0), Qt::OffsetFromUTC, 7200)));
        row("to_datetime('2026-09-01 10:00:00')", QVariant(QDateTime(QDate(2026, 9, 1), QTime(10, 0), Qt::UTC)));
        row("format_date(to_date('2026-09-01'), 'dd.MM.yyyy')", S("01.09.2026"));
        row("format_date('2026-09-01', 'dddd, d. MMMM yyyy', 'de')", S("Dienstag, 1. September 2026"));
        row("year(to_date('2026-09-01'))", I(2026));
        row("month('2026-09-01')", I(9));
        row("day(to_date('2026-09-01'))", I(1));
        row("hour(to_datetime('2026-09-01T10:30:00+02:00'))", I(10));
        row("minute(to_datetime('2026-09-01T10:30:00+02:00'))", I(30));
        row("hour(to_date('2026-09-01'))", I(0));
        row("day_of_week(to_date('2026-09-01'))", I(2)); // a Tuesday; ISO, Monday = 1
        row("day_of_week('2026-09-06')", I(7));
        row("age(to_date('2026-09-01'), to_date('2026-08-01'))", I(31));
        row("age('2026-09-02T12:00:00Z', '2026-09-01T00:00:00Z')", D(1.5));
        row("date_add(to_date('2026-09-01'), 30, 'days')", QVariant(QDate(2026, 10, 1)));
        row("date_add(to_date('2026-01-31'), 1, 'month')", QVariant(QDate(2026, 2, 28)));
        row("date_add('2026-09-01', -1, 'years')", QVariant(QDate(2025, 9, 1)));
        row("format_date(date_add(now(), 90, 'minutes'), 'HH:mm')", S("11:30"));
        row("date_add(to_date('2026-09-01'), 2, 'hours')", QVariant(QDateTime(QDate(2026, 9, 1), QTime(2, 0), Qt::UTC)));

        // variables and the feature id
        row("@atlas_page + 1", I(4));
        row("@map_scale / 1000", D(5));
        row("'Seite ' || @atlas_page", S("Seite 3"));
        row("@name", S("Kartenwerk"));
        row("$id", I(4711));
    }

    void evaluate()
    {
        QFETCH(QString, text);
        QFETCH(QVariant, expected);
        const auto e = Expression::parse(text);
        QVERIFY2(e.ok(), qPrintable(e.ok() ? QString() : e.error().message));
        const ExpressionContext c = variablesContext();
        const QVariant actual = e->evaluate(c);
        QVERIFY2(c.lastError().isEmpty(), qPrintable(c.lastError()));
        QVERIFY2(sameValue(actual, expected),
                 qPrintable(QStringLiteral("got %1, expected %2").arg(describe(actual), describe(expected))));
    }

    void evaluationErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("division by zero") << "1 / 0" << "division by zero";
        QTest::newRow("integer division by zero") << "1 // 0" << "division by zero";
        QTest::newRow("modulo by zero") << "5 % 0.0" << "division by zero";
        QTest::newRow("text as number") << "'abc' + 1" << "cannot convert 'abc' to a number";
        QTest::newRow("date as number") << "to_date('2026-01-01') + 1" << "cannot use the date";
        QTest::newRow("sqrt") << "sqrt(-1)" << "sqrt() of a negative number";
        QTest::newRow("ln") << "ln(0)" << "ln() of a number that is not positive";
        QTest::newRow("bad date") << "to_date('nope')" << "cannot convert 'nope' to a date";
        QTest::newRow("text as condition") << "'abc' AND TRUE" << "cannot use 'abc' as a condition";
        QTest::newRow("date against number") << "to_date('2026-01-01') > 5" << "cannot compare";
        QTest::newRow("unit") << "date_add(to_date('2026-01-01'), 1, 'fortnights')" << "unknown unit";
        QTest::newRow("fractional months") << "date_add('2026-01-01', 1.5, 'months')" << "whole numbers";
        QTest::newRow("empty fill") << "lpad('a', 3, '')" << "fill string is empty";
        QTest::newRow("no table") << "\"höhe\" > 3" << "no attribute table";
        QTest::newRow("in a branch") << "coalesce(1 / 0, 5)" << "division by zero";
    }

    void evaluationErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        const auto e = Expression::parse(text);
        QVERIFY2(e.ok(), qPrintable(e.ok() ? QString() : e.error().message));
        ExpressionContext c;
        const QVariant v = e->evaluate(c);
        QVERIFY2(c.lastError().contains(error), qPrintable(c.lastError()));
        QCOMPARE(c.errorCount(), size_t(1));
        if (!text.startsWith(QLatin1String("coalesce")))
            QVERIFY(!v.isValid());
        const auto checked = e->evaluateChecked(c);
        QVERIFY(!checked.ok());
        QVERIFY(checked.error().message.contains(error));
        QVERIFY(!e->evaluateBool(c));
        QCOMPARE(c.errorCount(), size_t(3));
        // A successful evaluation clears lastError (but not the count).
        QVERIFY(Expression::parse(QStringLiteral("1"))->evaluateChecked(c).ok());
        QVERIFY(c.lastError().isEmpty());
    }

    void syntaxErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message"); // exact, or a prefix when it ends with "…"
        const auto row = [](const char *text, int column, const char *message) {
            QTest::newRow(text) << QString::fromUtf8(text) << column << QString::fromUtf8(message);
        };
        row("a = ", 5, "syntax error at column 5: expected an expression but found end of input");
        row("(1 + 2", 7, "syntax error at column 7: expected ')' but found end of input");
        row("'open", 1, "syntax error at column 1: unterminated string literal");
        row("\"Straße = 1", 1, "syntax error at column 1: unterminated quoted field name");
        row("foo(1)", 1, "unknown function 'foo' at column 1");
        row("1 + bar()", 5, "unknown function 'bar' at column 5");
        row("a AND AND b", 7, "syntax error at column 7: expected an expression but found 'AND'");
        row("1 +* 2", 4, "syntax error at column 4: expected an expression but found '*'");
        row("\"Straße\" = 'x' AND (", 21, "syntax error at column 21: expected an expression but found end of input");
        row("(\"höhe\" > 3 THEN 1)", 13, "syntax error at column 13: expected ')' but found 'THEN'");
        row("x IN 1, 2", 6, "syntax error at column 6: expected '(' after IN but found '1'");
        row("x IN ()", 7, "syntax error at column 7: expected an expression but found ')'");
        row("x IN (1 2)", 9, "syntax error at column 9: expected ',' or ')' but found '2'");
        row("CASE WHEN a THEN 1", 19, "syntax error at column 19: expected WHEN, ELSE or END but found end of input");
        row("CASE 1 WHEN", 6, "syntax error at column 6: expected WHEN after CASE but found '1'");
        row("CASE WHEN a 1 END", 13, "syntax error at column 13: expected THEN but found '1'");
        row("a BETWEEN 1 OR 2", 13, "syntax error at column 13: expected AND but found 'OR'");
        row("a NOT 5", 7, "syntax error at column 7: expected IN, LIKE, ILIKE or BETWEEN after NOT but found '5'");
        row("1 2", 3, "syntax error at column 3: expected an operator or end of input but found '2'");
        row("f = 'a' 'b'", 9, "syntax error at column 9: expected an operator or end of input but found the string 'b'");
        row("1 + 2)", 6, "syntax error at column 6: expected an operator or end of input but found ')'");
        row("a # b", 3, "syntax error at column 3: unexpected character '#'");
        row("a | b", 3, "syntax error at column 3: unexpected character '|'");
        row("upper(1,)", 9, "syntax error at column 9: expected an expression but found ')'");
        row("substr('a')", 1, "wrong number of arguments at column 1: substr() takes 2 to 3 argument(s) but got 1");
        row("pi(1)", 1, "wrong number of arguments at column 1: pi() takes 0 argument(s) but got 1");
        row("max()", 1, "wrong number of arguments at column 1: max() takes at least 1 argument(s) but got 0");
        row("@", 1, "syntax error at column 1: expected a variable name after '@'");
        row("$area > 5", 1, "unknown special column '$area' at column 1 (only $id is supported)");
        row("regexp_match(\"name\", '(')", 22, "invalid regular expression at column 22: …");
        row("", 1, "syntax error at column 1: expected an expression but found end of input");
        row("   ", 4, "syntax error at column 4: expected an expression but found end of input");
    }

    void syntaxErrors()
    {
        QFETCH(QString, text);
        QFETCH(int, column);
        QFETCH(QString, message);
        int errorColumn = -1;
        const auto e = Expression::parse(text, &errorColumn);
        QVERIFY(!e.ok());
        QCOMPARE(e.error().kind, ErrorKind::Usage);
        if (message.endsWith(QChar(0x2026)))
            QVERIFY2(e.error().message.startsWith(message.chopped(1)), qPrintable(e.error().message));
        else
            QCOMPARE(e.error().message, message);
        QCOMPARE(errorColumn, column);
    }

    void deepNestingIsAnErrorNotACrash()
    {
        const QString deep = QString(5000, QLatin1Char('(')) + QLatin1Char('1') + QString(5000, QLatin1Char(')'));
        const auto e = Expression::parse(deep);
        QVERIFY(!e.ok());
        QVERIFY2(e.error().message.contains(QLatin1String("nested too deeply")), qPrintable(e.error().message));
        const QString ok = QString(50, QLatin1Char('(')) + QLatin1Char('1') + QString(50, QLatin1Char(')'));
        QVERIFY(Expression::parse(ok).ok());
    }

    void longGeneratedList()
    {
        // Selections are often sent as "id IN (…thousands of ids…)": parsing must stay linear.
        QStringList ids;
        for (int i = 0; i < 20000; ++i)
            ids << QString::number(i * 3);
        const QString text = QStringLiteral("\"Straßenname\" IS NOT NULL AND $id IN (%1)").arg(ids.join(QStringLiteral(", ")));
        QElapsedTimer timer;
        timer.start();
        const auto e = Expression::parse(text);
        QVERIFY(e.ok());
        qDebug("parsed %lld characters in %lld ms", qlonglong(text.size()), timer.elapsed());
        ExpressionContext c = variablesContext();
        const AttributeTable table = buildingTable();
        c.setTable(&table);
        c.setFeatureId(59997);
        QVERIFY(e->evaluateBool(c));
        c.setFeatureId(59998);
        QVERIFY(!e->evaluateBool(c));
        // An error far into a long text still names the right column.
        int column = 0;
        QVERIFY(!Expression::parse(text + QStringLiteral(" AND"), &column).ok());
        QCOMPARE(column, int(text.size()) + 5);
    }

    void metadata()
    {
        const QString text = QStringLiteral("\"funktion\" = 'wohnen' AND geschosse > 3 OR funktion IS NULL");
        const auto e = Expression::parse(text);
        QVERIFY(e.ok());
        QCOMPARE(e->text(), text);
        QCOMPARE(e->referencedFields(), (QStringList{QStringLiteral("funktion"), QStringLiteral("geschosse")}));
        QVERIFY(!e->referencesVariables());
        QVERIFY(!e->referencesFeatureId());

        const auto v = Expression::parse(QStringLiteral("'Seite ' || @atlas_page || ' von ' || @atlas_total"));
        QVERIFY(v->referencesVariables());
        QCOMPARE(v->referencedVariables(), (QStringList{QStringLiteral("atlas_page"), QStringLiteral("atlas_total")}));
        QVERIFY(v->referencedFields().isEmpty());
        QVERIFY(Expression::parse(QStringLiteral("format_date(now(), 'yyyy')"))->referencesVariables());
        QVERIFY(Expression::parse(QStringLiteral("$id % 2 = 0"))->referencesFeatureId());

        const Expression empty;
        QVERIFY(!empty.isValid());
        ExpressionContext c;
        QVERIFY(!empty.evaluate(c).isValid());
        QVERIFY(!empty.evaluateBool(c));
        QVERIFY(!empty.evaluateChecked(c).ok());
    }

    void evaluateText()
    {
        const ExpressionContext c = variablesContext();
        const auto text = [&](const char *expr) { return Expression::parse(QString::fromUtf8(expr))->evaluateText(c); };
        QCOMPARE(text("1.5 * 2"), QStringLiteral("3"));
        QCOMPARE(text("1 / 4"), QStringLiteral("0.25"));
        QCOMPARE(text("NULL"), QString());
        QCOMPARE(text("to_date('2026-09-01')"), QStringLiteral("2026-09-01"));
        QCOMPARE(text("'Blatt ' || @atlas_page || '\\n' || format_number(@map_scale, 0, 'de')"),
                 QStringLiteral("Blatt 3\n5.000"));
    }

    void nowWithoutVariableReadsTheClock()
    {
        const auto e = Expression::parse(QStringLiteral("now()"));
        const QDateTime before = QDateTime::currentDateTime();
        const QDateTime v = e->evaluate(ExpressionContext()).toDateTime();
        QVERIFY(v.isValid());
        QVERIFY(std::llabs(v.secsTo(before)) < 60);
    }

    void fields_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("row");
        QTest::addColumn<QVariant>("expected");
        const auto row = [](const char *text, int r, const QVariant &expected) {
            QTest::addRow("%s @%d", text, r) << QString::fromUtf8(text) << r << expected;
        };
        row("\"Straßenname\"", 0, S("Hauptstraße"));
        row("\"Straßenname\" LIKE '%straße'", 0, B(true));
        row("\"Straßenname\" ILIKE '%STRASSE'", 0, B(false));
        row("\"Straßenname\" ILIKE 'am ä%'", 1, B(true));
        row("\"Name mit Leerzeichen\" || '!'", 0, S("Ölmühle!"));
        row("\"Name mit Leerzeichen\" || '!'", 2, N());
        row("geschosse", 0, I(5));
        row("geschosse", 2, N());
        row("GESCHOSSE", 0, I(5)); // case-insensitive fallback, as AttributeTable::fieldIndex
        row("geschosse > 3", 0, B(true));
        row("geschosse > 3", 1, B(false));
        row("geschosse > 3", 2, N());
        row("geschosse >= '5'", 0, B(true));
        row("geschosse = 5.0", 0, B(true));
        row("geschosse < 4.5", 1, B(true));
        row("3 < geschosse", 0, B(true));
        row("3 >= geschosse", 1, B(true));
        row("geschosse <> 5", 0, B(false));
        row("\"höhe\" * 2", 0, D(33));
        row("\"höhe\" > 10", 0, B(true));
        row("\"höhe\" <= 7.25", 1, B(true));
        row("\"höhe\" = 7", 1, B(false));
        row("\"höhe\" > 10", 2, N());
        row("funktion = 'wohnen'", 0, B(true));
        row("funktion = 'wohnen'", 1, B(false));
        row("funktion = 'wohnen'", 2, N());
        row("funktion <> 'wohnen'", 1, B(true));
        row("funktion < 'x'", 0, B(true));
        row("'wohnen' = funktion", 0, B(true));
        row("funktion = 'wohnen' AND geschosse > 3", 0, B(true));
        row("funktion = 'wohnen' AND geschosse > 3", 1, B(false));
        row("funktion = 'wohnen' AND geschosse > 3", 2, N());
        row("funktion = 'wohnen' OR geschosse > 3", 2, N());
        row("funktion IN ('wohnen', 'gewerbe')", 1, B(true));
        row("funktion IN ('wohnen', 'gewerbe')", 2, N());
        row("funktion NOT IN ('wohnen')", 1, B(true));
        row("geschosse IN (1, 5)", 0, B(true));
        row("geschosse IN ('2', 7)", 1, B(true));
        row("geschosse BETWEEN 2 AND 5", 1, B(true));
        row("geschosse IS NULL", 2, B(true));
        row("geschosse IS NULL", 0, B(false));
        row("NULL IS NOT geschosse", 0, B(true));
        row("funktion IS NOT NULL", 2, B(false));
        row("year(baudatum)", 0, I(1905));
        row("baudatum", 1, QVariant(QDate(1968, 1, 31)));
        row("baudatum < '1970-01-01'", 1, B(true));
        row("baudatum = to_date('1905-06-01')", 0, B(true));
        row("erfasst > to_datetime('2020-01-01T00:00:00Z')", 0, B(true));
        row("erfasst > '2020-01-01'", 1, B(false));
        row("format_date(erfasst, 'dd.MM.yyyy HH:mm')", 0, S("15.03.2021 09:00"));
        row("denkmal", 0, B(true));
        row("denkmal = TRUE", 1, B(false));
        row("if(denkmal, 'Denkmal', 'kein Denkmal')", 1, S("kein Denkmal"));
        row("geschosse + 1", 2, N());
        row("coalesce(geschosse, 0)", 2, I(0));
        row("concat(\"Straßenname\", ' ', geschosse)", 2, S("Domplatz "));
        row("CASE WHEN geschosse > 4 THEN 'hoch' WHEN geschosse > 0 THEN 'niedrig' ELSE 'unbekannt' END", 1,
            S("niedrig"));
        row("CASE WHEN geschosse > 4 THEN 'hoch' WHEN geschosse > 0 THEN 'niedrig' ELSE 'unbekannt' END", 2,
            S("unbekannt"));
        row("upper(left(funktion, 1)) || substr(funktion, 2)", 0, S("Wohnen"));
        row("\"Straßenname\" || ', Blatt ' || @atlas_page", 0, S("Hauptstraße, Blatt 3"));
    }

    void fields()
    {
        QFETCH(QString, text);
        QFETCH(int, row);
        QFETCH(QVariant, expected);
        const AttributeTable table = buildingTable();
        ExpressionContext c = variablesContext();
        c.setTable(&table);
        c.setRow(size_t(row));

        const auto parsed = Expression::parse(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        // Unprepared (fields by name), then prepared (column indices and fast paths): the same results.
        Expression e = *parsed;
        const QVariant byName = e.evaluate(c);
        QVERIFY2(c.lastError().isEmpty(), qPrintable(c.lastError()));
        QVERIFY2(sameValue(byName, expected),
                 qPrintable(QStringLiteral("unprepared: got %1, expected %2").arg(describe(byName), describe(expected))));

        const Status st = e.prepare(table.fields());
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
        QVERIFY(e.isPrepared());
        QVERIFY(!parsed->isPrepared()); // the copy made before prepare() is untouched
        const QVariant prepared = e.evaluate(c);
        QVERIFY2(c.lastError().isEmpty(), qPrintable(c.lastError()));
        QVERIFY2(sameValue(prepared, expected),
                 qPrintable(QStringLiteral("prepared: got %1, expected %2").arg(describe(prepared), describe(expected))));
        if (!expected.isValid() || expected.metaType().id() == QMetaType::Bool)
            QCOMPARE(e.evaluateBool(c), expected.isValid() && expected.toBool());
    }

    void prepareErrors()
    {
        const AttributeTable table = buildingTable();
        auto e = Expression::parse(QStringLiteral("geschosse > 3 AND \"hoehe\" < 10"));
        QVERIFY(e.ok());
        const Status st = e->prepare(table.fields());
        QVERIFY(!st.ok());
        QCOMPARE(st.error().kind, ErrorKind::Usage);
        QCOMPARE(st.error().message, QStringLiteral("unknown field \"hoehe\" at column 19"));
        QVERIFY(!e->isPrepared());

        // Prepared for one layout, evaluated on another: an error, never a wrong read.
        auto p = Expression::parse(QStringLiteral("geschosse > 3"));
        QVERIFY(p->prepare(table.fields()).ok());
        AttributeTable other(Fields{{QStringLiteral("a"), FieldType::String, {}}, {QStringLiteral("b"), FieldType::String, {}}});
        other.appendRow();
        other.setString(1, QStringLiteral("x"));
        ExpressionContext c(&other, 0);
        QVERIFY(!p->evaluateBool(c));
        QVERIFY2(c.lastError().contains(QLatin1String("prepare")), qPrintable(c.lastError()));

        // A row past the end is an error too.
        ExpressionContext past(&table, 99);
        QVERIFY(!p->evaluate(past).isValid());
        QVERIFY2(past.lastError().contains(QLatin1String("out of range")), qPrintable(past.lastError()));
    }

    void concurrentEvaluation()
    {
        // One prepared Expression, several threads, each with its own context: same count as one thread.
        const size_t rows = 200000;
        const AttributeTable table = syntheticTable(rows);
        auto e = Expression::parse(QStringLiteral("(\"funktion\" = 'wohnen' AND \"geschosse\" > 3) OR "
                                                  "lower(\"name\") LIKE '%straße%' OR \"höhe\" / 0 > 1"));
        QVERIFY(e.ok());
        QVERIFY(e->prepare(table.fields()).ok());
        const Expression shared = *e;
        const auto count = [&](size_t from, size_t to) {
            ExpressionContext c(&table);
            size_t n = 0;
            for (size_t r = from; r < to; ++r) {
                c.setRow(r);
                n += shared.evaluateBool(c) ? 1 : 0;
            }
            return n;
        };
        const size_t expected = count(0, rows);
        QVERIFY(expected > 0 && expected < rows);
        std::atomic<size_t> total{0};
        std::vector<std::thread> threads;
        const size_t parts = 4;
        for (size_t t = 0; t < parts; ++t)
            threads.emplace_back([&, t] { total += count(rows * t / parts, rows * (t + 1) / parts); });
        for (auto &t : threads)
            t.join();
        QCOMPARE(total.load(), expected);
    }

    void millionRows()
    {
        // Not a timed assertion (speed targets belong in benchmarks): checks the result over a large table
        // and prints how long it took.
        const size_t rows = 1000000;
        const AttributeTable table = syntheticTable(rows);
        auto e = Expression::parse(QStringLiteral("\"funktion\" = 'wohnen' AND \"geschosse\" > 3"));
        QVERIFY(e.ok());
        QVERIFY(e->prepare(table.fields()).ok());

        size_t expected = 0;
        const int fCol = table.fieldIndex(QStringLiteral("funktion")), gCol = table.fieldIndex(QStringLiteral("geschosse"));
        for (size_t r = 0; r < rows; ++r)
            if (!table.isNull(r, fCol) && !table.isNull(r, gCol) && table.text(r, fCol) == QLatin1String("wohnen") &&
                table.value(r, gCol).toLongLong() > 3)
                ++expected;

        QElapsedTimer timer;
        timer.start();
        ExpressionContext c(&table);
        size_t n = 0;
        for (size_t r = 0; r < rows; ++r) {
            c.setRow(r);
            n += e->evaluateBool(c) ? 1 : 0;
        }
        const qint64 ns = timer.nsecsElapsed();
        QCOMPARE(n, expected);
        QCOMPARE(c.errorCount(), size_t(0));
        qDebug("filter over %zu rows: %.1f ms, %.1f million rows/s (%zu matches)", rows, ns / 1e6,
               rows / (ns / 1e9) / 1e6, n);
    }

private:
    static AttributeTable syntheticTable(size_t rows)
    {
        AttributeTable t(Fields{
            {QStringLiteral("funktion"), FieldType::String, {}},
            {QStringLiteral("geschosse"), FieldType::Int, {}},
            {QStringLiteral("höhe"), FieldType::Double, {}},
            {QStringLiteral("name"), FieldType::String, {}},
        });
        t.reserve(rows);
        const QString kinds[] = {QStringLiteral("wohnen"), QStringLiteral("gewerbe"), QStringLiteral("mischgebiet"),
                                 QStringLiteral("öffentlich")};
        const QString names[] = {QStringLiteral("Hauptstraße"), QStringLiteral("Am Markt"), QStringLiteral("Gartenweg")};
        uint32_t x = 12345;
        for (size_t r = 0; r < rows; ++r) {
            x = x * 1664525u + 1013904223u; // deterministic pseudo-random data
            t.appendRow();
            if ((x >> 8) % 50 != 0)
                t.setString(0, kinds[(x >> 12) % 4]);
            if ((x >> 16) % 40 != 0)
                t.setInt(1, int64_t((x >> 20) % 9));
            t.setDouble(2, double((x >> 4) % 4000) / 100.0);
            t.setString(3, names[(x >> 24) % 3]);
        }
        return t;
    }
};

QTEST_APPLESS_MAIN(TestExpression)
#include "test_expression.moc"
