// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/layer_tree_model.h"

#include "core/layers/raster_layer.h"
#include "core/layers/vector_layer.h"
#include "core/project/project.h"
#include "core/project/project_commands.h"
#include "core/style/marker.h"

#include <QDataStream>
#include <QFont>
#include <QIODevice>
#include <QLinearGradient>
#include <QLocale>
#include <QMimeData>
#include <QPainter>
#include <QPixmap>
#include <QUndoStack>
#include <QUrl>

namespace kw {

namespace {

const QString kNodeMime = QStringLiteral("application/x-kartenwerk-layer-tree-nodes");

QImage warningImage(int size)
{
    QImage img(size, size, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    QPolygonF tri{QPointF(size / 2.0, 1), QPointF(size - 1, size - 1.5), QPointF(1, size - 1.5)};
    p.setPen(QPen(QColor(150, 40, 20), 1));
    p.setBrush(QColor(240, 190, 40));
    p.drawPolygon(tri);
    p.setPen(QPen(QColor(60, 20, 10), std::max(1.5, size / 9.0)));
    p.drawLine(QPointF(size / 2.0, size * 0.35), QPointF(size / 2.0, size * 0.65));
    p.drawPoint(QPointF(size / 2.0, size * 0.8));
    return img;
}

QImage folderImage(int size)
{
    QImage img(size, size, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(150, 120, 50), 1));
    p.setBrush(QColor(235, 200, 110));
    p.drawRect(QRectF(1.5, size * 0.3, size - 3, size * 0.6));
    p.drawRect(QRectF(1.5, size * 0.18, size * 0.4, size * 0.14));
    return img;
}

QImage rasterImage(int size)
{
    QImage img(size, size, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    QPainter p(&img);
    const int cell = std::max(2, size / 4);
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 4; ++x)
            p.fillRect(1 + x * cell, 1 + y * cell, cell, cell, QColor::fromHsv((x + y) * 25 + 90, 120, 120 + 30 * ((x * y) % 4)));
    return img;
}

} // namespace

LayerTreeModel::LayerTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

LayerTreeModel::~LayerTreeModel() = default;

void LayerTreeModel::setProject(Project *project)
{
    beginResetModel();
    m_project = project;
    m_legends.clear();
    m_icons.clear();
    m_busy.clear();
    endResetModel();
    Q_EMIT mapChanged();
}

LayerTreeNode *LayerTreeModel::node(const QModelIndex &index) const
{
    if (!m_project)
        return nullptr;
    if (!index.isValid())
        return &m_project->root();
    auto *parentNode = static_cast<LayerTreeNode *>(index.internalPointer());
    if (parentNode->isGroup())
        return index.row() < parentNode->childCount() ? parentNode->child(index.row()) : nullptr;
    return nullptr; // a legend row
}

QModelIndex LayerTreeModel::indexOf(const LayerTreeNode *n) const
{
    if (!m_project || !n || n == &m_project->root() || !n->parent())
        return {};
    LayerTreeNode *p = n->parent();
    return createIndex(p->indexOf(n), 0, p);
}

QModelIndex LayerTreeModel::indexOfLayer(const Layer *layer) const
{
    return m_project ? indexOf(m_project->root().findLayer(layer)) : QModelIndex();
}

std::shared_ptr<Layer> LayerTreeModel::layer(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    if (LayerTreeNode *n = node(index))
        return n->layer();
    auto *owner = static_cast<LayerTreeNode *>(index.internalPointer());
    return owner->layer();
}

std::pair<LayerTreeNode *, int> LayerTreeModel::insertionPoint(const QModelIndex &index) const
{
    if (!m_project)
        return {nullptr, 0};
    LayerTreeNode *n = node(index);
    if (!n && index.isValid())
        n = static_cast<LayerTreeNode *>(index.internalPointer()); // legend row: its layer
    if (!n || n == &m_project->root())
        return {&m_project->root(), 0};
    if (n->isGroup())
        return {n, 0};
    return {n->parent(), n->parent()->indexOf(n)};
}

QModelIndex LayerTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    LayerTreeNode *p = node(parent);
    if (!p)
        return {};
    return createIndex(row, column, p);
}

QModelIndex LayerTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !m_project)
        return {};
    auto *p = static_cast<LayerTreeNode *>(child.internalPointer());
    if (p == &m_project->root())
        return {};
    return indexOf(p);
}

int LayerTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    LayerTreeNode *n = node(parent);
    if (!n)
        return 0;
    return n->isGroup() ? n->childCount() : legendRowCount(n);
}

int LayerTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

namespace {

QList<LegendEntry> rendererLegend(const LayerTreeNode *n)
{
    if (!n->layer() || n->layer()->kind() != Layer::Kind::Vector)
        return {};
    const auto &v = static_cast<const VectorLayer &>(*n->layer());
    GeometryFamily family = v.store() ? v.store()->family() : GeometryFamily::Polygon;
    if (family == GeometryFamily::None || family == GeometryFamily::Mixed)
        family = GeometryFamily::Polygon;
    return v.renderer().legend(family);
}

bool isSingleSymbol(const LayerTreeNode *n)
{
    return n->layer() && n->layer()->kind() == Layer::Kind::Vector &&
           static_cast<const VectorLayer &>(*n->layer()).renderer().type() == FeatureRenderer::Type::Single;
}

/// The legend rows under a layer: none for a single symbol, which is drawn as the layer's own icon (as in QGIS).
QList<LegendEntry> computeLegend(const LayerTreeNode *n)
{
    return isSingleSymbol(n) ? QList<LegendEntry>() : rendererLegend(n);
}

} // namespace

const QList<LegendEntry> &LayerTreeModel::legend(const LayerTreeNode *n) const
{
    auto it = m_legends.find(n);
    if (it == m_legends.end())
        it = m_legends.insert(n, computeLegend(n));
    return *it;
}

int LayerTreeModel::legendRowCount(const LayerTreeNode *n) const
{
    // The cached rows, not the live renderer: the count must stay what views were told until the model
    // announces a change (refreshLayer), even when the layer's style has already been replaced.
    return int(legend(n).size());
}

QIcon LayerTreeModel::legendIcon(const LayerTreeNode *n, int row) const
{
    auto it = m_icons.find(n);
    if (it == m_icons.end()) {
        QList<QIcon> icons;
        for (const LegendEntry &e : legend(n))
            icons.append(QIcon(QPixmap::fromImage(legendSwatch(e, 16))));
        it = m_icons.insert(n, icons);
    }
    return row >= 0 && row < it->size() ? it->at(row) : QIcon();
}

QIcon LayerTreeModel::layerIcon(const LayerTreeNode *n) const
{
    const Layer &l = *n->layer();
    if (!l.error().isEmpty())
        return QIcon(QPixmap::fromImage(warningImage(16)));
    if (l.kind() == Layer::Kind::Raster)
        return QIcon(QPixmap::fromImage(rasterImage(16)));
    if (isSingleSymbol(n)) {
        const QList<LegendEntry> entries = rendererLegend(n);
        if (!entries.isEmpty())
            return QIcon(QPixmap::fromImage(legendSwatch(entries.front(), 16)));
    }
    return {};
}

QVariant LayerTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_project)
        return {};
    const LayerTreeNode *n = node(index);
    if (!n) {
        auto *owner = static_cast<LayerTreeNode *>(index.internalPointer());
        const QList<LegendEntry> &entries = legend(owner);
        if (index.row() >= entries.size())
            return {};
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole: return entries[index.row()].label;
        case Qt::DecorationRole: return legendIcon(owner, index.row());
        case NodeTypeRole: return QStringLiteral("legend");
        case Qt::AccessibleTextRole: return tr("Legend entry %1").arg(entries[index.row()].label);
        default: return {};
        }
    }
    if (n->isGroup()) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole: return n->name();
        case Qt::CheckStateRole: return n->isVisible() ? Qt::Checked : Qt::Unchecked;
        case Qt::DecorationRole: return QIcon(QPixmap::fromImage(folderImage(16)));
        case NodeTypeRole: return QStringLiteral("group");
        case Qt::ToolTipRole: return tr("Group %1").arg(n->name());
        default: return {};
        }
    }
    const Layer &l = *n->layer();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return l.name();
    case Qt::CheckStateRole: return l.isVisible() ? Qt::Checked : Qt::Unchecked;
    case Qt::DecorationRole: return layerIcon(n);
    case Qt::ForegroundRole:
        if (!l.error().isEmpty())
            return QColor(190, 20, 20);
        return {};
    case Qt::FontRole:
        if (m_busy.contains(&l)) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole: {
        QStringList lines{QStringLiteral("<b>%1</b>").arg(l.name().toHtmlEscaped())};
        if (!l.error().isEmpty())
            lines << tr("This layer cannot be shown: %1").arg(l.error().toHtmlEscaped());
        lines << tr("Source: %1").arg(l.source().path.toHtmlEscaped());
        if (m_busy.contains(&l))
            lines << tr("Loading…");
        if (l.kind() == Layer::Kind::Vector) {
            const auto &v = static_cast<const VectorLayer &>(l);
            if (v.store())
                lines << tr("%1 features").arg(QLocale().toString(qulonglong(v.store()->featureCount())));
        }
        if (l.isLoaded() && l.sourceCrs().isValid())
            lines << tr("CRS: %1").arg(l.sourceCrs().description().toHtmlEscaped());
        if (l.opacity() < 1.0)
            lines << tr("Opacity: %1 %").arg(QLocale().toString(qRound(l.opacity() * 100)));
        return lines.join(QStringLiteral("<br>"));
    }
    case Qt::AccessibleDescriptionRole:
        return l.error().isEmpty() ? QString() : tr("Broken layer: %1").arg(l.error());
    case LayerIdRole: return l.id();
    case NodeTypeRole: return QStringLiteral("layer");
    case OpacityRole: return l.opacity();
    case ErrorRole: return l.error();
    default: return {};
    }
}

bool LayerTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    LayerTreeNode *n = node(index);
    if (!index.isValid() || !n)
        return false;
    if (role == Qt::CheckStateRole) {
        const bool visible = value.toInt() == Qt::Checked;
        if (visible == n->isVisible())
            return true;
        if (m_undo)
            m_undo->push(new SetVisibilityCommand(this, n, visible));
        else
            setNodeVisible(n, visible);
        return true;
    }
    if (role == Qt::EditRole) {
        const QString name = value.toString().trimmed();
        if (name.isEmpty())
            return false;
        if (name == n->name())
            return true;
        if (m_undo)
            m_undo->push(new RenameNodeCommand(this, n, name));
        else
            setNodeName(n, name);
        return true;
    }
    if (role == OpacityRole && n->layer()) {
        const double o = std::clamp(value.toDouble(), 0.0, 1.0);
        if (m_undo)
            m_undo->push(new SetOpacityCommand(this, n->layer().get(), o));
        else
            setLayerOpacity(n->layer().get(), o);
        return true;
    }
    return false;
}

Qt::ItemFlags LayerTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    const LayerTreeNode *n = node(index);
    if (!n)
        return Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsEditable |
                      Qt::ItemIsDragEnabled;
    if (n->isGroup())
        f |= Qt::ItemIsDropEnabled;
    return f;
}

Qt::DropActions LayerTreeModel::supportedDropActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

Qt::DropActions LayerTreeModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList LayerTreeModel::mimeTypes() const
{
    return {kNodeMime, QStringLiteral("text/uri-list")};
}

QMimeData *LayerTreeModel::mimeData(const QModelIndexList &indexes) const
{
    // The top-most selected nodes (a selected group carries its children along).
    QList<const LayerTreeNode *> nodes;
    for (const QModelIndex &i : indexes)
        if (const LayerTreeNode *n = node(i); n && i.isValid() && !nodes.contains(n))
            nodes.append(n);
    QList<const LayerTreeNode *> top;
    for (const LayerTreeNode *n : nodes) {
        bool covered = false;
        for (const LayerTreeNode *a = n->parent(); a && !covered; a = a->parent())
            covered = nodes.contains(a);
        if (!covered)
            top.append(n);
    }
    if (top.isEmpty())
        return nullptr;
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << quint64(quintptr(this)) << qint32(top.size());
    for (const LayerTreeNode *n : top) {
        QList<qint32> path;
        for (const LayerTreeNode *c = n; c->parent(); c = c->parent())
            path.prepend(c->parent()->indexOf(c));
        out << path;
    }
    auto *mime = new QMimeData;
    mime->setData(kNodeMime, bytes);
    return mime;
}

bool LayerTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                     const QModelIndex &parent) const
{
    if (!data || !m_project)
        return false;
    LayerTreeNode *target = node(parent);
    if (!target || !target->isGroup())
        return false;
    if (data->hasUrls())
        return true;
    return data->hasFormat(kNodeMime) && (action == Qt::MoveAction || action == Qt::CopyAction);
}

bool LayerTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                  const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    LayerTreeNode *target = node(parent);
    if (row < 0) // onto a group: on top of it, where new layers go; onto the empty space below: at the end
        row = parent.isValid() ? 0 : target->childCount();
    if (data->hasUrls() && !data->hasFormat(kNodeMime)) {
        QStringList paths;
        for (const QUrl &u : data->urls())
            if (u.isLocalFile())
                paths << u.toLocalFile();
        if (paths.isEmpty())
            return false;
        Q_EMIT filesDropped(paths, target, row);
        return true;
    }
    QDataStream in(data->data(kNodeMime));
    quint64 source = 0;
    qint32 count = 0;
    in >> source >> count;
    if (source != quint64(quintptr(this)))
        return false;
    std::vector<LayerTreeNode *> nodes;
    for (int i = 0; i < count; ++i) {
        QList<qint32> path;
        in >> path;
        LayerTreeNode *n = &m_project->root();
        for (qint32 r : path) {
            if (!n->isGroup() || r < 0 || r >= n->childCount())
                return false;
            n = n->child(r);
        }
        // A group cannot move into itself or below itself.
        for (const LayerTreeNode *a = target; a; a = a->parent())
            if (a == n)
                return false;
        nodes.push_back(n);
    }
    if (nodes.empty())
        return false;
    if (m_undo)
        m_undo->push(new MoveNodesCommand(this, nodes, target, row));
    else
        MoveNodesCommand(this, nodes, target, row).redo();
    // The move is done here; returning false keeps the view from removing the dragged rows itself.
    return false;
}

// ---- raw edits ------------------------------------------------------------------------------------

LayerTreeNode *LayerTreeModel::insertNode(LayerTreeNode *parent, int row, std::unique_ptr<LayerTreeNode> n)
{
    row = std::clamp(row, 0, parent->childCount());
    beginInsertRows(indexOf(parent), row, row);
    LayerTreeNode *raw = parent->insertChild(row, std::move(n));
    endInsertRows();
    Q_EMIT mapChanged();
    return raw;
}

void LayerTreeModel::forgetLegends(const LayerTreeNode *n)
{
    m_legends.remove(n);
    m_icons.remove(n);
    if (n->layer())
        m_busy.remove(n->layer().get());
    for (int i = 0; i < n->childCount(); ++i)
        forgetLegends(n->child(i));
}

std::unique_ptr<LayerTreeNode> LayerTreeModel::takeNode(LayerTreeNode *n)
{
    LayerTreeNode *p = n->parent();
    const int row = p->indexOf(n);
    beginRemoveRows(indexOf(p), row, row);
    auto taken = p->takeChild(row);
    forgetLegends(taken.get());
    endRemoveRows();
    Q_EMIT mapChanged();
    return taken;
}

void LayerTreeModel::moveNode(LayerTreeNode *n, LayerTreeNode *newParent, int row)
{
    LayerTreeNode *oldParent = n->parent();
    const int oldRow = oldParent->indexOf(n);
    row = std::clamp(row, 0, newParent->childCount());
    if (oldParent == newParent && (row == oldRow || row == oldRow + 1))
        return;
    if (!beginMoveRows(indexOf(oldParent), oldRow, oldRow, indexOf(newParent), row))
        return;
    auto taken = oldParent->takeChild(oldRow);
    if (oldParent == newParent && row > oldRow)
        --row;
    newParent->insertChild(row, std::move(taken));
    endMoveRows();
    Q_EMIT mapChanged();
}

void LayerTreeModel::setNodeVisible(LayerTreeNode *n, bool visible)
{
    n->setVisible(visible);
    const QModelIndex i = indexOf(n);
    Q_EMIT dataChanged(i, i, {Qt::CheckStateRole});
    Q_EMIT mapChanged();
}

void LayerTreeModel::setNodeName(LayerTreeNode *n, const QString &name)
{
    n->setName(name);
    const QModelIndex i = indexOf(n);
    Q_EMIT dataChanged(i, i, {Qt::DisplayRole, Qt::EditRole, Qt::ToolTipRole});
}

void LayerTreeModel::setLayerOpacity(Layer *layer, double opacity)
{
    layer->setOpacity(opacity);
    const QModelIndex i = indexOfLayer(layer);
    Q_EMIT dataChanged(i, i, {OpacityRole, Qt::ToolTipRole});
    Q_EMIT mapChanged();
}

void LayerTreeModel::refreshLayer(const Layer *layer)
{
    LayerTreeNode *n = m_project ? m_project->root().findLayer(layer) : nullptr;
    if (!n)
        return;
    const QModelIndex i = indexOf(n);
    const int old = legendRowCount(n);
    if (old > 0)
        beginRemoveRows(i, 0, old - 1);
    // Explicitly empty (not absent) until the new rows are announced, so rowCount() stays truthful.
    m_legends.insert(n, {});
    m_icons.remove(n);
    if (old > 0)
        endRemoveRows();
    QList<LegendEntry> fresh = computeLegend(n);
    const int rows = int(fresh.size());
    if (rows > 0)
        beginInsertRows(i, 0, rows - 1);
    m_legends.insert(n, fresh);
    if (rows > 0)
        endInsertRows();
    Q_EMIT dataChanged(i, i);
    Q_EMIT mapChanged();
}

void LayerTreeModel::setLayerBusy(const Layer *layer, bool busy)
{
    if (busy == m_busy.contains(layer))
        return;
    if (busy)
        m_busy.insert(layer);
    else
        m_busy.remove(layer);
    const QModelIndex i = indexOfLayer(layer);
    if (i.isValid())
        Q_EMIT dataChanged(i, i, {Qt::FontRole, Qt::ToolTipRole});
}

QImage LayerTreeModel::legendSwatch(const LegendEntry &e, int size)
{
    QImage img(size, size, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::transparent);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    const Symbol &s = e.symbol;
    const QRectF r(1.5, 1.5, size - 3, size - 3);
    switch (e.kind) {
    case LegendEntry::Kind::Header: break;
    case LegendEntry::Kind::Ramp: {
        QLinearGradient g(r.topLeft(), r.topRight());
        for (int i = 0; i < e.rampColors.size(); ++i)
            g.setColorAt(e.rampColors.size() == 1 ? 0 : double(i) / (e.rampColors.size() - 1), e.rampColors[i]);
        p.fillRect(r, g);
        break;
    }
    case LegendEntry::Kind::Symbol: {
        p.setOpacity(s.opacity);
        const double stroke = std::clamp(toPixels(s.strokeWidth, s.strokeUnit, 96, 1), 0.0, 3.0);
        switch (e.family) {
        case GeometryFamily::Point: {
            const double sizePx = std::clamp(toPixels(s.markerSize, s.markerUnit, 96, 1), 3.0, size - 2.0);
            drawMarker(p, s, QPointF(size / 2.0, size / 2.0), sizePx, std::min(stroke, 1.5));
            break;
        }
        case GeometryFamily::Line: {
            QPen pen(s.strokeColor, std::max(1.0, stroke * 1.5), s.strokeStyle, Qt::RoundCap);
            p.setPen(pen);
            p.drawLine(QPointF(1.5, size * 0.65), QPointF(size - 1.5, size * 0.35));
            break;
        }
        default: {
            p.setBrush(s.fillColor);
            if (s.strokeStyle == Qt::NoPen || s.strokeWidth <= 0)
                p.setPen(Qt::NoPen);
            else
                p.setPen(QPen(s.strokeColor, std::max(1.0, stroke)));
            p.drawRect(r);
        }
        }
    }
    }
    return img;
}

} // namespace kw
