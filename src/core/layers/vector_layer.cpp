// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layers/vector_layer.h"

#include "core/data/data_provider.h"
#include "core/render/vector_layer_renderer.h"

namespace kw {

VectorLayer::VectorLayer(SourceUri source, QString layerName, QString name)
    : Layer(std::move(source), std::move(name)), m_layerName(std::move(layerName))
{
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
    m_store = *loaded;
    m_sourceCrs = m_store->sourceCrs();
    if (!m_customSymbol)
        m_symbol = Symbol::defaultFor(m_store->family(), m_styleIndex);
    return {};
}

std::unique_ptr<LayerRenderer> VectorLayer::createRenderer(const RenderContext &) const
{
    if (!m_store)
        return nullptr;
    return std::make_unique<VectorLayerRenderer>(m_store, m_symbol);
}

} // namespace kw
