// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/data_provider.h"

#include <ogr_api.h>

#include <vector>

namespace kw::gdal {

/// \brief Reads an OGR layer through GDAL's columnar Arrow stream (OGR_L_GetArrowStream) into a FeatureStore.
///
/// For drivers with a native implementation (GeoPackage, FlatGeobuf, Parquet) this is 2.5–3.5× faster than
/// GetNextFeature(): no OGRFeature objects, geometries as WKB straight into the store's arrays.
/// Returns false (having added nothing) when the layer offers no usable stream; the caller then falls
/// back to GetNextFeature(). \a ogrIndex maps store columns to OGR field indices. With \a nextBatch set,
/// the reader calls it whenever the current store holds options.batchFeatures or more; it returns the store
/// to go on with (nullptr: cancel).
Result<bool> readArrowStream(OGRLayerH layer, const std::vector<int> &ogrIndex, FeatureStore &store,
                             const LoadOptions &options, long long expectedCount,
                             const std::function<FeatureStore *()> &nextBatch = {});

} // namespace kw::gdal
