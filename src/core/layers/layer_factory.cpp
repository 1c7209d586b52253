// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layers/layer_factory.h"

#include "core/data/data_provider.h"
#include "core/layers/raster_layer.h"
#include "core/layers/sensor_layer.h"
#include "core/sensors/sensor_cache.h"
#include "core/layers/vector_layer.h"

#include <QFileInfo>

namespace kw {

Result<QList<std::shared_ptr<Layer>>> LayerFactory::fromSource(const SourceUri &uri, const QStringList &names)
{
    // A sensor cache is read once and shown as one sensor layer per observed property.
    if (names.isEmpty() && uri.layerName.isEmpty() && SensorCache::isCache(uri.path)) {
        auto data = SensorCache::read(uri.path);
        if (!data.ok())
            return data.error();
        const auto shared = std::make_shared<const SensorData>(std::move(*data));
        QList<std::shared_ptr<Layer>> layers;
        for (const QString &property : shared->properties()) {
            const QString unit = shared->unitOf(property);
            const QString name = unit.isEmpty() ? property : QStringLiteral("%1 [%2]").arg(property, unit);
            auto layer = std::make_shared<SensorLayer>(uri, property, name);
            layer->setData(shared);
            layers << layer;
        }
        return layers;
    }
    auto info = DataProviders::inspect(uri);
    if (!info.ok())
        return info.error();
    for (const QString &name : names)
        if (!info->layer(name))
            return Error::input(QStringLiteral("%1: no layer named '%2' (it has: %3)")
                                    .arg(uri.path, name, [&] {
                                        QStringList all;
                                        for (const LayerInfo &l : info->layers)
                                            all << l.name;
                                        return all.join(QStringLiteral(", "));
                                    }()));
    QList<std::shared_ptr<Layer>> rasters, vectors;
    // Polygons at the bottom, then lines, then points on top: what a map reader expects.
    QList<LayerInfo> ordered = info->layers;
    const auto rank = [](const LayerInfo &l) {
        switch (familyOf(l.geometryType)) {
        case GeometryFamily::Polygon: return 0;
        case GeometryFamily::Line: return 2;
        case GeometryFamily::Point: return 3;
        default: return 1;
        }
    };
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&](const LayerInfo &a, const LayerInfo &b) { return rank(a) < rank(b); });
    for (const LayerInfo &l : ordered) {
        if (!names.isEmpty() && !names.contains(l.name))
            continue;
        SourceUri layerUri = uri;
        layerUri.layerName = l.name;
        if (l.isRaster) {
            rasters << std::make_shared<RasterLayer>(layerUri, l.name);
        } else {
            if (l.geometryType == GeometryType::Unknown && l.featureCount >= 0 && l.extent.isNull())
                continue; // plain attribute tables have nothing to draw
            vectors << std::make_shared<VectorLayer>(uri, l.name, l.name);
        }
    }
    return rasters + vectors;
}

} // namespace kw
