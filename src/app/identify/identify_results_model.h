// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QPointF>

#include <memory>
#include <vector>

namespace kw {

class FeatureStore;

/// \brief What an identify click found: per layer, the features under the cursor and their attributes.
///
/// Three levels: layer → feature → field/value rows; two columns (field, value). The stores are held by
/// shared pointer, so the results stay readable when the layer is reloaded or removed.
class IdentifyResultsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    struct LayerResult
    {
        QString layerId;
        QString layerName;
        std::shared_ptr<const FeatureStore> store; ///< vector layers
        std::vector<uint32_t> rows;
        QList<std::pair<QString, QString>> pixel; ///< raster layers: band name and value as shown
    };

    explicit IdentifyResultsModel(QObject *parent = nullptr);

    void setResults(std::vector<LayerResult> results);
    void clear() { setResults({}); }
    const std::vector<LayerResult> &results() const { return m_results; }
    /// The layer and feature row of an index at the feature level or below (-1 otherwise).
    std::pair<QString, qint64> feature(const QModelIndex &index) const;

    /// Features within \a tolerance (map units) of \a point in each of \a layers (top first), with exact hit
    /// tests; layers without hits are left out.
    static std::vector<LayerResult> identify(const QList<std::shared_ptr<class VectorLayer>> &layers,
                                             const QPointF &point, double tolerance);
    /// As above for vector and raster layers (top first); rasters report the band values of the pixel.
    static std::vector<LayerResult> identify(const QList<std::shared_ptr<class Layer>> &layers, const QPointF &point,
                                             double tolerance, const class Crs &mapCrs);

    /// A short name for a feature: its "name"-like attribute, else "Feature <fid>".
    static QString featureTitle(const FeatureStore &store, size_t row);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // internalId encodes the level: 0 for layers; (layer + 1) for features; ((layer + 1) << 32 | (feature + 1))
    // for fields, so every index knows its parent without extra objects.
    std::vector<LayerResult> m_results;
};

} // namespace kw
