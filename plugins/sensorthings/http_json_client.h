// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QUrl>

namespace kw::sta {

/// \brief Synchronous HTTP GET of JSON documents for code that must not return before it has the answer.
///
/// Each request runs a local QEventLoop in the calling thread, so the client works on the main thread of
/// the CLI as well as in a worker thread (every QThread has an event dispatcher); it never touches another
/// thread's objects. Create one client per thread. Every failure becomes an Input error that names the URL:
/// HTTP status with the server's own message (SensorThings servers send a JSON error body), a network error,
/// no answer within the timeout, or a body that is not JSON.
class HttpJsonClient
{
public:
    explicit HttpJsonClient(int timeoutMs) : m_timeoutMs(timeoutMs) {}

    /// HTTP status of the last response (0 when none arrived).
    int lastStatus() const { return m_lastStatus; }
    Result<QJsonDocument> get(const QUrl &url);

private:
    QNetworkAccessManager m_nam;
    int m_timeoutMs;
    int m_lastStatus = 0;
};

} // namespace kw::sta
