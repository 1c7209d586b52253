// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/feature_store.h"
#include "core/layers/layer.h"
#include "core/render/label_settings.h"
#include "core/style/feature_renderer.h"
#include "core/style/symbol.h"

#include <vector>

namespace kw {

/// \brief Which features a layer shows at a time: those whose date range overlaps the time window.
///
/// Features with a start and an end (a project's "beginn" and "ende") are shown while active. Date fields
/// are whole days in local time (Europe/Berlin): a project ending on 2026-09-30 is shown until that day's
/// midnight; DateTime fields are instants and the end is exclusive. An empty start or end is open.
struct TemporalFilter
{
    QString startField;
    QString endField;
    bool isEnabled() const { return !startField.isEmpty() || !endField.isEmpty(); }
    bool operator==(const TemporalFilter &) const = default;
};

/// \brief A vector layer: a source layer loaded into a FeatureStore, drawn by a FeatureRenderer, labelled.
class VectorLayer : public Layer
{
public:
    VectorLayer(SourceUri source, QString layerName, QString name);
    VectorLayer(const VectorLayer &other);
    VectorLayer &operator=(const VectorLayer &) = delete;

    Kind kind() const override { return Kind::Vector; }
    Status load(const Crs &mapCrs, const std::function<bool(double)> &progress = {}) override;
    bool isLoaded() const override { return bool(m_store); }
    Envelope extent() const override { return m_store ? m_store->extent() : Envelope(); }
    Crs sourceCrs() const override { return m_sourceCrs; }
    std::unique_ptr<LayerRenderer> createRenderer(const RenderContext &context) const override;
    QByteArray renderKey() const override;
    std::unique_ptr<Layer> cloneForLoading() const override;
    void adoptLoaded(Layer &loaded) override;
    std::shared_ptr<Layer> clone() const override { return std::make_shared<VectorLayer>(*this); }

    /// Layer name inside the source (e.g. a GeoPackage table).
    QString layerName() const { return m_layerName; }

    /// The renderer (never null; a single symbol until set).
    const FeatureRenderer &renderer() const { return *m_renderer; }
    void setRenderer(std::unique_ptr<FeatureRenderer> renderer);
    /// Shortcut: a single-symbol style.
    void setSymbol(const Symbol &s);
    /// The symbol of a single-symbol style (or the first symbol of any other).
    Symbol symbol() const;
    /// Until a style is set, loading picks a default for the geometry type; \a index varies its colour.
    void setDefaultStyleIndex(int index) { m_styleIndex = index; }

    const LabelSettings &labels() const { return m_labels; }
    void setLabels(const LabelSettings &l) { m_labels = l; }

    /// An expression selecting the features shown (empty: all). Invalid filters are reported by setFilter.
    QString filter() const { return m_filter; }
    Status setFilter(const QString &expression);
    /// Features passing the filter (null when there is no filter).
    std::shared_ptr<const std::vector<uint8_t>> filterMask() const { return m_filterMask; }

    /// Loads only the attributes the style, labels and filter use (command-line rendering), instead of all
    /// (what the attribute table needs). Changing the style later may then need a reload.
    void setLoadAllAttributes(bool all) { m_loadAllAttributes = all; }
    /// The attribute fields the style, labels and filter read.
    QStringList usedFields() const;
    /// The date-range filter applied together with filter() (features pass when both say yes).
    const TemporalFilter &temporalFilter() const { return m_temporalFilter; }
    Status setTemporalFilter(const TemporalFilter &filter);
    bool isTemporal() const override { return m_temporalFilter.isEnabled(); }
    void setTimeWindow(const std::optional<TimeWindow> &window) override;
    std::optional<std::pair<int64_t, int64_t>> timeExtent() const override;
    std::optional<TimeWindow> timeWindow() const { return m_window; }

    std::shared_ptr<const FeatureStore> store() const { return m_store; }
    /// Installs already loaded data (tests, analysis results).
    void setStore(std::shared_ptr<const FeatureStore> store);

    /// True when the layer can be drawn batch by batch while it is read, keeping none of it: a plain
    /// vector layer whose style needs no order over all features (no proportional symbols, no heatmap)
    /// and without labels (they are placed over the whole map).
    bool canStream() const;
    /// Reads the layer in the map CRS in batches (LoadOptions::batchSink), each handed to \a sink as a
    /// loaded copy of this layer (same style, filter and time window) holding only that batch; only
    /// features whose box meets \a visible are wanted (null: all). Returns the read error, if any.
    Status stream(const Crs &mapCrs, const Envelope &visible,
                  const std::function<bool(std::shared_ptr<VectorLayer>)> &sink, size_t batchFeatures = 16384) const;
    /// The extent in \a mapCrs from the source's metadata, without reading it; std::nullopt when only
    /// reading would tell. Errors name the source (missing file, unknown layer, CRS without transform).
    Result<std::optional<Envelope>> sourceExtent(const Crs &mapCrs) const;

protected:
    /// True once a style was set (by the user, a project or a default a subclass chose).
    bool hasCustomStyle() const { return m_customStyle; }
    Status updateFilterMask();
    /// Installs \a store as the data shown, keeping style and filters (sensor layers after a time change).
    void replaceStore(std::shared_ptr<const FeatureStore> store);
    /// The active interval [start, end) of feature \a f under the temporal filter.
    std::pair<int64_t, int64_t> activeInterval(size_t f) const;

    std::optional<TimeWindow> m_window;

private:
    TemporalFilter m_temporalFilter;

    QString m_layerName;
    std::unique_ptr<FeatureRenderer> m_renderer;
    bool m_customStyle = false;
    bool m_loadAllAttributes = true;
    int m_styleIndex = 0;
    LabelSettings m_labels;
    QString m_filter;
    std::shared_ptr<const std::vector<uint8_t>> m_filterMask;
    QString m_filterError;
    Crs m_sourceCrs;
    std::shared_ptr<const FeatureStore> m_store;
};

} // namespace kw
