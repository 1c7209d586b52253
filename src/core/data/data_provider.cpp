// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/data_provider.h"

#include "core/data/csv/csv_provider.h"
#include "core/data/gdal/gdal_provider.h"

#include <QMutex>

namespace kw {

namespace {

struct Registry
{
    // Built-in providers that must come before GDAL for what they handle; plugins are added after them.
    Registry() { providers.append(std::make_shared<CsvProvider>()); }

    QMutex mutex;
    QList<std::shared_ptr<DataProvider>> providers;
    GdalProvider gdal;
};

Registry &registry()
{
    static Registry r;
    return r;
}

} // namespace

void DataProviders::add(std::shared_ptr<DataProvider> provider)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    r.providers.append(std::move(provider));
}

const DataProvider &DataProviders::forUri(const SourceUri &uri)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    for (const auto &p : std::as_const(r.providers))
        if (p->handles(uri))
            return *p;
    return r.gdal;
}

Result<SourceInfo> DataProviders::inspect(const SourceUri &uri)
{
    return forUri(uri).inspect(uri);
}

Result<std::shared_ptr<FeatureStore>> DataProviders::loadVector(const SourceUri &uri, const QString &layerName,
                                                                const LoadOptions &options)
{
    return forUri(uri).loadVector(uri, layerName, options);
}

} // namespace kw
