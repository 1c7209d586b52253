// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/data_provider.h"

namespace kw {

/// \brief Reads delimited text (.csv, .tsv, .txt) as German municipal offices and sensor networks write it.
///
/// What it understands, so that users need not say:
/// - Encoding: UTF-8 with or without BOM when the bytes are valid UTF-8, else Windows-1252; UTF-16 with BOM.
/// - Separator: ';', ',', TAB or '|', whichever splits the first records into the header's column count
///   (or Excel's "sep=;" first line). RFC 4180 quoting: "" escapes, quoted line breaks.
/// - One header row; blank lines (also ";;;") are skipped; missing cells are empty, extra cells ignored and
///   counted in a warning. Cells are trimmed of spaces and tabs; an empty cell is null.
/// - Types from every row (CsvSchema): Int, Double ("12,5", "1.234,5" with ';'/TAB/'|' separators),
///   DateTime, Date, Bool (true/false, ja/nein, wahr/falsch), else String. Codes with leading zeros
///   (postcodes "01067") stay String.
/// - Times: ISO 8601 with or without offset/Z, and German "24.12.2018 13:45[:ss]". A time without offset
///   is taken as UTC: the file does not say which zone it means, and UTC is what sensor archives write.
/// - Geometry: a WKT/EWKT column (wkt, geom, geometry, the_geom, geometrie), else x/y (x/y, easting/
///   northing, rechtswert/hochwert, ost/nord, e/n) or lon/lat (lon, lng, long, longitude, laenge, länge /
///   lat, latitude, breite) columns, matched by name in any case; those columns stay attributes too. Rows
///   without readable coordinates are features without geometry. No geometry columns: a table.
/// - CRS: the source's `|crs=`, else EPSG:4326 for lon/lat, else the EWKT SRID, else a `<file>.prj`,
///   else unknown: x/y values are never guessed (a warning says so).
class CsvProvider final : public DataProvider
{
public:
    QString id() const override { return QStringLiteral("csv"); }
    /// Local files ending in .csv, .tsv or .txt, in any case.
    bool handles(const SourceUri &uri) const override;
    Result<SourceInfo> inspect(const SourceUri &uri) const override;
    Result<std::shared_ptr<FeatureStore>> loadVector(const SourceUri &uri, const QString &layerName,
                                                     const LoadOptions &options) const override;
};

} // namespace kw
