// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/render_cache.h"

#include "core/render/map_settings.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kw {

QByteArray RenderCache::viewKey(const MapSettings &s)
{
    const Envelope e = s.visibleExtent();
    QByteArray key;
    for (double v : {e.xmin, e.ymin, e.xmax, e.ymax, s.dpi(), s.scale()})
        key += QByteArray::number(v, 'g', 17) + ',';
    key += QByteArray::number(s.outputSize().width()) + 'x' + QByteArray::number(s.outputSize().height()) + '|';
    key += s.crs().wkt().toUtf8() + '|';
    key += QJsonDocument(QJsonObject::fromVariantMap(s.variables())).toJson(QJsonDocument::Compact);
    return key;
}

void RenderCache::beginView(const QByteArray &viewKey)
{
    QMutexLocker lock(&m_mutex);
    if (viewKey != m_view) {
        m_entries.clear();
        m_view = viewKey;
    }
}

QImage RenderCache::find(const QString &layerId, const QByteArray &key) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(layerId);
    return it != m_entries.constEnd() && it->key == key ? it->image : QImage();
}

void RenderCache::store(const QString &layerId, const QByteArray &key, const QImage &image)
{
    QMutexLocker lock(&m_mutex);
    m_entries.insert(layerId, {key, image});
}

void RenderCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

int RenderCache::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_entries.size());
}

} // namespace kw
