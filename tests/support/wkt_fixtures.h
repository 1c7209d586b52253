// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/feature_store.h"

#include <QStringList>
#include <QVariant>
#include <cmath>
#include <memory>

namespace kw::test {

/// A store of WKT geometries in \a crs with one Double field "v" (NaN: null) and a String field "name".
inline std::shared_ptr<FeatureStore> storeFromWkt(const QStringList &wkts, const Crs &crs,
                                                  const std::vector<double> &v = {},
                                                  const QStringList &names = {})
{
    auto store =
        std::make_shared<FeatureStore>(Fields{Field{QStringLiteral("v"), FieldType::Double, QString()},
                                              Field{QStringLiteral("name"), FieldType::String, QString()}},
                                       crs);
    for (int i = 0; i < wkts.size(); ++i) {
        const auto g = Geometry::fromWkt(wkts[i]);
        if (!g.ok()) qFatal("bad WKT %s", qPrintable(wkts[i]));
        store->beginFeature(i + 1);
        const auto &ringEnds = g->ringEnds();
        uint32_t ring = 0;
        for (uint32_t partEnd : g->partRingEnds()) {
            store->beginPart();
            for (; ring < partEnd; ++ring) {
                store->beginRing();
                for (uint32_t k = ring == 0 ? 0 : ringEnds[ring - 1]; k < ringEnds[ring]; ++k)
                    store->addVertex(g->xy()[2 * k], g->xy()[2 * k + 1]);
            }
        }
        if (size_t(i) < v.size() && !std::isnan(v[size_t(i)])) store->attributes().setDouble(0, v[size_t(i)]);
        if (i < names.size()) store->attributes().setString(1, names[i]);
        store->endFeature(g->type());
    }
    store->finish();
    return store;
}

} // namespace kw::test
