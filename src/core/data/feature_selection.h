// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace kw {

/// \brief The selected features of every layer: per layer id, a mask over the rows of its FeatureStore.
///
/// Masks are immutable once published (copy on write), so a render thread can draw a selection while the
/// user changes it. Rows are positions in the layer's FeatureStore, the index the attribute table and the
/// spatial index share.
class FeatureSelection : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Replace, Add, Remove, Toggle };
    using Mask = std::vector<uint8_t>;

    explicit FeatureSelection(QObject *parent = nullptr);

    /// Changes the selection of \a layerId (whose store has \a featureCount rows) by \a rows.
    void select(const QString &layerId, size_t featureCount, const std::vector<uint32_t> &rows, Mode mode = Mode::Replace);
    void clear(const QString &layerId);
    void clearAll();

    bool isSelected(const QString &layerId, size_t row) const;
    size_t count(const QString &layerId) const;
    /// Total over all layers.
    size_t totalCount() const;
    /// The selected rows, ascending.
    std::vector<uint32_t> rows(const QString &layerId) const;
    /// The mask (null when nothing is selected): safe to hand to a render thread.
    std::shared_ptr<const Mask> mask(const QString &layerId) const;
    /// Layers with a non-empty selection.
    QStringList layerIds() const;

Q_SIGNALS:
    void changed(const QString &layerId);

private:
    struct Entry
    {
        std::shared_ptr<const Mask> mask;
        size_t count = 0;
    };
    QHash<QString, Entry> m_entries;
};

} // namespace kw
