// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/project/project_controller.h"

#include "core/data/data_provider.h"
#include "core/data/feature_selection.h"
#include "core/data/gdal/gdal_provider.h"
#include "core/layers/layer_factory.h"
#include "core/layers/vector_layer.h"
#include "core/project/layer_tree_model.h"
#include "core/project/project_commands.h"
#include "core/util/thread_pools.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QRegularExpression>
#include <QSet>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace kw {

namespace {

/// What inspecting the sources in a worker found: layers to add, and what could not be opened.
struct Inspected
{
    QList<std::shared_ptr<Layer>> layers; // bottom first
    QStringList errors;
    Crs firstCrs; ///< the CRS of the first source's first layer
};

/// A dropped folder stands for the data files in it (not its sub-folders); sidecar files of other
/// formats (.shx, .dbf, .prj …) are not sources of their own. A folder without such files is passed on
/// as it is: GDAL opens some folders as one dataset (a file geodatabase, a folder of shapefiles).
QStringList expandFolders(const QStringList &sources)
{
    static const QStringList sidecars{QStringLiteral("shx"), QStringLiteral("dbf"), QStringLiteral("prj"),
                                      QStringLiteral("cpg"), QStringLiteral("qix"), QStringLiteral("sbn"),
                                      QStringLiteral("sbx"), QStringLiteral("xml"), QStringLiteral("aux"),
                                      QStringLiteral("ovr"), QStringLiteral("qmd"), QStringLiteral("gfs"),
                                      QStringLiteral("tfw"), QStringLiteral("wld"), QStringLiteral("lock")};
    const QStringList known = gdal::fileExtensions();
    QStringList out;
    for (const QString &s : sources) {
        const QFileInfo fi(s);
        if (!fi.isDir() || fi.suffix().compare(QLatin1String("gdb"), Qt::CaseInsensitive) == 0) {
            out << s;
            continue;
        }
        QStringList files;
        for (const QFileInfo &f : QDir(s).entryInfoList(QDir::Files, QDir::Name)) {
            const QString suffix = f.suffix().toLower();
            if (known.contains(suffix) && !sidecars.contains(suffix))
                files << f.absoluteFilePath();
        }
        out << (files.isEmpty() ? QStringList{s} : files);
    }
    return out;
}

bool containsNode(const LayerTreeNode *root, const LayerTreeNode *n)
{
    if (root == n)
        return true;
    for (int i = 0; i < root->childCount(); ++i)
        if (containsNode(root->child(i), n))
            return true;
    return false;
}

} // namespace

ProjectController::ProjectController(QObject *parent)
    : QObject(parent), m_project(std::make_unique<Project>()), m_undo(new QUndoStack(this)),
      m_model(new LayerTreeModel(this)), m_selection(new FeatureSelection(this))
{
    m_model->setUndoStack(m_undo);
    m_model->setProject(m_project.get());
    connect(m_model, &LayerTreeModel::mapChanged, this, &ProjectController::mapChanged);
    connect(m_model, &LayerTreeModel::filesDropped, this,
            [this](const QStringList &paths, LayerTreeNode *parent, int row) { addSources(paths, parent, row); });
    connect(m_model, &LayerTreeModel::layerNeedsReload, this, &ProjectController::reloadLayer);
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT dirtyChanged(!clean); });
}

ProjectController::~ProjectController()
{
    *m_cancelLoads = true;
    // Commands point into the project's tree: drop them before the project goes.
    m_undo->clear();
}

bool ProjectController::isDirty() const
{
    return !m_undo->isClean();
}

QList<std::shared_ptr<Layer>> ProjectController::renderLayers() const
{
    QList<std::shared_ptr<Layer>> out;
    const Crs crs = m_project->crs();
    for (const auto &l : m_project->renderLayers()) {
        // While a CRS change reloads it, a vector layer still holds data of the old CRS: leave it out.
        if (l->kind() == Layer::Kind::Vector) {
            const auto &store = static_cast<const VectorLayer &>(*l).store();
            if (store && store->crs() != crs)
                continue;
        }
        out.append(l);
    }
    return out;
}

QList<std::shared_ptr<VectorLayer>> ProjectController::visibleVectorLayers() const
{
    QList<std::shared_ptr<VectorLayer>> out;
    const auto layers = renderLayers();
    for (auto it = layers.rbegin(); it != layers.rend(); ++it)
        if ((*it)->kind() == Layer::Kind::Vector && (*it)->isLoaded())
            out.append(std::static_pointer_cast<VectorLayer>(*it));
    return out;
}

std::shared_ptr<Layer> ProjectController::layerById(const QString &id) const
{
    for (const auto &l : m_project->layers())
        if (l->id() == id)
            return l;
    return nullptr;
}

void ProjectController::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    Q_EMIT filePathChanged(path);
}

void ProjectController::install(std::unique_ptr<Project> project, const QString &filePath)
{
    m_undo->clear();
    m_selection->clearAll();
    m_loading.clear(); // results of loads still running for the old project are dropped when they arrive
    *m_cancelLoads = true;
    m_cancelLoads = std::make_shared<std::atomic_bool>(false);
    m_batchDone = m_batchTotal = 0;
    m_hadLoadedLayers = false;
    m_crsChosen = false;
    auto old = std::move(m_project);
    m_project = std::move(project);
    m_model->setProject(m_project.get());
    old.reset();
    setFilePath(filePath);
    Q_EMIT crsChanged(m_project->crs());
    Q_EMIT projectReplaced();
    for (const auto &l : m_project->layers())
        startLoad(l);
    Q_EMIT dirtyChanged(isDirty());
}

void ProjectController::newProject()
{
    install(std::make_unique<Project>(), QString());
    m_undo->setClean();
}

Status ProjectController::openProject(const QString &path, QStringList *warnings)
{
    auto project = Project::read(path, warnings);
    if (!project.ok())
        return project.error();
    install(std::move(*project), QFileInfo(path).absoluteFilePath());
    m_undo->setClean();
    return {};
}

void ProjectController::setProject(std::unique_ptr<Project> project, const QString &filePath, bool dirty)
{
    install(std::move(project), filePath);
    if (dirty) {
        // A restored project differs from its file: mark it modified with a step that changes nothing.
        m_undo->resetClean();
        Q_EMIT dirtyChanged(true);
    }
}

Status ProjectController::saveProject(const QString &path)
{
    Status st = m_project->write(path);
    if (!st.ok())
        return st;
    setFilePath(QFileInfo(path).absoluteFilePath());
    m_undo->setClean();
    Q_EMIT dirtyChanged(false);
    return {};
}

void ProjectController::addSources(const QStringList &sources, LayerTreeNode *parent, int row)
{
    if (sources.isEmpty())
        return;
    ++m_inspecting;
    Q_EMIT message(tr("Opening %n source(s)…", nullptr, int(sources.size())), 0);
    Project *target = m_project.get();
    auto *watcher = new QFutureWatcher<Inspected>(this);
    connect(watcher, &QFutureWatcher<Inspected>::finished, this, [this, watcher, target, parent, row] {
        watcher->deleteLater();
        --m_inspecting;
        Inspected found = watcher->result();
        for (const QString &e : std::as_const(found.errors))
            Q_EMIT failed(tr("Cannot add data"), e);
        if (target != m_project.get() || found.layers.isEmpty()) {
            Q_EMIT message(QString(), 0);
            return;
        }
        LayerTreeNode *group = parent && containsNode(&m_project->root(), parent) ? parent : &m_project->root();
        // The first data of a new project sets the map CRS, as in QGIS (and kartenwerk-cli render).
        if (m_project->layers().isEmpty() && m_filePath.isEmpty() && !m_crsChosen && found.firstCrs.isValid() &&
            found.firstCrs != m_project->crs()) {
            m_project->setCrs(found.firstCrs);
            Q_EMIT crsChanged(found.firstCrs);
        }
        int vectors = 0;
        for (const auto &l : m_project->layers())
            vectors += l->kind() == Layer::Kind::Vector;
        std::vector<std::unique_ptr<LayerTreeNode>> nodes;
        // Layers come bottom first; the tree lists the top first.
        for (auto it = found.layers.begin(); it != found.layers.end(); ++it) {
            if ((*it)->kind() == Layer::Kind::Vector)
                static_cast<VectorLayer &>(**it).setDefaultStyleIndex(vectors++);
        }
        for (auto it = found.layers.rbegin(); it != found.layers.rend(); ++it) {
            (*it)->setId(QString());
            nodes.push_back(LayerTreeNode::layer(*it));
        }
        // Ids must be unique in the project (layouts and selections refer to layers by id).
        QSet<QString> used;
        for (const auto &l : m_project->layers())
            used.insert(l->id());
        for (auto &n : nodes) {
            QString stem = n->layer()->name().toLower();
            stem.replace(QRegularExpression(QStringLiteral("[^a-z0-9äöüß]+")), QStringLiteral("_"));
            if (stem.isEmpty())
                stem = QStringLiteral("layer");
            QString id = stem;
            for (int i = 2; used.contains(id); ++i)
                id = stem + QStringLiteral("_%1").arg(i);
            used.insert(id);
            n->layer()->setId(id);
        }
        const QString text = nodes.size() == 1 ? tr("Add %1").arg(nodes.front()->name())
                                               : tr("Add %n layer(s)", nullptr, int(nodes.size()));
        m_undo->push(new AddNodesCommand(m_model, group, row, std::move(nodes), text));
        for (const auto &l : std::as_const(found.layers))
            startLoad(l);
    });
    watcher->setFuture(QtConcurrent::run(ThreadPools::background(), [sources] {
        ThreadPools::lowerWorkerPriority();
        Inspected out;
        for (const QString &s : expandFolders(sources)) {
            const SourceUri uri = SourceUri::parse(s);
            auto layers = LayerFactory::fromSource(uri);
            if (!layers.ok()) {
                out.errors << layers.error().message;
                continue;
            }
            out.layers << *layers;
            if (!out.firstCrs.isValid())
                if (auto info = DataProviders::inspect(uri); info.ok() && !info->layers.isEmpty())
                    out.firstCrs = info->layers.front().crs;
        }
        return out;
    }));
}

void ProjectController::startLoad(const std::shared_ptr<Layer> &layer)
{
    const bool already = m_loading.contains(layer.get());
    const int generation = ++m_generation;
    m_loading.insert(layer.get(), generation);
    m_model->setLayerBusy(layer.get(), true);
    if (!already) {
        if (m_batchDone >= m_batchTotal)
            m_batchDone = m_batchTotal = 0;
        ++m_batchTotal;
    }
    Q_EMIT loadProgress(m_batchDone, m_batchTotal);
    std::shared_ptr<Layer> copy(layer->cloneForLoading());
    const Crs crs = m_project->crs();
    Project *project = m_project.get();
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, layer, copy, generation, project] {
        watcher->deleteLater();
        if (project != m_project.get() || m_loading.value(layer.get(), -1) != generation)
            return; // a newer load of this layer, or another project, superseded this one
        m_loading.remove(layer.get());
        const size_t before = layer->kind() == Layer::Kind::Vector && static_cast<VectorLayer &>(*layer).store()
                                  ? static_cast<VectorLayer &>(*layer).store()->featureCount()
                                  : 0;
        layer->adoptLoaded(*copy);
        if (layer->kind() == Layer::Kind::Vector) {
            const auto &store = static_cast<VectorLayer &>(*layer).store();
            if (!store || store->featureCount() != before)
                m_selection->clear(layer->id());
        }
        m_model->setLayerBusy(layer.get(), false);
        m_model->refreshLayer(layer.get());
        ++m_batchDone;
        Q_EMIT loadProgress(m_batchDone, m_batchTotal);
        if (!layer->error().isEmpty())
            Q_EMIT message(tr("%1 cannot be shown: %2").arg(layer->name(), layer->error()), 10000);
        if (m_loading.isEmpty()) {
            if (layer->error().isEmpty())
                Q_EMIT message(QString(), 0);
            const bool first = !m_hadLoadedLayers;
            m_hadLoadedLayers = true;
            Q_EMIT loadsFinished(first);
        }
        Q_EMIT mapChanged();
    });
    watcher->setFuture(QtConcurrent::run(ThreadPools::background(), [copy, crs, cancel = m_cancelLoads] {
        ThreadPools::lowerWorkerPriority();
        copy->load(crs, [cancel](double) { return !cancel->load(); });
    }));
}

void ProjectController::reloadLayer(const std::shared_ptr<Layer> &layer)
{
    if (layer)
        startLoad(layer);
}

void ProjectController::setCrs(const Crs &crs)
{
    if (!crs.isValid() || crs == m_project->crs())
        return;
    m_crsChosen = true;
    m_undo->push(new SetCrsCommand(m_project->crs(), crs, [this](const Crs &c) { applyCrs(c); }));
}

void ProjectController::applyCrs(const Crs &crs)
{
    m_project->setCrs(crs);
    Q_EMIT crsChanged(crs);
    for (const auto &l : m_project->layers())
        startLoad(l);
    Q_EMIT mapChanged();
}

} // namespace kw
