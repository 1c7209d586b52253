// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sensors/sensor_source.h"

#include "core/sensors/table_sensor_source.h"

#include <QMutex>

namespace kw {

namespace {

struct Registry
{
    QMutex mutex;
    QList<std::shared_ptr<SensorSourceProvider>> providers; // plugins
    std::shared_ptr<SensorSourceProvider> table = std::make_shared<TableSensorSource>();
};

Registry &registry()
{
    static Registry r;
    return r;
}

bool isUrl(const QString &s)
{
    return s.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
           s.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

} // namespace

void SensorSources::add(std::shared_ptr<SensorSourceProvider> provider)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    r.providers.append(std::move(provider));
}

std::shared_ptr<const SensorSourceProvider> SensorSources::forSource(const QString &source)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    for (const auto &p : std::as_const(r.providers))
        if (p->handles(source)) return p;
    if (r.table->handles(source)) return r.table;
    return nullptr;
}

QStringList SensorSources::providerIds()
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    QStringList ids;
    for (const auto &p : std::as_const(r.providers))
        ids << p->id();
    ids << r.table->id();
    return ids;
}

Result<SensorData> SensorSources::load(const QString &source, const SensorQuery &query)
{
    const auto provider = forSource(source);
    if (!provider) {
        if (isUrl(source))
            return Error::input(QStringLiteral("%1: no sensor source plugin reads web services (is the "
                                               "SensorThings plugin libkw_plugin_sensorthings installed? "
                                               "providers: %2)")
                                    .arg(source, providerIds().join(QStringLiteral(", "))));
        return Error::input(QStringLiteral("%1: not a sensor source").arg(source));
    }
    auto data = provider->load(source, query);
    if (!data.ok()) return data;
    data->restrict(query.properties, query.from, query.to);
    if (!query.properties.isEmpty()) {
        const QStringList found = data->properties();
        for (const QString &p : query.properties)
            if (std::none_of(found.begin(), found.end(),
                             [&](const QString &f) { return f.compare(p, Qt::CaseInsensitive) == 0; }))
                data->warnings() << QStringLiteral("%1: no series of property '%2'").arg(source, p);
    }
    if (query.targetCrs.isValid())
        if (Status st = data->transform(query.targetCrs); !st.ok())
            return Error::input(QStringLiteral("%1: %2").arg(source, st.error().message));
    return data;
}

} // namespace kw
