// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layers/vector_layer.h"

#include "core/data/data_provider.h"
#include "core/render/vector_layer_renderer.h"

namespace kw {

VectorLayer::VectorLayer(SourceUri source, QString layerName, QString name)
    : Layer(std::move(source), std::move(name)), m_layerName(std::move(layerName)),
      m_renderer(std::make_unique<SingleSymbolRenderer>())
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
    return updateFilterMask();
}

void VectorLayer::setStore(std::shared_ptr<const FeatureStore> store)
{
    m_store = std::move(store);
    if (!m_store)
        return;
    m_sourceCrs = m_store->sourceCrs();
    if (!m_customStyle)
        m_renderer = std::make_unique<SingleSymbolRenderer>(Symbol::defaultFor(m_store->family(), m_styleIndex));
    updateFilterMask();
}

Status VectorLayer::setFilter(const QString &expression)
{
    m_filter = expression.trimmed();
    return updateFilterMask();
}

std::unique_ptr<LayerRenderer> VectorLayer::createRenderer(const RenderContext &context) const
{
    if (!m_store)
        return nullptr;
    auto renderer = m_renderer->clone();
    if (Status st = renderer->prepare(m_store->fields()); !st.ok()) {
        auto failed = std::make_unique<VectorLayerRenderer>(m_store, nullptr, LabelSettings(), nullptr, m_filterMask);
        failed->setError(QStringLiteral("%1: %2").arg(m_name, st.error().message));
        return failed;
    }
    LabelSettings labels = m_labels;
    if (labels.enabled && !labels.visibleAtScale(context.settings().scale()))
        labels.enabled = false;
    return std::make_unique<VectorLayerRenderer>(m_store, std::move(renderer), labels, labelTextFunction(labels),
                                                 m_filterMask);
}

} // namespace kw

namespace kw {

// Interim until the expression engine lands: label text is a field name, filters are not yet evaluated.
LabelTextFunction labelTextFunction(const LabelSettings &labels)
{
    if (!labels.enabled || labels.text.isEmpty())
        return nullptr;
    const QString field = labels.text;
    return [field](const FeatureStore &store, size_t f) {
        const int col = store.attributes().fieldIndex(field);
        return col < 0 ? QString() : store.attributes().text(f, col);
    };
}

Status VectorLayer::updateFilterMask()
{
    m_filterMask.reset();
    if (m_filter.isEmpty() || !m_store)
        return {};
    return Error::usage(QStringLiteral("filters are not supported yet"));
}

} // namespace kw
