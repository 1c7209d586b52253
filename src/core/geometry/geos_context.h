// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <geos_c.h>

namespace kw::geos {

/// \brief The GEOS handle of the calling thread (the reentrant API needs one per thread).
GEOSContextHandle_t context();

} // namespace kw::geos
