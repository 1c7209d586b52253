// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/csv/csv_schema.h"

#include "core/data/csv/csv_file.h"
#include "core/data/csv/csv_reader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <array>
#include <charconv>

namespace kw {

namespace {

using csv::DecimalStyle;

// ---- geometry columns by name ----------------------------------------------------------------------------

enum Role { X, Y, Lon, Lat, Wkt, RoleCount };

struct NameCandidate
{
    const char *name;
    /// Also found as a word of a longer name ("station_longitude_deg", "utm_x"). Not for names that are
    /// ordinary German words in other meanings (Länge and Breite of a street, Ost, Nord) or single letters.
    bool asWord;
};

const std::array<std::vector<NameCandidate>, RoleCount> &roleNames()
{
    static const std::array<std::vector<NameCandidate>, RoleCount> names = {{
        {{"x", true}, {"easting", true}, {"rechtswert", true}, {"ost", false}, {"e", false}},
        {{"y", true}, {"northing", true}, {"hochwert", true}, {"nord", false}, {"n", false}},
        {{"lon", true},
         {"lng", true},
         {"long", false},
         {"longitude", true},
         {"laenge", false},
         {"länge", false}},
        {{"lat", true}, {"latitude", true}, {"breite", false}},
        {{"wkt", true}, {"geom", true}, {"geometry", true}, {"the_geom", true}, {"geometrie", true}},
    }};
    return names;
}

/// 2 for the exact name, 1 for a word of the name, 0 for no match.
int nameScore(const QString &name, Role role)
{
    const QString lower = name.trimmed().toLower();
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    const QStringList words = lower.split(separators, Qt::SkipEmptyParts);
    int best = 0;
    for (const NameCandidate &c : roleNames()[role]) {
        const QString candidate = QString::fromUtf8(c.name);
        if (lower == candidate)
            return 2;
        if (c.asWord && words.size() > 1 && words.contains(candidate))
            best = 1;
    }
    return best;
}

// ---- type inference --------------------------------------------------------------------------------------

/// Running verdict on one column: which types every non-empty cell so far fits.
struct ColumnStats
{
    qint64 nonEmpty = 0;
    bool number = true;
    bool allPoint = true, allComma = true, allPointInt = true, allCommaInt = true;
    bool anyDecimalComma = false, anyUngrouped = false, anyAmbiguous = false, anyShort = false,
         anyLong = false;
    bool date = true, dateTime = true, boolean = true;

    void add(std::string_view cell, bool commaAllowed)
    {
        ++nonEmpty;
        if (number) {
            const csv::NumberShape s = csv::scanNumber(cell);
            const bool comma = s.comma && commaAllowed;
            if (s.point || comma) {
                allPoint = allPoint && s.point;
                allComma = allComma && comma;
                allPointInt = allPointInt && s.pointInteger;
                allCommaInt = allCommaInt && s.commaInteger;
                anyDecimalComma = anyDecimalComma || s.decimalComma;
                anyUngrouped = anyUngrouped || s.ungrouped;
                anyAmbiguous = anyAmbiguous || s.ambiguous;
                anyShort = anyShort || s.shortInteger;
                anyLong = anyLong || s.longInteger;
                date = dateTime = boolean = false;
                return;
            }
            number = false;
        }
        if (date || dateTime) {
            int64_t ms;
            switch (csv::parseTemporal(cell, ms)) {
            case csv::Temporal::None: date = dateTime = false; break;
            case csv::Temporal::DateTime: date = false; break;
            case csv::Temporal::Date: break;
            }
        }
        if (boolean && !csv::parseBool(cell))
            boolean = false;
    }

    /// The decimal style of the column, also for a text column whose numbers (coordinates) are read anyway.
    DecimalStyle style(bool commaAllowed) const
    {
        if (!commaAllowed)
            return DecimalStyle::Point;
        if (number) {
            if (allComma && anyDecimalComma)
                return DecimalStyle::Comma;
            // "523" next to "1.234" and nothing that rules grouping out: thousands, as German tables write.
            const bool grouped = allComma && !anyUngrouped && anyShort && anyAmbiguous;
            if (allPoint && !grouped)
                return DecimalStyle::Point;
            if (allComma)
                return DecimalStyle::Comma;
        }
        return anyDecimalComma ? DecimalStyle::Comma : DecimalStyle::Point;
    }

    FieldType type(DecimalStyle style) const
    {
        if (nonEmpty == 0)
            return FieldType::String;
        if (number) {
            const bool valid = style == DecimalStyle::Point ? allPoint : allComma;
            if (valid) {
                const bool integer = style == DecimalStyle::Point ? allPointInt : allCommaInt;
                // 19+ digit "integers" are identifiers: text keeps every digit, a double would not.
                if (integer && anyLong)
                    return FieldType::String;
                return integer ? FieldType::Int : FieldType::Double;
            }
            return FieldType::String;
        }
        if (date)
            return FieldType::Date;
        if (dateTime)
            return FieldType::DateTime;
        if (boolean)
            return FieldType::Bool;
        return FieldType::String;
    }
};

// ---- geometry scans --------------------------------------------------------------------------------------

/// Coordinates of a column pair, read in both decimal styles until the columns' styles are known.
struct PairScan
{
    int x = -1, y = -1;
    qint64 touched = 0; ///< rows with a non-empty x or y
    Envelope env[2][2];
    qint64 valid[2][2] = {};

    bool active() const { return x >= 0 && y >= 0; }
    void add(std::string_view xs, std::string_view ys)
    {
        if (xs.empty() && ys.empty())
            return;
        ++touched;
        double xv[2], yv[2];
        bool xok[2], yok[2];
        for (int s = 0; s < 2; ++s) {
            xok[s] = csv::parseDouble(xs, DecimalStyle(s), xv[s]);
            yok[s] = csv::parseDouble(ys, DecimalStyle(s), yv[s]);
        }
        for (int sx = 0; sx < 2; ++sx)
            for (int sy = 0; sy < 2; ++sy)
                if (xok[sx] && yok[sy]) {
                    env[sx][sy].include(xv[sx], yv[sy]);
                    ++valid[sx][sy];
                }
    }
};

GeometryType multiOf(GeometryFamily f)
{
    switch (f) {
    case GeometryFamily::Point: return GeometryType::MultiPoint;
    case GeometryFamily::Line: return GeometryType::MultiLineString;
    case GeometryFamily::Polygon: return GeometryType::MultiPolygon;
    default: return GeometryType::GeometryCollection;
    }
}

/// The type a layer of \a a and \a b geometries has: Polygon + MultiPolygon is MultiPolygon, Point +
/// Polygon a GeometryCollection.
GeometryType commonType(GeometryType a, GeometryType b)
{
    if (a == GeometryType::Unknown || a == b)
        return b;
    if (b == GeometryType::Unknown)
        return a;
    return familyOf(a) == familyOf(b) ? multiOf(familyOf(a)) : GeometryType::GeometryCollection;
}

struct WktScan
{
    int column = -1;
    qint64 touched = 0, valid = 0, invalid = 0;
    GeometryType type = GeometryType::Unknown;
    Envelope env;
    int srid = 0;

    void add(const CsvFile &file, std::string_view cell)
    {
        if (cell.empty())
            return;
        ++touched;
        // A column of something else (GeoJSON, names) is given up on early instead of parsed to the end.
        if (valid == 0 && invalid >= 100)
            return;
        int cellSrid = 0;
        auto g = CsvSchema::parseWkt(file, cell, &cellSrid);
        if (!g.ok()) {
            ++invalid;
            return;
        }
        ++valid;
        if (srid == 0)
            srid = cellSrid;
        type = commonType(type, g->type());
        env.include(g->envelope());
    }
};

bool fitsLonLat(const Envelope &e)
{
    return e.xmin >= -180 && e.xmax <= 180 && e.ymin >= -90 && e.ymax <= 90;
}

/// The sidecar .prj of \a path: "data.csv.prj", else "data.prj".
QString sidecarPrj(const QString &path)
{
    const QFileInfo info(path);
    for (const QString &candidate : {path + QStringLiteral(".prj"),
                                     info.dir().filePath(info.completeBaseName() + QStringLiteral(".prj"))})
        if (QFileInfo(candidate).isFile())
            return candidate;
    return {};
}

} // namespace

Result<Geometry> CsvSchema::parseWkt(const CsvFile &file, std::string_view cell, int *srid)
{
    std::string_view text = csv::trimmed(cell);
    // EWKT, as PostGIS exports it: "SRID=25832;POLYGON(...)".
    if (text.size() > 5 && (text[0] | 0x20) == 's' && (text[1] | 0x20) == 'r' && (text[2] | 0x20) == 'i' &&
        (text[3] | 0x20) == 'd' && text[4] == '=') {
        const size_t semicolon = text.find(';');
        if (semicolon == std::string_view::npos)
            return Error::input(QStringLiteral("EWKT without ';' after the SRID"));
        int value = 0;
        const auto res = std::from_chars(text.data() + 5, text.data() + semicolon, value);
        if (srid && res.ec == std::errc() && res.ptr == text.data() + semicolon)
            *srid = value;
        text.remove_prefix(semicolon + 1);
    }
    // WKT starts with a type keyword: anything else is not worth a GEOS parse.
    if (text.empty() || !((text[0] >= 'A' && text[0] <= 'Z') || (text[0] >= 'a' && text[0] <= 'z')))
        return Error::input(QStringLiteral("not WKT"));
    return Geometry::fromWkt(file.decode(text));
}

Fields CsvSchema::fields() const
{
    Fields fields;
    for (const Column &c : m_columns)
        if (!c.dropped)
            fields << c.field;
    return fields;
}

Result<CsvSchema> CsvSchema::scan(const CsvFile &file, const SourceUri &uri,
                                  const std::function<bool(double)> &progress)
{
    Crs uriCrs;
    if (!uri.crs.isEmpty()) {
        auto crs = Crs::fromUserInput(uri.crs);
        if (!crs.ok())
            return Error::input(QStringLiteral("%1: %2").arg(file.path(), crs.error().message));
        uriCrs = *crs;
    }

    const QStringList &header = file.header();
    const int n = int(header.size());
    const bool commaAllowed = file.separator() != ',';

    std::array<int, RoleCount> roleColumn;
    roleColumn.fill(-1);
    for (int role = 0; role < RoleCount; ++role) {
        int bestScore = 0;
        for (int c = 0; c < n; ++c) {
            const int score = nameScore(header[c], Role(role));
            if (score > bestScore) {
                bestScore = score;
                roleColumn[role] = c;
            }
        }
    }
    PairScan xy, lonLat;
    xy.x = roleColumn[X];
    xy.y = roleColumn[Y];
    lonLat.x = roleColumn[Lon];
    lonLat.y = roleColumn[Lat];
    WktScan wkt;
    wkt.column = roleColumn[Wkt];

    std::vector<ColumnStats> stats(static_cast<size_t>(n));
    CsvSchema schema;
    qint64 extraRows = 0, shortRows = 0;
    CsvReader reader(file.data(), file.size(), file.separator());
    reader.seek(file.dataStart());
    std::vector<std::string_view> fields;
    const std::string_view none;
    while (reader.next(fields)) {
        if (csv::trimRecord(fields))
            continue;
        ++schema.m_rows;
        if (fields.size() < size_t(n)) {
            ++shortRows;
        } else if (fields.size() > size_t(n)) {
            for (size_t i = size_t(n); i < fields.size(); ++i)
                if (!fields[i].empty()) {
                    ++extraRows;
                    break;
                }
        }
        const int cells = std::min(n, int(fields.size()));
        for (int c = 0; c < cells; ++c)
            if (!fields[c].empty())
                stats[c].add(fields[c], commaAllowed);
        const auto cell = [&](int c) { return c >= 0 && c < cells ? fields[c] : none; };
        if (xy.active())
            xy.add(cell(xy.x), cell(xy.y));
        if (lonLat.active())
            lonLat.add(cell(lonLat.x), cell(lonLat.y));
        if (wkt.column >= 0)
            wkt.add(file, cell(wkt.column));
        if ((schema.m_rows & 0x3fff) == 0 && progress &&
            !progress(double(reader.position()) / double(file.size())))
            return Error::cancelled();
    }

    for (int c = 0; c < n; ++c) {
        Column col;
        col.style = stats[c].style(commaAllowed);
        col.field.name = header[c];
        col.field.type = stats[c].type(col.style);
        col.field.sourceType = QStringLiteral("CSV ") + fieldTypeName(col.field.type);
        col.dropped = file.unnamed().value(c) && stats[c].nonEmpty == 0;
        schema.m_columns.push_back(col);
    }

    // A pair is used when most rows that fill it hold numbers; a few gaps or typos become empty geometries.
    const auto pairValid = [&](const PairScan &p) -> qint64 {
        if (!p.active())
            return 0;
        return p.valid[int(schema.m_columns[p.x].style)][int(schema.m_columns[p.y].style)];
    };
    const auto pairExtent = [&](const PairScan &p) -> Envelope {
        return p.env[int(schema.m_columns[p.x].style)][int(schema.m_columns[p.y].style)];
    };
    const bool xyUsable = pairValid(xy) > 0 && 2 * pairValid(xy) >= xy.touched;
    bool lonLatUsable = pairValid(lonLat) > 0 && 2 * pairValid(lonLat) >= lonLat.touched;
    if (lonLatUsable && !fitsLonLat(pairExtent(lonLat))) {
        lonLatUsable = false;
        schema.m_warnings << QStringLiteral(
                                 "%1: columns '%2' and '%3' are named like longitude and latitude but "
                                 "hold values outside ±180/±90; they are not used as coordinates")
                                 .arg(file.path(), header[lonLat.x], header[lonLat.y]);
    }
    const bool wktUsable = wkt.valid > 0 && 2 * wkt.valid >= wkt.touched;

    const PairScan *pair = nullptr;
    // WKT carries the full geometry (a polygon, not its centre): it wins over coordinate columns.
    if (wktUsable) {
        schema.m_geometry = GeometrySource::Wkt;
        schema.m_wkt = wkt.column;
        schema.m_geometryType = wkt.type;
        schema.m_extent = wkt.env;
    } else if (xyUsable && lonLatUsable) {
        // Both present: a projected |crs= says which pair the user means.
        pair = uriCrs.isValid() && !uriCrs.isGeographic() ? &xy : &lonLat;
    } else if (xyUsable) {
        pair = &xy;
    } else if (lonLatUsable) {
        pair = &lonLat;
    }
    if (pair) {
        schema.m_geometry = GeometrySource::Points;
        schema.m_x = pair->x;
        schema.m_y = pair->y;
        schema.m_geometryType = GeometryType::Point;
        schema.m_extent = pairExtent(*pair);
    }

    if (uriCrs.isValid()) {
        schema.m_crs = uriCrs;
    } else if (pair == &lonLat) {
        schema.m_crs = Crs::wgs84();
    } else if (schema.m_geometry == GeometrySource::Wkt && wkt.srid > 0) {
        auto crs = Crs::fromEpsg(wkt.srid);
        if (crs.ok())
            schema.m_crs = *crs;
        else
            schema.m_warnings
                << QStringLiteral("%1: unknown SRID %2 in EWKT; CRS unknown").arg(file.path()).arg(wkt.srid);
    } else if (schema.m_geometry != GeometrySource::None) {
        const QString prj = sidecarPrj(file.path());
        if (prj.isEmpty()) {
            schema.m_warnings << QStringLiteral(
                                     "%1: CRS unknown (coordinates are never guessed: add |crs=EPSG:... "
                                     "to the source, or a .prj file next to it)")
                                     .arg(file.path());
        } else {
            QFile f(prj);
            auto crs = f.open(QIODevice::ReadOnly) ? Crs::fromUserInput(QString::fromUtf8(f.readAll()))
                                                   : Result<Crs>(Error::input(f.errorString()));
            if (crs.ok())
                schema.m_crs = *crs;
            else
                schema.m_warnings << QStringLiteral("%1: %2; CRS unknown").arg(prj, crs.error().message);
        }
    }

    if (extraRows > 0)
        schema.m_warnings << QStringLiteral(
                                 "%1: %2 row(s) have more cells than the header; the extra cells were "
                                 "ignored")
                                 .arg(file.path())
                                 .arg(extraRows);
    if (shortRows > 0)
        schema.m_warnings << QStringLiteral(
                                 "%1: %2 row(s) have fewer cells than the header; the missing cells are "
                                 "empty")
                                 .arg(file.path())
                                 .arg(shortRows);
    if (progress && !progress(1.0))
        return Error::cancelled();
    return schema;
}

} // namespace kw
