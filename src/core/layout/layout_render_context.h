// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/data/feature_store.h"
#include "core/expression/expression_context.h"
#include "core/geometry/envelope.h"
#include "core/render/map_settings.h"

#include <QFont>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <memory>
#include <optional>

namespace kw {

class Layer;
class Layout;
class Project;

/// \brief What a layout render needs from a project, copied on the main thread before rendering.
///
/// Layers are clones (Layer::clone()) that share the loaded data but not the style objects, so pages can
/// render on worker threads while the user keeps editing the project (STYLE rule 3: render threads see
/// only snapshots).
struct LayoutProjectSnapshot
{
    QString title;
    QString filePath; ///< the .kwproj file; pictures and templates are resolved against its folder
    Crs crs;
    Envelope extent;     ///< the project's view (null: none)
    Envelope fullExtent; ///< union of the loaded layers
    /// Every layer, bottom first (drawing order), and the ids of those visible in the layer tree.
    QList<std::shared_ptr<Layer>> layers;
    QStringList visibleIds;
    /// Project variables ("variables" in the project file), already merged with overrides such as --set.
    QVariantMap variables;

    static std::shared_ptr<const LayoutProjectSnapshot> fromProject(const Project &project);

    std::shared_ptr<Layer> layer(const QString &id) const;
    /// The layers the project shows (visible in the tree), bottom first.
    QList<std::shared_ptr<Layer>> visibleLayers() const;
    /// \a path made absolute against the project folder (":/…" resources and absolute paths unchanged).
    QString resolvePath(const QString &path) const;
};

/// \brief The feature an atlas page is about.
struct AtlasFeature
{
    QString layerId;
    std::shared_ptr<const FeatureStore> store;
    size_t row = 0; ///< row of the feature in store
    int index = 0;  ///< 0-based position in the atlas
    int count = 0;  ///< number of atlas pages
    QString pageName;
    /// How maps draw the coverage layer's other features on this page.
    LayerHighlight::Others others = LayerHighlight::Others::Dim;
    double dimOpacity = 0.35;

    Envelope extent() const { return store ? store->featureEnvelope(row) : Envelope(); }
};

/// \brief What happened during an export that the user should know about, besides failures.
///
/// Thread-safe: pages rendered in parallel report into one log. Messages are kept once each, in order.
class ExportLog
{
public:
    ExportLog() = default;
    ExportLog(const ExportLog &o);
    ExportLog &operator=(const ExportLog &o);

    /// Something drawn as an image in a vector export (raster layers, heatmaps, PNG pictures).
    void rasterised(const QString &what);
    /// Something that could not be drawn as asked and was replaced (a font, a missing picture).
    void substituted(const QString &what);
    void warn(const QString &what);
    void merge(const ExportLog &other);

    QStringList rasterisedItems() const;
    QStringList substitutions() const;
    QStringList warnings() const;
    bool isEmpty() const;

private:
    mutable QMutex m_mutex;
    QStringList m_rasterised, m_substitutions, m_warnings;
};

/// \brief Everything an item needs to draw itself on one page of one export: the resolution, vector or
/// raster output, the project snapshot, the variables and (for atlas pages) the current feature.
///
/// Items draw in device pixels at dpi(): px() turns millimetres into them and font() makes fonts whose
/// size is exact on any paint device (a pixel size, not a point size, which would depend on the device).
struct LayoutRenderContext
{
    double dpi = 300;
    /// PDF and SVG: keep everything vector (maps through PainterRenderJob); raster: render maps as images.
    bool vectorOutput = false;
    /// Drawing for the designer: cheaper, and missing things show a placeholder instead of nothing.
    bool preview = false;
    std::shared_ptr<const LayoutProjectSnapshot> project;
    const Layout *layout = nullptr;
    int page = 0;
    /// Variables read as @name: project variables, @project_title, @layout_name, @now, @date, @atlas_*.
    QVariantMap variables;
    std::optional<AtlasFeature> atlas;
    ExportLog *log = nullptr; ///< may be null
    /// SVG export in two passes, because Qt 6.4's QSvgGenerator ignores clipping: on the page (Page) a map
    /// item draws only a marker and its grid labels; the exporter then replaces the marker with the map
    /// drawn alone (Map) as a nested <svg>, whose viewport clips it to the frame.
    enum class SvgPass { None, Page, Map };
    SvgPass svgPass = SvgPass::None;

    double px(double mm) const { return mm * dpi / 25.4; }
    QFont font(const QString &family, double pointSize, bool bold = false, bool italic = false) const;
    /// Variables and, on atlas pages, the current feature's attributes as fields.
    ExpressionContext expressionContext() const;

    void rasterised(const QString &what) const;
    void substituted(const QString &what) const;
    void warn(const QString &what) const;
};

} // namespace kw
