// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layout/layout_render_context.h"

#include "core/layers/layer.h"
#include "core/project/project.h"

#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFontInfo>

namespace kw {

std::shared_ptr<const LayoutProjectSnapshot> LayoutProjectSnapshot::fromProject(const Project &project)
{
    auto s = std::make_shared<LayoutProjectSnapshot>();
    s->title = project.title();
    s->filePath = project.filePath();
    s->crs = project.crs();
    s->extent = project.extent();
    s->fullExtent = project.fullExtent();
    QList<std::shared_ptr<Layer>> all = project.layers(); // top first
    std::reverse(all.begin(), all.end());
    for (const auto &l : std::as_const(all))
        s->layers << l->clone();
    for (const auto &l : project.renderLayers())
        s->visibleIds << l->id();
    s->variables = project.variables();
    return s;
}

std::shared_ptr<Layer> LayoutProjectSnapshot::layer(const QString &id) const
{
    for (const auto &l : layers)
        if (l->id() == id) return l;
    for (const auto &l : layers) // names work too: hand-written layouts often use them
        if (l->name() == id) return l;
    return nullptr;
}

QList<std::shared_ptr<Layer>> LayoutProjectSnapshot::visibleLayers() const
{
    QList<std::shared_ptr<Layer>> out;
    for (const auto &l : layers)
        if (visibleIds.contains(l->id())) out << l;
    return out;
}

QString LayoutProjectSnapshot::resolvePath(const QString &path) const
{
    if (path.isEmpty() || path.startsWith(QLatin1String(":/")) || QFileInfo(path).isAbsolute() ||
        filePath.isEmpty())
        return path;
    return QDir::cleanPath(QFileInfo(filePath).absoluteDir().absoluteFilePath(path));
}

// ---- ExportLog ------------------------------------------------------------------------------------

ExportLog::ExportLog(const ExportLog &o)
{
    QMutexLocker lock(&o.m_mutex);
    m_rasterised = o.m_rasterised;
    m_substitutions = o.m_substitutions;
    m_warnings = o.m_warnings;
}

ExportLog &ExportLog::operator=(const ExportLog &o)
{
    if (this == &o) return *this;
    const ExportLog copy(o);
    QMutexLocker lock(&m_mutex);
    m_rasterised = copy.m_rasterised;
    m_substitutions = copy.m_substitutions;
    m_warnings = copy.m_warnings;
    return *this;
}

void ExportLog::rasterised(const QString &what)
{
    QMutexLocker lock(&m_mutex);
    if (!m_rasterised.contains(what)) m_rasterised << what;
}

void ExportLog::substituted(const QString &what)
{
    QMutexLocker lock(&m_mutex);
    if (!m_substitutions.contains(what)) m_substitutions << what;
}

void ExportLog::warn(const QString &what)
{
    QMutexLocker lock(&m_mutex);
    if (!m_warnings.contains(what)) m_warnings << what;
}

void ExportLog::merge(const ExportLog &other)
{
    const ExportLog copy(other);
    for (const QString &s : copy.m_rasterised)
        rasterised(s);
    for (const QString &s : copy.m_substitutions)
        substituted(s);
    for (const QString &s : copy.m_warnings)
        warn(s);
}

QStringList ExportLog::rasterisedItems() const
{
    QMutexLocker lock(&m_mutex);
    return m_rasterised;
}

QStringList ExportLog::substitutions() const
{
    QMutexLocker lock(&m_mutex);
    return m_substitutions;
}

QStringList ExportLog::warnings() const
{
    QMutexLocker lock(&m_mutex);
    return m_warnings;
}

bool ExportLog::isEmpty() const
{
    QMutexLocker lock(&m_mutex);
    return m_rasterised.isEmpty() && m_substitutions.isEmpty() && m_warnings.isEmpty();
}

// ---- LayoutRenderContext --------------------------------------------------------------------------

QFont LayoutRenderContext::font(const QString &family, double pointSize, bool bold, bool italic) const
{
    QFont f(family);
    f.setPixelSize(std::max(1, int(pointSize * dpi / 72.0 + 0.5)));
    f.setBold(bold);
    f.setItalic(italic);
    // No ligatures: a PDF's text must be found by searching for "Pfaff", which "Pfa\uFB00" is not.
    f.setStyleStrategy(QFont::PreferNoShaping);
    // Fontconfig silently substitutes a missing family; say so, because the page will look different.
    if (log && !family.isEmpty() && !QFontDatabase::hasFamily(family))
        log->substituted(
            QStringLiteral("font '%1' is not installed; drawn with '%2'").arg(family, QFontInfo(f).family()));
    return f;
}

ExpressionContext LayoutRenderContext::expressionContext() const
{
    ExpressionContext c;
    c.setVariables(variables);
    if (atlas && atlas->store) {
        c.setTable(&atlas->store->attributes());
        c.setRow(atlas->row);
        c.setFeatureId(atlas->store->fid(atlas->row));
    }
    return c;
}

void LayoutRenderContext::rasterised(const QString &what) const
{
    if (log) log->rasterised(what);
}

void LayoutRenderContext::substituted(const QString &what) const
{
    if (log) log->substituted(what);
}

void LayoutRenderContext::warn(const QString &what) const
{
    if (log) log->warn(what);
}

} // namespace kw
