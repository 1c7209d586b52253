// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/style/rule_based_renderer.h"

#include "core/style/symbol_json.h"

#include <QJsonArray>

namespace kw {

RuleBasedRenderer::RuleBasedRenderer(QList<Rule> rules) : m_rules(std::move(rules))
{
    for (const Rule &r : std::as_const(m_rules))
        m_symbols.append(r.symbol);
}

QStringList RuleBasedRenderer::usedFields() const
{
    QStringList fields;
    for (const Rule &r : m_rules) {
        if (r.filter.isEmpty())
            continue;
        auto e = Expression::parse(r.filter);
        if (e.ok())
            for (const QString &f : e->referencedFields())
                if (!fields.contains(f))
                    fields << f;
    }
    return fields;
}

Status RuleBasedRenderer::prepare(const Fields &fields)
{
    m_filters.clear();
    for (const Rule &r : std::as_const(m_rules)) {
        if (r.filter.trimmed().isEmpty() || r.isElse) {
            m_filters.emplace_back();
            continue;
        }
        auto e = Expression::parse(r.filter);
        if (!e.ok())
            return Error::input(QStringLiteral("rule '%1': %2").arg(r.label, e.error().message));
        if (Status st = e->prepare(fields); !st.ok())
            return Error::input(QStringLiteral("rule '%1': %2").arg(r.label, st.error().message));
        m_filters.push_back(*e);
    }
    return {};
}

void RuleBasedRenderer::choose(const FeatureStore &store, size_t f, std::vector<int> &symbols, double &) const
{
    symbols.clear();
    ExpressionContext context(&store.attributes(), f);
    context.setFeatureId(store.fid(f));
    if (!m_variables.isEmpty())
        context.setVariables(m_variables);
    bool matched = false;
    const auto inScale = [this](const Rule &r) {
        return m_scale <= 0 || ((r.minScale <= 0 || m_scale <= r.minScale) && (r.maxScale <= 0 || m_scale >= r.maxScale));
    };
    for (int i = 0; i < m_rules.size(); ++i) {
        const Rule &r = m_rules[i];
        if (r.isElse || !inScale(r))
            continue;
        const Expression &filter = m_filters[size_t(i)];
        if (!filter.isValid() || filter.evaluateBool(context)) {
            symbols.push_back(i);
            matched = true;
        }
    }
    if (!matched)
        for (int i = 0; i < m_rules.size(); ++i)
            if (m_rules[i].isElse && inScale(m_rules[i]))
                symbols.push_back(i);
}

QList<LegendEntry> RuleBasedRenderer::legend(GeometryFamily family) const
{
    QList<LegendEntry> entries;
    for (const Rule &r : m_rules) {
        LegendEntry e;
        e.label = r.label.isEmpty() ? (r.isElse ? QStringLiteral("other") : r.filter) : r.label;
        e.symbol = r.symbol;
        e.family = family;
        entries.append(e);
    }
    return entries;
}

QJsonObject RuleBasedRenderer::toJson() const
{
    QJsonArray rules;
    for (const Rule &r : m_rules) {
        QJsonObject o{{QStringLiteral("label"), r.label}, {QStringLiteral("symbol"), symbolToJson(r.symbol)}};
        if (r.isElse)
            o[QStringLiteral("else")] = true;
        else
            o[QStringLiteral("filter")] = r.filter;
        if (r.minScale > 0)
            o[QStringLiteral("min_scale")] = r.minScale;
        if (r.maxScale > 0)
            o[QStringLiteral("max_scale")] = r.maxScale;
        rules.append(o);
    }
    return {{QStringLiteral("type"), typeName(Type::RuleBased)}, {QStringLiteral("rules"), rules}};
}

Result<std::unique_ptr<FeatureRenderer>> RuleBasedRenderer::read(const QJsonObject &json)
{
    QList<Rule> rules;
    const QJsonArray array = json.value(QLatin1String("rules")).toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QJsonObject o = array[i].toObject();
        auto symbol = symbolFromJson(o.value(QLatin1String("symbol")).toObject());
        if (!symbol.ok())
            return symbol.error();
        Rule r;
        r.label = o.value(QLatin1String("label")).toString();
        r.filter = o.value(QLatin1String("filter")).toString();
        r.isElse = o.value(QLatin1String("else")).toBool(false);
        r.symbol = *symbol;
        r.minScale = o.value(QLatin1String("min_scale")).toDouble(0);
        r.maxScale = o.value(QLatin1String("max_scale")).toDouble(0);
        // Syntax errors surface here, with the rule, rather than silently when drawing.
        if (!r.isElse && !r.filter.trimmed().isEmpty()) {
            auto e = Expression::parse(r.filter);
            if (!e.ok())
                return Error::input(QStringLiteral("rule %1 ('%2'): %3").arg(i + 1).arg(r.label, e.error().message));
        }
        rules.append(r);
    }
    return std::unique_ptr<FeatureRenderer>(std::make_unique<RuleBasedRenderer>(rules));
}

} // namespace kw
