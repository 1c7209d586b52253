// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/temporal/time_series.h"

#include <QMap>
#include <QMutex>

namespace kw {

namespace {

struct Registry
{
    QMutex mutex;
    QMap<QString, std::shared_ptr<const TimeSeriesSource>> sources;
};

Registry &registry()
{
    static Registry r;
    return r;
}

} // namespace

void TimeSeriesSources::add(std::shared_ptr<const TimeSeriesSource> source)
{
    if (!source) return;
    QMutexLocker lock(&registry().mutex);
    registry().sources.insert(source->id(), std::move(source));
}

void TimeSeriesSources::remove(const QString &id)
{
    QMutexLocker lock(&registry().mutex);
    registry().sources.remove(id);
}

std::shared_ptr<const TimeSeriesSource> TimeSeriesSources::find(const QString &id)
{
    QMutexLocker lock(&registry().mutex);
    return registry().sources.value(id);
}

QStringList TimeSeriesSources::ids()
{
    QMutexLocker lock(&registry().mutex);
    return registry().sources.keys();
}

} // namespace kw
