// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <proj.h>

namespace kw::proj {

/// \brief The PROJ context of the calling thread (PROJ objects must not cross threads).
PJ_CONTEXT *context();

/// \brief Owns a PJ and destroys it with the thread's context.
struct PjPtr
{
    PJ *pj = nullptr;
    explicit PjPtr(PJ *p = nullptr) : pj(p) {}
    PjPtr(const PjPtr &) = delete;
    PjPtr &operator=(const PjPtr &) = delete;
    PjPtr(PjPtr &&o) noexcept : pj(o.pj) { o.pj = nullptr; }
    ~PjPtr()
    {
        if (pj)
            proj_destroy(pj);
    }
    explicit operator bool() const { return pj != nullptr; }
};

} // namespace kw::proj
