// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/geometry/envelope.h"
#include "core/layout/layout.h"
#include "core/project/layer_tree.h"
#include "core/render/map_settings.h"
#include "core/temporal/temporal_settings.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <memory>

namespace kw {

/// \brief A named view of the map (bookmark).
struct Bookmark
{
    QString name;
    Envelope extent;
    bool operator==(const Bookmark &) const = default;
};

/// \brief A sensor source of the project ("sensors" in the file): read once, shared by its sensor layers.
struct SensorSourceEntry
{
    QString id;          ///< what sensor layers refer to
    SourceUri source;    ///< a sensor cache, a table or a SensorThings URL
    QString sites;       ///< long tables: the site layer (SOURCE text)
    QString siteIdField; ///< long tables: the id field of the site layer
    QJsonObject extra;   ///< keys a newer version wrote (kept)
};

/// \brief A Kartenwerk project: map CRS, layer tree with styles and labels, named views.
///
/// Stored as a `*.kwproj` JSON file (schema: resources/schema/kwproj.schema.json). Data paths are kept
/// relative to the project file; keys this version does not know are carried through unchanged; files
/// of older format versions are migrated on reading.
class Project
{
public:
    static constexpr int formatVersion = 1;

    Project();
    ~Project();

    QString title() const { return m_title; }
    void setTitle(const QString &t) { m_title = t; }
    const Crs &crs() const { return m_crs; }
    void setCrs(const Crs &crs) { m_crs = crs; }
    LayerTreeNode &root() { return *m_root; }
    const LayerTreeNode &root() const { return *m_root; }
    QList<Bookmark> &bookmarks() { return m_bookmarks; }
    const QList<Bookmark> &bookmarks() const { return m_bookmarks; }
    /// The view the project opens with (null: the full extent).
    Envelope extent() const { return m_extent; }
    void setExtent(const Envelope &e) { m_extent = e; }
    /// Named values read as @name in layout texts and expressions (e.g. "abteilung"); --set overrides them.
    QVariantMap &variables() { return m_variables; }
    const QVariantMap &variables() const { return m_variables; }
    /// Print layouts ("layouts" in the file), in the order the user made them.
    std::vector<Layout> &layouts() { return m_layouts; }
    const std::vector<Layout> &layouts() const { return m_layouts; }
    /// The layout named \a name, or null.
    const Layout *layout(const QString &name) const;
    Layout *layout(const QString &name);
    /// Where the project was read from or last written to.
    QString filePath() const { return m_filePath; }

    /// Adds a layer at the top of the tree (or of \a group); gives it a unique id if it has none.
    LayerTreeNode *addLayer(std::shared_ptr<Layer> layer, LayerTreeNode *group = nullptr);
    /// All layers, top first.
    QList<std::shared_ptr<Layer>> layers() const { return m_root->layers(false); }
    /// Visible layers (node and groups visible) in drawing order: bottom first.
    QList<std::shared_ptr<Layer>> renderLayers() const;
    /// Union of the loaded layers' extents.
    Envelope fullExtent() const;
    /// Map settings for an output of \a size: the project's CRS, layers and view.
    MapSettings mapSettings(const QSize &size, double dpi = 96) const;

    /// Loads the data of every layer for the project's CRS (concurrently). Layers that fail keep their
    /// error() and stay in the project; returns the messages of those that failed. With \a allAttributes
    /// false only the attributes styles, labels and filters use are read (rendering from the command line).
    /// Layers for which \a skip says yes are left unloaded (streamed by the export instead).
    QStringList loadLayers(bool allAttributes = true, const std::function<bool(const Layer &)> &skip = {});

    /// Reads a project file (layer data is not loaded yet). Missing data is not an error here.
    static Result<std::unique_ptr<Project>> read(const QString &path, QStringList *warnings = nullptr);
    static Result<std::unique_ptr<Project>> fromJson(const QByteArray &json, const QString &projectDir,
                                                     QStringList *warnings = nullptr);
    /// Writes atomically (temporary file, then rename); relative data paths are made against \a path's folder.
    Status write(const QString &path);
    QByteArray toJson(const QString &projectDir) const;

    /// The time of the map: range, step, window, aggregation ("time" in the file; unset: no time).
    const std::optional<TemporalSettings> &temporal() const { return m_temporal; }
    void setTemporal(std::optional<TemporalSettings> t) { m_temporal = std::move(t); }
    /// Sensor sources; sensor layers added without an entry get one when the project is written.
    QList<SensorSourceEntry> &sensorSources() { return m_sensorSources; }
    const QList<SensorSourceEntry> &sensorSources() const { return m_sensorSources; }

    /// Keys of the file's top level this version does not know: kept on save.
    QJsonObject &extra() { return m_extra; }

    /// Upgrades a document of an older format version in place; returns what was changed.
    static Result<QStringList> migrate(QJsonObject &document);

private:
    QString uniqueLayerId(const QString &base) const;

    QString m_title;
    Crs m_crs;
    std::unique_ptr<LayerTreeNode> m_root;
    QList<Bookmark> m_bookmarks;
    Envelope m_extent;
    QVariantMap m_variables;
    std::vector<Layout> m_layouts;
    QString m_filePath;
    QJsonObject m_extra;
    std::optional<TemporalSettings> m_temporal;
    QList<SensorSourceEntry> m_sensorSources;
};

} // namespace kw
