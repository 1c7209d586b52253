// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/feature_store.h"
#include "core/style/legend_entry.h"
#include "core/style/symbol.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <memory>
#include <vector>

namespace kw {

/// \brief Decides how each feature of a layer is drawn (the thematic style of a layer).
///
/// Protocol: the layer holds one; the render job clones it on the main thread, calls prepare() with the
/// layer's fields, then a worker calls choose() for each feature. A renderer owns a table of symbols;
/// choose() names which of them draw a feature (none, one, or several for rule-based styles) and may
/// override the marker size (proportional symbols). Heatmaps draw a density surface instead.
class FeatureRenderer
{
public:
    enum class Type { Single, Categorized, Graduated, Proportional, Heatmap, RuleBased };

    virtual ~FeatureRenderer() = default;
    virtual Type type() const = 0;
    virtual std::unique_ptr<FeatureRenderer> clone() const = 0;

    /// Fields choose() reads, so loaders can skip the others.
    virtual QStringList usedFields() const { return {}; }
    /// Resolves field names to columns; an unknown field is an error naming it.
    virtual Status prepare(const Fields &fields) { return {}; }
    /// Symbol indices that draw feature \a f (cleared first); \a sizeOverride is set (in the symbol's
    /// marker unit) when the renderer scales markers, else left NaN.
    virtual void choose(const FeatureStore &store, size_t f, std::vector<int> &symbols, double &sizeOverride) const = 0;
    /// The symbols choose() refers to by index.
    virtual const QList<Symbol> &symbols() const = 0;
    /// Draws markers at a representative point of lines and polygons (proportional symbols on areas).
    virtual bool drawsMarkersOnly() const { return false; }
    /// When true, features are drawn in descending drawOrderKey() (e.g. big circles first, so small ones
    /// stay visible on top), instead of the source order.
    virtual bool hasDrawOrder() const { return false; }
    virtual double drawOrderKey(const FeatureStore &, size_t) const { return 0; }

    virtual QList<LegendEntry> legend(GeometryFamily family) const = 0;

    virtual QJsonObject toJson() const = 0;
    /// Reads any renderer from its JSON; unknown types are an error.
    static Result<std::unique_ptr<FeatureRenderer>> fromJson(const QJsonObject &json);
    static QString typeName(Type t);
};

/// \brief Every feature with the same symbol.
class SingleSymbolRenderer final : public FeatureRenderer
{
public:
    explicit SingleSymbolRenderer(const Symbol &symbol = {}) : m_symbols{symbol} {}
    Type type() const override { return Type::Single; }
    std::unique_ptr<FeatureRenderer> clone() const override { return std::make_unique<SingleSymbolRenderer>(*this); }
    void choose(const FeatureStore &, size_t, std::vector<int> &symbols, double &) const override
    {
        symbols.clear();
        symbols.push_back(0);
    }
    const QList<Symbol> &symbols() const override { return m_symbols; }
    const Symbol &symbol() const { return m_symbols.front(); }
    void setSymbol(const Symbol &s) { m_symbols.front() = s; }
    QList<LegendEntry> legend(GeometryFamily family) const override;
    QJsonObject toJson() const override;
    static Result<std::unique_ptr<FeatureRenderer>> read(const QJsonObject &json);

private:
    QList<Symbol> m_symbols;
};

} // namespace kw
