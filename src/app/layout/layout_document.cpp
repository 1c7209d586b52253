// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/layout/layout_document.h"

namespace kw {

LayoutDocument::LayoutDocument(Layout layout, std::shared_ptr<const LayoutProjectSnapshot> project,
                               QObject *parent)
    : QObject(parent), m_layout(std::move(layout)), m_project(std::move(project))
{
}

QJsonObject LayoutDocument::itemJson(const QString &id) const
{
    const LayoutItem *item = m_layout.item(id);
    return item ? item->toJson() : QJsonObject();
}

bool LayoutDocument::setItemJson(const QString &id, const QJsonObject &json, QString *error)
{
    const int index = m_layout.indexOf(id);
    if (index < 0) return false;
    QJsonObject fixed = json;
    fixed[QStringLiteral("id")] = id;
    auto item = LayoutItem::fromJson(fixed);
    if (!item.ok()) {
        if (error) *error = item.error().message;
        return false;
    }
    m_layout.takeItem(id);
    m_layout.insertItem(index, std::move(*item));
    Q_EMIT itemChanged(id);
    return true;
}

QString LayoutDocument::insertItem(const QJsonObject &json, int index)
{
    auto item = LayoutItem::fromJson(json);
    if (!item.ok()) return {};
    LayoutItem *added =
        m_layout.insertItem(index < 0 ? int(m_layout.items().size()) : index, std::move(*item));
    Q_EMIT itemAdded(added->id());
    return added->id();
}

void LayoutDocument::removeItem(const QString &id)
{
    if (m_layout.takeItem(id)) Q_EMIT itemRemoved(id);
}

QPointF LayoutDocument::pageOrigin(int page) const
{
    double y = 0;
    for (int p = 0; p < page && p < m_layout.pages().size(); ++p)
        y += m_layout.pages()[p].size.height() + pageGap;
    return {0, y};
}

} // namespace kw
