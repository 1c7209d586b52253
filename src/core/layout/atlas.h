// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layout/layout_render_context.h"
#include "core/render/map_settings.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QString>
#include <vector>

namespace kw {

/// \brief How a layout becomes an atlas: one page (set) per feature of a coverage layer.
struct AtlasSettings
{
    bool enabled = false;
    QString coverageLayer; ///< layer id (or name)
    QString filter;        ///< expression; empty: every feature (the layer's own filter applies too)
    QString sortBy;        ///< expression; empty: the layer's order
    bool sortDescending = false;
    QString pageName; ///< expression giving each page's name (file names); empty: "$id"
    /// How maps draw the coverage layer's features other than the page's own.
    LayerHighlight::Others others = LayerHighlight::Others::Dim;
    double dimOpacity = 0.35;

    QJsonObject toJson() const;
    static Result<AtlasSettings> fromJson(const QJsonObject &json);
    bool operator==(const AtlasSettings &) const = default;
};

/// \brief Walks the pages of an export, as QGIS's QgsAbstractLayoutIterator: a count and, for each page,
/// what to change in the render context. An exporter knows nothing about atlases beyond this interface.
class LayoutIterator
{
public:
    virtual ~LayoutIterator() = default;
    virtual int count() const = 0;
    /// The name of iteration \a i, as used for file names ({name} in an output pattern).
    virtual QString pageName(int i) const = 0;
    /// Sets up \a context for iteration \a i (feature, variables).
    virtual void apply(int i, LayoutRenderContext &context) const = 0;
};

/// \brief The atlas over a coverage layer: its features filtered and sorted, with page names.
///
/// Built on the main thread from a project snapshot; afterwards immutable, so pages may be set up from
/// several threads.
class AtlasIterator final : public LayoutIterator
{
public:
    /// Evaluates filter, sort and page names; an error names the layer or the expression.
    static Result<AtlasIterator> create(const AtlasSettings &settings, const LayoutProjectSnapshot &project,
                                        const QVariantMap &variables = {});

    int count() const override { return int(m_rows.size()); }
    QString pageName(int i) const override { return m_names[size_t(i)]; }
    void apply(int i, LayoutRenderContext &context) const override;

    /// The feature of page \a i (its row in the coverage layer's store).
    AtlasFeature feature(int i) const;
    /// Page names made safe and unique as file names: '/' and other reserved characters become '_',
    /// repeated names get "_2", "_3".
    QStringList fileNames() const;

private:
    AtlasSettings m_settings;
    QString m_layerId;
    std::shared_ptr<const FeatureStore> m_store;
    std::vector<uint32_t> m_rows;
    std::vector<QString> m_names;
};

} // namespace kw
