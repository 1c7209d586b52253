// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/expression/text_template.h"

namespace kw {

TextTemplate::TextTemplate(const QString &text) : m_text(text)
{
    int pos = 0;
    QString literal;
    while (pos < text.size()) {
        const int open = text.indexOf(QLatin1String("[%"), pos);
        if (open < 0) break;
        // Find the closing "%]" outside quoted strings ('…' with '' as an escaped quote, "…" for fields).
        int close = -1;
        QChar quote;
        for (int i = open + 2; i + 1 < text.size(); ++i) {
            const QChar c = text[i];
            if (!quote.isNull()) {
                if (c == quote) quote = QChar();
                continue;
            }
            if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
                quote = c;
                continue;
            }
            if (c == QLatin1Char('%') && text[i + 1] == QLatin1Char(']')) {
                close = i;
                break;
            }
        }
        if (close < 0) break;
        literal += text.mid(pos, open - pos);
        if (!literal.isEmpty()) m_parts.push_back({literal, false, {}, {}});
        literal.clear();
        Part p;
        p.literal = text.mid(open, close + 2 - open);
        p.placeholder = true;
        auto e = Expression::parse(text.mid(open + 2, close - open - 2).trimmed());
        if (e.ok())
            p.expression = *e;
        else
            p.parseError = e.error().message;
        m_parts.push_back(std::move(p));
        ++m_placeholders;
        pos = close + 2;
    }
    literal += text.mid(pos);
    if (!literal.isEmpty()) m_parts.push_back({literal, false, {}, {}});
}

QStringList TextTemplate::referencedVariables() const
{
    QStringList names;
    for (const Part &p : m_parts)
        for (const QString &v : p.expression.referencedVariables())
            if (!names.contains(v)) names << v;
    return names;
}

QStringList TextTemplate::referencedFields() const
{
    QStringList names;
    for (const Part &p : m_parts)
        for (const QString &f : p.expression.referencedFields())
            if (!names.contains(f)) names << f;
    return names;
}

QString TextTemplate::evaluate(const ExpressionContext &context, QStringList *errors) const
{
    QString out;
    for (const Part &p : m_parts) {
        if (!p.placeholder) {
            out += p.literal;
            continue;
        }
        if (!p.expression.isValid()) {
            out += p.literal;
            if (errors) *errors << QStringLiteral("%1: %2").arg(p.literal, p.parseError);
            continue;
        }
        const QString value = p.expression.evaluateText(context);
        if (!context.lastError().isEmpty()) {
            out += p.literal;
            if (errors) *errors << QStringLiteral("%1: %2").arg(p.literal, context.lastError());
            continue;
        }
        out += value;
    }
    return out;
}

} // namespace kw
