// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QMutex>

namespace kw {

class MapSettings;

/// \brief The layer images of the last renders, reused while a layer and the view stay the same.
///
/// Switching a layer on or off, changing its opacity or the style of another layer redraws only what
/// changed: a million buildings need not be drawn again because a district boundary was switched on.
/// Entries are keyed by the view (extent, size, resolution, CRS, variables) and Layer::renderKey(); a
/// layer with an empty key is never cached. Only layers that took a while to draw are kept, and entries of
/// another view are dropped when a render of a new view starts, so the cache holds one view's images.
/// Thread-safe: render workers store, the job's thread looks up.
class RenderCache
{
public:
    /// Layers drawn faster than this (default 20 ms) are not worth an image in memory.
    void setMinimumRenderMs(qint64 ms) { m_minimumRenderMs = ms; }
    qint64 minimumRenderMs() const { return m_minimumRenderMs; }

    static QByteArray viewKey(const MapSettings &settings);

    /// Forgets entries of views other than \a viewKey.
    void beginView(const QByteArray &viewKey);
    QImage find(const QString &layerId, const QByteArray &key) const;
    void store(const QString &layerId, const QByteArray &key, const QImage &image);
    void clear();
    int size() const;

private:
    struct Entry
    {
        QByteArray key;
        QImage image;
    };
    qint64 m_minimumRenderMs = 20;
    mutable QMutex m_mutex;
    QByteArray m_view;
    QHash<QString, Entry> m_entries;
};

} // namespace kw
