// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/project.h"

#include "core/layers/raster_layer.h"
#include "core/layers/sensor_layer.h"
#include "core/layers/vector_layer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QHash>
#include <QtConcurrent/QtConcurrentMap>

namespace kw {

namespace {

const QString kFormat = QStringLiteral("kartenwerk-project");

// Keys each object kind knows; everything else read from a file is kept as it was.
const QSet<QString> kTopKeys = {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("title"),
                                QStringLiteral("crs"),    QStringLiteral("layers"),  QStringLiteral("views"),
                                QStringLiteral("extent"), QStringLiteral("time"),    QStringLiteral("sensors"),
                                QStringLiteral("layouts"), QStringLiteral("variables")};
const QSet<QString> kSensorSourceKeys = {QStringLiteral("id"), QStringLiteral("source"), QStringLiteral("sites"),
                                         QStringLiteral("site_id_field")};
const QSet<QString> kGroupKeys = {QStringLiteral("type"), QStringLiteral("name"), QStringLiteral("visible"),
                                  QStringLiteral("expanded"), QStringLiteral("children")};
const QSet<QString> kLayerKeys = {QStringLiteral("type"),      QStringLiteral("kind"),      QStringLiteral("id"),
                                  QStringLiteral("name"),      QStringLiteral("source"),    QStringLiteral("layer"),
                                  QStringLiteral("source_crs"), QStringLiteral("visible"),  QStringLiteral("opacity"),
                                  QStringLiteral("min_scale"), QStringLiteral("max_scale"), QStringLiteral("filter"),
                                  QStringLiteral("style"),     QStringLiteral("labels"),    QStringLiteral("raster_style"),
                                  QStringLiteral("expanded"),  QStringLiteral("sensor"),    QStringLiteral("temporal")};

// Every key a renderer writes (some only when set): a newer version's other keys are carried through.
const QSet<QString> kStyleKeys = {QStringLiteral("type"),       QStringLiteral("symbol"),     QStringLiteral("field"),
                                  QStringLiteral("categories"), QStringLiteral("other"),      QStringLiteral("ranges"),
                                  QStringLiteral("method"),     QStringLiteral("ramp"),       QStringLiteral("max_value"),
                                  QStringLiteral("max_size"),   QStringLiteral("radius"),     QStringLiteral("radius_unit"),
                                  QStringLiteral("max_density"), QStringLiteral("opacity"),   QStringLiteral("weight_field"),
                                  QStringLiteral("rules"),      QStringLiteral("classes"),    QStringLiteral("invert")};

QJsonObject unknownKeys(const QJsonObject &o, const QSet<QString> &known)
{
    QJsonObject extra;
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            extra.insert(it.key(), it.value());
    return extra;
}

void addExtra(QJsonObject &o, const QJsonObject &extra)
{
    for (auto it = extra.begin(); it != extra.end(); ++it)
        if (!o.contains(it.key()))
            o.insert(it.key(), it.value());
}

QJsonArray envelopeToJson(const Envelope &e)
{
    return {e.xmin, e.ymin, e.xmax, e.ymax};
}

std::optional<Envelope> envelopeFromJson(const QJsonValue &v)
{
    const QJsonArray a = v.toArray();
    if (a.size() != 4)
        return std::nullopt;
    for (const QJsonValue &x : a)
        if (!x.isDouble())
            return std::nullopt;
    return Envelope(a[0].toDouble(), a[1].toDouble(), a[2].toDouble(), a[3].toDouble());
}

QString crsToText(const Crs &crs)
{
    if (!crs.isValid())
        return {};
    return crs.authId().isEmpty() ? crs.wkt() : crs.authId();
}

QJsonObject rasterStyleToJson(const RasterStyle &s)
{
    QJsonObject o{{QStringLiteral("ramp"), s.ramp}};
    if (s.invertRamp)
        o[QStringLiteral("invert")] = true;
    if (!std::isnan(s.min))
        o[QStringLiteral("min")] = s.min;
    if (!std::isnan(s.max))
        o[QStringLiteral("max")] = s.max;
    if (s.nearest)
        o[QStringLiteral("resampling")] = QStringLiteral("nearest");
    return o;
}

RasterStyle rasterStyleFromJson(const QJsonObject &o)
{
    RasterStyle s;
    s.ramp = o.value(QLatin1String("ramp")).toString(s.ramp);
    s.invertRamp = o.value(QLatin1String("invert")).toBool(false);
    if (o.contains(QLatin1String("min")))
        s.min = o.value(QLatin1String("min")).toDouble();
    if (o.contains(QLatin1String("max")))
        s.max = o.value(QLatin1String("max")).toDouble();
    s.nearest = o.value(QLatin1String("resampling")).toString() == QLatin1String("nearest");
    return s;
}

/// Paths of local files are stored relative to the project folder (with '/' on every platform).
QString storedPath(const SourceUri &uri, const QString &projectDir)
{
    if (!uri.isLocalPath() || projectDir.isEmpty())
        return uri.path;
    const QString absolute = QFileInfo(uri.path).isAbsolute() ? uri.path : QDir(projectDir).absoluteFilePath(uri.path);
    return QDir::fromNativeSeparators(QDir(projectDir).relativeFilePath(absolute));
}

QString resolvedPath(const QString &stored, const QString &projectDir)
{
    SourceUri probe;
    probe.path = stored;
    if (!probe.isLocalPath() || projectDir.isEmpty() || QFileInfo(stored).isAbsolute())
        return stored;
    return QDir::cleanPath(QDir(projectDir).absoluteFilePath(stored));
}

/// A SOURCE text ("path|layername=…") with a local path made relative to the project folder.
QString storedSourceText(const QString &text, const QString &projectDir)
{
    if (text.isEmpty())
        return text;
    SourceUri uri = SourceUri::parse(text);
    uri.path = storedPath(uri, projectDir);
    return uri.toString();
}

QString resolvedSourceText(const QString &text, const QString &projectDir)
{
    if (text.isEmpty())
        return text;
    SourceUri uri = SourceUri::parse(text);
    uri.path = resolvedPath(uri.path, projectDir);
    return uri.toString();
}

struct Reader
{
    QString projectDir;
    QStringList *warnings;
    const QList<SensorSourceEntry> *sensorSources = nullptr;

    /// Style, labels, filters of a vector (or sensor) layer.
    Status readVectorSettings(VectorLayer &vector, const QJsonObject &o, const QString &where, const QString &name)
    {
        if (o.contains(QLatin1String("style"))) {
            auto renderer = FeatureRenderer::fromJson(o.value(QLatin1String("style")).toObject());
            if (!renderer.ok())
                return Error::input(QStringLiteral("%1 (%2): style: %3").arg(where, name, renderer.error().message));
            vector.setRenderer(std::move(*renderer));
        }
        if (o.contains(QLatin1String("labels"))) {
            auto labels = LabelSettings::fromJson(o.value(QLatin1String("labels")).toObject());
            if (!labels.ok())
                return Error::input(QStringLiteral("%1 (%2): labels: %3").arg(where, name, labels.error().message));
            vector.setLabels(*labels);
        }
        const QString filter = o.value(QLatin1String("filter")).toString();
        if (!filter.isEmpty()) {
            // Kept even when invalid, so nothing is lost; the layer reports it when drawn.
            if (Status st = vector.setFilter(filter); !st.ok() && warnings)
                *warnings << QStringLiteral("%1: filter: %2").arg(name, st.error().message);
        }
        if (o.contains(QLatin1String("temporal"))) {
            const QJsonObject t = o.value(QLatin1String("temporal")).toObject();
            const TemporalFilter filter{t.value(QLatin1String("start_field")).toString(),
                                        t.value(QLatin1String("end_field")).toString()};
            if (!filter.isEnabled())
                return Error::input(
                    QStringLiteral("%1 (%2): temporal: neither start_field nor end_field").arg(where, name));
            if (Status st = vector.setTemporalFilter(filter); !st.ok() && warnings)
                *warnings << QStringLiteral("%1: %2").arg(name, st.error().message);
        }
        return {};
    }

    Result<std::unique_ptr<LayerTreeNode>> node(const QJsonObject &o, const QString &where)
    {
        const QString type = o.value(QLatin1String("type")).toString(QStringLiteral("layer"));
        if (type == QLatin1String("group")) {
            auto g = LayerTreeNode::group(o.value(QLatin1String("name")).toString());
            g->setVisible(o.value(QLatin1String("visible")).toBool(true));
            g->setExpanded(o.value(QLatin1String("expanded")).toBool(true));
            g->extra() = unknownKeys(o, kGroupKeys);
            const QJsonArray children = o.value(QLatin1String("children")).toArray();
            for (int i = 0; i < children.size(); ++i) {
                auto child = node(children[i].toObject(), where + QStringLiteral("/%1").arg(i));
                if (!child.ok())
                    return child.error();
                g->insertChild(g->childCount(), std::move(*child));
            }
            return g;
        }
        if (type != QLatin1String("layer"))
            return Error::input(QStringLiteral("%1: unknown node type '%2'").arg(where, type));
        const QString source = o.value(QLatin1String("source")).toString();
        if (source.isEmpty())
            return Error::input(QStringLiteral("%1: layer without 'source'").arg(where));
        SourceUri uri;
        uri.path = resolvedPath(source, projectDir);
        uri.crs = o.value(QLatin1String("source_crs")).toString();
        const QString layerName = o.value(QLatin1String("layer")).toString();
        const QString name = o.value(QLatin1String("name")).toString(layerName.isEmpty() ? QFileInfo(source).completeBaseName() : layerName);
        std::shared_ptr<Layer> layer;
        const QString kind = o.value(QLatin1String("kind")).toString();
        if (kind == QLatin1String("sensor")) {
            const QJsonObject so = o.value(QLatin1String("sensor")).toObject();
            const QString property = so.value(QLatin1String("property")).toString();
            if (property.isEmpty())
                return Error::input(
                    QStringLiteral("%1 (%2): sensor layer without 'sensor/property'").arg(where, name));
            SensorQuery query;
            SourceUri sensorUri = uri;
            const QString sourceId = so.value(QLatin1String("source")).toString();
            if (!sourceId.isEmpty()) {
                const SensorSourceEntry *entry = nullptr;
                for (const SensorSourceEntry &e : *sensorSources)
                    if (e.id == sourceId)
                        entry = &e;
                if (!entry)
                    return Error::input(QStringLiteral("%1 (%2): no sensor source '%3' in 'sensors'")
                                            .arg(where, name, sourceId));
                sensorUri = entry->source;
                query.sites = entry->sites;
                query.siteIdField = entry->siteIdField;
            }
            auto sensor = std::make_shared<SensorLayer>(sensorUri, property, name, query);
            if (Status st = readVectorSettings(*sensor, o, where, name); !st.ok())
                return st.error();
            layer = sensor;
        } else if (kind == QLatin1String("raster")) {
            uri.layerName = layerName;
            auto raster = std::make_shared<RasterLayer>(uri, name);
            raster->setStyle(rasterStyleFromJson(o.value(QLatin1String("raster_style")).toObject()));
            layer = raster;
        } else {
            auto vector = std::make_shared<VectorLayer>(uri, layerName, name);
            if (Status st = readVectorSettings(*vector, o, where, name); !st.ok())
                return st.error();
            layer = vector;
        }
        layer->setId(o.value(QLatin1String("id")).toString());
        layer->setVisible(o.value(QLatin1String("visible")).toBool(true));
        layer->setOpacity(o.value(QLatin1String("opacity")).toDouble(1.0));
        layer->setScaleRange(o.value(QLatin1String("min_scale")).toDouble(0), o.value(QLatin1String("max_scale")).toDouble(0));
        auto n = LayerTreeNode::layer(layer);
        n->setExpanded(o.value(QLatin1String("expanded")).toBool(true));
        n->extra() = unknownKeys(o, kLayerKeys);
        // A newer version's additions inside the style are kept as long as the style type is unchanged.
        if (o.contains(QLatin1String("style")))
            n->extra().insert(QStringLiteral("\x01style"), o.value(QLatin1String("style")));
        return n;
    }
};

QJsonObject writeNode(const LayerTreeNode &n, const QString &projectDir,
                      const QHash<const Layer *, QString> &sensorIds)
{
    QJsonObject o;
    if (n.isGroup()) {
        o[QStringLiteral("type")] = QStringLiteral("group");
        o[QStringLiteral("name")] = n.name();
        o[QStringLiteral("visible")] = n.isVisible();
        o[QStringLiteral("expanded")] = n.isExpanded();
        QJsonArray children;
        for (int i = 0; i < n.childCount(); ++i)
            children.append(writeNode(*n.child(i), projectDir, sensorIds));
        o[QStringLiteral("children")] = children;
        addExtra(o, n.extra());
        return o;
    }
    const Layer &l = *n.layer();
    o[QStringLiteral("type")] = QStringLiteral("layer");
    o[QStringLiteral("id")] = l.id();
    o[QStringLiteral("name")] = l.name();
    o[QStringLiteral("source")] = storedPath(l.source(), projectDir);
    if (!l.source().crs.isEmpty())
        o[QStringLiteral("source_crs")] = l.source().crs;
    o[QStringLiteral("visible")] = l.isVisible();
    o[QStringLiteral("opacity")] = l.opacity();
    o[QStringLiteral("min_scale")] = l.minScale();
    o[QStringLiteral("max_scale")] = l.maxScale();
    o[QStringLiteral("expanded")] = n.isExpanded();
    if (l.kind() == Layer::Kind::Raster) {
        const auto &r = static_cast<const RasterLayer &>(l);
        o[QStringLiteral("kind")] = QStringLiteral("raster");
        if (!l.source().layerName.isEmpty())
            o[QStringLiteral("layer")] = l.source().layerName;
        o[QStringLiteral("raster_style")] = rasterStyleToJson(r.style());
    } else {
        const auto &v = static_cast<const VectorLayer &>(l);
        if (const auto *sensor = dynamic_cast<const SensorLayer *>(&l)) {
            o[QStringLiteral("kind")] = QStringLiteral("sensor");
            o[QStringLiteral("sensor")] = QJsonObject{{QStringLiteral("source"), sensorIds.value(&l)},
                                                      {QStringLiteral("property"), sensor->property()}};
        } else {
            o[QStringLiteral("kind")] = QStringLiteral("vector");
        }
        o[QStringLiteral("layer")] = v.layerName();
        if (v.temporalFilter().isEnabled()) {
            QJsonObject t;
            if (!v.temporalFilter().startField.isEmpty())
                t[QStringLiteral("start_field")] = v.temporalFilter().startField;
            if (!v.temporalFilter().endField.isEmpty())
                t[QStringLiteral("end_field")] = v.temporalFilter().endField;
            o[QStringLiteral("temporal")] = t;
        }
        QJsonObject style = v.renderer().toJson();
        const QJsonObject original = n.extra().value(QStringLiteral("\x01style")).toObject();
        if (original.value(QLatin1String("type")) == style.value(QLatin1String("type")))
            addExtra(style, unknownKeys(original, kStyleKeys));
        o[QStringLiteral("style")] = style;
        o[QStringLiteral("labels")] = v.labels().toJson();
        o[QStringLiteral("filter")] = v.filter();
    }
    QJsonObject extra = n.extra();
    extra.remove(QStringLiteral("\x01style"));
    addExtra(o, extra);
    return o;
}

} // namespace

Project::Project() : m_crs(Crs::etrs89Utm32()), m_root(LayerTreeNode::group(QString())) {}

Project::~Project() = default;

const Layout *Project::layout(const QString &name) const
{
    for (const Layout &l : m_layouts)
        if (l.name() == name)
            return &l;
    return nullptr;
}

Layout *Project::layout(const QString &name)
{
    for (Layout &l : m_layouts)
        if (l.name() == name)
            return &l;
    return nullptr;
}

QString Project::uniqueLayerId(const QString &base) const
{
    QString stem = base.toLower();
    stem.replace(QRegularExpression(QStringLiteral("[^a-z0-9äöüß]+")), QStringLiteral("_"));
    if (stem.isEmpty())
        stem = QStringLiteral("layer");
    QSet<QString> used;
    for (const auto &l : layers())
        used.insert(l->id());
    QString id = stem;
    for (int i = 2; used.contains(id); ++i)
        id = stem + QStringLiteral("_%1").arg(i);
    return id;
}

LayerTreeNode *Project::addLayer(std::shared_ptr<Layer> layer, LayerTreeNode *group)
{
    if (layer->id().isEmpty())
        layer->setId(uniqueLayerId(layer->name()));
    LayerTreeNode *parent = group ? group : m_root.get();
    return parent->insertChild(0, LayerTreeNode::layer(std::move(layer)));
}

QList<std::shared_ptr<Layer>> Project::renderLayers() const
{
    QList<std::shared_ptr<Layer>> top = m_root->layers(true);
    std::reverse(top.begin(), top.end());
    return top;
}

Envelope Project::fullExtent() const
{
    Envelope e;
    for (const auto &l : layers())
        if (l->isLoaded())
            e.include(l->extent());
    return e;
}

MapSettings Project::mapSettings(const QSize &size, double dpi) const
{
    MapSettings s;
    s.setCrs(m_crs);
    s.setOutputSize(size);
    s.setDpi(dpi);
    s.setLayers(renderLayers());
    const Envelope full = fullExtent();
    s.setExtent(!m_extent.isNull() ? m_extent : full.buffered(0.03, 100.0));
    return s;
}

QStringList Project::loadLayers(bool allAttributes, const std::function<bool(const Layer &)> &skip)
{
    QList<std::shared_ptr<Layer>> all = layers();
    for (const auto &l : std::as_const(all))
        if (l->kind() == Layer::Kind::Vector)
            static_cast<VectorLayer &>(*l).setLoadAllAttributes(allAttributes);
    if (skip)
        all.removeIf([&skip](const std::shared_ptr<Layer> &l) { return skip(*l); });
    const Crs crs = m_crs;
    // Sensor layers of one source share its data: read it once (a SensorThings service is asked once).
    QHash<QString, QList<SensorLayer *>> bySource;
    for (const auto &l : std::as_const(all))
        if (auto *sensor = dynamic_cast<SensorLayer *>(l.get()); sensor && !sensor->data())
            bySource[sensor->source().toString() + QChar(0x1f) + sensor->query().sites + QChar(0x1f) +
                     sensor->query().siteIdField]
                .append(sensor);
    for (auto it = bySource.cbegin(); it != bySource.cend(); ++it) {
        if (it.value().size() < 2)
            continue;
        SensorLayer *first = it.value().front();
        auto data = SensorSources::load(first->source().toString(), first->query());
        if (!data.ok())
            continue; // each layer reports the error when it loads
        const auto shared = std::make_shared<const SensorData>(std::move(*data));
        for (SensorLayer *l : it.value())
            l->setData(shared);
    }
    QtConcurrent::blockingMap(all, [crs](std::shared_ptr<Layer> &l) { l->load(crs); });
    QStringList failed;
    for (const auto &l : std::as_const(all))
        if (!l->error().isEmpty())
            failed << QStringLiteral("%1: %2").arg(l->name(), l->error());
    return failed;
}

Result<QStringList> Project::migrate(QJsonObject &doc)
{
    QStringList changes;
    int version = doc.value(QLatin1String("version")).toInt(0);
    if (version == 0) {
        // Version 0 (the pre-release format): a flat "layers" list with "path" and a single "symbol".
        QJsonArray layers = doc.value(QLatin1String("layers")).toArray();
        for (int i = 0; i < layers.size(); ++i) {
            QJsonObject l = layers[i].toObject();
            if (l.contains(QLatin1String("path")) && !l.contains(QLatin1String("source"))) {
                l[QStringLiteral("source")] = l.take(QStringLiteral("path"));
                changes << QStringLiteral("layer %1: 'path' renamed to 'source'").arg(i);
            }
            if (l.contains(QLatin1String("symbol")) && !l.contains(QLatin1String("style"))) {
                l[QStringLiteral("style")] = QJsonObject{{QStringLiteral("type"), QStringLiteral("single")},
                                                        {QStringLiteral("symbol"), l.take(QStringLiteral("symbol"))}};
                changes << QStringLiteral("layer %1: 'symbol' became a single-symbol style").arg(i);
            }
            if (!l.contains(QLatin1String("type")))
                l[QStringLiteral("type")] = QStringLiteral("layer");
            layers[i] = l;
        }
        doc[QStringLiteral("layers")] = layers;
        doc[QStringLiteral("format")] = kFormat;
        version = 1;
        doc[QStringLiteral("version")] = version;
        changes << QStringLiteral("migrated from format version 0 to 1");
    }
    return changes;
}

Result<std::unique_ptr<Project>> Project::fromJson(const QByteArray &json, const QString &projectDir,
                                                   QStringList *warnings)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull())
        return Error::input(QStringLiteral("not valid JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    if (!doc.isObject())
        return Error::input(QStringLiteral("not a Kartenwerk project (the top level is not an object)"));
    QJsonObject root = doc.object();
    const QString format = root.value(QLatin1String("format")).toString();
    if (!format.isEmpty() && format != kFormat)
        return Error::input(QStringLiteral("not a Kartenwerk project (format '%1')").arg(format));
    if (!root.value(QLatin1String("version")).isUndefined() && !root.value(QLatin1String("version")).isDouble())
        return Error::input(QStringLiteral("invalid 'version'"));
    const int version = root.value(QLatin1String("version")).toInt(0);
    if (version < formatVersion) {
        auto changes = migrate(root);
        if (!changes.ok())
            return changes.error();
        if (warnings)
            *warnings << *changes;
    } else if (version > formatVersion && warnings) {
        *warnings << QStringLiteral("written by a newer Kartenwerk (format %1, this version reads %2): "
                                    "unknown settings are kept but not used")
                         .arg(version)
                         .arg(formatVersion);
    }

    auto project = std::make_unique<Project>();
    project->m_title = root.value(QLatin1String("title")).toString();
    const QString crsText = root.value(QLatin1String("crs")).toString();
    if (!crsText.isEmpty()) {
        auto crs = Crs::fromUserInput(crsText);
        if (!crs.ok())
            return Error::input(QStringLiteral("map CRS: %1").arg(crs.error().message));
        project->m_crs = *crs;
    }
    if (root.contains(QLatin1String("extent"))) {
        auto e = envelopeFromJson(root.value(QLatin1String("extent")));
        if (!e)
            return Error::input(QStringLiteral("invalid 'extent' (expected [xmin, ymin, xmax, ymax])"));
        project->m_extent = *e;
    }
    // Time settings this version cannot read (hand-edited, or from a newer version) never make the map
    // unreadable: they are reported, kept as they are and written back unchanged.
    QJsonObject unreadTime;
    if (root.contains(QLatin1String("time"))) {
        auto t = TemporalSettings::fromJson(root.value(QLatin1String("time")).toObject());
        if (t.ok()) {
            project->m_temporal = *t;
        } else {
            unreadTime = root.value(QLatin1String("time")).toObject();
            if (warnings)
                *warnings << QStringLiteral("%1 (kept, but not used)").arg(t.error().message);
        }
    }
    const QJsonArray sensors = root.value(QLatin1String("sensors")).toArray();
    for (int i = 0; i < sensors.size(); ++i) {
        const QJsonObject o = sensors[i].toObject();
        SensorSourceEntry e;
        e.id = o.value(QLatin1String("id")).toString();
        const QString source = o.value(QLatin1String("source")).toString();
        if (e.id.isEmpty() || source.isEmpty())
            return Error::input(QStringLiteral("sensors/%1: a sensor source needs 'id' and 'source'").arg(i));
        e.source = SourceUri::parse(resolvedSourceText(source, projectDir));
        e.sites = resolvedSourceText(o.value(QLatin1String("sites")).toString(), projectDir);
        e.siteIdField = o.value(QLatin1String("site_id_field")).toString();
        e.extra = unknownKeys(o, kSensorSourceKeys);
        project->m_sensorSources.append(e);
    }
    Reader reader{projectDir, warnings, &project->m_sensorSources};
    const QJsonArray layers = root.value(QLatin1String("layers")).toArray();
    for (int i = 0; i < layers.size(); ++i) {
        if (!layers[i].isObject())
            return Error::input(QStringLiteral("layers/%1: not an object").arg(i));
        auto node = reader.node(layers[i].toObject(), QStringLiteral("layers/%1").arg(i));
        if (!node.ok())
            return node.error();
        project->m_root->insertChild(project->m_root->childCount(), std::move(*node));
    }
    for (const auto &l : project->layers())
        if (l->id().isEmpty())
            l->setId(project->uniqueLayerId(l->name()));
    for (const QJsonValue &v : root.value(QLatin1String("views")).toArray()) {
        const QJsonObject o = v.toObject();
        auto e = envelopeFromJson(o.value(QLatin1String("extent")));
        if (!e)
            return Error::input(QStringLiteral("view '%1': invalid extent").arg(o.value(QLatin1String("name")).toString()));
        project->m_bookmarks.append({o.value(QLatin1String("name")).toString(), *e});
    }
    const QJsonObject variables = root.value(QLatin1String("variables")).toObject();
    for (auto it = variables.begin(); it != variables.end(); ++it) {
        if (it.value().isObject() || it.value().isArray())
            return Error::input(QStringLiteral("variables/%1: must be a string, number or boolean").arg(it.key()));
        project->m_variables.insert(it.key(), it.value().toVariant());
    }
    const QJsonArray layouts = root.value(QLatin1String("layouts")).toArray();
    for (int i = 0; i < layouts.size(); ++i) {
        auto layout = Layout::fromJson(layouts[i].toObject());
        if (!layout.ok())
            return Error::input(QStringLiteral("layouts/%1: %2").arg(i).arg(layout.error().message));
        if (layout->name().isEmpty())
            return Error::input(QStringLiteral("layouts/%1: a layout needs a name").arg(i));
        if (project->layout(layout->name()))
            return Error::input(QStringLiteral("layouts/%1: a second layout named '%2'").arg(i).arg(layout->name()));
        project->m_layouts.push_back(std::move(*layout));
    }
    project->m_extra = unknownKeys(root, kTopKeys);
    if (!unreadTime.isEmpty())
        project->m_extra.insert(QStringLiteral("time"), unreadTime);
    return project;
}

Result<std::unique_ptr<Project>> Project::read(const QString &path, QStringList *warnings)
{
    QFile file(path);
    if (!file.exists())
        return Error::input(QStringLiteral("%1: no such file").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return Error::input(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    auto project = fromJson(file.readAll(), QFileInfo(path).absolutePath(), warnings);
    if (!project.ok())
        return Error::input(QStringLiteral("%1: %2").arg(path, project.error().message));
    (*project)->m_filePath = QFileInfo(path).absoluteFilePath();
    return project;
}

QByteArray Project::toJson(const QString &projectDir) const
{
    QJsonObject root;
    root[QStringLiteral("format")] = kFormat;
    root[QStringLiteral("version")] = formatVersion;
    root[QStringLiteral("title")] = m_title;
    root[QStringLiteral("crs")] = crsToText(m_crs);
    if (!m_extent.isNull())
        root[QStringLiteral("extent")] = envelopeToJson(m_extent);
    // Every sensor layer refers to an entry of "sensors"; layers added without one get one here.
    QList<SensorSourceEntry> entries = m_sensorSources;
    QHash<const Layer *, QString> sensorIds;
    for (const auto &l : layers()) {
        const auto *sensor = dynamic_cast<const SensorLayer *>(l.get());
        if (!sensor)
            continue;
        const SensorSourceEntry *match = nullptr;
        for (const SensorSourceEntry &e : entries)
            if (e.source.toString() == sensor->source().toString() && e.sites == sensor->query().sites &&
                e.siteIdField == sensor->query().siteIdField)
                match = &e;
        if (!match) {
            SensorSourceEntry e;
            QString base = QFileInfo(sensor->source().path).completeBaseName().toLower();
            base.replace(QRegularExpression(QStringLiteral("[^a-z0-9äöüß]+")), QStringLiteral("_"));
            if (base.isEmpty())
                base = QStringLiteral("sensors");
            e.id = base;
            const auto taken = [&entries](const QString &id) {
                return std::any_of(entries.begin(), entries.end(), [&](const SensorSourceEntry &x) { return x.id == id; });
            };
            for (int n = 2; taken(e.id); ++n)
                e.id = base + QStringLiteral("_%1").arg(n);
            e.source = sensor->source();
            e.sites = sensor->query().sites;
            e.siteIdField = sensor->query().siteIdField;
            entries.append(e);
            match = &entries.back();
        }
        sensorIds.insert(l.get(), match->id);
    }
    if (m_temporal)
        root[QStringLiteral("time")] = m_temporal->toJson();
    if (!entries.isEmpty()) {
        QJsonArray sensors;
        for (const SensorSourceEntry &e : std::as_const(entries)) {
            QJsonObject o{{QStringLiteral("id"), e.id},
                          {QStringLiteral("source"), storedSourceText(e.source.toString(), projectDir)}};
            if (!e.sites.isEmpty())
                o[QStringLiteral("sites")] = storedSourceText(e.sites, projectDir);
            if (!e.siteIdField.isEmpty())
                o[QStringLiteral("site_id_field")] = e.siteIdField;
            addExtra(o, e.extra);
            sensors.append(o);
        }
        root[QStringLiteral("sensors")] = sensors;
    }
    QJsonArray layers;
    for (int i = 0; i < m_root->childCount(); ++i)
        layers.append(writeNode(*m_root->child(i), projectDir, sensorIds));
    root[QStringLiteral("layers")] = layers;
    QJsonArray views;
    for (const Bookmark &b : m_bookmarks)
        views.append(QJsonObject{{QStringLiteral("name"), b.name}, {QStringLiteral("extent"), envelopeToJson(b.extent)}});
    root[QStringLiteral("views")] = views;
    if (!m_variables.isEmpty())
        root[QStringLiteral("variables")] = QJsonObject::fromVariantMap(m_variables);
    if (!m_layouts.empty()) {
        QJsonArray layouts;
        for (const Layout &l : m_layouts)
            layouts.append(l.toJson());
        root[QStringLiteral("layouts")] = layouts;
    }
    addExtra(root, m_extra);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Status Project::write(const QString &path)
{
    const QString dir = QFileInfo(path).absolutePath();
    const QByteArray bytes = toJson(dir);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::output(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return Error::output(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    }
    if (!file.commit())
        return Error::output(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    m_filePath = QFileInfo(path).absoluteFilePath();
    return {};
}

} // namespace kw
