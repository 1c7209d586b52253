// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace kw {

class LayoutDocument;

/// \brief Shows and edits the selected layout item: position, size, rotation and frame in fields, the
/// text of labels, and every other property in the item's JSON. Each edit is one undoable command.
class LayoutPropertiesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LayoutPropertiesPanel(LayoutDocument *doc, QWidget *parent = nullptr);

    /// The item shown (empty: none).
    void setItem(const QString &id);
    QString item() const { return m_id; }

private:
    void load();
    void applyFields();
    void applyJson();

    LayoutDocument *m_doc;
    QString m_id;
    bool m_loading = false;
    QLabel *m_title;
    QDoubleSpinBox *m_x, *m_y, *m_w, *m_h, *m_rotation;
    QCheckBox *m_frame;
    QLineEdit *m_text;
    QPlainTextEdit *m_json;
    QPushButton *m_applyJson;
    QLabel *m_error;
};

} // namespace kw
