// SPDX-License-Identifier: GPL-3.0-or-later
// Loading speed: Kartenwerk's feature store against a bare OGR read of the same layer, in one run.
//
//   bench_load FILE.gpkg LAYER [REPS]
//
// "bare OGR" reads every feature with OGR_L_GetNextFeature and touches its geometry (WKB export) and every
// attribute, the least any loader must do; "kartenwerk" is DataProviders::loadVector (Arrow stream where
// the driver has it, parsing into the store, spatial index). Prints the medians and the speed ratio.

#include "core/data/data_provider.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <gdal.h>
#include <ogr_api.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

double bareOgr(const char *path, const char *layerName, size_t *count)
{
    QElapsedTimer t;
    t.start();
    GDALDatasetH ds = GDALOpenEx(path, GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    OGRLayerH layer = GDALDatasetGetLayerByName(ds, layerName);
    std::vector<unsigned char> wkb;
    size_t n = 0, bytes = 0;
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) {
            wkb.resize(size_t(OGR_G_WkbSize(g)));
            OGR_G_ExportToIsoWkb(g, wkbNDR, wkb.data());
            bytes += wkb.size();
        }
        for (int i = 0; i < OGR_F_GetFieldCount(f); ++i)
            bytes += OGR_F_IsFieldSetAndNotNull(f, i) ? 1 : 0;
        OGR_F_Destroy(f);
        ++n;
    }
    GDALClose(ds);
    *count = n + (bytes == 0 ? 1 : 0);
    return t.elapsed() / 1000.0;
}

double kartenwerk(const QString &path, const QString &layer, bool arrow, size_t *count)
{
    QElapsedTimer t;
    t.start();
    kw::LoadOptions options;
    options.useArrow = arrow;
    auto store = kw::DataProviders::loadVector(kw::SourceUri::parse(path), layer, options);
    if (!store.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        std::exit(2);
    }
    *count = (*store)->featureCount();
    return t.elapsed() / 1000.0;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_load FILE LAYER [REPS]\n");
        return 1;
    }
    GDALAllRegister();
    const int reps = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
    std::vector<double> bare, arrow, classic;
    size_t n1 = 0, n2 = 0, n3 = 0;
    for (int i = 0; i < reps; ++i) {
        // Alternate the order so neither side always runs with a warmer cache.
        if (i % 2 == 0) {
            bare.push_back(bareOgr(argv[1], argv[2], &n1));
            arrow.push_back(kartenwerk(QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2]), true, &n2));
        } else {
            arrow.push_back(kartenwerk(QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2]), true, &n2));
            bare.push_back(bareOgr(argv[1], argv[2], &n1));
        }
        classic.push_back(kartenwerk(QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2]), false, &n3));
    }
    std::printf("features: %zu (bare OGR) / %zu (kartenwerk)\n", n1, n2);
    std::printf("bare OGR GetNextFeature      %.3f s\n", median(bare));
    std::printf("kartenwerk (Arrow stream)    %.3f s   speed %.2f x bare OGR\n", median(arrow), median(bare) / median(arrow));
    std::printf("kartenwerk (feature by feature) %.3f s speed %.2f x bare OGR\n", median(classic), median(bare) / median(classic));
    return 0;
}
