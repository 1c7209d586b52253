// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace kw {

/// Storage type of an attribute column.
enum class FieldType { Int, Double, String, Date, DateTime, Bool };

QString fieldTypeName(FieldType t);

/// \brief Name and type of one attribute column, plus the type name the source used (for `info`).
struct Field
{
    QString name;
    FieldType type = FieldType::String;
    QString sourceType; ///< e.g. "Integer64", "Real", "String(80)"
    bool operator==(const Field &) const = default;
};

using Fields = QList<Field>;

} // namespace kw
