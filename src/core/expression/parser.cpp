// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/expression/parser.h"

#include "core/expression/function.h"

#include <vector>

namespace kw::expr {

namespace {

enum class Tok : uint8_t {
    End, Number, String, Name, QuotedName, Variable, FeatureId,
    And, Or, Not, Is, In, Like, ILike, Between, Case, When, Then, Else, EndKw, True, False, Null,
    Eq, Ne, Lt, Le, Gt, Ge, Concat, Plus, Minus, Star, Slash, SlashSlash, Percent, Caret,
    LParen, RParen, Comma,
};

/// \brief One lexical token with its position in the source.
struct Token
{
    Tok type = Tok::End;
    qsizetype pos = 0; ///< index of the first QChar in the source
    qsizetype len = 0;
    QString text;      ///< decoded string, name or variable name
    Value number;
};

/// \brief A reserved word (matched case-insensitively) and its token.
struct Keyword
{
    const char *word;
    Tok tok;
};

constexpr Keyword kKeywords[] = {
    {"AND", Tok::And},     {"OR", Tok::Or},         {"NOT", Tok::Not},   {"IS", Tok::Is},
    {"IN", Tok::In},       {"LIKE", Tok::Like},     {"ILIKE", Tok::ILike}, {"BETWEEN", Tok::Between},
    {"CASE", Tok::Case},   {"WHEN", Tok::When},     {"THEN", Tok::Then}, {"ELSE", Tok::Else},
    {"END", Tok::EndKw},   {"TRUE", Tok::True},     {"FALSE", Tok::False}, {"NULL", Tok::Null},
};

/// Nesting of parentheses, NOT, unary minus and ^ (parser recursion): deep enough for any hand-written
/// expression, shallow enough never to exhaust the stack.
constexpr int kMaxDepth = 100;
/// Height of the tree (also long chains such as a + b + c + …, which the parser builds without recursing):
/// compiling, evaluating and destroying the tree recurse that deep.
constexpr int kMaxTreeDepth = 1000;

bool isNameStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

/// \brief Lexer and recursive-descent parser for one text; the first error wins.
class ParserImpl
{
public:
    explicit ParserImpl(const QString &text) : m_text(text) {}

    Result<Ast> run(int *errorColumn)
    {
        Ast root;
        const bool ok = lex() && parseExpression(root) &&
                        (peek().type == Tok::End || fail(peek().pos, QStringLiteral("expected an operator or end of "
                                                                                    "input but found %1")
                                                                         .arg(describe(peek()))));
        if (errorColumn)
            *errorColumn = ok ? 0 : m_errorColumn;
        if (!ok)
            return Error::usage(m_error);
        return root;
    }

private:
    // ---- errors -----------------------------------------------------------------------------------

    /// 1-based column of QChar index \a pos, counting characters (a surrogate pair is one). Positions are
    /// asked for mostly in increasing order, so counting resumes from the last answer: a generated
    /// "id IN (…10000 ids…)" must not take quadratic time.
    int columnOf(qsizetype pos) const
    {
        if (pos < m_columnPos) {
            m_columnPos = 0;
            m_column = 1;
        }
        for (qsizetype i = m_columnPos; i < pos && i < m_text.size(); ++i)
            if (!(m_text.at(i).isLowSurrogate() && i > 0 && m_text.at(i - 1).isHighSurrogate()))
                ++m_column;
        m_columnPos = std::max(m_columnPos, std::min(pos, m_text.size()));
        return m_column;
    }

    bool fail(qsizetype pos, const QString &what)
    {
        return failWith(pos, QStringLiteral("syntax error at column %1: %2").arg(columnOf(pos)).arg(what));
    }

    /// Records \a message (which names the column itself) unless an earlier error is already recorded.
    bool failWith(qsizetype pos, const QString &message)
    {
        if (m_error.isEmpty()) {
            m_error = message;
            m_errorColumn = columnOf(pos);
        }
        return false;
    }

    QString describe(const Token &t) const
    {
        if (t.type == Tok::End)
            return QStringLiteral("end of input");
        const QString source = m_text.mid(t.pos, t.len);
        if (t.type == Tok::String)
            return QStringLiteral("the string %1").arg(source);
        return QLatin1Char('\'') + source + QLatin1Char('\'');
    }

    // ---- lexer ------------------------------------------------------------------------------------

    bool lex()
    {
        const qsizetype n = m_text.size();
        qsizetype i = 0;
        while (true) {
            while (i < n && m_text.at(i).isSpace())
                ++i;
            Token t;
            t.pos = i;
            if (i >= n) {
                t.type = Tok::End;
                m_tokens.push_back(t);
                return true;
            }
            const QChar c = m_text.at(i);
            const QChar next = i + 1 < n ? m_text.at(i + 1) : QChar();
            if (c.isDigit() || (c == u'.' && next.isDigit())) {
                if (!lexNumber(i, t))
                    return false;
            } else if (c == u'\'') {
                if (!lexQuoted(i, u'\'', t))
                    return fail(t.pos, QStringLiteral("unterminated string literal"));
                t.type = Tok::String;
            } else if (c == u'"') {
                if (!lexQuoted(i, u'"', t))
                    return fail(t.pos, QStringLiteral("unterminated quoted field name"));
                t.type = Tok::QuotedName;
            } else if (isNameStart(c)) {
                const qsizetype start = i;
                while (i < n && isNameChar(m_text.at(i)))
                    ++i;
                t.text = m_text.mid(start, i - start);
                t.type = Tok::Name;
                for (const Keyword &k : kKeywords)
                    if (t.text.compare(QLatin1String(k.word), Qt::CaseInsensitive) == 0)
                        t.type = k.tok;
            } else if (c == u'@' || c == u'$') {
                const qsizetype start = ++i;
                while (i < n && isNameChar(m_text.at(i)))
                    ++i;
                t.text = m_text.mid(start, i - start);
                if (c == u'@') {
                    if (t.text.isEmpty())
                        return fail(t.pos, QStringLiteral("expected a variable name after '@'"));
                    t.type = Tok::Variable;
                } else {
                    if (t.text.compare(QLatin1String("id"), Qt::CaseInsensitive) != 0)
                        return failWith(t.pos, QStringLiteral("unknown special column '$%1' at column %2 (only $id "
                                                              "is supported)")
                                                   .arg(t.text)
                                                   .arg(columnOf(t.pos)));
                    t.type = Tok::FeatureId;
                }
            } else {
                if (!lexOperator(i, t))
                    return fail(t.pos, QStringLiteral("unexpected character '%1'").arg(c));
            }
            t.len = i - t.pos;
            m_tokens.push_back(std::move(t));
        }
    }

    bool lexNumber(qsizetype &i, Token &t)
    {
        const qsizetype n = m_text.size(), start = i;
        bool isInt = true;
        while (i < n && m_text.at(i).isDigit())
            ++i;
        if (i < n && m_text.at(i) == u'.' && i + 1 < n && m_text.at(i + 1).isDigit()) {
            isInt = false;
            ++i;
            while (i < n && m_text.at(i).isDigit())
                ++i;
        }
        if (i < n && (m_text.at(i) == u'e' || m_text.at(i) == u'E')) {
            qsizetype j = i + 1;
            if (j < n && (m_text.at(j) == u'+' || m_text.at(j) == u'-'))
                ++j;
            if (j < n && m_text.at(j).isDigit()) {
                isInt = false;
                i = j;
                while (i < n && m_text.at(i).isDigit())
                    ++i;
            }
        }
        const QString digits = m_text.mid(start, i - start);
        t.type = Tok::Number;
        bool ok = false;
        if (isInt) {
            const qlonglong v = digits.toLongLong(&ok);
            if (ok)
                t.number = Value::fromInt(v);
        }
        if (!ok) // decimals, and integers too large for 64 bits; toDouble() is locale-independent
            t.number = Value::fromDouble(digits.toDouble(&ok));
        return ok || fail(start, QStringLiteral("invalid number '%1'").arg(digits));
    }

    /// Reads a quoted string or name starting at \a i (on the opening quote); a doubled quote stands for
    /// itself. In strings, \n and \t are a newline and a tab and \' a quote (as in QGIS label expressions);
    /// any other backslash is kept, so that LIKE escapes and regular expressions read as written.
    bool lexQuoted(qsizetype &i, char16_t quote, Token &t)
    {
        const qsizetype n = m_text.size();
        ++i;
        while (i < n) {
            const QChar c = m_text.at(i);
            if (c == quote) {
                if (i + 1 < n && m_text.at(i + 1) == quote) {
                    t.text += c;
                    i += 2;
                    continue;
                }
                ++i;
                return true;
            }
            if (quote == u'\'' && c == u'\\' && i + 1 < n) {
                const QChar e = m_text.at(i + 1);
                if (e == u'n' || e == u't') {
                    t.text += e == u'n' ? QChar(u'\n') : QChar(u'\t');
                    i += 2;
                    continue;
                }
                if (e == quote) { // \' as in QGIS
                    t.text += e;
                    i += 2;
                    continue;
                }
                if (e == u'\\') { // kept as a pair: "\\%" in LIKE is a literal backslash before a wildcard
                    t.text += c;
                    t.text += e;
                    i += 2;
                    continue;
                }
            }
            t.text += c;
            ++i;
        }
        return false;
    }

    bool lexOperator(qsizetype &i, Token &t)
    {
        const QChar c = m_text.at(i);
        const QChar next = i + 1 < m_text.size() ? m_text.at(i + 1) : QChar();
        auto two = [&](Tok tok) {
            t.type = tok;
            i += 2;
            return true;
        };
        auto one = [&](Tok tok) {
            t.type = tok;
            i += 1;
            return true;
        };
        switch (c.unicode()) {
        case u'=': return one(Tok::Eq);
        case u'<': return next == u'>' ? two(Tok::Ne) : next == u'=' ? two(Tok::Le) : one(Tok::Lt);
        case u'>': return next == u'=' ? two(Tok::Ge) : one(Tok::Gt);
        case u'!': return next == u'=' ? two(Tok::Ne) : false;
        case u'|': return next == u'|' ? two(Tok::Concat) : false;
        case u'+': return one(Tok::Plus);
        case u'-': return one(Tok::Minus);
        case u'*': return one(Tok::Star);
        case u'/': return next == u'/' ? two(Tok::SlashSlash) : one(Tok::Slash);
        case u'%': return one(Tok::Percent);
        case u'^': return one(Tok::Caret);
        case u'(': return one(Tok::LParen);
        case u')': return one(Tok::RParen);
        case u',': return one(Tok::Comma);
        default: return false;
        }
    }

    // ---- parser -----------------------------------------------------------------------------------

    const Token &peek(size_t ahead = 0) const
    {
        return m_tokens[std::min(m_pos + ahead, m_tokens.size() - 1)];
    }

    const Token &take() { return m_tokens[std::min(m_pos++, m_tokens.size() - 1)]; }

    bool accept(Tok t)
    {
        if (peek().type != t)
            return false;
        ++m_pos;
        return true;
    }

    bool expect(Tok t, const char *what)
    {
        if (accept(t))
            return true;
        return fail(peek().pos, QStringLiteral("expected %1 but found %2").arg(QLatin1String(what), describe(peek())));
    }

    static void addChild(Ast &parent, Ast &&child)
    {
        parent.depth = std::max(parent.depth, child.depth + 1);
        parent.children.push_back(std::move(child));
    }

    static Ast binary(BinaryOp op, int column, Ast l, Ast r)
    {
        Ast a;
        a.kind = Ast::Kind::Binary;
        a.op = op;
        a.column = column;
        addChild(a, std::move(l));
        addChild(a, std::move(r));
        return a;
    }

    /// False (an error) when \a a has grown taller than kMaxTreeDepth.
    bool fits(const Ast &a)
    {
        return a.depth <= kMaxTreeDepth || fail(peek().pos, QStringLiteral("expression is nested too deeply"));
    }

    /// \brief Guards recursion so that "((((((…" is an error, not a stack overflow.
    struct Depth
    {
        explicit Depth(ParserImpl &p) : p(p) { ++p.m_depth; }
        ~Depth() { --p.m_depth; }
        ParserImpl &p;
    };
    bool tooDeep()
    {
        return m_depth > kMaxDepth && fail(peek().pos, QStringLiteral("expression is nested too deeply"));
    }

    // Precedence, lowest first (as QGIS): OR; AND; NOT; comparison, IS, IN, LIKE, BETWEEN; ||; + -;
    // * / % //; ^ (right-associative); unary minus.
    bool parseExpression(Ast &out)
    {
        const Depth d(*this);
        if (m_depth > kMaxDepth)
            return tooDeep();
        if (!parseAnd(out))
            return false;
        while (peek().type == Tok::Or) {
            const int col = columnOf(take().pos);
            Ast r;
            if (!parseAnd(r))
                return false;
            out = binary(BinaryOp::Or, col, std::move(out), std::move(r));
            if (!fits(out))
                return false;
        }
        return true;
    }

    bool parseAnd(Ast &out)
    {
        if (!parseNot(out))
            return false;
        while (peek().type == Tok::And) {
            const int col = columnOf(take().pos);
            Ast r;
            if (!parseNot(r))
                return false;
            out = binary(BinaryOp::And, col, std::move(out), std::move(r));
            if (!fits(out))
                return false;
        }
        return true;
    }

    bool parseNot(Ast &out)
    {
        if (peek().type != Tok::Not)
            return parseComparison(out);
        const Depth d(*this);
        if (m_depth > kMaxDepth)
            return tooDeep();
        out = Ast();
        out.kind = Ast::Kind::Not;
        out.column = columnOf(take().pos);
        Ast operand;
        if (!parseNot(operand))
            return false;
        addChild(out, std::move(operand));
        return fits(out);
    }

    bool parseComparison(Ast &out)
    {
        if (!parseConcat(out))
            return false;
        while (true) {
            const Token &t = peek();
            const int col = columnOf(t.pos);
            BinaryOp op;
            switch (t.type) {
            case Tok::Eq: op = BinaryOp::Eq; break;
            case Tok::Ne: op = BinaryOp::Ne; break;
            case Tok::Lt: op = BinaryOp::Lt; break;
            case Tok::Le: op = BinaryOp::Le; break;
            case Tok::Gt: op = BinaryOp::Gt; break;
            case Tok::Ge: op = BinaryOp::Ge; break;
            case Tok::Is: {
                take();
                const bool negated = accept(Tok::Not);
                Ast r;
                if (!parseConcat(r))
                    return false;
                out = binary(negated ? BinaryOp::IsNot : BinaryOp::Is, col, std::move(out), std::move(r));
                if (!fits(out))
                    return false;
                continue;
            }
            case Tok::Not:
            case Tok::In:
            case Tok::Like:
            case Tok::ILike:
            case Tok::Between:
                if (!parsePredicate(out, col))
                    return false;
                continue;
            default:
                return true;
            }
            take();
            Ast r;
            if (!parseConcat(r))
                return false;
            out = binary(op, col, std::move(out), std::move(r));
            if (!fits(out))
                return false;
        }
    }

    /// [NOT] IN (…), [NOT] LIKE/ILIKE x, [NOT] BETWEEN a AND b, with \a out as the left operand.
    bool parsePredicate(Ast &out, int col)
    {
        const bool negated = accept(Tok::Not);
        const Token &t = take();
        switch (t.type) {
        case Tok::In: {
            Ast in;
            in.kind = Ast::Kind::In;
            in.negated = negated;
            in.column = col;
            addChild(in, std::move(out));
            if (!expect(Tok::LParen, "'(' after IN"))
                return false;
            do {
                Ast item;
                if (!parseExpression(item))
                    return false;
                addChild(in, std::move(item));
            } while (accept(Tok::Comma));
            if (!expect(Tok::RParen, "',' or ')'"))
                return false;
            out = std::move(in);
            if (!fits(out))
                return false;
            return true;
        }
        case Tok::Like:
        case Tok::ILike: {
            Ast r;
            if (!parseConcat(r))
                return false;
            out = binary(t.type == Tok::Like ? BinaryOp::Like : BinaryOp::ILike, col, std::move(out), std::move(r));
            if (!fits(out))
                return false;
            out.negated = negated;
            return true;
        }
        case Tok::Between: {
            Ast b;
            b.kind = Ast::Kind::Between;
            b.negated = negated;
            b.column = col;
            addChild(b, std::move(out));
            Ast lo, hi;
            // Bounds stop before AND/OR, so "x BETWEEN 1 AND 3 AND y" means "(x BETWEEN 1 AND 3) AND y".
            if (!parseConcat(lo) || !expect(Tok::And, "AND") || !parseConcat(hi))
                return false;
            addChild(b, std::move(lo));
            addChild(b, std::move(hi));
            out = std::move(b);
            if (!fits(out))
                return false;
            return true;
        }
        default:
            return fail(t.pos, QStringLiteral("expected IN, LIKE, ILIKE or BETWEEN after NOT but found %1").arg(describe(t)));
        }
    }

    bool parseConcat(Ast &out)
    {
        if (!parseAdditive(out))
            return false;
        while (peek().type == Tok::Concat) {
            const int col = columnOf(take().pos);
            Ast r;
            if (!parseAdditive(r))
                return false;
            out = binary(BinaryOp::Concat, col, std::move(out), std::move(r));
            if (!fits(out))
                return false;
        }
        return true;
    }

    bool parseAdditive(Ast &out)
    {
        if (!parseMultiplicative(out))
            return false;
        while (peek().type == Tok::Plus || peek().type == Tok::Minus) {
            const Token &t = take();
            const BinaryOp op = t.type == Tok::Plus ? BinaryOp::Add : BinaryOp::Sub;
            const int col = columnOf(t.pos);
            Ast r;
            if (!parseMultiplicative(r))
                return false;
            out = binary(op, col, std::move(out), std::move(r));
            if (!fits(out))
                return false;
        }
        return true;
    }

    bool parseMultiplicative(Ast &out)
    {
        if (!parsePower(out))
            return false;
        while (true) {
            BinaryOp op;
            switch (peek().type) {
            case Tok::Star: op = BinaryOp::Mul; break;
            case Tok::Slash: op = BinaryOp::Div; break;
            case Tok::Percent: op = BinaryOp::Mod; break;
            case Tok::SlashSlash: op = BinaryOp::IntDiv; break;
            default: return true;
            }
            const int col = columnOf(take().pos);
            Ast r;
            if (!parsePower(r))
                return false;
            out = binary(op, col, std::move(out), std::move(r));
            if (!fits(out))
                return false;
        }
    }

    bool parsePower(Ast &out)
    {
        if (!parseUnary(out))
            return false;
        if (peek().type != Tok::Caret)
            return true;
        const Depth d(*this);
        if (m_depth > kMaxDepth)
            return tooDeep();
        const int col = columnOf(take().pos);
        Ast r;
        if (!parsePower(r)) // right-associative: 2 ^ 3 ^ 2 = 2 ^ 9
            return false;
        out = binary(BinaryOp::Pow, col, std::move(out), std::move(r));
        if (!fits(out))
            return false;
        return true;
    }

    bool parseUnary(Ast &out)
    {
        // Unary minus binds tighter than ^, as in QGIS: -2 ^ 2 = 4.
        const Tok t = peek().type;
        if (t != Tok::Minus && t != Tok::Plus)
            return parsePrimary(out);
        const Depth d(*this);
        if (m_depth > kMaxDepth)
            return tooDeep();
        const int col = columnOf(take().pos);
        Ast operand;
        if (!parseUnary(operand))
            return false;
        if (t == Tok::Plus) {
            out = std::move(operand);
            return true;
        }
        out = Ast();
        out.kind = Ast::Kind::Negate;
        out.column = col;
        addChild(out, std::move(operand));
        return fits(out);
    }

    bool parsePrimary(Ast &out)
    {
        const Token &t = peek();
        out = Ast();
        out.column = columnOf(t.pos);
        switch (t.type) {
        case Tok::Number:
            out.literal = take().number;
            return true;
        case Tok::String:
            out.literal = Value::fromString(take().text);
            return true;
        case Tok::True:
        case Tok::False:
            out.literal = Value::fromBool(take().type == Tok::True);
            return true;
        case Tok::Null:
            take();
            return true;
        case Tok::Name:
            if (peek(1).type == Tok::LParen)
                return parseCall(out);
            out.kind = Ast::Kind::Field;
            out.name = take().text;
            return true;
        case Tok::QuotedName:
            out.kind = Ast::Kind::Field;
            out.name = take().text;
            return true;
        case Tok::Variable:
            out.kind = Ast::Kind::Variable;
            out.name = take().text;
            return true;
        case Tok::FeatureId:
            take();
            out.kind = Ast::Kind::FeatureId;
            return true;
        case Tok::LParen: {
            take();
            if (!parseExpression(out))
                return false;
            return expect(Tok::RParen, "')'");
        }
        case Tok::Case:
            return parseCase(out);
        default:
            return fail(t.pos, QStringLiteral("expected an expression but found %1").arg(describe(t)));
        }
    }

    bool parseCall(Ast &out)
    {
        const Token &nameTok = take();
        const int col = columnOf(nameTok.pos);
        const QString name = nameTok.text;
        const int index = findFunction(name);
        if (index < 0)
            return failWith(nameTok.pos, QStringLiteral("unknown function '%1' at column %2").arg(name).arg(col));
        take(); // '('
        out.kind = Ast::Kind::Function;
        out.function = index;
        out.name = QLatin1String(functionAt(index).name);
        if (!accept(Tok::RParen)) {
            do {
                Ast arg;
                if (!parseExpression(arg))
                    return false;
                addChild(out, std::move(arg));
            } while (accept(Tok::Comma));
            if (!expect(Tok::RParen, "',' or ')'"))
                return false;
        }
        const Function &f = functionAt(index);
        const int n = int(out.children.size());
        if (n < f.minArgs || (f.maxArgs >= 0 && n > f.maxArgs)) {
            QString takes;
            if (f.maxArgs < 0)
                takes = QStringLiteral("at least %1").arg(f.minArgs);
            else if (f.minArgs == f.maxArgs)
                takes = QString::number(f.minArgs);
            else
                takes = QStringLiteral("%1 to %2").arg(f.minArgs).arg(f.maxArgs);
            return failWith(nameTok.pos, QStringLiteral("wrong number of arguments at column %1: %2() takes %3 "
                                                        "argument(s) but got %4")
                                             .arg(col)
                                             .arg(out.name, takes)
                                             .arg(n));
        }
        return fits(out);
    }

    bool parseCase(Ast &out)
    {
        take(); // CASE
        out.kind = Ast::Kind::Case;
        if (peek().type != Tok::When)
            return fail(peek().pos, QStringLiteral("expected WHEN after CASE but found %1").arg(describe(peek())));
        while (accept(Tok::When)) {
            Ast when, then;
            if (!parseExpression(when) || !expect(Tok::Then, "THEN") || !parseExpression(then))
                return false;
            addChild(out, std::move(when));
            addChild(out, std::move(then));
        }
        if (accept(Tok::Else)) {
            Ast otherwise;
            if (!parseExpression(otherwise))
                return false;
            addChild(out, std::move(otherwise));
            out.hasElse = true;
            return expect(Tok::EndKw, "END") && fits(out);
        }
        return expect(Tok::EndKw, "WHEN, ELSE or END") && fits(out);
    }

    const QString &m_text;
    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    int m_depth = 0;
    QString m_error;
    int m_errorColumn = 0;
    mutable qsizetype m_columnPos = 0; // columnOf() cache: m_column is the column of index m_columnPos
    mutable int m_column = 1;
};

} // namespace

Result<Ast> Parser::parse(const QString &text, int *errorColumn)
{
    return ParserImpl(text).run(errorColumn);
}

} // namespace kw::expr
