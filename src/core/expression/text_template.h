// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/expression/expression.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace kw {

/// \brief Text with `[% expression %]` placeholders, as in QGIS layout labels: "Stand: [% format_date(@now,
/// 'dd.MM.yyyy') %]". Parsed once, evaluated per page (atlas) with that page's variables and feature.
///
/// A placeholder whose expression does not parse, or fails when evaluated, stays in the text as written
/// (so the mistake is visible on the page) and is reported through the \a errors of evaluate().
/// `%]` inside a quoted string of the expression does not end the placeholder.
class TextTemplate
{
public:
    TextTemplate() = default;
    explicit TextTemplate(const QString &text);

    QString text() const { return m_text; }
    bool hasPlaceholders() const { return m_placeholders > 0; }
    /// Variables (without '@') and fields the placeholders read.
    QStringList referencedVariables() const;
    QStringList referencedFields() const;

    /// The text with every placeholder replaced by its value (label text form: empty for NULL).
    QString evaluate(const ExpressionContext &context, QStringList *errors = nullptr) const;

private:
    struct Part
    {
        QString literal; ///< literal text, or the placeholder as written
        bool placeholder = false;
        Expression expression; ///< invalid when it did not parse
        QString parseError;
    };
    QString m_text;
    std::vector<Part> m_parts;
    int m_placeholders = 0;
};

} // namespace kw
