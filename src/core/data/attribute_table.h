// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/field.h"

#include <QDateTime>
#include <QSet>
#include <QString>
#include <QVariant>

#include <cstdint>
#include <variant>
#include <vector>

namespace kw {

/// \brief Typed, column-oriented attribute storage: one vector per field and a null mask.
///
/// Rows are only ever appended while loading; afterwards the table is read-only and shared between threads.
class AttributeTable
{
public:
    AttributeTable() = default;
    explicit AttributeTable(Fields fields);

    const Fields &fields() const { return m_fields; }
    int fieldIndex(const QString &name) const;
    int columnCount() const { return int(m_fields.size()); }
    size_t rowCount() const { return m_rows; }
    void reserve(size_t rows);

    /// Drops the helpers used while appending (call once loading is done).
    void finishLoading();
    /// Appends a row of nulls; then the set* calls fill it.
    void appendRow();
    void setInt(int col, int64_t v);
    void setDouble(int col, double v);
    void setString(int col, QString v);
    /// Milliseconds since the epoch, UTC.
    void setDateTime(int col, int64_t msecs);
    void setBool(int col, bool v);
    /// Converts \a v to the column's type; an unconvertible value stays null.
    void setVariant(int col, const QVariant &v);

    /// Replaces all cells of Double column \a col (NaN becomes null); for columns that change as a whole,
    /// such as a sensor layer's value of the current time window. \a values has one entry per row.
    void replaceDoubleColumn(int col, const std::vector<double> &values);
    /// Replaces all cells of Int column \a col.
    void replaceIntColumn(int col, const std::vector<int64_t> &values);

    bool isNull(size_t row, int col) const;
    FieldType type(int col) const { return m_fields[col].type; }
    /// Direct access to a String column's cell (no QVariant boxing); empty for nulls.
    const QString &stringAt(size_t row, int col) const
    {
        return std::get<std::vector<QString>>(m_columns[col])[row];
    }
    QVariant value(size_t row, int col) const;
    /// Numeric view of a cell (NaN when null or not numeric): what classification and sizes use.
    double number(size_t row, int col) const;
    QString text(size_t row, int col) const;

    // Raw column storage for loops that must not pay for a QVariant per cell (expression evaluation
    // over a million rows). Each returns nullptr when \a col is out of range or stored differently.
    /// Int columns; Date and DateTime columns as milliseconds since the epoch, UTC.
    const int64_t *intData(int col) const { return columnData<int64_t>(col); }
    const double *doubleData(int col) const { return columnData<double>(col); }
    const QString *stringData(int col) const { return columnData<QString>(col); }
    const uint8_t *boolData(int col) const { return columnData<uint8_t>(col); }
    /// 1 where a value is set, 0 where the cell is null.
    const uint8_t *validData(int col) const
    {
        return col >= 0 && col < int(m_valid.size()) ? m_valid[size_t(col)].data() : nullptr;
    }

private:
    template <typename T> const T *columnData(int col) const
    {
        if (col < 0 || col >= int(m_columns.size()))
            return nullptr;
        const auto *v = std::get_if<std::vector<T>>(&m_columns[size_t(col)]);
        return v ? v->data() : nullptr;
    }

    using Column = std::variant<std::vector<int64_t>, std::vector<double>, std::vector<QString>, std::vector<uint8_t>>;
    Fields m_fields;
    std::vector<Column> m_columns;
    std::vector<std::vector<uint8_t>> m_valid; // 1 where a value is set
    size_t m_rows = 0;
    struct Interning
    {
        QSet<QString> values;
        bool active = true;
    };
    std::vector<Interning> m_interning; // per column, only while loading
};

} // namespace kw
