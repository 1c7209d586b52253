// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/project/recent_files.h"

#include <QSettings>

namespace kw {

QStringList RecentFiles::list() const
{
    return QSettings().value(m_key).toStringList();
}

void RecentFiles::add(const QString &path)
{
    QStringList l = list();
    l.removeAll(path);
    l.prepend(path);
    while (l.size() > m_max)
        l.removeLast();
    QSettings().setValue(m_key, l);
}

void RecentFiles::remove(const QString &path)
{
    QStringList l = list();
    l.removeAll(path);
    QSettings().setValue(m_key, l);
}

void RecentFiles::clear()
{
    QSettings().remove(m_key);
}

} // namespace kw
