// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/source_date.h"

namespace kw {

std::optional<QDateTime> sourceDateEpoch()
{
    const QByteArray value = qgetenv("SOURCE_DATE_EPOCH").trimmed();
    if (value.isEmpty()) return std::nullopt;
    bool ok = false;
    const qlonglong seconds = value.toLongLong(&ok);
    if (!ok || seconds < 0) return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}

QDateTime exportTimestamp()
{
    if (const auto pinned = sourceDateEpoch()) return *pinned;
    return QDateTime::currentDateTimeUtc();
}

} // namespace kw
