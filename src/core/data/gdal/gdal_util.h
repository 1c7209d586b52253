// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/data/source_uri.h"

#include <QString>

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_srs_api.h>

namespace kw::gdal {

/// \brief Silences GDAL's stderr output for a scope and keeps the last error message for our own report.
class ErrorCapture
{
public:
    ErrorCapture()
    {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~ErrorCapture() { CPLPopErrorHandler(); }
    ErrorCapture(const ErrorCapture &) = delete;
    ErrorCapture &operator=(const ErrorCapture &) = delete;
    QString message() const { return QString::fromUtf8(CPLGetLastErrorMsg()).trimmed(); }
};

/// \brief Closes a GDAL dataset at scope exit.
struct DatasetPtr
{
    GDALDatasetH ds = nullptr;
    explicit DatasetPtr(GDALDatasetH d = nullptr) : ds(d) {}
    DatasetPtr(const DatasetPtr &) = delete;
    DatasetPtr &operator=(const DatasetPtr &) = delete;
    DatasetPtr(DatasetPtr &&o) noexcept : ds(o.ds) { o.ds = nullptr; }
    ~DatasetPtr()
    {
        if (ds)
            GDALClose(ds);
    }
    explicit operator bool() const { return ds != nullptr; }
};

/// The CRS of an OGR spatial reference (invalid when null or not understood by PROJ).
Crs crsFromSrs(OGRSpatialReferenceH srs);

/// Opens \a uri with GDAL; on failure the Error names the source and GDAL's reason.
Result<GDALDatasetH> open(const SourceUri &uri, unsigned flags);

/// A human label for a source in messages: the path for files, the connection string otherwise.
QString label(const SourceUri &uri);

} // namespace kw::gdal
