// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/expression/node.h"

#include "core/data/attribute_table.h"
#include "core/expression/function.h"

#include <QRegularExpression>
#include <QSet>
#include <QVarLengthArray>

#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace kw::expr {

Tri truthOf(const Value &v, EvalState &s)
{
    switch (v.type()) {
    case Value::Type::Null:
        return Tri::Null;
    case Value::Type::Bool:
    case Value::Type::Int:
        return v.intValue() != 0 ? Tri::True : Tri::False;
    case Value::Type::Double:
        return v.doubleValue() != 0.0 && !std::isnan(v.doubleValue()) ? Tri::True : Tri::False;
    case Value::Type::String: {
        const QString &t = v.stringValue();
        if (t.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return Tri::True;
        if (t.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return Tri::False;
        double d;
        if (parseNumber(t, &d))
            return d != 0.0 ? Tri::True : Tri::False;
        break;
    }
    case Value::Type::Date:
    case Value::Type::DateTime:
        break;
    }
    s.fail(QStringLiteral("cannot use '%1' as a condition").arg(v.toText()));
    return Tri::Null;
}

Tri Node::evalTri(EvalState &s) const
{
    return truthOf(eval(s), s);
}

namespace {

Value triValue(Tri t)
{
    return t == Tri::Null ? Value() : Value::fromBool(t == Tri::True);
}

Tri triOf(bool b)
{
    return b ? Tri::True : Tri::False;
}

Tri triNot(Tri t)
{
    return t == Tri::Null ? Tri::Null : triOf(t == Tri::False);
}

/// Three-valued AND as in SQL: FALSE wins over NULL.
Tri triAnd(Tri a, Tri b)
{
    if (a == Tri::False || b == Tri::False)
        return Tri::False;
    return (a == Tri::Null || b == Tri::Null) ? Tri::Null : Tri::True;
}

Tri orderingMatches(BinaryOp op, Ordering o)
{
    // Unordered (NaN) behaves as IEEE comparisons do: only <> holds.
    switch (op) {
    case BinaryOp::Eq: return triOf(o == Ordering::Equal);
    case BinaryOp::Ne: return triOf(o != Ordering::Equal);
    case BinaryOp::Lt: return triOf(o == Ordering::Less);
    case BinaryOp::Le: return triOf(o == Ordering::Less || o == Ordering::Equal);
    case BinaryOp::Gt: return triOf(o == Ordering::Greater);
    case BinaryOp::Ge: return triOf(o == Ordering::Greater || o == Ordering::Equal);
    default: return Tri::Null;
    }
}

const char *opText(BinaryOp op)
{
    switch (op) {
    case BinaryOp::Or: return "OR";
    case BinaryOp::And: return "AND";
    case BinaryOp::Eq: return "=";
    case BinaryOp::Ne: return "<>";
    case BinaryOp::Lt: return "<";
    case BinaryOp::Le: return "<=";
    case BinaryOp::Gt: return ">";
    case BinaryOp::Ge: return ">=";
    case BinaryOp::Is: return "IS";
    case BinaryOp::IsNot: return "IS NOT";
    case BinaryOp::Like: return "LIKE";
    case BinaryOp::ILike: return "ILIKE";
    case BinaryOp::Concat: return "||";
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::Mod: return "%";
    case BinaryOp::IntDiv: return "//";
    case BinaryOp::Pow: return "^";
    }
    return "?";
}

Tri compareTri(BinaryOp op, const Value &a, const Value &b, EvalState &s)
{
    const Ordering o = compareValues(a, b);
    if (o == Ordering::Incomparable) {
        s.fail(QStringLiteral("cannot compare '%1' %2 '%3'").arg(a.toText(), QLatin1String(opText(op)), b.toText()));
        return Tri::Null;
    }
    return orderingMatches(op, o);
}

// ---- field access -------------------------------------------------------------------------------------

// Error paths are out of line so that the per-row paths stay small.
[[gnu::noinline, gnu::cold]] void failNoRow(EvalState &s, const QString &field)
{
    if (!s.ctx.table())
        s.fail(QStringLiteral("field \"%1\" cannot be read: no attribute table in the context").arg(field));
    else
        s.fail(QStringLiteral("field \"%1\" cannot be read: row %2 is out of range (%3 rows)")
                   .arg(field)
                   .arg(s.ctx.row())
                   .arg(s.ctx.table()->rowCount()));
}

[[gnu::noinline, gnu::cold]] void failLayout(EvalState &s, const QString &field)
{
    s.fail(QStringLiteral("field \"%1\" is not stored as when the expression was prepared; prepare() it with "
                          "the fields of the table it is evaluated on")
               .arg(field));
}

/// The table to read a prepared field from, or nullptr (error recorded) when the context has no such row.
inline const AttributeTable *tableFor(EvalState &s, const QString &field)
{
    const AttributeTable *t = s.ctx.table();
    if (t && s.ctx.row() < t->rowCount()) [[likely]]
        return t;
    failNoRow(s, field);
    return nullptr;
}

template <typename T> const T *columnOf(const AttributeTable *t, int col);
template <> const int64_t *columnOf<int64_t>(const AttributeTable *t, int col)
{
    return t->intData(col);
}
template <> const double *columnOf<double>(const AttributeTable *t, int col)
{
    return t->doubleData(col);
}
template <> const QString *columnOf<QString>(const AttributeTable *t, int col)
{
    return t->stringData(col);
}

inline Value readCell(EvalState &s, const AttributeTable *t, size_t row, int col, FieldType type, const QString &field)
{
    const uint8_t *valid = t->validData(col);
    if (!valid) {
        failLayout(s, field);
        return {};
    }
    if (!valid[row])
        return {};
    switch (type) {
    case FieldType::Int:
        if (const int64_t *d = t->intData(col))
            return Value::fromInt(d[row]);
        break;
    case FieldType::Double:
        if (const double *d = t->doubleData(col))
            return Value::fromDouble(d[row]);
        break;
    case FieldType::String:
        if (const QString *d = t->stringData(col))
            return Value::fromString(d[row]);
        break;
    case FieldType::Date:
        if (const int64_t *d = t->intData(col))
            return Value::fromDate(floorDiv(d[row], kMsecsPerDay) + kJulianDayOfEpoch);
        break;
    case FieldType::DateTime:
        if (const int64_t *d = t->intData(col))
            return Value::fromDateTime(d[row], 0);
        break;
    case FieldType::Bool:
        if (const uint8_t *d = t->boolData(col))
            return Value::fromBool(d[row] != 0);
        break;
    }
    failLayout(s, field);
    return {};
}

int findField(const Fields &fields, const QString &name)
{
    for (int i = 0; i < fields.size(); ++i)
        if (fields[i].name == name)
            return i;
    for (int i = 0; i < fields.size(); ++i)
        if (fields[i].name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

// ---- leaves ---------------------------------------------------------------------------------------------

/// \brief A literal or a folded constant sub-expression.
class ConstNode final : public Node
{
public:
    explicit ConstNode(Value v) : m_value(std::move(v))
    {
        ExpressionContext none;
        EvalState s(none);
        m_tri = truthOf(m_value, s);
        m_triError = s.error;
    }
    Value eval(EvalState &) const override { return m_value; }
    Tri evalTri(EvalState &s) const override
    {
        if (!m_triError.isEmpty())
            s.fail(m_triError);
        return m_tri;
    }
    const Value *constant() const override { return &m_value; }

private:
    Value m_value;
    Tri m_tri;
    QString m_triError; // e.g. 'abc' used as a condition: reported on every evaluation, as unfolded
};

/// \brief A field not resolved by prepare(): looked up by name on every evaluation (labels, one-off values).
class FieldByNameNode final : public Node
{
public:
    explicit FieldByNameNode(QString name) : m_name(std::move(name)) {}
    Value eval(EvalState &s) const override
    {
        const AttributeTable *t = tableFor(s, m_name);
        if (!t)
            return {};
        const int col = t->fieldIndex(m_name);
        if (col < 0)
            return s.fail(QStringLiteral("unknown field \"%1\"").arg(m_name));
        return readCell(s, t, s.ctx.row(), col, t->fields()[col].type, m_name);
    }

private:
    QString m_name;
};

/// \brief A field resolved by prepare() to a column index and type.
class FieldNode final : public Node
{
public:
    FieldNode(int col, FieldType type, QString name) : m_col(col), m_type(type), m_name(std::move(name)) {}
    Value eval(EvalState &s) const override
    {
        const AttributeTable *t = tableFor(s, m_name);
        return t ? readCell(s, t, s.ctx.row(), m_col, m_type, m_name) : Value();
    }
    int column() const { return m_col; }
    FieldType type() const { return m_type; }
    const QString &name() const { return m_name; }

private:
    int m_col;
    FieldType m_type;
    QString m_name;
};

/// \brief @name: a variable of the context, NULL when the caller did not set it (as QGIS).
class VariableNode final : public Node
{
public:
    explicit VariableNode(QString name) : m_name(std::move(name)) {}
    Value eval(EvalState &s) const override
    {
        const QVariantMap &vars = s.ctx.variables();
        const auto it = vars.constFind(m_name);
        return it == vars.constEnd() ? Value() : Value::fromVariant(*it);
    }

private:
    QString m_name;
};

/// \brief $id: the feature id of the context.
class FeatureIdNode final : public Node
{
public:
    Value eval(EvalState &s) const override
    {
        const auto fid = s.ctx.featureId();
        return fid ? Value::fromInt(*fid) : Value();
    }
};

// ---- fast paths for prepared fields -------------------------------------------------------------------

inline Tri compareRaw(BinaryOp op, int64_t a, int64_t b)
{
    switch (op) {
    case BinaryOp::Eq: return triOf(a == b);
    case BinaryOp::Ne: return triOf(a != b);
    case BinaryOp::Lt: return triOf(a < b);
    case BinaryOp::Le: return triOf(a <= b);
    case BinaryOp::Gt: return triOf(a > b);
    default: return triOf(a >= b);
    }
}

inline Tri compareRaw(BinaryOp op, double a, double b)
{
    switch (op) {
    case BinaryOp::Eq: return triOf(a == b);
    case BinaryOp::Ne: return triOf(a != b);
    case BinaryOp::Lt: return triOf(a < b);
    case BinaryOp::Le: return triOf(a <= b);
    case BinaryOp::Gt: return triOf(a > b);
    default: return triOf(a >= b);
    }
}

inline Tri compareRaw(BinaryOp op, int64_t a, double b)
{
    return compareRaw(op, double(a), b);
}

inline Tri compareRaw(BinaryOp op, const QString &a, const QString &b)
{
    switch (op) {
    case BinaryOp::Eq: return triOf(a == b);
    case BinaryOp::Ne: return triOf(a != b);
    default: break;
    }
    const int c = QString::compare(a, b, Qt::CaseSensitive);
    switch (op) {
    case BinaryOp::Lt: return triOf(c < 0);
    case BinaryOp::Le: return triOf(c <= 0);
    case BinaryOp::Gt: return triOf(c > 0);
    default: return triOf(c >= 0);
    }
}

/// \brief `field <op> constant` read straight from the column: no Value, no string copy, no lookup per row.
template <typename Col, typename K> class FieldCompareConstNode final : public Node
{
public:
    FieldCompareConstNode(int col, QString name, BinaryOp op, K k)
        : m_col(col), m_op(op), m_k(std::move(k)), m_name(std::move(name))
    {
    }
    Tri evalTri(EvalState &s) const override
    {
        const AttributeTable *t = tableFor(s, m_name);
        if (!t)
            return Tri::Null;
        const uint8_t *valid = t->validData(m_col);
        const Col *data = columnOf<Col>(t, m_col);
        if (!valid || !data) [[unlikely]] {
            failLayout(s, m_name);
            return Tri::Null;
        }
        const size_t row = s.ctx.row();
        if (!valid[row])
            return Tri::Null;
        return compareRaw(m_op, data[row], m_k);
    }
    Value eval(EvalState &s) const override { return triValue(evalTri(s)); }

private:
    int m_col;
    BinaryOp m_op;
    K m_k;
    QString m_name;
};

/// \brief `field IS [NOT] NULL` answered from the column's null mask alone.
class FieldIsNullNode final : public Node
{
public:
    FieldIsNullNode(int col, QString name, bool negated) : m_col(col), m_negated(negated), m_name(std::move(name)) {}
    Tri evalTri(EvalState &s) const override
    {
        const AttributeTable *t = tableFor(s, m_name);
        if (!t)
            return Tri::Null;
        const uint8_t *valid = t->validData(m_col);
        if (!valid) {
            failLayout(s, m_name);
            return Tri::Null;
        }
        return triOf((valid[s.ctx.row()] == 0) != m_negated);
    }
    Value eval(EvalState &s) const override { return triValue(evalTri(s)); }

private:
    int m_col;
    bool m_negated;
    QString m_name;
};

// ---- operators ------------------------------------------------------------------------------------------

/// \brief NOT, three-valued.
class NotNode final : public Node
{
public:
    explicit NotNode(NodePtr a) : m_a(std::move(a)) {}
    Tri evalTri(EvalState &s) const override { return triNot(m_a->evalTri(s)); }
    Value eval(EvalState &s) const override { return triValue(evalTri(s)); }

private:
    NodePtr m_a;
};

/// \brief AND / OR with SQL three-valued logic and short-circuit evaluation.
class LogicNode final : public Node
{
public:
    LogicNode(bool isAnd, NodePtr a, NodePtr b) : m_and(isAnd), m_a(std::move(a)), m_b(std::move(b)) {}
    Tri evalTri(EvalState &s) const override
    {
        // Short-circuit on the deciding value; NULL only when nothing decides (SQL three-valued logic).
        const Tri decisive = m_and ? Tri::False : Tri::True;
        const Tri a = m_a->evalTri(s);
        if (a == decisive)
            return a;
        const Tri b = m_b->evalTri(s);
        if (b == decisive)
            return b;
        return (a == Tri::Null || b == Tri::Null) ? Tri::Null : a;
    }
    Value eval(EvalState &s) const override { return triValue(evalTri(s)); }

private:
    bool m_and;
    NodePtr m_a, m_b;
};

/// \brief = <> < <= > >= by the language's comparison rules (see compareValues()).
class CompareNode final : public Node
{
public:
    CompareNode(BinaryOp op, NodePtr a, NodePtr b) : m_op(op), m_a(std::move(a)), m_b(std::move(b)) {}
    Tri evalTri(EvalState &s) const override
    {
        const Value a = m_a->eval(s);
        if (a.isNull())
            return Tri::Null;
        const Value b = m_b->eval(s);
        if (b.isNull())
            return Tri::Null;
        // The common cases inline; compareValues() knows all the others.
        const Value::Type ta = a.type(), tb = b.type();
        if (ta == Value::Type::Int && tb == Value::Type::Int)
            return compareRaw(m_op, a.intValue(), b.intValue());
        if ((ta == Value::Type::Int || ta == Value::Type::Double) && (tb == Value::Type::Int || tb == Value::Type::Double))
            return compareRaw(m_op, a.numeric(), b.numeric());
        if (ta == Value::Type::String && tb == Value::Type::String)
            return compareRaw(m_op, a.stringValue(), b.stringValue());
        return compareTri(m_op, a, b, s);
    }
    Value eval(EvalState &s) const override { return triValue(evalTri(s)); }

private:
    BinaryOp m_op;
    NodePtr m_a, m_b;
};

/// \brief IS / IS NOT: NULL-safe equality, never NULL itself.
class IsNode final : public Node
{
public:
    IsNode(bool negated, NodePtr a, NodePtr b) : m_negated(negated), m_a(std::move(a)), m_b(std::move(b)) {}
    Tri evalTri(EvalState &s) const override
    {
        const Value a = m_a->eval(s);
        const Value b = m_b->eval(s);
        bool same;
        if (a.isNull() || b.isNull())
            same = a.isNull() && b.isNull();
        else
            same = compareValues(a, b) == Ordering::Equal;
        return triOf(same != m_negated);
    }
    Value eval(EvalState &s) const override { return triValue(evalTri(s)); }

private:
    bool m_negated;
    NodePtr m_a, m_b;
};

/// \brief Unary minus.
class NegateNode final : public Node
{
public:
    explicit NegateNode(NodePtr a) : m_a(std::move(a)) {}
    Value eval(EvalState &s) const override
    {
        const Value a = m_a->eval(s);
        Value n;
        if (a.isNull() || !toNumberArg(a, s, &n))
            return {};
        if (n.type() == Value::Type::Int && n.intValue() != std::numeric_limits<int64_t>::min())
            return Value::fromInt(-n.intValue());
        return Value::fromDouble(-n.numeric());
    }

private:
    NodePtr m_a;
};

Value arithmetic(BinaryOp op, const Value &x, const Value &y, EvalState &s)
{
    Value a, b;
    if (!toNumberArg(x, s, &a) || !toNumberArg(y, s, &b))
        return {};
    const bool ints = a.type() == Value::Type::Int && b.type() == Value::Type::Int;
    const int64_t i = a.intValue(), j = b.intValue();
    const double p = a.numeric(), q = b.numeric();
    int64_t r;
    switch (op) {
    case BinaryOp::Add:
        if (ints && !__builtin_add_overflow(i, j, &r))
            return Value::fromInt(r);
        return Value::fromDouble(p + q);
    case BinaryOp::Sub:
        if (ints && !__builtin_sub_overflow(i, j, &r))
            return Value::fromInt(r);
        return Value::fromDouble(p - q);
    case BinaryOp::Mul:
        if (ints && !__builtin_mul_overflow(i, j, &r))
            return Value::fromInt(r);
        return Value::fromDouble(p * q);
    case BinaryOp::Div:
        if (q == 0.0)
            return s.fail(QStringLiteral("division by zero"));
        return Value::fromDouble(p / q); // as QGIS: 5 / 2 = 2.5
    case BinaryOp::Mod:
        if (q == 0.0)
            return s.fail(QStringLiteral("division by zero (modulo)"));
        if (ints)
            return Value::fromInt(j == -1 ? 0 : i % j); // the sign of the dividend, as in C and QGIS
        return Value::fromDouble(std::fmod(p, q));
    case BinaryOp::IntDiv: {
        if (q == 0.0)
            return s.fail(QStringLiteral("division by zero (integer division)"));
        if (ints && !(i == std::numeric_limits<int64_t>::min() && j == -1))
            return Value::fromInt(floorDiv(i, j));
        const double f = std::floor(p / q);
        return f >= -9.2e18 && f <= 9.2e18 ? Value::fromInt(int64_t(f)) : Value::fromDouble(f);
    }
    case BinaryOp::Pow: {
        const double v = std::pow(p, q);
        if (std::isnan(v))
            return s.fail(QStringLiteral("%1 ^ %2 is not a real number").arg(doubleToText(p), doubleToText(q)));
        return Value::fromDouble(v);
    }
    default:
        return {};
    }
}

/// \brief + - * / % // ^ on numbers (numeric strings convert, anything else is a type error).
class ArithmeticNode final : public Node
{
public:
    ArithmeticNode(BinaryOp op, NodePtr a, NodePtr b) : m_op(op), m_a(std::move(a)), m_b(std::move(b)) {}
    Value eval(EvalState &s) const override
    {
        const Value a = m_a->eval(s);
        if (a.isNull())
            return {};
        const Value b = m_b->eval(s);
        if (b.isNull())
            return {};
        // Int and double operands without the conversions of arithmetic(): the per-row common case.
        const Value::Type ta = a.type(), tb = b.type();
        if (ta == Value::Type::Int && tb == Value::Type::Int) {
            int64_t r;
            switch (m_op) {
            case BinaryOp::Add:
                if (!__builtin_add_overflow(a.intValue(), b.intValue(), &r))
                    return Value::fromInt(r);
                break;
            case BinaryOp::Sub:
                if (!__builtin_sub_overflow(a.intValue(), b.intValue(), &r))
                    return Value::fromInt(r);
                break;
            case BinaryOp::Mul:
                if (!__builtin_mul_overflow(a.intValue(), b.intValue(), &r))
                    return Value::fromInt(r);
                break;
            default:
                break;
            }
        } else if ((ta == Value::Type::Double || ta == Value::Type::Int) &&
                   (tb == Value::Type::Double || tb == Value::Type::Int)) {
            switch (m_op) {
            case BinaryOp::Add: return Value::fromDouble(a.numeric() + b.numeric());
            case BinaryOp::Sub: return Value::fromDouble(a.numeric() - b.numeric());
            case BinaryOp::Mul: return Value::fromDouble(a.numeric() * b.numeric());
            default: break;
            }
        }
        return arithmetic(m_op, a, b, s);
    }

private:
    BinaryOp m_op;
    NodePtr m_a, m_b;
};

/// \brief The || operator: text of both operands, NULL when either is NULL.
class ConcatNode final : public Node
{
public:
    ConcatNode(NodePtr a, NodePtr b) : m_a(std::move(a)), m_b(std::move(b)) {}
    Value eval(EvalState &s) const override
    {
        const Value a = m_a->eval(s);
        if (a.isNull())
            return {}; // 'a' || NULL is NULL, as in SQL and QGIS; concat() skips NULLs instead
        const Value b = m_b->eval(s);
        if (b.isNull())
            return {};
        QString joined = a.toText();
        joined.append(b.toText());
        return Value::fromString(std::move(joined));
    }

private:
    NodePtr m_a, m_b;
};

// ---- LIKE -----------------------------------------------------------------------------------------------

/// \brief A LIKE pattern split into literal characters and the wildcards % and _ (backslash escapes).
class LikePattern
{
public:
    LikePattern(const QString &pattern, bool caseInsensitive) : m_ci(caseInsensitive)
    {
        for (qsizetype i = 0; i < pattern.size(); ++i) {
            const char16_t c = pattern.at(i).unicode();
            if (c == u'\\' && i + 1 < pattern.size())
                addChar(pattern.at(++i).unicode());
            else if (c == u'%')
                m_items.push_back({Kind::Many, 0});
            else if (c == u'_')
                m_items.push_back({Kind::One, 0});
            else
                addChar(c);
        }
        classify();
    }

    bool matches(const QString &text) const
    {
        // Qt's case-insensitive search folds case as fold() does (simple Unicode case folding).
        const Qt::CaseSensitivity cs = m_ci ? Qt::CaseInsensitive : Qt::CaseSensitive;
        switch (m_shape) {
        case Shape::Anything: return true;
        case Shape::Exact: return m_ci ? text.compare(m_literal, cs) == 0 : text == m_literal;
        case Shape::Prefix: return text.startsWith(m_literal, cs);
        case Shape::Suffix: return text.endsWith(m_literal, cs);
        case Shape::Contains: return text.contains(m_literal, cs);
        case Shape::General: break;
        }
        // Greedy matching that backtracks to the last %.
        const char16_t *v = reinterpret_cast<const char16_t *>(text.constData());
        const size_t n = size_t(text.size()), m = m_items.size();
        size_t p = 0, i = 0, starP = SIZE_MAX, starI = 0;
        while (i < n) {
            if (p < m && m_items[p].kind == Kind::One) {
                ++p;
                i += (QChar::isHighSurrogate(v[i]) && i + 1 < n && QChar::isLowSurrogate(v[i + 1])) ? 2 : 1;
            } else if (p < m && m_items[p].kind == Kind::Char && m_items[p].c == fold(v[i])) {
                ++p;
                ++i;
            } else if (p < m && m_items[p].kind == Kind::Many) {
                starP = p++;
                starI = i;
            } else if (starP != SIZE_MAX) {
                p = starP + 1;
                i = ++starI;
            } else {
                return false;
            }
        }
        while (p < m && m_items[p].kind == Kind::Many)
            ++p;
        return p == m;
    }

private:
    enum class Kind : uint8_t { Char, One, Many };
    /// Patterns that are one literal with % only at the ends use Qt's (vectorised) string search.
    enum class Shape : uint8_t { General, Anything, Exact, Prefix, Suffix, Contains };
    /// \brief One pattern element: a (folded) character or a wildcard.
    struct Item
    {
        Kind kind;
        char16_t c;
    };

    void addChar(char16_t c)
    {
        m_items.push_back({Kind::Char, fold(c)});
        m_literal.append(QChar(c));
    }

    void classify()
    {
        size_t first = 0, last = m_items.size();
        while (first < last && m_items[first].kind == Kind::Many)
            ++first;
        while (last > first && m_items[last - 1].kind == Kind::Many)
            --last;
        for (size_t i = first; i < last; ++i)
            if (m_items[i].kind != Kind::Char)
                return; // a _ or an inner %: General
        const bool leading = first > 0, trailing = last < m_items.size();
        if (first == last)
            m_shape = (leading || trailing) ? Shape::Anything : Shape::Exact;
        else if (leading && trailing)
            m_shape = Shape::Contains;
        else if (leading)
            m_shape = Shape::Suffix;
        else if (trailing)
            m_shape = Shape::Prefix;
        else
            m_shape = Shape::Exact;
    }

    // Unicode simple case folding (QChar::toCaseFolded), so 'Ä' ILIKE 'ä'; 'ß' does not fold to "ss".
    char16_t fold(char16_t c) const
    {
        if (!m_ci)
            return c;
        if (c < 0x80)
            return (c >= u'A' && c <= u'Z') ? char16_t(c + 32) : c;
        return char16_t(QChar::toCaseFolded(char32_t(c)));
    }

    std::vector<Item> m_items;
    QString m_literal; ///< the characters as written, for the Shape fast paths
    Shape m_shape = Shape::General;
    bool m_ci;
};

/// \brief [NOT] LIKE / ILIKE; a constant pattern is analysed once, at compile time.
class LikeNode final : public Node
{
public:
    LikeNode(bool ci, bool negated, NodePtr a, NodePtr pattern)
        : m_ci(ci), m_negated(negated), m_a(std::move(a)), m_pattern(std::move(pattern))
    {
        if (const Value *k = m_pattern->constant(); k && !k->isNull())
            m_compiled.emplace(k->toText(), m_ci);
    }
    Tri evalTri(EvalState &s) const override
    {
        const Value a = m_a->eval(s);
        if (a.isNull())
            return Tri::Null;
        if (m_compiled)
            return triOf(m_compiled->matches(a.toText()) != m_negated);
        const Value p = m_pattern->eval(s);
        if (p.isNull())
            return Tri::Null;
        return triOf(LikePattern(p.toText(), m_ci).matches(a.toText()) != m_negated);
    }
    Value eval(EvalState &s) const override { return triValue(evalTri(s)); }

private:
    bool m_ci, m_negated;
    NodePtr m_a, m_pattern;
    std::optional<LikePattern> m_compiled;
};

// ---- IN, BETWEEN, CASE -----------------------------------------------------------------------------------

/// \brief [NOT] IN with items that are not all constants: evaluated and compared one by one.
class InNode final : public Node
{
public:
    InNode(bool negated, NodePtr a, std::vector<NodePtr> items)
        : m_negated(negated), m_a(std::move(a)), m_items(std::move(items))
    {
    }
    Tri evalTri(EvalState &s) const override
    {
        const Value a = m_a->eval(s);
        if (a.isNull())
            return Tri::Null;
        bool sawNull = false;
        for (const NodePtr &item : m_items) {
            const Value x = item->eval(s);
            if (x.isNull())
                sawNull = true;
            else if (compareValues(a, x) == Ordering::Equal)
                return triOf(!m_negated);
        }
        // SQL: no match but a NULL in the list means "unknown".
        return sawNull ? Tri::Null : triOf(m_negated);
    }
    Value eval(EvalState &s) const override { return triValue(evalTri(s)); }

private:
    bool m_negated;
    NodePtr m_a;
    std::vector<NodePtr> m_items;
};

/// -0.0 and 0.0 are equal, so they must be one set element.
double setKey(double d)
{
    return d == 0.0 ? 0.0 : d;
}

/// \brief [NOT] IN with a list of constants: set lookups (or a scan of a short list), no item evaluation.
class InSetNode final : public Node
{
public:
    InSetNode(bool negated, NodePtr a, std::vector<Value> items) : m_negated(negated), m_a(std::move(a))
    {
        for (Value &v : items) {
            double d;
            switch (v.type()) {
            case Value::Type::Null:
                m_sawNull = true;
                break;
            case Value::Type::String:
                // A numeric string equals a number with the same value (and the same string, as text).
                if (parseNumber(v.stringValue(), &d))
                    m_numbersAndNumericStrings.insert(setKey(d));
                m_strings.insert(v.stringValue());
                break;
            case Value::Type::Bool:
            case Value::Type::Int:
            case Value::Type::Double:
                m_numbers.insert(setKey(v.numeric()));
                m_numbersAndNumericStrings.insert(setKey(v.numeric()));
                break;
            case Value::Type::Date:
            case Value::Type::DateTime:
                m_others.push_back(v);
                break;
            }
        }
        m_stringList = std::vector<QString>(m_strings.cbegin(), m_strings.cend());
        const auto *field = dynamic_cast<const FieldNode *>(m_a.get());
        if (field && field->type() == FieldType::String)
            m_stringField = field;
    }
    Tri evalTri(EvalState &s) const override
    {
        if (m_stringField) { // a string column: look the cell up in place, without copying it
            const AttributeTable *t = tableFor(s, m_stringField->name());
            if (!t)
                return Tri::Null;
            const uint8_t *valid = t->validData(m_stringField->column());
            const QString *data = t->stringData(m_stringField->column());
            if (!valid || !data) [[unlikely]] {
                failLayout(s, m_stringField->name());
                return Tri::Null;
            }
            const size_t row = s.ctx.row();
            if (!valid[row])
                return Tri::Null;
            return result(matchString(data[row]));
        }
        const Value a = m_a->eval(s);
        if (a.isNull())
            return Tri::Null;
        bool found = false;
        switch (a.type()) {
        case Value::Type::String:
            found = matchString(a.stringValue());
            break;
        case Value::Type::Bool:
        case Value::Type::Int:
        case Value::Type::Double:
            found = m_numbersAndNumericStrings.contains(setKey(a.numeric()));
            // Only non-numeric strings are left, which can equal a number just as text (TRUE IN ('true')).
            if (!found && !m_strings.isEmpty())
                found = m_strings.contains(a.toText());
            break;
        default:
            found = containsOther(a);
            break;
        }
        return result(found);
    }
    Value eval(EvalState &s) const override { return triValue(evalTri(s)); }

private:
    Tri result(bool found) const
    {
        if (found)
            return triOf(!m_negated);
        return m_sawNull ? Tri::Null : triOf(m_negated); // SQL: no match, but a NULL item: unknown
    }
    bool matchString(const QString &str) const
    {
        bool found = false;
        // Short lists (the usual "funktion IN ('a', 'b', 'c')") are faster to scan than to hash.
        if (m_stringList.size() <= 8) {
            for (const QString &x : m_stringList)
                if (x == str) {
                    found = true;
                    break;
                }
        } else {
            found = m_strings.contains(str);
        }
        double d;
        if (!found && !m_numbers.isEmpty() && parseNumber(str, &d))
            found = m_numbers.contains(setKey(d));
        if (!found && !m_others.empty())
            found = containsOther(Value::fromString(str));
        return found;
    }
    bool containsOther(const Value &a) const
    {
        for (const Value &v : m_others)
            if (compareValues(a, v) == Ordering::Equal)
                return true;
        // Dates against string constants ('2026-09-01'): compared as dates.
        if (a.isTemporal())
            for (const QString &str : m_strings)
                if (compareValues(a, Value::fromString(str)) == Ordering::Equal)
                    return true;
        return false;
    }

    bool m_negated;
    bool m_sawNull = false;
    NodePtr m_a;
    QSet<QString> m_strings;
    std::vector<QString> m_stringList;
    const FieldNode *m_stringField = nullptr; // m_a, when it is a prepared string field
    QSet<double> m_numbers;
    QSet<double> m_numbersAndNumericStrings;
    std::vector<Value> m_others;
};

/// \brief [NOT] BETWEEN lo AND hi, inclusive, meaning lo <= x AND x <= hi.
class BetweenNode final : public Node
{
public:
    BetweenNode(bool negated, NodePtr a, NodePtr lo, NodePtr hi)
        : m_negated(negated), m_a(std::move(a)), m_lo(std::move(lo)), m_hi(std::move(hi))
    {
    }
    Tri evalTri(EvalState &s) const override
    {
        const Value a = m_a->eval(s);
        if (a.isNull())
            return Tri::Null;
        const Value lo = m_lo->eval(s);
        const Value hi = m_hi->eval(s);
        const Tri geLo = lo.isNull() ? Tri::Null : compareTri(BinaryOp::Ge, a, lo, s);
        const Tri leHi = hi.isNull() ? Tri::Null : compareTri(BinaryOp::Le, a, hi, s);
        const Tri t = triAnd(geLo, leHi);
        return m_negated ? triNot(t) : t;
    }
    Value eval(EvalState &s) const override { return triValue(evalTri(s)); }

private:
    bool m_negated;
    NodePtr m_a, m_lo, m_hi;
};

/// \brief CASE WHEN … THEN … [ELSE …] END: the first true condition wins.
class CaseNode final : public Node
{
public:
    CaseNode(std::vector<NodePtr> whenThen, NodePtr otherwise)
        : m_whenThen(std::move(whenThen)), m_else(std::move(otherwise))
    {
    }
    Value eval(EvalState &s) const override
    {
        for (size_t i = 0; i + 1 < m_whenThen.size(); i += 2)
            if (m_whenThen[i]->evalTri(s) == Tri::True) // a NULL condition is not true
                return m_whenThen[i + 1]->eval(s);
        return m_else ? m_else->eval(s) : Value();
    }

private:
    std::vector<NodePtr> m_whenThen;
    NodePtr m_else;
};

// ---- functions ------------------------------------------------------------------------------------------

/// \brief A call of a built-in function with eagerly evaluated arguments.
class FunctionNode final : public Node
{
public:
    FunctionNode(const Function &f, std::vector<NodePtr> args) : m_f(f), m_args(std::move(args)) {}
    Value eval(EvalState &s) const override
    {
        QVarLengthArray<Value, 4> values;
        values.reserve(qsizetype(m_args.size()));
        for (const NodePtr &a : m_args) {
            values.append(a->eval(s));
            if ((m_f.flags & Function::NullIn) && values.back().isNull())
                return {};
        }
        return m_f.impl(values.data(), int(values.size()), s);
    }

private:
    const Function &m_f;
    std::vector<NodePtr> m_args;
};

/// \brief if(cond, a, b), evaluating only the branch taken.
class IfNode final : public Node
{
public:
    IfNode(NodePtr c, NodePtr a, NodePtr b) : m_c(std::move(c)), m_a(std::move(a)), m_b(std::move(b)) {}
    Value eval(EvalState &s) const override { return (m_c->evalTri(s) == Tri::True ? m_a : m_b)->eval(s); }

private:
    NodePtr m_c, m_a, m_b;
};

/// \brief coalesce(…): the first non-NULL argument, later ones not evaluated.
class CoalesceNode final : public Node
{
public:
    explicit CoalesceNode(std::vector<NodePtr> args) : m_args(std::move(args)) {}
    Value eval(EvalState &s) const override
    {
        for (const NodePtr &a : m_args) {
            Value v = a->eval(s);
            if (!v.isNull())
                return v;
        }
        return {};
    }

private:
    std::vector<NodePtr> m_args;
};

/// \brief regexp_match() with a constant pattern, compiled once.
///
/// Matching one const QRegularExpression from several threads is safe: Qt compiles it under a mutex and
/// keeps JIT stacks per thread.
class RegexpMatchNode final : public Node
{
public:
    RegexpMatchNode(NodePtr a, QRegularExpression re) : m_a(std::move(a)), m_re(std::move(re)) {}
    Value eval(EvalState &s) const override
    {
        const Value a = m_a->eval(s);
        if (a.isNull())
            return {};
        const QRegularExpressionMatch m = m_re.match(a.toText());
        return Value::fromInt(m.hasMatch() ? m.capturedStart() + 1 : 0);
    }

private:
    NodePtr m_a;
    QRegularExpression m_re;
};

// ---- compiler -------------------------------------------------------------------------------------------

BinaryOp mirrored(BinaryOp op)
{
    switch (op) {
    case BinaryOp::Lt: return BinaryOp::Gt;
    case BinaryOp::Le: return BinaryOp::Ge;
    case BinaryOp::Gt: return BinaryOp::Lt;
    case BinaryOp::Ge: return BinaryOp::Le;
    default: return op;
    }
}

bool isComparison(BinaryOp op)
{
    return op >= BinaryOp::Eq && op <= BinaryOp::Ge;
}

/// \brief Turns a parse tree into nodes, folding constant sub-expressions and picking fast paths.
class Compiler
{
public:
    explicit Compiler(const Fields *fields) : m_fields(fields) {}

    NodePtr build(const Ast &a)
    {
        NodePtr n = buildNode(a);
        if (!n || n->constant() || !foldable(a))
            return n;
        // Everything below is constant: evaluate once now. A failure (1/0) stays unfolded so that it is
        // reported at evaluation time like any other evaluation error.
        ExpressionContext none;
        EvalState s(none);
        Value v = n->eval(s);
        if (!s.error.isEmpty())
            return n;
        return std::make_unique<ConstNode>(std::move(v));
    }

    QString error;
    int errorColumn = 0;

private:
    void setError(const QString &message, int column)
    {
        if (error.isEmpty()) {
            error = message;
            errorColumn = column;
        }
    }

    /// True if \a a depends on nothing but its children, which are all constants after building.
    static bool foldable(const Ast &a)
    {
        switch (a.kind) {
        case Ast::Kind::Field:
        case Ast::Kind::Variable:
        case Ast::Kind::FeatureId:
            return false;
        case Ast::Kind::Function:
            if (!(functionAt(a.function).flags & Function::Pure))
                return false;
            break;
        default:
            break;
        }
        for (const Ast &c : a.children)
            if (!isConstantTree(c))
                return false;
        return true;
    }
    static bool isConstantTree(const Ast &a)
    {
        if (a.kind == Ast::Kind::Literal)
            return true;
        return foldable(a);
    }

    std::vector<NodePtr> buildAll(const std::vector<Ast> &asts, size_t from = 0)
    {
        std::vector<NodePtr> out;
        for (size_t i = from; i < asts.size(); ++i)
            out.push_back(build(asts[i]));
        return out;
    }

    bool anyMissing(const std::vector<NodePtr> &nodes) const
    {
        for (const NodePtr &n : nodes)
            if (!n)
                return true;
        return false;
    }

    NodePtr buildNode(const Ast &a)
    {
        switch (a.kind) {
        case Ast::Kind::Literal:
            return std::make_unique<ConstNode>(a.literal);
        case Ast::Kind::Field:
            return buildField(a);
        case Ast::Kind::Variable:
            return std::make_unique<VariableNode>(a.name);
        case Ast::Kind::FeatureId:
            return std::make_unique<FeatureIdNode>();
        case Ast::Kind::Negate: {
            NodePtr c = build(a.children[0]);
            return c ? std::make_unique<NegateNode>(std::move(c)) : nullptr;
        }
        case Ast::Kind::Not: {
            NodePtr c = build(a.children[0]);
            return c ? std::make_unique<NotNode>(std::move(c)) : nullptr;
        }
        case Ast::Kind::Binary:
            return buildBinary(a);
        case Ast::Kind::In:
            return buildIn(a);
        case Ast::Kind::Between: {
            std::vector<NodePtr> c = buildAll(a.children);
            if (anyMissing(c))
                return nullptr;
            return std::make_unique<BetweenNode>(a.negated, std::move(c[0]), std::move(c[1]), std::move(c[2]));
        }
        case Ast::Kind::Case: {
            std::vector<NodePtr> c = buildAll(a.children);
            if (anyMissing(c))
                return nullptr;
            NodePtr otherwise;
            if (a.hasElse) {
                otherwise = std::move(c.back());
                c.pop_back();
            }
            return std::make_unique<CaseNode>(std::move(c), std::move(otherwise));
        }
        case Ast::Kind::Function:
            return buildFunction(a);
        }
        return nullptr;
    }

    NodePtr buildField(const Ast &a)
    {
        if (!m_fields)
            return std::make_unique<FieldByNameNode>(a.name);
        const int col = findField(*m_fields, a.name);
        if (col < 0) {
            setError(QStringLiteral("unknown field \"%1\" at column %2").arg(a.name).arg(a.column), a.column);
            return nullptr;
        }
        return std::make_unique<FieldNode>(col, (*m_fields)[col].type, (*m_fields)[col].name);
    }

    NodePtr buildBinary(const Ast &a)
    {
        NodePtr l = build(a.children[0]);
        NodePtr r = build(a.children[1]);
        if (!l || !r)
            return nullptr;
        const BinaryOp op = a.op;
        if (isComparison(op)) {
            if (NodePtr fast = fieldCompareConst(op, l.get(), r.get()))
                return fast;
            if (NodePtr fast = fieldCompareConst(mirrored(op), r.get(), l.get()))
                return fast;
            return std::make_unique<CompareNode>(op, std::move(l), std::move(r));
        }
        switch (op) {
        case BinaryOp::Or:
        case BinaryOp::And:
            return std::make_unique<LogicNode>(op == BinaryOp::And, std::move(l), std::move(r));
        case BinaryOp::Is:
        case BinaryOp::IsNot: {
            const bool negated = op == BinaryOp::IsNot;
            for (const Node *f : {l.get(), r.get()}) {
                const Node *other = f == l.get() ? r.get() : l.get();
                const auto *field = dynamic_cast<const FieldNode *>(f);
                if (field && other->constant() && other->constant()->isNull())
                    return std::make_unique<FieldIsNullNode>(field->column(), field->name(), negated);
            }
            return std::make_unique<IsNode>(negated, std::move(l), std::move(r));
        }
        case BinaryOp::Like:
        case BinaryOp::ILike:
            return std::make_unique<LikeNode>(op == BinaryOp::ILike, a.negated, std::move(l), std::move(r));
        case BinaryOp::Concat:
            return std::make_unique<ConcatNode>(std::move(l), std::move(r));
        default:
            return std::make_unique<ArithmeticNode>(op, std::move(l), std::move(r));
        }
    }

    /// A fast node for `field <op> constant` when the column type and the constant allow a raw comparison
    /// with the same result as the generic rules; nullptr otherwise.
    NodePtr fieldCompareConst(BinaryOp op, const Node *f, const Node *k)
    {
        const auto *field = dynamic_cast<const FieldNode *>(f);
        const Value *c = k->constant();
        if (!field || !c || c->isNull())
            return nullptr;
        Value num = *c;
        if (c->type() == Value::Type::String && field->type() != FieldType::String) {
            // A number column against '3': numeric comparison, as the generic rules do for numeric strings.
            if (!parseNumberValue(c->stringValue(), &num))
                return nullptr;
        }
        const int col = field->column();
        const QString &name = field->name();
        switch (field->type()) {
        case FieldType::Int:
            if (num.type() == Value::Type::Int || num.type() == Value::Type::Bool)
                return std::make_unique<FieldCompareConstNode<int64_t, int64_t>>(col, name, op, num.intValue());
            if (num.type() == Value::Type::Double)
                return std::make_unique<FieldCompareConstNode<int64_t, double>>(col, name, op, num.doubleValue());
            return nullptr;
        case FieldType::Double:
            if (num.isNumeric())
                return std::make_unique<FieldCompareConstNode<double, double>>(col, name, op, num.numeric());
            return nullptr;
        case FieldType::String:
            if (c->type() == Value::Type::String)
                return std::make_unique<FieldCompareConstNode<QString, QString>>(col, name, op, c->stringValue());
            return nullptr;
        default:
            return nullptr;
        }
    }

    NodePtr buildIn(const Ast &a)
    {
        NodePtr value = build(a.children[0]);
        std::vector<NodePtr> items = buildAll(a.children, 1);
        if (!value || anyMissing(items))
            return nullptr;
        bool allConstant = true;
        for (const NodePtr &i : items)
            allConstant = allConstant && i->constant();
        if (!allConstant)
            return std::make_unique<InNode>(a.negated, std::move(value), std::move(items));
        std::vector<Value> constants;
        for (const NodePtr &i : items)
            constants.push_back(*i->constant());
        return std::make_unique<InSetNode>(a.negated, std::move(value), std::move(constants));
    }

    NodePtr buildFunction(const Ast &a)
    {
        const Function &f = functionAt(a.function);
        std::vector<NodePtr> args = buildAll(a.children);
        if (anyMissing(args))
            return nullptr;
        switch (f.special) {
        case Function::Special::If:
            return std::make_unique<IfNode>(std::move(args[0]), std::move(args[1]), std::move(args[2]));
        case Function::Special::Coalesce:
            return std::make_unique<CoalesceNode>(std::move(args));
        case Function::Special::RegexpMatch:
            if (const Value *p = args[1]->constant(); p && !p->isNull()) {
                QRegularExpression re(p->toText());
                if (!re.isValid()) {
                    setError(QStringLiteral("invalid regular expression at column %1: %2")
                                 .arg(a.children[1].column)
                                 .arg(re.errorString()),
                             a.children[1].column);
                    return nullptr;
                }
                re.optimize(); // compile now, not on the first (possibly concurrent) match
                return std::make_unique<RegexpMatchNode>(std::move(args[0]), std::move(re));
            }
            break;
        case Function::Special::None:
            break;
        }
        return std::make_unique<FunctionNode>(f, std::move(args));
    }

    const Fields *m_fields;
};

} // namespace

Result<std::shared_ptr<const Node>> compile(const Ast &ast, const Fields *fields, int *errorColumn)
{
    Compiler c(fields);
    NodePtr root = c.build(ast);
    if (errorColumn)
        *errorColumn = root ? 0 : c.errorColumn;
    if (!root)
        return Error::usage(c.error.isEmpty() ? QStringLiteral("expression could not be compiled") : c.error);
    return std::shared_ptr<const Node>(std::move(root));
}

} // namespace kw::expr
