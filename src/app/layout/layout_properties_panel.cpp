// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/layout/layout_properties_panel.h"

#include "app/layout/layout_commands.h"
#include "app/layout/layout_document.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kw {

namespace {

QDoubleSpinBox *millimetres(QWidget *parent, double min, double max)
{
    auto *s = new QDoubleSpinBox(parent);
    s->setRange(min, max);
    s->setDecimals(1);
    s->setSingleStep(0.5);
    s->setSuffix(QStringLiteral(" mm"));
    return s;
}

} // namespace

LayoutPropertiesPanel::LayoutPropertiesPanel(LayoutDocument *doc, QWidget *parent)
    : QWidget(parent), m_doc(doc)
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);
    auto *form = new QFormLayout;
    m_x = millimetres(this, -1000, 5000);
    m_y = millimetres(this, -1000, 5000);
    m_w = millimetres(this, 1, 5000);
    m_h = millimetres(this, 1, 5000);
    m_rotation = new QDoubleSpinBox(this);
    m_rotation->setRange(-360, 360);
    m_rotation->setSuffix(QStringLiteral("°"));
    m_frame = new QCheckBox(tr("Frame"), this);
    m_text = new QLineEdit(this);
    m_text->setPlaceholderText(tr("Text with [% expression %] placeholders"));
    form->addRow(tr("X"), m_x);
    form->addRow(tr("Y"), m_y);
    form->addRow(tr("Width"), m_w);
    form->addRow(tr("Height"), m_h);
    form->addRow(tr("Rotation"), m_rotation);
    form->addRow(QString(), m_frame);
    form->addRow(tr("Text"), m_text);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("All properties (JSON):"), this));
    m_json = new QPlainTextEdit(this);
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setPointSizeF(font().pointSizeF() * 0.9);
    m_json->setFont(mono);
    layout->addWidget(m_json, 1);
    m_applyJson = new QPushButton(tr("Apply JSON"), this);
    layout->addWidget(m_applyJson);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00000"));
    layout->addWidget(m_error);

    for (QDoubleSpinBox *s : {m_x, m_y, m_w, m_h, m_rotation})
        connect(s, &QDoubleSpinBox::editingFinished, this, &LayoutPropertiesPanel::applyFields);
    connect(m_frame, &QCheckBox::toggled, this, &LayoutPropertiesPanel::applyFields);
    connect(m_text, &QLineEdit::editingFinished, this, &LayoutPropertiesPanel::applyFields);
    connect(m_applyJson, &QPushButton::clicked, this, &LayoutPropertiesPanel::applyJson);
    connect(doc, &LayoutDocument::itemChanged, this, [this](const QString &id) {
        if (id == m_id) load();
    });
    connect(doc, &LayoutDocument::itemRemoved, this, [this](const QString &id) {
        if (id == m_id) setItem(QString());
    });
    setItem(QString());
}

void LayoutPropertiesPanel::setItem(const QString &id)
{
    m_id = id;
    load();
}

void LayoutPropertiesPanel::load()
{
    m_loading = true;
    const LayoutItem *item = m_doc->layout().item(m_id);
    setEnabled(item != nullptr);
    m_error->clear();
    if (!item) {
        m_title->setText(tr("No item selected"));
        m_json->clear();
        m_loading = false;
        return;
    }
    m_title->setText(QStringLiteral("%1 (%2)").arg(item->id(), LayoutItem::typeName(item->type())));
    m_x->setValue(item->rect().x());
    m_y->setValue(item->rect().y());
    m_w->setValue(item->rect().width());
    m_h->setValue(item->rect().height());
    m_rotation->setValue(item->rotation());
    m_rotation->setEnabled(item->supportsRotation());
    m_frame->setChecked(item->hasFrame());
    const QJsonObject json = item->toJson();
    const bool hasText = json.contains(QLatin1String("text"));
    m_text->setEnabled(hasText);
    m_text->setText(json.value(QLatin1String("text")).toString());
    m_json->setPlainText(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)));
    m_loading = false;
}

void LayoutPropertiesPanel::applyFields()
{
    if (m_loading || m_id.isEmpty()) return;
    const QJsonObject before = m_doc->itemJson(m_id);
    QJsonObject after = before;
    after[QStringLiteral("x")] = m_x->value();
    after[QStringLiteral("y")] = m_y->value();
    after[QStringLiteral("width")] = m_w->value();
    after[QStringLiteral("height")] = m_h->value();
    if (m_rotation->isEnabled()) after[QStringLiteral("rotation")] = m_rotation->value();
    after[QStringLiteral("frame")] = m_frame->isChecked();
    if (m_text->isEnabled()) after[QStringLiteral("text")] = m_text->text();
    if (after == before) return;
    m_doc->undoStack()->push(new SetItemCommand(m_doc, m_id, before, after, tr("Edit %1").arg(m_id)));
}

void LayoutPropertiesPanel::applyJson()
{
    if (m_id.isEmpty()) return;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(m_json->toPlainText().toUtf8(), &parseError);
    if (!doc.isObject()) {
        m_error->setText(tr("Not valid JSON: %1").arg(parseError.errorString()));
        return;
    }
    QJsonObject after = doc.object();
    after[QStringLiteral("id")] = m_id;
    // Check before pushing: an invalid item must not become an undo step.
    auto probe = LayoutItem::fromJson(after);
    if (!probe.ok()) {
        m_error->setText(probe.error().message);
        return;
    }
    const QJsonObject before = m_doc->itemJson(m_id);
    if (after != before)
        m_doc->undoStack()->push(new SetItemCommand(m_doc, m_id, before, after, tr("Edit %1").arg(m_id)));
}

} // namespace kw
