// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layers/vector_layer.h"

#include "core/data/data_provider.h"
#include "core/expression/expression.h"
#include "core/render/vector_layer_renderer.h"
#include "core/style/rule_based_renderer.h"

namespace kw {

VectorLayer::VectorLayer(SourceUri source, QString layerName, QString name)
    : Layer(std::move(source), std::move(name)), m_layerName(std::move(layerName)),
      m_renderer(std::make_unique<SingleSymbolRenderer>())
{
}

VectorLayer::VectorLayer(const VectorLayer &o)
    : Layer(o), m_layerName(o.m_layerName), m_renderer(o.m_renderer->clone()), m_customStyle(o.m_customStyle),
      m_styleIndex(o.m_styleIndex), m_labels(o.m_labels), m_filter(o.m_filter), m_filterMask(o.m_filterMask),
      m_filterError(o.m_filterError), m_sourceCrs(o.m_sourceCrs), m_store(o.m_store)
{
}

void VectorLayer::setRenderer(std::unique_ptr<FeatureRenderer> renderer)
{
    if (!renderer)
        return;
    m_renderer = std::move(renderer);
    m_customStyle = true;
}

void VectorLayer::setSymbol(const Symbol &s)
{
    setRenderer(std::make_unique<SingleSymbolRenderer>(s));
}

Symbol VectorLayer::symbol() const
{
    return m_renderer->symbols().isEmpty() ? Symbol() : m_renderer->symbols().front();
}

Status VectorLayer::load(const Crs &mapCrs, const std::function<bool(double)> &progress)
{
    LoadOptions options;
    options.targetCrs = mapCrs;
    options.progress = progress;
    auto loaded = DataProviders::loadVector(m_source, m_layerName, options);
    if (!loaded.ok()) {
        m_error = loaded.error().message;
        return loaded.error();
    }
    m_error.clear();
    setStore(*loaded);
    // A bad filter does not make the data unreadable: the layer loads and its renderer reports the filter.
    return {};
}

void VectorLayer::setStore(std::shared_ptr<const FeatureStore> store)
{
    m_store = std::move(store);
    if (!m_store)
        return;
    m_sourceCrs = m_store->sourceCrs();
    if (!m_customStyle)
        m_renderer = std::make_unique<SingleSymbolRenderer>(Symbol::defaultFor(m_store->family(), m_styleIndex));
    const Status st = updateFilterMask();
    m_filterError = st.ok() ? QString() : st.error().message;
}

Status VectorLayer::setFilter(const QString &expression)
{
    m_filter = expression.trimmed();
    const Status st = updateFilterMask();
    m_filterError = st.ok() ? QString() : st.error().message;
    return st;
}

std::unique_ptr<LayerRenderer> VectorLayer::createRenderer(const RenderContext &context) const
{
    if (!m_store)
        return nullptr;
    if (!m_filterError.isEmpty()) {
        auto failed = std::make_unique<VectorLayerRenderer>(m_store, nullptr, LabelSettings(), nullptr, nullptr);
        failed->setError(m_filterError);
        return failed;
    }
    auto renderer = m_renderer->clone();
    if (renderer->type() == FeatureRenderer::Type::RuleBased) {
        static_cast<RuleBasedRenderer &>(*renderer).setScale(context.settings().scale());
        static_cast<RuleBasedRenderer &>(*renderer).setVariables(context.settings().variables());
    }
    if (Status st = renderer->prepare(m_store->fields()); !st.ok()) {
        auto failed = std::make_unique<VectorLayerRenderer>(m_store, nullptr, LabelSettings(), nullptr, m_filterMask);
        failed->setError(QStringLiteral("%1: %2").arg(m_name, st.error().message));
        return failed;
    }
    LabelSettings labels = m_labels;
    if (labels.enabled && !labels.visibleAtScale(context.settings().scale()))
        labels.enabled = false;
    auto layerRenderer = std::make_unique<VectorLayerRenderer>(m_store, std::move(renderer), labels,
                                                               labelTextFunction(labels, m_store->fields()), m_filterMask);
    if (const LayerHighlight *highlight = context.settings().layerHighlight(m_id))
        layerRenderer->setHighlight(*highlight);
    return layerRenderer;
}

} // namespace kw

namespace kw {

LabelTextFunction labelTextFunction(const LabelSettings &labels, const Fields &fields)
{
    if (!labels.enabled || labels.text.trimmed().isEmpty())
        return nullptr;
    auto e = Expression::parse(labels.text);
    if (!e.ok() || !e->prepare(fields).ok()) {
        // Not an expression: maybe a field name that is no valid identifier ("Straße Nr").
        int col = -1;
        for (int i = 0; i < fields.size(); ++i)
            if (fields[i].name == labels.text)
                col = i;
        if (col < 0)
            return nullptr;
        return [col](const FeatureStore &store, size_t f) { return store.attributes().text(f, col); };
    }
    return [expr = *e](const FeatureStore &store, size_t f) {
        ExpressionContext context(&store.attributes(), f);
        context.setFeatureId(store.fid(f));
        return expr.evaluateText(context);
    };
}

Status VectorLayer::updateFilterMask()
{
    m_filterMask.reset();
    if (m_filter.isEmpty())
        return {};
    auto e = Expression::parse(m_filter);
    if (!e.ok())
        return Error::usage(QStringLiteral("%1: filter: %2").arg(m_name, e.error().message));
    if (!m_store)
        return {};
    if (Status st = e->prepare(m_store->fields()); !st.ok())
        return Error::usage(QStringLiteral("%1: filter: %2").arg(m_name, st.error().message));
    auto mask = std::make_shared<std::vector<uint8_t>>(m_store->featureCount());
    ExpressionContext context(&m_store->attributes());
    for (size_t f = 0; f < mask->size(); ++f) {
        context.setRow(f);
        context.setFeatureId(m_store->fid(f));
        (*mask)[f] = e->evaluateBool(context) ? 1 : 0;
    }
    m_filterMask = std::move(mask);
    return {};
}

} // namespace kw
