// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/identify/identify_results_model.h"

#include "core/data/feature_query.h"
#include "core/data/feature_store.h"
#include "core/layers/raster_layer.h"
#include "core/layers/vector_layer.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>

#include <cmath>

namespace kw {

namespace {

quintptr featureId(int layer)
{
    return quintptr(layer + 1);
}
quintptr fieldId(int layer, int feature)
{
    return (quintptr(layer + 1) << 32) | quintptr(feature + 1);
}
int levelOf(quintptr id)
{
    if (id == 0)
        return 0;
    return (id >> 32) == 0 ? 1 : 2;
}

QString displayValue(const AttributeTable &t, size_t row, int col)
{
    if (t.isNull(row, col))
        return QStringLiteral("NULL");
    const QLocale locale;
    switch (t.type(col)) {
    case FieldType::Int: return locale.toString(t.value(row, col).toLongLong());
    case FieldType::Double: return locale.toString(t.number(row, col), 'f', QLocale::FloatingPointShortest);
    case FieldType::Date: return locale.toString(t.value(row, col).toDate(), QLocale::ShortFormat);
    case FieldType::DateTime: return locale.toString(t.value(row, col).toDateTime().toLocalTime(), QLocale::ShortFormat);
    default: return t.text(row, col);
    }
}

} // namespace

IdentifyResultsModel::IdentifyResultsModel(QObject *parent) : QAbstractItemModel(parent) {}

void IdentifyResultsModel::setResults(std::vector<LayerResult> results)
{
    beginResetModel();
    m_results = std::move(results);
    endResetModel();
}

std::vector<IdentifyResultsModel::LayerResult>
IdentifyResultsModel::identify(const QList<std::shared_ptr<VectorLayer>> &layers, const QPointF &point, double tolerance)
{
    std::vector<LayerResult> out;
    for (const auto &layer : layers) {
        const auto store = layer->store();
        if (!store)
            continue;
        std::vector<uint32_t> rows = FeatureQuery::at(*store, point, tolerance);
        if (const auto mask = layer->filterMask())
            std::erase_if(rows, [&](uint32_t r) { return r >= mask->size() || !(*mask)[r]; });
        if (!rows.empty())
            out.push_back({layer->id(), layer->name(), store, std::move(rows), {}});
    }
    return out;
}

std::vector<IdentifyResultsModel::LayerResult>
IdentifyResultsModel::identify(const QList<std::shared_ptr<Layer>> &layers, const QPointF &point, double tolerance,
                               const Crs &mapCrs)
{
    std::vector<LayerResult> out;
    const QLocale locale;
    for (const auto &layer : layers) {
        if (!layer || !layer->isLoaded())
            continue;
        if (layer->kind() == Layer::Kind::Vector) {
            auto found = identify({std::static_pointer_cast<VectorLayer>(layer)}, point, tolerance);
            for (auto &r : found)
                out.push_back(std::move(r));
            continue;
        }
        auto values = static_cast<const RasterLayer &>(*layer).sample(point, mapCrs);
        if (!values.ok())
            continue; // outside the raster
        LayerResult r{layer->id(), layer->name(), nullptr, {}, {}};
        for (const auto &[band, v] : *values)
            r.pixel.append({band, std::isnan(v) ? tr("no data") : locale.toString(v, 'f', QLocale::FloatingPointShortest)});
        out.push_back(std::move(r));
    }
    return out;
}

QString IdentifyResultsModel::featureTitle(const FeatureStore &store, size_t row)
{
    const Fields &fields = store.fields();
    static const QStringList preferred{QStringLiteral("name"), QStringLiteral("bezeichnung"), QStringLiteral("title")};
    for (const QString &p : preferred)
        for (int c = 0; c < fields.size(); ++c)
            if (fields[c].name.compare(p, Qt::CaseInsensitive) == 0 && !store.attributes().isNull(row, c))
                return store.attributes().text(row, c);
    return tr("Feature %1").arg(store.fid(row));
}

std::pair<QString, qint64> IdentifyResultsModel::feature(const QModelIndex &index) const
{
    if (!index.isValid())
        return {QString(), -1};
    const quintptr id = index.internalId();
    const int level = levelOf(id);
    if (level == 0)
        return {m_results[size_t(index.row())].layerId, -1};
    if (level == 1) {
        const LayerResult &l = m_results[size_t(id - 1)];
        return {l.layerId, l.store ? qint64(l.rows[size_t(index.row())]) : -1};
    }
    const LayerResult &l = m_results[size_t((id >> 32) - 1)];
    return {l.layerId, l.store ? qint64(l.rows[size_t((id & 0xffffffffu) - 1)]) : -1};
}

QModelIndex IdentifyResultsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    const quintptr pid = parent.internalId();
    if (levelOf(pid) == 0)
        return createIndex(row, column, featureId(parent.row()));
    if (levelOf(pid) == 1)
        return createIndex(row, column, fieldId(int(pid - 1), parent.row()));
    return {};
}

QModelIndex IdentifyResultsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const quintptr id = child.internalId();
    switch (levelOf(id)) {
    case 1: return createIndex(int(id - 1), 0, quintptr(0));
    case 2: {
        const int layer = int((id >> 32) - 1);
        return createIndex(int((id & 0xffffffffu) - 1), 0, featureId(layer));
    }
    default: return {};
    }
}

int IdentifyResultsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_results.size());
    if (parent.column() > 0)
        return 0;
    const quintptr id = parent.internalId();
    switch (levelOf(id)) {
    case 0: {
        const LayerResult &l = m_results[size_t(parent.row())];
        return l.store ? int(l.rows.size()) : (l.pixel.isEmpty() ? 0 : 1);
    }
    case 1: {
        const LayerResult &l = m_results[size_t(id - 1)];
        return l.store ? int(l.store->fields().size()) : int(l.pixel.size());
    }
    default: return 0;
    }
}

int IdentifyResultsModel::columnCount(const QModelIndex &) const
{
    return 2;
}

QVariant IdentifyResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const quintptr id = index.internalId();
    const int level = levelOf(id);
    if (level == 0) {
        const LayerResult &l = m_results[size_t(index.row())];
        if (role == Qt::DisplayRole)
            return index.column() == 0 ? l.layerName
                                       : l.store ? tr("%n feature(s)", nullptr, int(l.rows.size())) : tr("raster");
        if (role == Qt::FontRole && index.column() == 0) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    }
    if (level == 1) {
        const LayerResult &l = m_results[size_t(id - 1)];
        if (!l.store)
            return role == Qt::DisplayRole && index.column() == 0 ? QVariant(tr("Pixel")) : QVariant();
        const size_t row = l.rows[size_t(index.row())];
        if (role == Qt::DisplayRole)
            return index.column() == 0 ? featureTitle(*l.store, row)
                                       : tr("ID %1").arg(QLocale().toString(qlonglong(l.store->fid(row))));
        return {};
    }
    const LayerResult &l = m_results[size_t((id >> 32) - 1)];
    if (!l.store) {
        const auto &[band, value] = l.pixel[index.row()];
        return role == Qt::DisplayRole || role == Qt::ToolTipRole ? QVariant(index.column() == 0 ? band : value) : QVariant();
    }
    const size_t row = l.rows[size_t((id & 0xffffffffu) - 1)];
    const int col = index.row();
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return index.column() == 0 ? l.store->fields()[col].name : displayValue(l.store->attributes(), row, col);
    if (role == Qt::ForegroundRole && index.column() == 1 && l.store->attributes().isNull(row, col))
        return QColor(Qt::gray);
    return {};
}

QVariant IdentifyResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return section == 0 ? tr("Feature") : tr("Value");
    return {};
}

} // namespace kw
