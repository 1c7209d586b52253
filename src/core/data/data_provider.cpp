// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/data_provider.h"

#include "core/data/csv/csv_provider.h"
#include "core/crs/coordinate_transform.h"
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

Status completeLoad(FeatureStore &store, const CoordinateTransform &transform, const LoadOptions &options)
{
    if (!transform.isIdentity()) {
        std::vector<double> &xy = store.mutableVertices();
        constexpr size_t chunk = 1 << 16;
        const size_t n = xy.size() / 2;
        for (size_t i = 0; i < n; i += chunk) {
            transform.transformInPlace(xy.data() + 2 * i, std::min(chunk, n - i));
            if (options.progress && !options.progress(0.9 + 0.09 * double(i) / double(n)))
                return Error::cancelled();
        }
    }
    store.finish(options.buildIndex);
    if (options.progress)
        options.progress(1.0);
    return {};
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

Result<std::optional<Envelope>> DataProviders::layerExtent(const SourceUri &uri, const QString &layerName,
                                                           const Crs &targetCrs)
{
    return forUri(uri).layerExtent(uri, layerName, targetCrs);
}

} // namespace kw
