// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/style/feature_renderer.h"

#include "core/style/rule_based_renderer.h"
#include "core/style/symbol_json.h"
#include "core/style/thematic_renderers.h"

namespace kw {

QString FeatureRenderer::typeName(Type t)
{
    switch (t) {
    case Type::Single: return QStringLiteral("single");
    case Type::Categorized: return QStringLiteral("categorized");
    case Type::Graduated: return QStringLiteral("graduated");
    case Type::Proportional: return QStringLiteral("proportional");
    case Type::Heatmap: return QStringLiteral("heatmap");
    case Type::RuleBased: return QStringLiteral("rules");
    }
    return QStringLiteral("single");
}

Result<std::unique_ptr<FeatureRenderer>> FeatureRenderer::fromJson(const QJsonObject &json)
{
    const QString type = json.value(QLatin1String("type")).toString(QStringLiteral("single"));
    if (type == QLatin1String("single"))
        return SingleSymbolRenderer::read(json);
    if (type == QLatin1String("categorized"))
        return CategorizedRenderer::read(json);
    if (type == QLatin1String("graduated"))
        return GraduatedRenderer::read(json);
    if (type == QLatin1String("proportional"))
        return ProportionalRenderer::read(json);
    if (type == QLatin1String("heatmap"))
        return HeatmapRenderer::read(json);
    if (type == QLatin1String("rules"))
        return RuleBasedRenderer::read(json);
    return Error::input(QStringLiteral("unknown renderer type '%1'").arg(type));
}

QList<LegendEntry> SingleSymbolRenderer::legend(GeometryFamily family) const
{
    LegendEntry e;
    e.symbol = m_symbols.front();
    e.family = family;
    return {e};
}

QJsonObject SingleSymbolRenderer::toJson() const
{
    return {{QStringLiteral("type"), typeName(Type::Single)}, {QStringLiteral("symbol"), symbolToJson(m_symbols.front())}};
}

Result<std::unique_ptr<FeatureRenderer>> SingleSymbolRenderer::read(const QJsonObject &json)
{
    auto symbol = symbolFromJson(json.value(QLatin1String("symbol")).toObject());
    if (!symbol.ok())
        return symbol.error();
    return std::unique_ptr<FeatureRenderer>(std::make_unique<SingleSymbolRenderer>(*symbol));
}

} // namespace kw
