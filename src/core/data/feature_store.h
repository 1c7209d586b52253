// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crs/crs.h"
#include "core/data/attribute_table.h"
#include "core/geometry/geometry.h"
#include "core/index/spatial_index.h"

#include <QStringList>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

namespace kw {

/// \brief What loading a layer found wrong with its geometries: kept, counted and reported.
struct GeometryReport
{
    size_t empty = 0;       ///< features without geometry or with an empty one
    size_t invalid = 0;     ///< unreadable geometries (kept as empty)
    size_t linearised = 0;  ///< curves converted to line segments
    size_t mixed = 0;       ///< collections whose members were not all of one family
    size_t untransformable = 0; ///< features with vertices PROJ could not transform

    GeometryReport &operator+=(const GeometryReport &o)
    {
        empty += o.empty;
        invalid += o.invalid;
        linearised += o.linearised;
        mixed += o.mixed;
        untransformable += o.untransformable;
        return *this;
    }
};

/// \brief A number unique to each object in this process, new for copies too: tells data apart where an
/// address could be reused after the object is gone (render cache keys).
class InstanceSerial
{
public:
    InstanceSerial() : m_value(next()) {}
    InstanceSerial(const InstanceSerial &) : m_value(next()) {}
    InstanceSerial &operator=(const InstanceSerial &)
    {
        m_value = next();
        return *this;
    }
    uint64_t value() const { return m_value; }

private:
    static uint64_t next();
    uint64_t m_value;
};

/// \brief All features of one vector layer in memory, in the map CRS, built for fast drawing.
///
/// Geometries live in a few flat arrays (vertices, ring ends, part ends, feature ends); attributes in a
/// typed AttributeTable; a SpatialIndex finds what a view needs. Filled once by a loader, then immutable
/// and shared between threads through std::shared_ptr<const FeatureStore>.
class FeatureStore
{
public:
    FeatureStore() = default;
    FeatureStore(Fields fields, Crs crs);

    // ---- loading ----------------------------------------------------------------------------------
    /// Reserves for \a features features and \a vertices vertices. With \a vertices 0 the vertex array is
    /// sized once the first 4096 features show the average count: reserving from a guess would either
    /// reallocate (doubling, twice the memory at the peak) or leave much of the array unused.
    void reserve(size_t features, size_t vertices);
    /// Opens a new feature; geometry sink calls (beginPart/beginRing/addVertex) and attribute setters follow.
    void beginFeature(int64_t fid);
    void beginPart();
    void beginRing();
    void addVertex(double x, double y)
    {
        m_xy.push_back(x);
        m_xy.push_back(y);
    }
    /// Closes the feature's geometry with its type (Unknown for none).
    void endFeature(GeometryType type);
    /// Drops the geometry parts appended for the current feature (an unreadable one).
    void discardCurrentGeometry();
    /// Index of the first vertex of the current (open) feature: the loader transforms from there.
    size_t currentFeatureFirstVertex() const;
    AttributeTable &attributes() { return m_attributes; }
    GeometryReport &report() { return m_report; }
    /// Problems the loader found besides geometries (e.g. CSV rows with extra cells), for the user to read.
    QStringList &warnings() { return m_warnings; }
    /// Computes the extent and family and, unless \a buildIndex is false, the spatial index (then it is
    /// built on the first call of index()); call once after the last feature. Streamed batches defer it:
    /// drawn whole and dropped, most of them never query it.
    void finish(bool buildIndex = true);

    // ---- reading ----------------------------------------------------------------------------------
    size_t featureCount() const { return m_fids.size(); }
    /// CRS of the stored coordinates (the map CRS the layer was loaded for).
    const Crs &crs() const { return m_crs; }
    /// CRS of the data source the features came from.
    const Crs &sourceCrs() const { return m_sourceCrs; }
    void setSourceCrs(const Crs &crs) { m_sourceCrs = crs; }
    const Fields &fields() const { return m_attributes.fields(); }
    const AttributeTable &attributes() const { return m_attributes; }
    const GeometryReport &report() const { return m_report; }
    const QStringList &warnings() const { return m_warnings; }
    /// The spatial index; thread-safe, built here if finish() deferred it.
    const SpatialIndex &index() const;
    Envelope extent() const { return m_extent; }
    int64_t fid(size_t f) const { return m_fids[f]; }
    GeometryType geometryType(size_t f) const { return GeometryType(m_types[f]); }
    /// The most common family (what the layer's symbol draws).
    GeometryFamily family() const { return m_family; }
    /// Bounding box of feature f (computed from its vertices; the index keeps only compact copies).
    Envelope featureEnvelope(size_t f) const;

    // Flat geometry access for renderers: feature f has parts [partBegin(f), partEnd(f)), part p has
    // rings [ringBegin(p), ringEnd(p)), ring r has vertices [vertexBegin(r), vertexEnd(r)).
    uint32_t partBegin(size_t f) const { return m_featPartStart[f]; }
    uint32_t partEnd(size_t f) const { return m_featPartStart[f + 1]; }
    uint32_t ringBegin(uint32_t p) const { return m_partRingStart[p]; }
    uint32_t ringEnd(uint32_t p) const { return m_partRingStart[p + 1]; }
    uint32_t vertexBegin(uint32_t r) const { return m_ringVertexStart[r]; }
    uint32_t vertexEnd(uint32_t r) const { return m_ringVertexStart[r + 1]; }
    const double *vertices() const { return m_xy.data(); }
    std::vector<double> &mutableVertices() { return m_xy; }
    size_t vertexCount() const { return m_xy.size() / 2; }

    /// The geometry of feature \a f as a standalone value.
    Geometry geometry(size_t f) const;
    /// Approximate heap use in bytes.
    size_t memoryUsage() const;
    /// Unique to this store (and new for a copy): what a render cache may key data by.
    uint64_t serial() const { return m_serial.value(); }

private:
    Crs m_crs;
    Crs m_sourceCrs;
    AttributeTable m_attributes;
    std::vector<int64_t> m_fids;
    std::vector<uint8_t> m_types;
    std::vector<double> m_xy;
    std::vector<uint32_t> m_ringVertexStart; // ring starts; a sentinel is appended by finish()
    std::vector<uint32_t> m_partRingStart;   // part starts; likewise
    std::vector<uint32_t> m_featPartStart;   // feature starts; likewise
    /// The index and whether it is built; copies share nothing but a built index.
    struct LazyIndex
    {
        LazyIndex() = default;
        LazyIndex(const LazyIndex &o);
        LazyIndex &operator=(const LazyIndex &o);
        mutable std::mutex mutex;
        mutable std::atomic_bool built{false};
        mutable SpatialIndex index;
    };
    LazyIndex m_index;
    Envelope m_extent;
    GeometryFamily m_family = GeometryFamily::None;
    GeometryReport m_report;
    QStringList m_warnings;
    size_t m_curVertex0 = 0, m_curRing0 = 0, m_curPart0 = 0;
    size_t m_expectedFeatures = 0; ///< for sizing the vertex array from the first features
    bool m_finished = false;
    InstanceSerial m_serial;
};

} // namespace kw
