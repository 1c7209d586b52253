// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layout/chart_series.h"

#include <QMap>
#include <QMutex>

namespace kw {

namespace {

struct Registry
{
    QMutex mutex;
    QMap<QString, std::shared_ptr<const ChartSeriesSource>> sources;
};

Registry &registry()
{
    static Registry r;
    return r;
}

} // namespace

void ChartSeriesSources::add(std::shared_ptr<const ChartSeriesSource> source)
{
    if (!source) return;
    QMutexLocker lock(&registry().mutex);
    registry().sources.insert(source->id(), std::move(source));
}

void ChartSeriesSources::remove(const QString &id)
{
    QMutexLocker lock(&registry().mutex);
    registry().sources.remove(id);
}

std::shared_ptr<const ChartSeriesSource> ChartSeriesSources::find(const QString &id)
{
    QMutexLocker lock(&registry().mutex);
    return registry().sources.value(id);
}

QStringList ChartSeriesSources::ids()
{
    QMutexLocker lock(&registry().mutex);
    return registry().sources.keys();
}

} // namespace kw
