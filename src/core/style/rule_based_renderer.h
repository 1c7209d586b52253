// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/expression/expression.h"
#include "core/style/feature_renderer.h"

namespace kw {

/// \brief One rule of a rule-based style: a filter, a symbol, an optional scale range.
struct Rule
{
    QString label;
    QString filter;      ///< expression; empty matches everything
    bool isElse = false; ///< matches features no other (non-else) rule matched
    Symbol symbol;
    double minScale = 0; ///< as for layers: drawn while maxScale <= scale <= minScale (0: no limit)
    double maxScale = 0;
    bool operator==(const Rule &) const = default;
};

/// \brief Draws each feature with every rule whose filter it matches (in rule order), as QGIS does; else
/// rules catch what no other rule matched.
class RuleBasedRenderer final : public FeatureRenderer
{
public:
    RuleBasedRenderer() = default;
    explicit RuleBasedRenderer(QList<Rule> rules);

    Type type() const override { return Type::RuleBased; }
    std::unique_ptr<FeatureRenderer> clone() const override { return std::make_unique<RuleBasedRenderer>(*this); }
    QStringList usedFields() const override;
    /// Parses and prepares every filter; a syntax error or unknown field names the rule.
    Status prepare(const Fields &fields) override;
    void choose(const FeatureStore &store, size_t f, std::vector<int> &symbols, double &) const override;
    const QList<Symbol> &symbols() const override { return m_symbols; }
    QList<LegendEntry> legend(GeometryFamily family) const override;
    QJsonObject toJson() const override;
    static Result<std::unique_ptr<FeatureRenderer>> read(const QJsonObject &json);

    const QList<Rule> &rules() const { return m_rules; }
    /// Only rules whose scale range contains \a scale draw (set by the layer before rendering).
    void setScale(double scale) { m_scale = scale; }
    /// Variables the filters read as @name in this render (e.g. @atlas_featureid on an atlas page, so a
    /// rule "$id = @atlas_featureid" styles the page's own feature).
    void setVariables(const QVariantMap &variables) { m_variables = variables; }

private:
    QList<Rule> m_rules;
    QList<Symbol> m_symbols;
    std::vector<Expression> m_filters; // prepared, one per rule (invalid = match all)
    double m_scale = 0;
    QVariantMap m_variables;
};

} // namespace kw
