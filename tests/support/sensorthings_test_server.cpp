// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/sensorthings_test_server.h"

#include <QPointer>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace kw::test {

/// \brief Lives in the server thread: accepts connections, parses one request each, answers it.
class SensorThingsTestServer::Worker : public QObject
{
public:
    Worker(SensorThingsTestServer *owner) : m_owner(owner) {}

    void listen(QSemaphore *done, quint16 *port)
    {
        m_server = new QTcpServer(this);
        if (m_server->listen(QHostAddress::LocalHost, 0)) {
            *port = m_server->serverPort();
            connect(m_server, &QTcpServer::newConnection, this, [this] {
                while (QTcpSocket *s = m_server->nextPendingConnection())
                    serve(s);
            });
        }
        done->release();
    }

private:
    void serve(QTcpSocket *socket)
    {
        socket->setParent(this);
        // A client that never finishes its request is dropped after a while.
        QTimer::singleShot(30000, socket, [socket] { socket->abort(); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            QByteArray &buffer = m_buffers[socket];
            buffer += socket->readAll();
            if (buffer.size() > 65536) {
                socket->abort();
                return;
            }
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0) return;
            const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
            m_buffers.remove(socket);
            disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
            if (requestLine.size() < 3 || requestLine[0] != "GET") {
                respond(socket, Response{405, "{\"message\":\"only GET\"}"});
                return;
            }
            const QUrl url(QString::fromLatin1(requestLine[1]), QUrl::TolerantMode);
            const QString path = url.path(QUrl::FullyDecoded);
            const QUrlQuery query(url);
            {
                QMutexLocker lock(&m_owner->m_mutex);
                m_owner->m_requests << path + (query.isEmpty()
                                                   ? QString()
                                                   : QLatin1Char('?') + query.toString(QUrl::FullyDecoded));
            }
            const auto handler = m_owner->m_routes.constFind(path);
            Response r =
                handler == m_owner->m_routes.cend()
                    ? Response{404, "{\"code\":404,\"type\":\"error\",\"message\":\"Nothing found.\"}"}
                    : (*handler)(query);
            r.body.replace("{base}", m_owner->baseUrl().toUtf8());
            if (r.delayMs < 0) return; // never answer: the socket is dropped by its timer
            if (r.delayMs > 0) {
                QPointer<QTcpSocket> guard(socket);
                QTimer::singleShot(r.delayMs, this, [this, guard, r] {
                    if (guard) respond(guard, r);
                });
                return;
            }
            respond(socket, r);
        });
    }

    static QByteArray reason(int status)
    {
        switch (status) {
        case 200:
            return "OK";
        case 400:
            return "Bad Request";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 500:
            return "Internal Server Error";
        case 501:
            return "Not Implemented";
        case 503:
            return "Service Unavailable";
        default:
            return "Status";
        }
    }

    void respond(QTcpSocket *socket, const Response &r)
    {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reason(r.status) + "\r\n";
        head += "Content-Type: " + r.contentType + "\r\n";
        head += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
        head += "Connection: close\r\n\r\n";
        socket->write(head + r.body);
        socket->disconnectFromHost();
    }

    SensorThingsTestServer *m_owner;
    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

SensorThingsTestServer::SensorThingsTestServer(int lifetimeMs) : m_lifetimeMs(lifetimeMs) {}

SensorThingsTestServer::~SensorThingsTestServer()
{
    m_thread.quit();
    m_thread.wait();
}

void SensorThingsTestServer::route(const QString &path, Handler handler)
{
    m_routes.insert(path, std::move(handler));
}

void SensorThingsTestServer::route(const QString &path, const QByteArray &body, int status)
{
    route(path, [body, status](const QUrlQuery &) { return Response{status, body}; });
}

bool SensorThingsTestServer::start()
{
    m_worker = new Worker(this);
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    QSemaphore done;
    QMetaObject::invokeMethod(m_worker, [this, &done] { m_worker->listen(&done, &m_port); });
    done.acquire();
    // Self-stopping: a forgotten server does not outlive its test by much.
    QMetaObject::invokeMethod(
        m_worker, [this] { QTimer::singleShot(m_lifetimeMs, m_worker, [this] { m_thread.quit(); }); });
    return m_port != 0;
}

QString SensorThingsTestServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

QStringList SensorThingsTestServer::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

} // namespace kw::test
