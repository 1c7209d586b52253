// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QUndoCommand>

namespace kw {

class LayoutDocument;

/// \brief Changes one item from one JSON state to another. Successive moves or resizes of the same item
/// merge into one step (as QGIS merges while dragging), so undo takes back a whole drag.
class SetItemCommand : public QUndoCommand
{
public:
    SetItemCommand(LayoutDocument *doc, QString id, QJsonObject before, QJsonObject after,
                   const QString &text, bool mergeable = false, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;
    int id() const override { return m_mergeable ? 1 : -1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    LayoutDocument *m_doc;
    QString m_itemId;
    QJsonObject m_before, m_after;
    bool m_mergeable;
};

/// \brief Adds an item (redo) or takes it away again (undo).
class AddItemCommand : public QUndoCommand
{
public:
    AddItemCommand(LayoutDocument *doc, QJsonObject json, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;
    QString itemId() const { return m_itemId; }

private:
    LayoutDocument *m_doc;
    QJsonObject m_json;
    QString m_itemId;
};

/// \brief Removes an item, and puts it back where it was in the drawing order on undo.
class RemoveItemCommand : public QUndoCommand
{
public:
    RemoveItemCommand(LayoutDocument *doc, const QString &id, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    LayoutDocument *m_doc;
    QString m_itemId;
    QJsonObject m_json;
    int m_index = -1;
};

} // namespace kw
