// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <memory>
#include <optional>

namespace kw {

/// \brief One entry of PROJ's CRS database, as the CRS picker lists it.
struct CrsInfo
{
    QString authName; ///< "EPSG"
    QString code;     ///< "25832"
    QString name;     ///< "ETRS89 / UTM zone 32N"
    QString areaName; ///< "Europe between 6°E and 12°E …"
    bool geographic = false;
    bool deprecated = false;
    QString authId() const { return authName + QLatin1Char(':') + code; }
};

/// \brief A coordinate reference system as an immutable value (backed by PROJ; WKT2 is the identity).
class Crs
{
public:
    /// An invalid CRS ("unknown").
    Crs() = default;

    /// Accepts "EPSG:25832", "25832", "urn:ogc:def:crs:EPSG::25832", "OGC:CRS84", WKT1/WKT2 and PROJ strings.
    static Result<Crs> fromUserInput(const QString &text);
    static Result<Crs> fromEpsg(int code);
    static Result<Crs> fromWkt(const QString &wkt);

    /// EPSG:25832, ETRS89 / UTM zone 32N: the city's map CRS.
    static Crs etrs89Utm32();
    /// EPSG:4326, WGS 84 (used with longitude first, see CoordinateTransform).
    static Crs wgs84();

    bool isValid() const { return bool(d); }
    /// "EPSG:25832" where PROJ identifies an EPSG code with full confidence, else empty.
    QString authId() const;
    std::optional<int> epsg() const;
    QString name() const;
    QString wkt() const;
    QString projString() const;
    bool isGeographic() const;
    /// A short label for humans: "EPSG:25832 ETRS89 / UTM zone 32N" or the name.
    QString description() const;

    /// Projected and geographic 2D CRSs of PROJ's database whose code, "AUTH:CODE" or name contain every
    /// word of \a query (case-insensitive; an empty query lists all), EPSG first, deprecated ones left out.
    /// The full list is read from PROJ once per process and cached.
    static QList<CrsInfo> searchDatabase(const QString &query);

    /// Same definition (compares WKT; EPSG code when both have one).
    bool operator==(const Crs &o) const;
    bool operator!=(const Crs &o) const { return !(*this == o); }

    struct Data; // opaque: PROJ stays inside crs.cpp

private:
    /// \a pj is a PJ* of the calling thread's context.
    static Result<Crs> fromProjObject(void *pj, const QString &input);
    std::shared_ptr<const Data> d;
    friend class CoordinateTransform;
};

} // namespace kw

Q_DECLARE_METATYPE(kw::Crs)
