// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crs/crs.h"

#include "core/crs/proj_context.h"

#include <QHash>
#include <QMutex>
#include <QRegularExpression>

namespace kw {

namespace proj {

namespace {
struct ThreadContext
{
    PJ_CONTEXT *ctx = proj_context_create();
    // PROJ's own log goes to stderr by default ("proj_create: crs not found" above every CLI error); keep
    // the last error line instead: it is the useful part of the message.
    QByteArray lastError;
    ThreadContext()
    {
        proj_log_func(ctx, this, [](void *data, int level, const char *message) {
            if (level <= PJ_LOG_ERROR && message)
                static_cast<ThreadContext *>(data)->lastError = message;
        });
    }
    ~ThreadContext() { proj_context_destroy(ctx); }
};

ThreadContext &threadContext()
{
    thread_local ThreadContext tc;
    return tc;
}
} // namespace

PJ_CONTEXT *context()
{
    return threadContext().ctx;
}

} // namespace proj

struct Crs::Data
{
    QString wkt;
    QString authId;
    std::optional<int> epsg;
    QString name;
    QString projString;
    bool geographic = false;
};

namespace {

QString lastProjError()
{
    const QByteArray &logged = proj::threadContext().lastError;
    if (!logged.isEmpty())
        return QString::fromUtf8(logged).section(QLatin1String(": "), -1); // drop the "proj_create: " prefix
    PJ_CONTEXT *ctx = proj::context();
    const int err = proj_context_errno(ctx);
    return err ? QString::fromUtf8(proj_context_errno_string(ctx, err)) : QString();
}

// Building a Crs from text costs a database lookup; maps reuse a handful of CRSs, so cache them.
QMutex g_cacheMutex;
QHash<QString, Crs> g_cache;

} // namespace

Result<Crs> Crs::fromUserInput(const QString &text)
{
    QString input = text.trimmed();
    if (input.isEmpty())
        return Error::input(QStringLiteral("empty CRS definition"));
    {
        QMutexLocker lock(&g_cacheMutex);
        auto it = g_cache.constFind(input);
        if (it != g_cache.constEnd())
            return *it;
    }
    QString def = input;
    static const QRegularExpression digits(QStringLiteral("^\\d{4,6}$"));
    if (digits.match(def).hasMatch())
        def = QStringLiteral("EPSG:") + def;
    if (def.startsWith(QLatin1String("+proj")) && !def.contains(QLatin1String("+type=crs")))
        def += QStringLiteral(" +type=crs");
    PJ_CONTEXT *ctx = proj::context();
    proj_context_errno(ctx);
    proj::threadContext().lastError.clear();
    proj::PjPtr pj(proj_create(ctx, def.toUtf8().constData()));
    if (!pj)
        return Error::input(QStringLiteral("unknown CRS '%1'%2")
                                .arg(input.left(120),
                                     lastProjError().isEmpty() ? QString() : QStringLiteral(": ") + lastProjError()));
    Result<Crs> r = fromProjObject(pj.pj, input);
    if (r.ok()) {
        QMutexLocker lock(&g_cacheMutex);
        g_cache.insert(input, *r);
    }
    return r;
}

Result<Crs> Crs::fromEpsg(int code)
{
    return fromUserInput(QStringLiteral("EPSG:%1").arg(code));
}

Result<Crs> Crs::fromWkt(const QString &wkt)
{
    return fromUserInput(wkt);
}

Crs Crs::etrs89Utm32()
{
    static const Crs crs = *fromEpsg(25832);
    return crs;
}

Crs Crs::wgs84()
{
    static const Crs crs = *fromEpsg(4326);
    return crs;
}

Result<Crs> Crs::fromProjObject(void *object, const QString &input)
{
    PJ *pj = static_cast<PJ *>(object);
    PJ_CONTEXT *ctx = proj::context();
    if (!proj_is_crs(pj))
        return Error::input(QStringLiteral("'%1' is not a coordinate reference system").arg(input.left(120)));
    auto d = std::make_shared<Data>();
    const char *opts[] = {"MULTILINE=NO", nullptr};
    if (const char *w = proj_as_wkt(ctx, pj, PJ_WKT2_2019, opts))
        d->wkt = QString::fromUtf8(w);
    if (const char *n = proj_get_name(pj))
        d->name = QString::fromUtf8(n);
    if (const char *p = proj_as_proj_string(ctx, pj, PJ_PROJ_5, nullptr))
        d->projString = QString::fromUtf8(p);
    PJ_TYPE type = proj_get_type(pj);
    PJ *base = pj;
    proj::PjPtr horizontal;
    if (type == PJ_TYPE_BOUND_CRS || type == PJ_TYPE_COMPOUND_CRS) {
        horizontal.pj = type == PJ_TYPE_BOUND_CRS ? proj_get_source_crs(ctx, pj) : proj_crs_get_sub_crs(ctx, pj, 0);
        if (horizontal)
            base = horizontal.pj;
        type = proj_get_type(base);
    }
    d->geographic = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS;

    const char *auth = proj_get_id_auth_name(pj, 0);
    const char *code = proj_get_id_code(pj, 0);
    if (auth && code && QByteArray(auth) == "EPSG") {
        d->epsg = QByteArray(code).toInt();
    } else if (!auth) {
        // WKT1 from .prj files rarely carries an id: ask PROJ which EPSG CRS it is, trusting only a single
        // near-certain match (the same threshold QGIS uses for ESRI WKT).
        int *confidence = nullptr;
        PJ_OBJ_LIST *list = proj_identify(ctx, pj, "EPSG", nullptr, &confidence);
        if (list) {
            const int n = proj_list_get_count(list);
            int best = -1, bestConfidence = 0, atBest = 0;
            for (int i = 0; i < n; ++i) {
                if (confidence[i] > bestConfidence) {
                    bestConfidence = confidence[i];
                    best = i;
                    atBest = 1;
                } else if (confidence[i] == bestConfidence) {
                    ++atBest;
                }
            }
            if (best >= 0 && bestConfidence >= 90 && atBest == 1) {
                proj::PjPtr match(proj_list_get(ctx, list, best));
                if (const char *c = proj_get_id_code(match.pj, 0))
                    d->epsg = QByteArray(c).toInt();
            }
            proj_list_destroy(list);
            proj_int_list_destroy(confidence);
        }
    }
    if (d->epsg)
        d->authId = QStringLiteral("EPSG:%1").arg(*d->epsg);
    Crs crs;
    crs.d = std::move(d);
    return crs;
}

QString Crs::authId() const
{
    return d ? d->authId : QString();
}
std::optional<int> Crs::epsg() const
{
    return d ? d->epsg : std::nullopt;
}
QString Crs::name() const
{
    return d ? d->name : QString();
}
QString Crs::wkt() const
{
    return d ? d->wkt : QString();
}
QString Crs::projString() const
{
    return d ? d->projString : QString();
}
bool Crs::isGeographic() const
{
    return d && d->geographic;
}

QString Crs::description() const
{
    if (!d)
        return QStringLiteral("unknown");
    if (d->authId.isEmpty())
        return d->name;
    return d->authId + QLatin1Char(' ') + d->name;
}

bool Crs::operator==(const Crs &o) const
{
    if (d == o.d)
        return true;
    if (!d || !o.d)
        return false;
    if (d->epsg && o.d->epsg)
        return *d->epsg == *o.d->epsg;
    return d->wkt == o.d->wkt;
}

} // namespace kw

namespace kw {

namespace {

QList<CrsInfo> readCrsDatabase()
{
    QList<CrsInfo> out;
    PJ_CONTEXT *ctx = proj::context();
    PROJ_CRS_LIST_PARAMETERS *params = proj_get_crs_list_parameters_create();
    // What a map can be drawn in: projected and 2D geographic CRSs (no geocentric, vertical or compound).
    const PJ_TYPE types[] = {PJ_TYPE_PROJECTED_CRS, PJ_TYPE_GEOGRAPHIC_2D_CRS};
    params->types = types;
    params->typesCount = 2;
    params->allow_deprecated = 0;
    int count = 0;
    PROJ_CRS_INFO **list = proj_get_crs_info_list_from_database(ctx, nullptr, params, &count);
    proj_get_crs_list_parameters_destroy(params);
    if (!list)
        return out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        const PROJ_CRS_INFO *info = list[i];
        if (info->celestial_body_name && qstrcmp(info->celestial_body_name, "Earth") != 0)
            continue;
        CrsInfo c;
        c.authName = QString::fromUtf8(info->auth_name);
        c.code = QString::fromUtf8(info->code);
        c.name = QString::fromUtf8(info->name);
        c.areaName = info->area_name ? QString::fromUtf8(info->area_name) : QString();
        c.geographic = info->type == PJ_TYPE_GEOGRAPHIC_2D_CRS;
        c.deprecated = info->deprecated != 0;
        out.append(c);
    }
    proj_crs_info_list_destroy(list);
    // EPSG first (what planners type), then by numeric code where there is one.
    std::stable_sort(out.begin(), out.end(), [](const CrsInfo &a, const CrsInfo &b) {
        const bool ea = a.authName == QLatin1String("EPSG"), eb = b.authName == QLatin1String("EPSG");
        if (ea != eb)
            return ea;
        if (a.authName != b.authName)
            return a.authName < b.authName;
        bool oka = false, okb = false;
        const qlonglong ca = a.code.toLongLong(&oka), cb = b.code.toLongLong(&okb);
        if (oka && okb)
            return ca < cb;
        return a.code < b.code;
    });
    return out;
}

} // namespace

QList<CrsInfo> Crs::searchDatabase(const QString &query)
{
    static const QList<CrsInfo> all = readCrsDatabase(); // thread-safe static initialisation
    const QStringList words = query.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return all;
    QList<CrsInfo> out;
    for (const CrsInfo &c : all) {
        bool match = true;
        for (const QString &w : words) {
            if (!c.code.contains(w, Qt::CaseInsensitive) && !c.name.contains(w, Qt::CaseInsensitive) &&
                !c.authId().contains(w, Qt::CaseInsensitive)) {
                match = false;
                break;
            }
        }
        if (match)
            out.append(c);
    }
    // An exact code match first: typing "25832" should put EPSG:25832 on top.
    std::stable_partition(out.begin(), out.end(), [&](const CrsInfo &c) {
        return words.size() == 1 && (c.code == words.front() || c.authId().compare(words.front(), Qt::CaseInsensitive) == 0);
    });
    return out;
}

} // namespace kw
