// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QThreadPool;

namespace kw {

/// \brief Kartenwerk's own worker pools, kept apart from QThreadPool::globalInstance().
///
/// Qt's image scaling and conversion split their work over the global pool and the calling thread waits
/// for it (QSemaphore); when long render or load tasks fill that pool, a plain drawImage() in a paint
/// event waits for them, and the UI stalls for hundreds of milliseconds. So our long tasks never run there.
class ThreadPools
{
public:
    /// Render jobs (one thread per core).
    static QThreadPool *render();
    /// Loading, sorting, classifying: long background work of the desktop app.
    static QThreadPool *background();
    /// Lowers the scheduling priority of the calling worker thread (once per thread), so that on a busy
    /// machine the UI thread gets the CPU first. Tasks in these pools call it as their first statement.
    static void lowerWorkerPriority();
};

} // namespace kw
