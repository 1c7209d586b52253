// SPDX-License-Identifier: GPL-3.0-or-later
// Rows per second of typical layer filters, four ways:
//  - prepared: Expression after prepare() (column indices, fast paths);
//  - by name:  the same Expression unprepared (fields looked up by name per row);
//  - naive:    a straightforward QVariant tree interpreter over the same parse tree (QVariant values,
//              AttributeTable::value() by field name, no preparation): the usual first implementation;
//  - by hand:  the filter written out in C++ on QVariant cells, no interpretation at all.
// For the first filter, a hand-written loop over the raw columns shows the ceiling.
//
// Usage: bench_expression [rows [filter-index]]   (default 1000000 rows, all filters; with an index, only
// that filter, prepared, ten times over: for a profiler)

#include "core/data/attribute_table.h"
#include "core/expression/expression.h"
#include "core/expression/parser.h"

#include <QElapsedTimer>
#include <QStringList>

#include <cstdio>
#include <functional>

using namespace kw;

namespace {

AttributeTable syntheticTable(size_t rows)
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
    uint32_t x = 12345;
    for (size_t r = 0; r < rows; ++r) {
        x = x * 1664525u + 1013904223u; // deterministic pseudo-random data
        t.appendRow();
        if ((x >> 8) % 50 != 0)
            t.setString(0, kinds[(x >> 12) % 4]);
        if ((x >> 16) % 40 != 0)
            t.setInt(1, int64_t((x >> 20) % 9));
        t.setDouble(2, double((x >> 4) % 4000) / 100.0);
        // Distinct strings, as a real layer has them (no shared data to keep the cache warm).
        t.setString(3, QStringLiteral("%1 %2").arg((x >> 24) % 3 ? QStringLiteral("Hauptstraße") : QStringLiteral("Am Markt")).arg(r));
    }
    return t;
}

/// Best of three runs, in rows per second; \a matches receives the count of selected rows.
double rate(size_t rows, const std::function<size_t()> &run, size_t *matches)
{
    double best = 0;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer timer;
        timer.start();
        *matches = run();
        const double secs = double(timer.nsecsElapsed()) / 1e9;
        best = std::max(best, double(rows) / secs);
    }
    return best;
}

/// SQL LIKE on already case-folded strings, recursively: what a first implementation does.
bool naiveLike(QStringView s, QStringView p)
{
    if (p.isEmpty())
        return s.isEmpty();
    if (p.front() == u'%')
        return naiveLike(s, p.mid(1)) || (!s.isEmpty() && naiveLike(s.mid(1), p));
    if (s.isEmpty())
        return false;
    return (p.front() == u'_' || p.front() == s.front()) && naiveLike(s.mid(1), p.mid(1));
}

/// A QVariant interpreter for the operators and functions these benchmarks use (NULL as invalid QVariant).
QVariant naiveEval(const expr::Ast &a, const AttributeTable &t, size_t row, const QVariantMap &vars)
{
    using K = expr::Ast::Kind;
    using Op = expr::BinaryOp;
    const auto isNull = [](const QVariant &v) { return !v.isValid(); };
    const auto cmp = [](const QVariant &l, const QVariant &r) { return QVariant::compare(l, r); };
    switch (a.kind) {
    case K::Literal:
        return a.literal.toVariant();
    case K::Field:
        return t.value(row, t.fieldIndex(a.name));
    case K::Variable:
        return vars.value(a.name);
    case K::In: {
        const QVariant v = naiveEval(a.children[0], t, row, vars);
        if (isNull(v))
            return {};
        for (size_t i = 1; i < a.children.size(); ++i)
            if (cmp(v, naiveEval(a.children[i], t, row, vars)) == QPartialOrdering::Equivalent)
                return !a.negated;
        return a.negated;
    }
    case K::Between: {
        const QVariant v = naiveEval(a.children[0], t, row, vars);
        if (isNull(v))
            return {};
        const bool in = cmp(v, naiveEval(a.children[1], t, row, vars)) != QPartialOrdering::Less &&
                        cmp(v, naiveEval(a.children[2], t, row, vars)) != QPartialOrdering::Greater;
        return in != a.negated;
    }
    case K::Function:
        if (a.name == QLatin1String("lower")) {
            const QVariant v = naiveEval(a.children[0], t, row, vars);
            return isNull(v) ? QVariant() : QVariant(v.toString().toLower());
        }
        return {};
    case K::Binary:
        break;
    default:
        return {};
    }
    const QVariant l = naiveEval(a.children[0], t, row, vars);
    if (a.op == Op::And || a.op == Op::Or) {
        const bool isAnd = a.op == Op::And;
        if (!isNull(l) && l.toBool() != isAnd)
            return l.toBool();
        const QVariant r = naiveEval(a.children[1], t, row, vars);
        if (!isNull(r) && r.toBool() != isAnd)
            return r.toBool();
        return isNull(l) || isNull(r) ? QVariant() : QVariant(isAnd);
    }
    const QVariant r = naiveEval(a.children[1], t, row, vars);
    if (a.op == Op::Is)
        return isNull(l) == isNull(r);
    if (isNull(l) || isNull(r))
        return {};
    switch (a.op) {
    case Op::Eq: return cmp(l, r) == QPartialOrdering::Equivalent;
    case Op::Ne: return cmp(l, r) != QPartialOrdering::Equivalent;
    case Op::Lt: return cmp(l, r) == QPartialOrdering::Less;
    case Op::Le: return cmp(l, r) != QPartialOrdering::Greater;
    case Op::Gt: return cmp(l, r) == QPartialOrdering::Greater;
    case Op::Ge: return cmp(l, r) != QPartialOrdering::Less;
    case Op::ILike: return naiveLike(l.toString().toCaseFolded(), r.toString().toCaseFolded());
    case Op::Add:
    case Op::Mul: {
        const bool ints = l.metaType().id() == QMetaType::LongLong && r.metaType().id() == QMetaType::LongLong;
        if (ints)
            return QVariant::fromValue<qlonglong>(a.op == Op::Add ? l.toLongLong() + r.toLongLong()
                                                                   : l.toLongLong() * r.toLongLong());
        return a.op == Op::Add ? l.toDouble() + r.toDouble() : l.toDouble() * r.toDouble();
    }
    default:
        return {};
    }
}

using RowPredicate = std::function<bool(const AttributeTable &, size_t)>;

struct Case
{
    const char *expression;
    RowPredicate naive;
};

} // namespace

int main(int argc, char **argv)
{
    const size_t rows = argc > 1 ? size_t(std::stoull(argv[1])) : 1000000;
    const AttributeTable table = syntheticTable(rows);
    const QString wohnen = QStringLiteral("wohnen");

    // The naive variants do what a straightforward QVariant evaluator does at best: a field lookup by name
    // and a QVariant per cell, but no tree walking at all.
    const std::vector<Case> cases = {
        {"\"funktion\" = 'wohnen' AND \"geschosse\" > 3",
         [&](const AttributeTable &t, size_t r) {
             const QVariant f = t.value(r, t.fieldIndex(QStringLiteral("funktion")));
             if (!f.isValid() || f.toString() != wohnen)
                 return false;
             const QVariant g = t.value(r, t.fieldIndex(QStringLiteral("geschosse")));
             return g.isValid() && g.toLongLong() > 3;
         }},
        {"\"funktion\" IN ('wohnen', 'gewerbe', 'mischgebiet')",
         [&](const AttributeTable &t, size_t r) {
             static const QStringList list = {QStringLiteral("wohnen"), QStringLiteral("gewerbe"),
                                              QStringLiteral("mischgebiet")};
             const QVariant f = t.value(r, t.fieldIndex(QStringLiteral("funktion")));
             return f.isValid() && list.contains(f.toString());
         }},
        {"\"höhe\" BETWEEN 10 AND 20 OR \"geschosse\" IS NULL",
         [&](const AttributeTable &t, size_t r) {
             const QVariant h = t.value(r, t.fieldIndex(QStringLiteral("höhe")));
             if (h.isValid() && h.toDouble() >= 10 && h.toDouble() <= 20)
                 return true;
             return !t.value(r, t.fieldIndex(QStringLiteral("geschosse"))).isValid();
         }},
        {"\"geschosse\" * 3 + 1 > 10",
         [&](const AttributeTable &t, size_t r) {
             const QVariant g = t.value(r, t.fieldIndex(QStringLiteral("geschosse")));
             return g.isValid() && g.toLongLong() * 3 + 1 > 10;
         }},
        {"\"name\" ILIKE '%straße 1%'",
         [&](const AttributeTable &t, size_t r) {
             const QVariant n = t.value(r, t.fieldIndex(QStringLiteral("name")));
             return n.isValid() && n.toString().contains(QStringLiteral("straße 1"), Qt::CaseInsensitive);
         }},
        {"lower(\"funktion\") = 'wohnen'",
         [&](const AttributeTable &t, size_t r) {
             const QVariant f = t.value(r, t.fieldIndex(QStringLiteral("funktion")));
             return f.isValid() && f.toString().toLower() == wohnen;
         }},
        {"\"höhe\" > @min_height",
         [&](const AttributeTable &t, size_t r) {
             const QVariant h = t.value(r, t.fieldIndex(QStringLiteral("höhe")));
             return h.isValid() && h.toDouble() > 12.5;
         }},
    };

    if (argc > 2) {
        const size_t i = size_t(std::stoul(argv[2]));
        if (i >= cases.size())
            return 1;
        Expression e = *Expression::parse(QString::fromUtf8(cases[i].expression));
        if (!e.prepare(table.fields()))
            return 1;
        ExpressionContext ctx(&table);
        ctx.setVariable(QStringLiteral("min_height"), 12.5);
        size_t n = 0;
        for (int k = 0; k < 10; ++k)
            for (size_t r = 0; r < rows; ++r) {
                ctx.setRow(r);
                n += e.evaluateBool(ctx) ? 1 : 0;
            }
        std::printf("%zu\n", n);
        return 0;
    }

    std::printf("%zu rows; million rows/s, best of 3 (single thread)\n\n", rows);
    std::printf("%-54s %9s %9s %9s %9s\n", "filter", "prepared", "by name", "naive", "by hand");
    for (const Case &c : cases) {
        auto parsed = Expression::parse(QString::fromUtf8(c.expression));
        if (!parsed) {
            std::fprintf(stderr, "%s\n", qPrintable(parsed.error().message));
            return 1;
        }
        const Expression byName = *parsed;
        Expression prepared = *parsed;
        if (const Status st = prepared.prepare(table.fields()); !st) {
            std::fprintf(stderr, "%s\n", qPrintable(st.error().message));
            return 1;
        }
        const auto filter = [&](const Expression &e) {
            return [&] {
                ExpressionContext ctx(&table);
                ctx.setVariable(QStringLiteral("min_height"), 12.5);
                size_t n = 0;
                for (size_t r = 0; r < rows; ++r) {
                    ctx.setRow(r);
                    n += e.evaluateBool(ctx) ? 1 : 0;
                }
                return n;
            };
        };
        const expr::Ast ast = *expr::Parser::parse(QString::fromUtf8(c.expression));
        QVariantMap vars;
        vars.insert(QStringLiteral("min_height"), 12.5);
        size_t m1 = 0, m2 = 0, m3 = 0, m4 = 0;
        const double p = rate(rows, filter(prepared), &m1);
        const double b = rate(rows, filter(byName), &m2);
        const double n = rate(
            rows,
            [&] {
                size_t k = 0;
                for (size_t r = 0; r < rows; ++r) {
                    const QVariant v = naiveEval(ast, table, r, vars);
                    k += (v.isValid() && v.toBool()) ? 1 : 0;
                }
                return k;
            },
            &m3);
        const double h = rate(
            rows,
            [&] {
                size_t k = 0;
                for (size_t r = 0; r < rows; ++r)
                    k += c.naive(table, r) ? 1 : 0;
                return k;
            },
            &m4);
        std::printf("%-54s %9.1f %9.1f %9.1f %9.1f%s\n", c.expression, p / 1e6, b / 1e6, n / 1e6, h / 1e6,
                    (m1 == m2 && m2 == m3 && m3 == m4) ? "" : "   (MISMATCH in the number of matches!)");
    }

    // The ceiling for the first filter: the raw columns, no expression at all.
    size_t m = 0;
    const double raw = rate(
        rows,
        [&] {
            const int f = table.fieldIndex(QStringLiteral("funktion")), g = table.fieldIndex(QStringLiteral("geschosse"));
            const QString *fs = table.stringData(f);
            const int64_t *gs = table.intData(g);
            const uint8_t *fv = table.validData(f), *gv = table.validData(g);
            size_t n = 0;
            for (size_t r = 0; r < rows; ++r)
                n += (fv[r] && fs[r] == wohnen && gv[r] && gs[r] > 3) ? 1 : 0;
            return n;
        },
        &m);
    std::printf("\nhand-written loop over the raw columns for the first filter: %.1f million rows/s\n", raw / 1e6);
    return 0;
}
