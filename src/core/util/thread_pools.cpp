// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/thread_pools.h"

#include <QThread>
#include <QThreadPool>

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

} // namespace kw
