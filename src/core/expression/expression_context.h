// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariant>
#include <QVariantMap>

#include <cstdint>
#include <optional>

namespace kw {

class AttributeTable;

/// \brief What an expression is evaluated against: a row of an attribute table, a feature id and variables.
///
/// A context is cheap to set up and meant to be reused across rows (setRow() per row). It is per-thread
/// state: the Expression itself is immutable, so several threads evaluate one Expression at once, each with
/// its own context. The context also records the last evaluation error, hence "per thread".
class ExpressionContext
{
public:
    ExpressionContext() = default;
    explicit ExpressionContext(const AttributeTable *table, size_t row = 0) : m_table(table), m_row(row) {}

    const AttributeTable *table() const { return m_table; }
    void setTable(const AttributeTable *table) { m_table = table; }
    size_t row() const { return m_row; }
    void setRow(size_t row) { m_row = row; }

    /// The value of $id; unset gives NULL.
    std::optional<int64_t> featureId() const { return m_featureId; }
    void setFeatureId(std::optional<int64_t> fid) { m_featureId = fid; }

    /// Variables read as @name, e.g. atlas_page, map_scale, now (which now() also returns, so that
    /// exports are reproducible). Unknown variables evaluate to NULL, as in QGIS.
    const QVariantMap &variables() const { return m_variables; }
    void setVariables(QVariantMap variables) { m_variables = std::move(variables); }
    void setVariable(const QString &name, const QVariant &value) { m_variables.insert(name, value); }
    bool hasVariable(const QString &name) const { return m_variables.contains(name); }
    QVariant variable(const QString &name) const { return m_variables.value(name); }

    /// Message of the error of the most recent evaluation with this context, empty when it succeeded.
    QString lastError() const { return m_lastError; }
    /// Number of evaluations with this context that hit an error (and gave NULL) since clearErrors().
    size_t errorCount() const { return m_errorCount; }
    void clearErrors()
    {
        m_lastError.clear();
        m_errorCount = 0;
    }

    /// Called by Expression after each evaluation; not meant for other callers.
    void recordEvaluation(const QString &error) const
    {
        if (error.isEmpty()) {
            if (!m_lastError.isNull())
                m_lastError = QString();
        } else {
            m_lastError = error;
            ++m_errorCount;
        }
    }

private:
    const AttributeTable *m_table = nullptr;
    size_t m_row = 0;
    std::optional<int64_t> m_featureId;
    QVariantMap m_variables;
    // Evaluation takes the context by const reference (evaluate() is const and reentrant); errors are
    // per-evaluation results, so recording them does not change what the context means.
    mutable QString m_lastError;
    mutable size_t m_errorCount = 0;
};

} // namespace kw
