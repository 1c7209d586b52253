// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/field.h"
#include "core/expression/expression_context.h"
#include "core/util/result.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace kw {

namespace expr {
struct Ast;
}

/// \brief A parsed expression in Kartenwerk's one expression language (filters, rule-based styles, labels).
///
/// The syntax follows QGIS expressions, which the city's planners know:
///  - literals: 42, 3.5 and 1e3 ('.' always, whatever the locale), 'text' ('' is a quote, \n and \t a newline
///    and a tab), TRUE, FALSE, NULL; fields as bare names or "double quoted" (umlauts and spaces allowed);
///    variables as @name (supplied by the caller); $id for the feature id.
///  - operators, loosest first: OR; AND; NOT; = <> != < <= > >=, IS [NOT], [NOT] IN (…),
///    [NOT] LIKE / ILIKE (% and _, escaped with \), [NOT] BETWEEN a AND b; ||; + -; * / % //; ^ (right-
///    associative); unary minus. CASE WHEN … THEN … [ELSE …] END.
///    As in QGIS, unary minus binds tighter than ^ (-2 ^ 2 = 4), / always divides exactly (5 / 2 = 2.5)
///    and // floors. Unlike QGIS, || binds looser than + and -, as in SQL ('a' || 1 + 2 = 'a3').
///  - NULL as in SQL: comparisons, arithmetic and || with NULL give NULL, AND/OR are three-valued, and a
///    NULL condition counts as false.
///  - function names are case-insensitive; unknown names and wrong argument counts are parse errors.
///
/// An Expression is a cheap value (one shared pointer to an immutable tree); evaluate() is const, has no
/// side effects on the expression and may run on several threads at once, each with its own context.
/// For bulk evaluation, prepare() it against the fields of the table first: fields are then read by column
/// index, and comparisons of a field with a constant read the column directly.
class Expression
{
public:
    /// An empty expression: not valid, evaluates to NULL.
    Expression() = default;

    /// Parses \a text. A syntax error is an Error::usage such as
    /// "syntax error at column 12: expected ')' but found 'AND'"; unknown functions and wrong argument counts
    /// are reported with their column too. \a errorColumn (if given) receives that 1-based column (counting
    /// characters), or 0 on success, for placing a caret.
    static Result<Expression> parse(const QString &text, int *errorColumn = nullptr);

    bool isValid() const { return d != nullptr; }
    QString text() const;

    /// Field names as written, each once, in order of appearance (so providers load only these columns).
    QStringList referencedFields() const;
    /// Variable names (without '@'), each once; now() counts as reading @now.
    QStringList referencedVariables() const;
    bool referencesVariables() const;
    /// True when the expression reads $id.
    bool referencesFeatureId() const;

    /// Resolves field names against \a fields (exact match first, then case-insensitive, as
    /// AttributeTable::fieldIndex) so that evaluation does no name lookups. An unknown field is an error
    /// naming it; the expression then stays as it was. Evaluate only against tables with these fields.
    Status prepare(const Fields &fields);
    bool isPrepared() const;

    /// The value (NULL as an invalid QVariant; int64 as qlonglong, double, QString, bool, QDate, QDateTime).
    /// Evaluation errors (division by zero, a type mismatch) make that part NULL and are recorded in the
    /// context (ExpressionContext::lastError()).
    QVariant evaluate(const ExpressionContext &context) const;
    /// As evaluate(), but any evaluation error is returned as an Error::usage instead of the value.
    Result<QVariant> evaluateChecked(const ExpressionContext &context) const;
    /// The value as a filter condition: NULL and errors count as false.
    bool evaluateBool(const ExpressionContext &context) const;
    /// The value as label text: locale-independent numbers ('.' decimal point, shortest form), ISO dates,
    /// and an empty string for NULL.
    QString evaluateText(const ExpressionContext &context) const;

    /// The parse tree as written (for converters such as SLD export); null for an invalid expression.
    const expr::Ast *ast() const;

private:
    struct Data;
    std::shared_ptr<const Data> d;
};

} // namespace kw
