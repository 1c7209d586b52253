// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/datagen/gpkg_writer.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cstring>
#include <filesystem>
#include <ogr_srs_api.h>

namespace kw::datagen {

GpkgWriter::~GpkgWriter()
{
    close();
}

bool GpkgWriter::fail(const std::string &what)
{
    const char *msg = CPLGetLastErrorMsg();
    m_error = what + (msg && *msg ? std::string(": ") + msg : std::string());
    return false;
}

bool GpkgWriter::create(const std::string &path)
{
    GDALAllRegister();
    // A fixed date in gpkg_contents.last_change: the only time-dependent value GDAL would write.
    CPLSetConfigOption("OGR_CURRENT_DATE", "2026-01-01T00:00:00.000Z");
    // Nobody reads the file before it is complete; skipping fsync makes the big benchmark files much faster.
    CPLSetConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF");
    std::error_code ec;
    std::filesystem::remove(path, ec);
    GDALDriverH driver = GDALGetDriverByName("GPKG");
    if (!driver) return fail("GDAL has no GPKG driver");
    m_ds = GDALCreate(driver, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!m_ds) return fail("cannot create " + path);
    m_srs = OSRNewSpatialReference(nullptr);
    if (OSRImportFromEPSG(m_srs, 25832) != OGRERR_NONE) return fail("EPSG:25832 unknown to PROJ");
    OSRSetAxisMappingStrategy(m_srs, OAMS_TRADITIONAL_GIS_ORDER);
    return true;
}

int GpkgWriter::addLayer(const std::string &name, OGRwkbGeometryType type,
                         const std::vector<FieldSpec> &fields)
{
    const char *options[] = {"SPATIAL_INDEX=YES", "FID=fid", "GEOMETRY_NAME=geom", nullptr};
    OGRLayerH layer = GDALDatasetCreateLayer(m_ds, name.c_str(), m_srs, type, const_cast<char **>(options));
    if (!layer) {
        fail("cannot create layer " + name);
        return -1;
    }
    for (const FieldSpec &f : fields) {
        OGRFieldDefnH def = OGR_Fld_Create(f.name.c_str(), f.type);
        if (f.width > 0) OGR_Fld_SetWidth(def, f.width);
        const OGRErr err = OGR_L_CreateField(layer, def, TRUE);
        OGR_Fld_Destroy(def);
        if (err != OGRERR_NONE) {
            fail("cannot create field " + f.name);
            return -1;
        }
    }
    m_layers.push_back(layer);
    m_features.emplace_back();
    return int(m_layers.size()) - 1;
}

bool GpkgWriter::begin()
{
    if (GDALDatasetStartTransaction(m_ds, FALSE) != OGRERR_NONE) return fail("cannot start a transaction");
    m_inTransaction = true;
    return true;
}

bool GpkgWriter::commit()
{
    if (!m_inTransaction) return true;
    m_inTransaction = false;
    if (GDALDatasetCommitTransaction(m_ds) != OGRERR_NONE) return fail("cannot commit");
    return true;
}

bool GpkgWriter::close()
{
    bool ok = true;
    if (m_ds) {
        ok = commit();
        for (Feature &f : m_features)
            if (f.m_f) OGR_F_Destroy(f.m_f);
        m_features.clear();
        CPLErrorReset();
        GDALClose(m_ds);
        m_ds = nullptr;
        if (CPLGetLastErrorType() >= CE_Failure) ok = fail("error while closing");
    }
    if (m_srs) {
        OSRDestroySpatialReference(m_srs);
        m_srs = nullptr;
    }
    return ok;
}

GpkgWriter::Feature &GpkgWriter::feature(int layer, Vec2 offset)
{
    Feature &f = m_features[size_t(layer)];
    if (!f.m_f) {
        f.m_writer = this;
        f.m_layer = m_layers[size_t(layer)];
        f.m_f = OGR_F_Create(OGR_L_GetLayerDefn(f.m_layer));
    }
    f.m_offset = offset;
    return f;
}

void GpkgWriter::Feature::putUInt(uint32_t v)
{
    // Byte by byte: the WKB header says little-endian (NDR) whatever the machine's own order is.
    for (int i = 0; i < 4; ++i)
        m_wkb.push_back(static_cast<unsigned char>(v >> (8 * i)));
}

void GpkgWriter::Feature::putDouble(double v)
{
    uint64_t bits;
    std::memcpy(&bits, &v, 8);
    for (int i = 0; i < 8; ++i)
        m_wkb.push_back(static_cast<unsigned char>(bits >> (8 * i)));
}

void GpkgWriter::Feature::putHeader(uint32_t type, uint32_t count)
{
    m_wkb.push_back(1);
    putUInt(type);
    if (type != wkbPoint) putUInt(count);
}

void GpkgWriter::Feature::putPoint(Vec2 p)
{
    putDouble(p.x + m_offset.x);
    putDouble(p.y + m_offset.y);
}

void GpkgWriter::Feature::setPoint(Vec2 p)
{
    m_wkb.clear();
    putHeader(wkbPoint, 1);
    putPoint(p);
}

void GpkgWriter::Feature::setLine(const std::vector<Vec2> &line)
{
    m_wkb.clear();
    putHeader(wkbLineString, uint32_t(line.size()));
    for (Vec2 p : line)
        putPoint(p);
}

void GpkgWriter::Feature::setPolygon(const std::vector<Ring> &rings)
{
    m_wkb.clear();
    putHeader(wkbPolygon, uint32_t(rings.size()));
    for (const Ring &r : rings) {
        putUInt(uint32_t(r.size() + 1));
        for (Vec2 p : r)
            putPoint(p);
        putPoint(r.front());
    }
}

bool GpkgWriter::Feature::write()
{
    OGRGeometryH g = nullptr;
    if (OGR_G_CreateFromWkb(m_wkb.data(), nullptr, &g, int(m_wkb.size())) != OGRERR_NONE)
        return m_writer->fail("invalid geometry");
    OGR_F_SetGeometryDirectly(m_f, g);
    OGR_F_SetFID(m_f, OGRNullFID);
    const bool ok = OGR_L_CreateFeature(m_layer, m_f) == OGRERR_NONE;
    for (int i = 0; i < OGR_F_GetFieldCount(m_f); ++i)
        OGR_F_UnsetField(m_f, i);
    return ok || m_writer->fail("cannot write feature");
}

} // namespace kw::datagen
