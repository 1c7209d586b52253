// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/layout/layout_commands.h"

#include "app/layout/layout_document.h"

namespace kw {

SetItemCommand::SetItemCommand(LayoutDocument *doc, QString id, QJsonObject before, QJsonObject after,
                               const QString &text, bool mergeable, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_doc(doc), m_itemId(std::move(id)), m_before(std::move(before)),
      m_after(std::move(after)), m_mergeable(mergeable)
{
}

void SetItemCommand::undo()
{
    m_doc->setItemJson(m_itemId, m_before);
}

void SetItemCommand::redo()
{
    m_doc->setItemJson(m_itemId, m_after);
}

bool SetItemCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const SetItemCommand *>(other);
    if (!o || !m_mergeable || !o->m_mergeable || o->m_itemId != m_itemId) return false;
    m_after = o->m_after;
    return true;
}

AddItemCommand::AddItemCommand(LayoutDocument *doc, QJsonObject json, QUndoCommand *parent)
    : QUndoCommand(QObject::tr("Add item"), parent), m_doc(doc), m_json(std::move(json))
{
}

void AddItemCommand::redo()
{
    m_itemId = m_doc->insertItem(m_json);
    // Keep the id it got, so a redo after an undo gives the same one.
    m_json[QStringLiteral("id")] = m_itemId;
}

void AddItemCommand::undo()
{
    m_doc->removeItem(m_itemId);
}

RemoveItemCommand::RemoveItemCommand(LayoutDocument *doc, const QString &id, QUndoCommand *parent)
    : QUndoCommand(QObject::tr("Delete item"), parent), m_doc(doc), m_itemId(id)
{
}

void RemoveItemCommand::redo()
{
    m_json = m_doc->itemJson(m_itemId);
    m_index = m_doc->indexOf(m_itemId);
    m_doc->removeItem(m_itemId);
}

void RemoveItemCommand::undo()
{
    m_doc->insertItem(m_json, m_index);
}

} // namespace kw
