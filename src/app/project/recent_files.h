// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace kw {

/// \brief A most-recently-used list kept in QSettings (recent projects, recent data sources).
class RecentFiles
{
public:
    /// \a key is the QSettings key, e.g. "recent/projects".
    explicit RecentFiles(QString key, int maximum = 10) : m_key(std::move(key)), m_max(maximum) {}
    QStringList list() const;
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

private:
    QString m_key;
    int m_max;
};

} // namespace kw
