// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/feature_selection.h"

#include <QStringList>

namespace kw {

FeatureSelection::FeatureSelection(QObject *parent) : QObject(parent) {}

void FeatureSelection::select(const QString &layerId, size_t featureCount, const std::vector<uint32_t> &rows, Mode mode)
{
    auto it = m_entries.constFind(layerId);
    const bool had = it != m_entries.constEnd() && it->mask;
    if (mode != Mode::Replace && rows.empty())
        return;
    if (mode == Mode::Replace && rows.empty() && !had)
        return;
    auto mask = std::make_shared<Mask>(featureCount, 0);
    if (mode != Mode::Replace && had && it->mask->size() == featureCount)
        *mask = *it->mask;
    for (uint32_t r : rows) {
        if (r >= featureCount)
            continue;
        switch (mode) {
        case Mode::Replace:
        case Mode::Add: (*mask)[r] = 1; break;
        case Mode::Remove: (*mask)[r] = 0; break;
        case Mode::Toggle: (*mask)[r] ^= 1; break;
        }
    }
    size_t n = 0;
    for (uint8_t v : *mask)
        n += v;
    if (n == 0)
        m_entries.remove(layerId);
    else
        m_entries.insert(layerId, {std::move(mask), n});
    Q_EMIT changed(layerId);
}

void FeatureSelection::clear(const QString &layerId)
{
    if (m_entries.remove(layerId))
        Q_EMIT changed(layerId);
}

void FeatureSelection::clearAll()
{
    const QStringList ids = m_entries.keys();
    m_entries.clear();
    for (const QString &id : ids)
        Q_EMIT changed(id);
}

bool FeatureSelection::isSelected(const QString &layerId, size_t row) const
{
    auto it = m_entries.constFind(layerId);
    return it != m_entries.constEnd() && row < it->mask->size() && (*it->mask)[row];
}

size_t FeatureSelection::count(const QString &layerId) const
{
    auto it = m_entries.constFind(layerId);
    return it == m_entries.constEnd() ? 0 : it->count;
}

size_t FeatureSelection::totalCount() const
{
    size_t n = 0;
    for (const Entry &e : m_entries)
        n += e.count;
    return n;
}

std::vector<uint32_t> FeatureSelection::rows(const QString &layerId) const
{
    std::vector<uint32_t> out;
    auto it = m_entries.constFind(layerId);
    if (it == m_entries.constEnd())
        return out;
    out.reserve(it->count);
    const Mask &m = *it->mask;
    for (size_t i = 0; i < m.size(); ++i)
        if (m[i])
            out.push_back(uint32_t(i));
    return out;
}

std::shared_ptr<const FeatureSelection::Mask> FeatureSelection::mask(const QString &layerId) const
{
    auto it = m_entries.constFind(layerId);
    return it == m_entries.constEnd() ? nullptr : it->mask;
}

QStringList FeatureSelection::layerIds() const
{
    return m_entries.keys();
}

} // namespace kw
