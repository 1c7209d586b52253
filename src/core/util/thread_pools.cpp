// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/thread_pools.h"

#include <QThread>
#include <QThreadPool>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <windows.h>
#endif

namespace kw {

QThreadPool *ThreadPools::render()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool; // lives as long as the process: workers may still finish at exit
        p->setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
        p->setObjectName(QStringLiteral("kw-render"));
        return p;
    }();
    return pool;
}

QThreadPool *ThreadPools::background()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
        p->setObjectName(QStringLiteral("kw-background"));
        return p;
    }();
    return pool;
}

void ThreadPools::lowerWorkerPriority()
{
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
#if defined(Q_OS_LINUX)
    // Linux keeps a nice value per thread; +5 leaves workers most of the CPU unless the UI needs it.
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 5);
#elif defined(Q_OS_WIN)
    SetThreadPriority(GetCurrentThread(), THREAD_PRIORITY_BELOW_NORMAL);
#endif
}

} // namespace kw
