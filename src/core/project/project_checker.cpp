// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/project_checker.h"

#include "core/layers/layer.h"
#include "core/layers/vector_layer.h"
#include "core/layout/layout_exporter.h"
#include "core/project/project.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFontInfo>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPainter>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>

namespace kw {

QString CheckIssue::kindName(Kind kind)
{
    switch (kind) {
    case Kind::MissingData:
        return QStringLiteral("missing_data");
    case Kind::LoadError:
        return QStringLiteral("load_error");
    case Kind::UnknownCrs:
        return QStringLiteral("unknown_crs");
    case Kind::MissingFont:
        return QStringLiteral("missing_font");
    case Kind::UnreachableService:
        return QStringLiteral("unreachable_service");
    case Kind::Substitution:
        return QStringLiteral("substitution");
    case Kind::Rasterised:
        return QStringLiteral("rasterised");
    case Kind::Layout:
        return QStringLiteral("layout");
    }
    return QStringLiteral("other");
}

QString CheckIssue::severityName(Severity s)
{
    switch (s) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return QStringLiteral("info");
}

bool CheckReport::hasErrors() const
{
    return count(CheckIssue::Severity::Error) > 0;
}

int CheckReport::count(CheckIssue::Severity severity) const
{
    return int(std::count_if(issues.begin(), issues.end(),
                             [&](const CheckIssue &i) { return i.severity == severity; }));
}

QJsonObject CheckReport::toJson() const
{
    QJsonArray list;
    for (const CheckIssue &i : issues)
        list.append(QJsonObject{{QStringLiteral("severity"), CheckIssue::severityName(i.severity)},
                                {QStringLiteral("kind"), CheckIssue::kindName(i.kind)},
                                {QStringLiteral("subject"), i.subject},
                                {QStringLiteral("message"), i.message}});
    return {{QStringLiteral("ok"), !hasErrors()},
            {QStringLiteral("layers"), layers},
            {QStringLiteral("layouts"), layouts},
            {QStringLiteral("errors"), count(CheckIssue::Severity::Error)},
            {QStringLiteral("warnings"), count(CheckIssue::Severity::Warning)},
            {QStringLiteral("issues"), list}};
}

QString ProjectChecker::serviceUrl(const QString &source)
{
    static const QRegularExpression url(QStringLiteral("(https?://[^\\s|,\"']+)"),
                                        QRegularExpression::CaseInsensitiveOption);
    const auto m = url.match(source);
    if (!m.hasMatch()) return {};
    QString u = m.captured(1);
    // A tile template: ask for the one tile every zoom pyramid has.
    u.replace(QLatin1String("{z}"), QLatin1String("0"))
        .replace(QLatin1String("{x}"), QLatin1String("0"))
        .replace(QLatin1String("{y}"), QLatin1String("0"))
        .replace(QLatin1String("{-y}"), QLatin1String("0"));
    return u;
}

QString ProjectChecker::probeUrl(const QString &url, int timeoutMs)
{
    QNetworkAccessManager manager;
    const auto attempt = [&](bool head) -> std::pair<int, QString> {
        QNetworkRequest request{QUrl(url)};
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        request.setTransferTimeout(timeoutMs);
        QNetworkReply *reply = head ? manager.head(request) : manager.get(request);
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        // Enough of a GET is read to know the server answers; the body is not wanted.
        QObject::connect(reply, &QNetworkReply::readyRead, &loop, &QEventLoop::quit);
        timer.start(timeoutMs);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QString error;
        if (!reply->isFinished() && status == 0)
            error = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
        else if (reply->error() != QNetworkReply::NoError && status == 0)
            error = reply->errorString();
        reply->abort();
        reply->deleteLater();
        return {status, error};
    };
    auto [status, error] = attempt(true);
    if (status == 405 || status == 501) // servers that refuse HEAD still answer GET
        std::tie(status, error) = attempt(false);
    if (!error.isEmpty()) return error;
    if (status >= 400) return QStringLiteral("HTTP %1").arg(status);
    return {};
}

namespace {

/// Font families named anywhere in a layout's JSON ("family" keys, a chart's "font").
void collectFamilies(const QJsonValue &v, QSet<QString> &out)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() == QLatin1String("family") && it.value().isString())
                out.insert(it.value().toString());
            else if (it.key() == QLatin1String("font") && it.value().isString())
                out.insert(it.value().toString());
            else
                collectFamilies(it.value(), out);
        }
    } else if (v.isArray()) {
        for (const QJsonValue &x : v.toArray())
            collectFamilies(x, out);
    }
}

} // namespace

CheckReport ProjectChecker::check(Project &project, const Options &options)
{
    CheckReport report;
    using S = CheckIssue::Severity;
    using K = CheckIssue::Kind;
    const auto add = [&](S s, K k, const QString &subject, const QString &message) {
        report.issues.append({s, k, subject, message});
    };
    if (!project.crs().isValid())
        add(S::Error, K::UnknownCrs, QStringLiteral("project"), QStringLiteral("the map CRS is unknown"));

    // Data: existence and reachability first (cheap, and the reason a load would fail).
    const QList<std::shared_ptr<Layer>> layers = project.layers();
    report.layers = int(layers.size());
    QSet<QString> unavailable;
    for (const auto &l : layers) {
        const SourceUri &uri = l->source();
        if (!uri.crs.isEmpty() && !Crs::fromUserInput(uri.crs).ok())
            add(S::Error, K::UnknownCrs, l->name(),
                QStringLiteral("source CRS '%1' is unknown to PROJ").arg(uri.crs));
        const QString url = serviceUrl(uri.path);
        if (!url.isEmpty()) {
            if (options.timeoutMs > 0) {
                const QString why = probeUrl(url, options.timeoutMs);
                if (!why.isEmpty()) {
                    add(S::Error, K::UnreachableService, l->name(), QStringLiteral("%1: %2").arg(url, why));
                    unavailable.insert(l->id());
                }
            }
        } else if (uri.isLocalPath() && !QFileInfo::exists(uri.path)) {
            add(S::Error, K::MissingData, l->name(), QStringLiteral("%1: no such file").arg(uri.path));
            unavailable.insert(l->id());
        }
    }
    // Loading reads what exists; layers that are missing or unreachable are not tried again.
    for (const auto &l : layers) {
        if (unavailable.contains(l->id())) continue;
        if (Status st = l->load(project.crs()); !st.ok()) {
            add(S::Error, K::LoadError, l->name(), st.error().message);
            continue;
        }
        if (!l->sourceCrs().isValid())
            add(S::Warning, K::UnknownCrs, l->name(),
                QStringLiteral(
                    "the data declares no CRS; it is taken to be in the map CRS (set source_crs)"));
        if (l->kind() == Layer::Kind::Vector) {
            const auto &v = static_cast<const VectorLayer &>(*l);
            if (v.store() && v.store()->report().untransformable)
                add(S::Warning, K::UnknownCrs, l->name(),
                    QStringLiteral("%1 feature(s) lie outside the area of the map CRS")
                        .arg(v.store()->report().untransformable));
        }
    }

    // Fonts: labels of layers and every font a layout names.
    QSet<QString> families;
    QHash<QString, QString> usedBy;
    for (const auto &l : layers)
        if (l->kind() == Layer::Kind::Vector) {
            const LabelSettings &labels = static_cast<const VectorLayer &>(*l).labels();
            if (labels.enabled && !labels.fontFamily.isEmpty()) {
                families.insert(labels.fontFamily);
                usedBy.insert(labels.fontFamily, QStringLiteral("labels of %1").arg(l->name()));
            }
        }
    std::vector<const Layout *> layouts;
    for (const Layout &layout : project.layouts())
        if (options.layout.isEmpty() || layout.name() == options.layout) layouts.push_back(&layout);
    if (!options.layout.isEmpty() && layouts.empty())
        add(S::Error, K::Layout, options.layout, QStringLiteral("the project has no layout of this name"));
    report.layouts = int(layouts.size());
    for (const Layout *layout : layouts) {
        QSet<QString> f;
        collectFamilies(layout->toJson(), f);
        for (const QString &family : std::as_const(f)) {
            families.insert(family);
            if (!usedBy.contains(family))
                usedBy.insert(family, QStringLiteral("layout %1").arg(layout->name()));
        }
    }
    for (const QString &family : std::as_const(families))
        if (!QFontDatabase::hasFamily(family))
            add(S::Error, K::MissingFont, family,
                QStringLiteral("not installed (used by %1); an export would use '%2'")
                    .arg(usedBy.value(family), QFontInfo(QFont(family)).family()));

    // Layouts: a dry run of each at low resolution, as a vector export, tells what an export would
    // substitute, rasterise or fail to evaluate — with the same code the export uses.
    const auto snapshot = LayoutProjectSnapshot::fromProject(project);
    for (const Layout *layout : layouts) {
        const QString subject = QStringLiteral("layout %1").arg(layout->name());
        LayoutExporter exporter(*layout, snapshot);
        std::optional<AtlasIterator> atlas;
        if (layout->atlas().enabled) {
            auto it = AtlasIterator::create(layout->atlas(), *snapshot,
                                            LayoutExporter::layoutVariables(*layout, *snapshot, {}));
            if (!it.ok()) {
                add(S::Error, K::Layout, subject, it.error().message);
            } else if (it->count() == 0) {
                add(S::Warning, K::Layout, subject, QStringLiteral("the atlas has no pages (filter?)"));
            } else {
                atlas = std::move(*it);
                exporter.setIteration(&*atlas, 0);
            }
        }
        ExportLog log;
        for (int p = 0; p < layout->pages().size(); ++p) {
            const QSizeF mm = layout->pages()[p].size;
            QImage image(std::max(1, int(mm.width() * 30 / 25.4)), std::max(1, int(mm.height() * 30 / 25.4)),
                         QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            QPainter painter(&image);
            exporter.renderPage(painter, p, 30, true, &log);
        }
        for (const QString &s : log.substitutions())
            add(s.startsWith(QLatin1String("font")) ? S::Warning : S::Error, K::Substitution, subject, s);
        for (const QString &s : log.rasterisedItems())
            add(S::Info, K::Rasterised, subject, s);
        for (const QString &s : log.warnings())
            add(S::Warning, K::Layout, subject, s);
    }
    return report;
}

} // namespace kw
