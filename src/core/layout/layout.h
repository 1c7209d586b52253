// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layout/atlas.h"
#include "core/layout/layout_item.h"
#include "core/layout/layout_page.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <memory>
#include <vector>

namespace kw {

/// \brief A print layout: named pages with items on them and, optionally, atlas settings.
///
/// A value (copying copies every item), stored in the project's "layouts" list and in template files
/// (*.kwlayout, the same JSON). Items are drawn in list order (the first at the bottom). Nothing here
/// knows QGraphicsScene: the app's designer is a view over this model.
class Layout
{
public:
    Layout() = default;
    Layout(const Layout &other);
    Layout &operator=(const Layout &other);
    Layout(Layout &&) = default;
    Layout &operator=(Layout &&) = default;

    QString name() const { return m_name; }
    void setName(const QString &n) { m_name = n; }

    QList<LayoutPage> &pages() { return m_pages; }
    const QList<LayoutPage> &pages() const { return m_pages; }

    const std::vector<std::unique_ptr<LayoutItem>> &items() const { return m_items; }
    /// The item with \a id, or null.
    LayoutItem *item(const QString &id);
    const LayoutItem *item(const QString &id) const;
    /// The first item of \a type (e.g. the main map), or null.
    const LayoutItem *firstItem(LayoutItem::Type type) const;
    /// Adds \a item on top (gives it a unique id if it has none or a taken one); returns it.
    LayoutItem *addItem(std::unique_ptr<LayoutItem> item);
    /// Inserts at \a index in drawing order (clamped).
    LayoutItem *insertItem(int index, std::unique_ptr<LayoutItem> item);
    std::unique_ptr<LayoutItem> takeItem(const QString &id);
    int indexOf(const QString &id) const;
    /// Moves an item in the drawing order.
    void moveItem(const QString &id, int newIndex);
    /// "map", "map_2", …: an id no item has.
    QString uniqueId(const QString &base) const;

    AtlasSettings &atlas() { return m_atlas; }
    const AtlasSettings &atlas() const { return m_atlas; }

    /// Adds the variables of page \a context.page: @layout_page and @map_scale (the scale of the page's
    /// first map, for texts such as "Maßstab 1:[% @map_scale %]").
    void addPageVariables(LayoutRenderContext &context) const;
    /// Draws page \a page: its background and its items in order. The painter's origin is the page's
    /// top-left corner, in device pixels at the context's dpi.
    void renderPage(QPainter &painter, const LayoutRenderContext &context) const;

    QJsonObject toJson() const;
    /// Reads a layout; an error names the layout and the item.
    static Result<Layout> fromJson(const QJsonObject &json);

    /// A *.kwlayout template file (the layout's JSON with a format marker).
    static Result<Layout> readTemplate(const QString &path);
    Status writeTemplate(const QString &path) const;
    /// Templates shipped with Kartenwerk: "council_a4_landscape", "slide_16_9".
    static QStringList builtinTemplates();
    static Result<Layout> builtinTemplate(const QString &name);

private:
    QString m_name;
    QList<LayoutPage> m_pages{LayoutPage()};
    std::vector<std::unique_ptr<LayoutItem>> m_items;
    AtlasSettings m_atlas;
    QJsonObject m_extra;
};

} // namespace kw
