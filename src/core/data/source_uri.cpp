// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/source_uri.h"

#include <QStringList>

namespace kw {

SourceUri SourceUri::parse(const QString &text)
{
    SourceUri uri;
    const QStringList parts = text.split(QLatin1Char('|'));
    uri.path = parts.value(0).trimmed();
    for (int i = 1; i < parts.size(); ++i) {
        const QString part = parts[i];
        const int eq = part.indexOf(QLatin1Char('='));
        if (eq < 0)
            continue;
        const QString key = part.left(eq).trimmed().toLower();
        const QString value = part.mid(eq + 1).trimmed();
        if (key == QLatin1String("layername") || key == QLatin1String("layer"))
            uri.layerName = value;
        else if (key == QLatin1String("crs"))
            uri.crs = value;
    }
    return uri;
}

QString SourceUri::toString() const
{
    QString s = path;
    if (!layerName.isEmpty())
        s += QStringLiteral("|layername=") + layerName;
    if (!crs.isEmpty())
        s += QStringLiteral("|crs=") + crs;
    return s;
}

bool SourceUri::isLocalPath() const
{
    if (path.startsWith(QLatin1String("/vsi")) || isXyz())
        return false;
    const int colon = path.indexOf(QLatin1Char(':'));
    // "C:\..." is a path; "PG:..." or "WFS:..." is a connection string.
    return colon < 0 || (colon == 1 && path.size() > 2 && (path[2] == QLatin1Char('\\') || path[2] == QLatin1Char('/')));
}

} // namespace kw
