// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/geometry/geos_context.h"

#include <QByteArray>
#include <QLoggingCategory>

#include <cstdarg>
#include <cstdio>

namespace kw::geos {
namespace {

void onMessage(const char *message, void *)
{
    // GEOS reports parse errors here; callers turn a null result into a Result error of their own.
    qDebug("GEOS: %s", message);
}

struct ThreadContext
{
    GEOSContextHandle_t handle = GEOS_init_r();
    ThreadContext()
    {
        GEOSContext_setNoticeMessageHandler_r(handle, onMessage, nullptr);
        GEOSContext_setErrorMessageHandler_r(handle, onMessage, nullptr);
    }
    ~ThreadContext() { GEOS_finish_r(handle); }
};

} // namespace

GEOSContextHandle_t context()
{
    thread_local ThreadContext ctx;
    return ctx.handle;
}

} // namespace kw::geos
