// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layout/layout.h"

#include "core/layout/layout_map_item.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <cmath>

namespace kw {

namespace {
const QString kTemplateFormat = QStringLiteral("kartenwerk-layout");
const QStringList kLayoutKeys = {QStringLiteral("format"), QStringLiteral("version"),
                                 QStringLiteral("name"),   QStringLiteral("pages"),
                                 QStringLiteral("items"),  QStringLiteral("atlas")};
} // namespace

Layout::Layout(const Layout &o) : m_name(o.m_name), m_pages(o.m_pages), m_atlas(o.m_atlas), m_extra(o.m_extra)
{
    m_items.reserve(o.m_items.size());
    for (const auto &i : o.m_items)
        m_items.push_back(i->clone());
}

Layout &Layout::operator=(const Layout &o)
{
    if (this != &o) {
        Layout copy(o);
        *this = std::move(copy);
    }
    return *this;
}

LayoutItem *Layout::item(const QString &id)
{
    for (auto &i : m_items)
        if (i->id() == id) return i.get();
    return nullptr;
}

const LayoutItem *Layout::item(const QString &id) const
{
    for (const auto &i : m_items)
        if (i->id() == id) return i.get();
    return nullptr;
}

const LayoutItem *Layout::firstItem(LayoutItem::Type type) const
{
    for (const auto &i : m_items)
        if (i->type() == type) return i.get();
    return nullptr;
}

QString Layout::uniqueId(const QString &base) const
{
    const QString stem = base.isEmpty() ? QStringLiteral("item") : base;
    QString id = stem;
    for (int k = 2; item(id); ++k)
        id = QStringLiteral("%1_%2").arg(stem).arg(k);
    return id;
}

LayoutItem *Layout::addItem(std::unique_ptr<LayoutItem> item)
{
    return insertItem(int(m_items.size()), std::move(item));
}

LayoutItem *Layout::insertItem(int index, std::unique_ptr<LayoutItem> newItem)
{
    if (!newItem) return nullptr;
    if (newItem->id().isEmpty() || item(newItem->id()))
        newItem->setId(
            uniqueId(newItem->id().isEmpty() ? LayoutItem::typeName(newItem->type()) : newItem->id()));
    index = std::clamp(index, 0, int(m_items.size()));
    m_items.insert(m_items.begin() + index, std::move(newItem));
    return m_items[size_t(index)].get();
}

int Layout::indexOf(const QString &id) const
{
    for (size_t i = 0; i < m_items.size(); ++i)
        if (m_items[i]->id() == id) return int(i);
    return -1;
}

std::unique_ptr<LayoutItem> Layout::takeItem(const QString &id)
{
    const int i = indexOf(id);
    if (i < 0) return nullptr;
    auto out = std::move(m_items[size_t(i)]);
    m_items.erase(m_items.begin() + i);
    return out;
}

void Layout::moveItem(const QString &id, int newIndex)
{
    auto it = takeItem(id);
    if (it) insertItem(newIndex, std::move(it));
}

void Layout::addPageVariables(LayoutRenderContext &context) const
{
    context.variables.insert(QStringLiteral("layout_page"), context.page + 1);
    const LayoutRenderContext probe = [&] {
        LayoutRenderContext c = context;
        c.layout = this;
        return c;
    }();
    for (const auto &item : m_items)
        if (item->type() == LayoutItem::Type::Map && item->page() == context.page) {
            const double scale = static_cast<const LayoutMapItem &>(*item).mapSettings(probe).scale();
            context.variables.insert(QStringLiteral("map_scale"), double(std::llround(scale)));
            break;
        }
}

void Layout::renderPage(QPainter &painter, const LayoutRenderContext &context) const
{
    if (context.page < 0 || context.page >= m_pages.size()) return;
    const LayoutPage &page = m_pages[context.page];
    painter.fillRect(QRectF(0, 0, context.px(page.size.width()), context.px(page.size.height())),
                     page.background);
    LayoutRenderContext c = context;
    c.layout = this;
    for (const auto &i : m_items)
        if (i->page() == context.page) i->draw(painter, c);
}

QJsonObject Layout::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("name")] = m_name;
    QJsonArray pages;
    for (const LayoutPage &p : m_pages)
        pages.append(p.toJson());
    o[QStringLiteral("pages")] = pages;
    QJsonArray items;
    for (const auto &i : m_items)
        items.append(i->toJson());
    o[QStringLiteral("items")] = items;
    if (m_atlas.enabled || !m_atlas.coverageLayer.isEmpty()) o[QStringLiteral("atlas")] = m_atlas.toJson();
    for (auto it = m_extra.begin(); it != m_extra.end(); ++it)
        if (!o.contains(it.key())) o.insert(it.key(), it.value());
    return o;
}

Result<Layout> Layout::fromJson(const QJsonObject &o)
{
    Layout l;
    l.m_name = o.value(QLatin1String("name")).toString();
    const QString where = QStringLiteral("layout '%1'").arg(l.m_name);
    l.m_pages.clear();
    const QJsonArray pages = o.value(QLatin1String("pages")).toArray();
    for (int i = 0; i < pages.size(); ++i) {
        auto p = LayoutPage::fromJson(pages[i].toObject());
        if (!p.ok())
            return Error::input(
                QStringLiteral("%1, page %2: %3").arg(where).arg(i + 1).arg(p.error().message));
        l.m_pages << *p;
    }
    if (l.m_pages.isEmpty()) l.m_pages << LayoutPage();
    QSet<QString> ids;
    for (const QJsonValue &v : o.value(QLatin1String("items")).toArray()) {
        auto item = LayoutItem::fromJson(v.toObject());
        if (!item.ok()) return Error::input(QStringLiteral("%1: %2").arg(where, item.error().message));
        if (!(*item)->id().isEmpty() && ids.contains((*item)->id()))
            return Error::input(QStringLiteral("%1: two items with the id '%2'").arg(where, (*item)->id()));
        if ((*item)->page() >= l.m_pages.size())
            return Error::input(QStringLiteral("%1: item '%2' is on page %3, but the layout has %4 page(s)")
                                    .arg(where, (*item)->id())
                                    .arg((*item)->page() + 1)
                                    .arg(l.m_pages.size()));
        ids.insert((*item)->id());
        l.addItem(std::move(*item));
    }
    if (o.contains(QLatin1String("atlas"))) {
        auto atlas = AtlasSettings::fromJson(o.value(QLatin1String("atlas")).toObject());
        if (!atlas.ok()) return Error::input(QStringLiteral("%1: %2").arg(where, atlas.error().message));
        l.m_atlas = *atlas;
    }
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!kLayoutKeys.contains(it.key())) l.m_extra.insert(it.key(), it.value());
    return l;
}

Result<Layout> Layout::readTemplate(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::input(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (!doc.isObject())
        return Error::input(QStringLiteral("%1: not valid JSON (%2 at byte %3)")
                                .arg(path, error.errorString())
                                .arg(error.offset));
    const QString format = doc.object().value(QLatin1String("format")).toString();
    if (!format.isEmpty() && format != kTemplateFormat)
        return Error::input(QStringLiteral("%1: not a Kartenwerk layout (format '%2')").arg(path, format));
    auto layout = fromJson(doc.object());
    if (!layout.ok()) return Error::input(QStringLiteral("%1: %2").arg(path, layout.error().message));
    return layout;
}

Status Layout::writeTemplate(const QString &path) const
{
    QJsonObject o = toJson();
    o[QStringLiteral("format")] = kTemplateFormat;
    o[QStringLiteral("version")] = 1;
    const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Indented);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error::output(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    return {};
}

QStringList Layout::builtinTemplates()
{
    return {QStringLiteral("council_a4_landscape"), QStringLiteral("slide_16_9")};
}

Result<Layout> Layout::builtinTemplate(const QString &name)
{
    if (!builtinTemplates().contains(name))
        return Error::input(QStringLiteral("no built-in template '%1' (known: %2)")
                                .arg(name, builtinTemplates().join(QStringLiteral(", "))));
    return readTemplate(QStringLiteral(":/kartenwerk/templates/%1.kwlayout").arg(name));
}

} // namespace kw
