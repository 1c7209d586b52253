// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layout/layout.h"
#include "core/layout/layout_render_context.h"

#include <QJsonObject>
#include <QObject>
#include <QUndoStack>
#include <memory>

namespace kw {

/// \brief The layout being edited: a core Layout, its undo stack and the project snapshot it draws.
///
/// Every change goes through an undo command (layout_commands.h), which calls the set/add/remove
/// functions here; they announce the change so that the scene and the properties panel follow.
class LayoutDocument : public QObject
{
    Q_OBJECT
public:
    LayoutDocument(Layout layout, std::shared_ptr<const LayoutProjectSnapshot> project,
                   QObject *parent = nullptr);

    const Layout &layout() const { return m_layout; }
    std::shared_ptr<const LayoutProjectSnapshot> project() const { return m_project; }
    QUndoStack *undoStack() { return &m_undo; }

    /// The item's full JSON (what commands store before and after a change).
    QJsonObject itemJson(const QString &id) const;
    /// Replaces an item by one read from \a json (same id); false when the JSON is invalid.
    bool setItemJson(const QString &id, const QJsonObject &json, QString *error = nullptr);
    /// Adds an item read from \a json at \a index of the drawing order (-1: on top); returns its id.
    QString insertItem(const QJsonObject &json, int index = -1);
    void removeItem(const QString &id);
    int indexOf(const QString &id) const { return m_layout.indexOf(id); }

    /// Top-left corner of page \a page in the scene (mm; pages are stacked with a gap).
    QPointF pageOrigin(int page) const;
    static constexpr double pageGap = 12.0;

Q_SIGNALS:
    void itemChanged(const QString &id);
    void itemAdded(const QString &id);
    void itemRemoved(const QString &id);

private:
    Layout m_layout;
    std::shared_ptr<const LayoutProjectSnapshot> m_project;
    QUndoStack m_undo;
};

} // namespace kw
