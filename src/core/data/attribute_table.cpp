// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/attribute_table.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kw {

QString fieldTypeName(FieldType t)
{
    switch (t) {
    case FieldType::Int: return QStringLiteral("Integer");
    case FieldType::Double: return QStringLiteral("Real");
    case FieldType::String: return QStringLiteral("String");
    case FieldType::Date: return QStringLiteral("Date");
    case FieldType::DateTime: return QStringLiteral("DateTime");
    case FieldType::Bool: return QStringLiteral("Boolean");
    }
    return QStringLiteral("String");
}

AttributeTable::AttributeTable(Fields fields) : m_fields(std::move(fields))
{
    for (const Field &f : m_fields) {
        switch (f.type) {
        case FieldType::Int:
        case FieldType::Date:
        case FieldType::DateTime:
            m_columns.emplace_back(std::vector<int64_t>());
            break;
        case FieldType::Double:
            m_columns.emplace_back(std::vector<double>());
            break;
        case FieldType::String:
            m_columns.emplace_back(std::vector<QString>());
            break;
        case FieldType::Bool:
            m_columns.emplace_back(std::vector<uint8_t>());
            break;
        }
        m_valid.emplace_back();
    }
}

int AttributeTable::fieldIndex(const QString &name) const
{
    for (int i = 0; i < m_fields.size(); ++i)
        if (m_fields[i].name == name)
            return i;
    for (int i = 0; i < m_fields.size(); ++i)
        if (m_fields[i].name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

void AttributeTable::reserve(size_t rows)
{
    for (auto &c : m_columns)
        std::visit([rows](auto &v) { v.reserve(rows); }, c);
    for (auto &v : m_valid)
        v.reserve(rows);
}

void AttributeTable::appendRow()
{
    for (auto &c : m_columns)
        std::visit([](auto &v) { v.emplace_back(); }, c);
    for (auto &v : m_valid)
        v.push_back(0);
    ++m_rows;
}

void AttributeTable::setInt(int col, int64_t v)
{
    if (auto *c = std::get_if<std::vector<int64_t>>(&m_columns[col])) {
        c->back() = v;
        m_valid[col].back() = 1;
    } else if (auto *d = std::get_if<std::vector<double>>(&m_columns[col])) {
        d->back() = double(v);
        m_valid[col].back() = 1;
    } else {
        setVariant(col, QVariant::fromValue<qlonglong>(v));
    }
}

void AttributeTable::setDouble(int col, double v)
{
    if (auto *c = std::get_if<std::vector<double>>(&m_columns[col])) {
        c->back() = v;
        m_valid[col].back() = 1;
    } else {
        setVariant(col, v);
    }
}

void AttributeTable::setString(int col, QString v)
{
    if (auto *c = std::get_if<std::vector<QString>>(&m_columns[col])) {
        // Most text columns of municipal data repeat a few values (types, districts, status): share one
        // copy per distinct value while there are few, instead of one allocation per cell.
        if (m_interning.size() < m_columns.size())
            m_interning.resize(m_columns.size());
        Interning &pool = m_interning[size_t(col)];
        if (pool.active) {
            auto it = pool.values.constFind(v);
            if (it != pool.values.constEnd()) {
                c->back() = *it;
            } else {
                pool.values.insert(v);
                if (pool.values.size() > 4096 && pool.values.size() * 4 > qsizetype(m_rows)) {
                    pool.active = false; // mostly unique (names, ids): interning would only cost time
                    pool.values.clear();
                }
                c->back() = std::move(v);
            }
        } else {
            c->back() = std::move(v);
        }
        m_valid[col].back() = 1;
    } else {
        setVariant(col, v);
    }
}

void AttributeTable::finishLoading()
{
    m_interning.clear();
    m_interning.shrink_to_fit();
}

void AttributeTable::setDateTime(int col, int64_t msecs)
{
    if (auto *c = std::get_if<std::vector<int64_t>>(&m_columns[col])) {
        c->back() = msecs;
        m_valid[col].back() = 1;
    }
}

void AttributeTable::setBool(int col, bool v)
{
    if (auto *c = std::get_if<std::vector<uint8_t>>(&m_columns[col])) {
        c->back() = v ? 1 : 0;
        m_valid[col].back() = 1;
    }
}

void AttributeTable::setVariant(int col, const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return;
    bool ok = false;
    switch (m_fields[col].type) {
    case FieldType::Int: {
        const qlonglong i = v.toLongLong(&ok);
        if (ok)
            setInt(col, i);
        break;
    }
    case FieldType::Double: {
        const double d = v.toDouble(&ok);
        if (ok)
            setDouble(col, d);
        break;
    }
    case FieldType::String:
        setString(col, v.toString());
        break;
    case FieldType::Date:
    case FieldType::DateTime: {
        const QDateTime dt = v.toDateTime();
        if (dt.isValid())
            setDateTime(col, dt.toMSecsSinceEpoch());
        break;
    }
    case FieldType::Bool:
        setBool(col, v.toBool());
        break;
    }
}

void AttributeTable::replaceDoubleColumn(int col, const std::vector<double> &values)
{
    auto *c = std::get_if<std::vector<double>>(&m_columns[size_t(col)]);
    if (!c || values.size() != m_rows)
        return;
    *c = values;
    for (size_t r = 0; r < m_rows; ++r)
        m_valid[size_t(col)][r] = std::isnan(values[r]) ? 0 : 1;
}

void AttributeTable::replaceIntColumn(int col, const std::vector<int64_t> &values)
{
    auto *c = std::get_if<std::vector<int64_t>>(&m_columns[size_t(col)]);
    if (!c || values.size() != m_rows)
        return;
    *c = values;
    std::fill(m_valid[size_t(col)].begin(), m_valid[size_t(col)].end(), uint8_t(1));
}

bool AttributeTable::isNull(size_t row, int col) const
{
    return !m_valid[col][row];
}

QVariant AttributeTable::value(size_t row, int col) const
{
    if (col < 0 || col >= columnCount() || row >= m_rows || !m_valid[col][row])
        return {};
    switch (m_fields[col].type) {
    case FieldType::Int:
        return QVariant::fromValue<qlonglong>(std::get<std::vector<int64_t>>(m_columns[col])[row]);
    case FieldType::Double:
        return std::get<std::vector<double>>(m_columns[col])[row];
    case FieldType::String:
        return std::get<std::vector<QString>>(m_columns[col])[row];
    case FieldType::Date:
        return QDateTime::fromMSecsSinceEpoch(std::get<std::vector<int64_t>>(m_columns[col])[row], Qt::UTC).date();
    case FieldType::DateTime:
        return QDateTime::fromMSecsSinceEpoch(std::get<std::vector<int64_t>>(m_columns[col])[row], Qt::UTC);
    case FieldType::Bool:
        return bool(std::get<std::vector<uint8_t>>(m_columns[col])[row]);
    }
    return {};
}

double AttributeTable::number(size_t row, int col) const
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    if (col < 0 || col >= columnCount() || row >= m_rows || !m_valid[col][row])
        return nan;
    switch (m_fields[col].type) {
    case FieldType::Int:
    case FieldType::Date:
    case FieldType::DateTime:
        return double(std::get<std::vector<int64_t>>(m_columns[col])[row]);
    case FieldType::Double:
        return std::get<std::vector<double>>(m_columns[col])[row];
    case FieldType::Bool:
        return std::get<std::vector<uint8_t>>(m_columns[col])[row];
    case FieldType::String: {
        bool ok = false;
        const double d = std::get<std::vector<QString>>(m_columns[col])[row].toDouble(&ok);
        return ok ? d : nan;
    }
    }
    return nan;
}

QString AttributeTable::text(size_t row, int col) const
{
    const QVariant v = value(row, col);
    if (!v.isValid())
        return {};
    if (m_fields[col].type == FieldType::Double)
        return QString::number(v.toDouble(), 'g', 15);
    if (m_fields[col].type == FieldType::DateTime)
        return v.toDateTime().toString(Qt::ISODate);
    if (m_fields[col].type == FieldType::Date)
        return v.toDate().toString(Qt::ISODate);
    return v.toString();
}

} // namespace kw
