// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/data/csv/csv_cell.h"
#include "core/data/field.h"
#include "core/data/source_uri.h"
#include "core/geometry/geometry.h"
#include "core/util/result.h"

#include <QStringList>

#include <functional>
#include <string_view>
#include <vector>

namespace kw {

class CsvFile;

/// \brief What one pass over a whole CSV file found: column types, geometry columns, CRS, count and extent.
///
/// Types are inferred from every row, not a sample, so that loading never meets a value its column cannot
/// hold. A column is Int, Double, DateTime, Date or Bool when all its non-empty cells are; otherwise
/// String. Decimal style is decided per column: with ';', TAB or '|' separators "12,5" and "1.234,5" are
/// German decimals, while a column without decimal commas whose '.' cannot group thousands ("2.63",
/// "56.963") keeps '.' as the decimal point (the sensor.community archive writes ';' with decimal points).
class CsvSchema
{
public:
    /// One header column.
    struct Column
    {
        Field field;
        csv::DecimalStyle style = csv::DecimalStyle::Point;
        /// Nameless and always empty, as trailing separators in Excel exports make: not a field.
        bool dropped = false;
    };
    enum class GeometrySource { None, Points, Wkt };

    /// Reads all of \a file. Geometry columns are found by name; the CRS is \a uri's crs, else EPSG:4326
    /// for lon/lat, else the SRID of EWKT, else a sidecar .prj, else unknown (x/y values are never guessed).
    /// \a progress gets the fraction read; returning false cancels.
    static Result<CsvSchema> scan(const CsvFile &file, const SourceUri &uri,
                                  const std::function<bool(double)> &progress);

    /// Parses a WKT or EWKT ("SRID=25832;POINT(…)") cell; \a srid receives the EWKT SRID if any.
    static Result<Geometry> parseWkt(const CsvFile &file, std::string_view cell, int *srid = nullptr);

    const std::vector<Column> &columns() const { return m_columns; }
    /// The fields a layer has: the columns not dropped.
    Fields fields() const;
    GeometrySource geometrySource() const { return m_geometry; }
    int xColumn() const { return m_x; }
    int yColumn() const { return m_y; }
    int wktColumn() const { return m_wkt; }
    GeometryType geometryType() const { return m_geometryType; }
    const Crs &crs() const { return m_crs; }
    /// In the layer CRS; null for a table.
    const Envelope &extent() const { return m_extent; }
    qint64 rowCount() const { return m_rows; }
    /// Problems that did not stop reading (ragged rows, unreadable WKT, unknown CRS), for the user.
    const QStringList &warnings() const { return m_warnings; }

private:
    std::vector<Column> m_columns;
    GeometrySource m_geometry = GeometrySource::None;
    int m_x = -1, m_y = -1, m_wkt = -1;
    GeometryType m_geometryType = GeometryType::Unknown;
    Crs m_crs;
    Envelope m_extent;
    qint64 m_rows = 0;
    QStringList m_warnings;
};

} // namespace kw
