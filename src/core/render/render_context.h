// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry/envelope.h"
#include "core/render/map_settings.h"

#include <QPainter>

#include <atomic>

namespace kw {

/// \brief Per-render state shared by the layer renderers: the pixel mapping, dpi and the cancel flag.
class RenderContext
{
public:
    RenderContext() = default;
    explicit RenderContext(const MapSettings &settings)
        : m_settings(settings), m_extent(settings.visibleExtent()), m_mupp(settings.mapUnitsPerPixel())
    {
    }

    const MapSettings &settings() const { return m_settings; }
    /// The extent drawn (already fitted to the output aspect ratio).
    const Envelope &extent() const { return m_extent; }
    double mapUnitsPerPixel() const { return m_mupp; }
    double dpi() const { return m_settings.dpi(); }
    QSize outputSize() const { return m_settings.outputSize(); }

    /// Vector targets (PDF, SVG) get real vector markers instead of cached marker images.
    bool isVectorOutput() const { return m_vector; }
    void setVectorOutput(bool v) { m_vector = v; }

    void setCancelFlag(const std::atomic_bool *flag) { m_cancel = flag; }
    const std::atomic_bool *cancelFlag() const { return m_cancel; }
    bool isCancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }

private:
    MapSettings m_settings;
    Envelope m_extent;
    double m_mupp = 1.0;
    bool m_vector = false;
    const std::atomic_bool *m_cancel = nullptr;
};

} // namespace kw
