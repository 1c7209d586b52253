// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/feature_store.h"
#include "core/layers/layer.h"
#include "core/style/symbol.h"

namespace kw {

/// \brief A vector layer: a source layer loaded into a FeatureStore and drawn with a symbol.
class VectorLayer final : public Layer
{
public:
    VectorLayer(SourceUri source, QString layerName, QString name);

    Kind kind() const override { return Kind::Vector; }
    Status load(const Crs &mapCrs, const std::function<bool(double)> &progress = {}) override;
    bool isLoaded() const override { return bool(m_store); }
    Envelope extent() const override { return m_store ? m_store->extent() : Envelope(); }
    Crs sourceCrs() const override { return m_sourceCrs; }
    std::unique_ptr<LayerRenderer> createRenderer(const RenderContext &context) const override;

    /// Layer name inside the source (e.g. a GeoPackage table).
    QString layerName() const { return m_layerName; }
    const Symbol &symbol() const { return m_symbol; }
    void setSymbol(const Symbol &s)
    {
        m_symbol = s;
        m_customSymbol = true;
    }
    /// Until a symbol is set, loading picks a default for the geometry type; \a index varies its colour.
    void setDefaultStyleIndex(int index) { m_styleIndex = index; }

    std::shared_ptr<const FeatureStore> store() const { return m_store; }
    /// Installs already loaded data (tests, analysis results).
    void setStore(std::shared_ptr<const FeatureStore> store) { m_store = std::move(store); }

private:
    QString m_layerName;
    Symbol m_symbol;
    bool m_customSymbol = false;
    int m_styleIndex = 0;
    Crs m_sourceCrs;
    std::shared_ptr<const FeatureStore> m_store;
};

} // namespace kw
