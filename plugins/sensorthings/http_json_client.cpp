// SPDX-License-Identifier: GPL-3.0-or-later
#include "http_json_client.h"

#include <QEventLoop>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTimer>
#include <memory>

namespace kw::sta {

namespace {

/// The message a server put into an error body: {"message": …} (FROST), {"error": {"message": …}}, or text.
QString serverMessage(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        for (const char *key : {"message", "description", "detail"})
            if (o.value(QLatin1String(key)).isString()) return o.value(QLatin1String(key)).toString();
        const QJsonValue e = o.value(QLatin1String("error"));
        if (e.isString()) return e.toString();
        if (e.isObject() && e.toObject().value(QLatin1String("message")).isString())
            return e.toObject().value(QLatin1String("message")).toString();
    }
    const QString text = QString::fromUtf8(body.left(200)).simplified();
    return text;
}

} // namespace

Result<QJsonDocument> HttpJsonClient::get(const QUrl &url)
{
    m_lastStatus = 0;
    const QString where = url.toDisplayString();
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Kartenwerk"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(m_timeoutMs);
    if (!reply->isFinished()) loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!reply->isFinished()) {
        reply->abort();
        return Error::input(
            QStringLiteral("%1: no response within %2 s").arg(where).arg(m_timeoutMs / 1000.0));
    }
    m_lastStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (m_lastStatus >= 400 || (reply->error() != QNetworkReply::NoError && m_lastStatus > 0)) {
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        const QString message = serverMessage(body);
        return Error::input(QStringLiteral("%1: HTTP %2%3%4")
                                .arg(where)
                                .arg(m_lastStatus)
                                .arg(reason.isEmpty() ? QString() : QLatin1Char(' ') + reason,
                                     message.isEmpty() ? QString() : QStringLiteral(": ") + message));
    }
    if (reply->error() != QNetworkReply::NoError)
        return Error::input(QStringLiteral("%1: %2").arg(where, reply->errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (doc.isNull())
        return Error::input(QStringLiteral("%1: malformed JSON (%2 at byte %3 of %4)")
                                .arg(where, error.errorString())
                                .arg(error.offset)
                                .arg(body.size()));
    return doc;
}

} // namespace kw::sta
