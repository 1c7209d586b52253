// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QUrlQuery>
#include <functional>
#include <memory>

class QTcpServer;

namespace kw::test {

/// \brief A small HTTP server on 127.0.0.1 (a free port) that answers GET requests from a route table.
///
/// It runs in a thread of its own, so clients may wait for it synchronously on any thread, including the
/// test's main thread. Bounded and self-stopping: each connection is closed after one response, a request
/// larger than 64 KiB is refused, and the server stops when destroyed or after \a lifetimeMs.
/// Routes match the decoded path exactly; "{base}" in a response body is replaced by the server's base
/// URL (http://127.0.0.1:PORT), so bodies can hold absolute @iot.nextLink and selfLink URLs.
class SensorThingsTestServer
{
public:
    /// \brief The answer to one request.
    struct Response
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        /// Answer only after this long; negative: never answer (the client must time out).
        int delayMs = 0;
    };
    using Handler = std::function<Response(const QUrlQuery &query)>;

    explicit SensorThingsTestServer(int lifetimeMs = 120000);
    ~SensorThingsTestServer();

    /// Adds a route; call before start().
    void route(const QString &path, Handler handler);
    void route(const QString &path, const QByteArray &body, int status = 200);
    /// Starts listening; false when no port could be bound.
    bool start();
    /// "http://127.0.0.1:PORT".
    QString baseUrl() const;
    /// Request targets seen so far (decoded path and query), in order.
    QStringList requests() const;

private:
    class Worker;
    QHash<QString, Handler> m_routes;
    QThread m_thread;
    Worker *m_worker = nullptr;
    int m_lifetimeMs;
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    QStringList m_requests;
};

} // namespace kw::test
