// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tools/datagen/geom2d.h"

#include <gdal.h>
#include <ogr_api.h>
#include <string>
#include <vector>

namespace kw::datagen {

struct FieldSpec
{
    std::string name;
    OGRFieldType type;
    int width = 0; ///< 0: unlimited
};

/// \brief One GeoPackage being written: layers in EPSG:25832, features written inside a single transaction.
///
/// Timestamps in gpkg_contents are pinned (OGR_CURRENT_DATE) so equal input gives equal files. Errors are
/// reported through the return values and error(), never thrown.
class GpkgWriter
{
public:
    GpkgWriter() = default;
    ~GpkgWriter();
    GpkgWriter(const GpkgWriter &) = delete;
    GpkgWriter &operator=(const GpkgWriter &) = delete;

    /// Creates \a path, replacing an existing file.
    bool create(const std::string &path);
    /// Adds a layer; returns its index for the Feature calls or -1 on error.
    int addLayer(const std::string &name, OGRwkbGeometryType type, const std::vector<FieldSpec> &fields);
    bool begin();
    bool commit();
    /// Commits if needed and closes the file (flushing the spatial indexes).
    bool close();
    const std::string &error() const { return m_error; }

    /// \brief The feature being filled: attributes by field index, then one geometry, then write().
    class Feature
    {
    public:
        void setString(int field, const std::string &value)
        {
            OGR_F_SetFieldString(m_f, field, value.c_str());
        }
        void setInt(int field, int64_t value) { OGR_F_SetFieldInteger64(m_f, field, value); }
        void setReal(int field, double value) { OGR_F_SetFieldDouble(m_f, field, value); }
        void setDate(int field, int y, int m, int d)
        {
            OGR_F_SetFieldDateTimeEx(m_f, field, y, m, d, 0, 0, 0, 0);
        }
        void setPoint(Vec2 p);
        void setLine(const std::vector<Vec2> &line);
        /// First ring is the shell, the others holes; rings are given without the closing point.
        void setPolygon(const std::vector<Ring> &rings);
        void setPolygon(const Ring &shell) { setPolygon(std::vector<Ring>{shell}); }
        /// Writes the feature and clears it for the next one.
        bool write();

    private:
        friend class GpkgWriter;
        void putHeader(uint32_t type, uint32_t count);
        void putPoint(Vec2 p);
        void putUInt(uint32_t v);
        void putDouble(double v);
        GpkgWriter *m_writer = nullptr;
        OGRLayerH m_layer = nullptr;
        OGRFeatureH m_f = nullptr;
        std::vector<unsigned char> m_wkb;
        Vec2 m_offset;
    };

    /// A reusable feature for layer \a layer; coordinates given to it are shifted by \a offset.
    Feature &feature(int layer, Vec2 offset = {});

private:
    bool fail(const std::string &what);
    GDALDatasetH m_ds = nullptr;
    OGRSpatialReferenceH m_srs = nullptr;
    std::vector<OGRLayerH> m_layers;
    std::vector<Feature> m_features;
    bool m_inTransaction = false;
    std::string m_error;
};

} // namespace kw::datagen
