// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/data/field.h"
#include "core/expression/ast.h"
#include "core/expression/expression_context.h"
#include "core/expression/value.h"
#include "core/util/result.h"

#include <memory>

namespace kw::expr {

/// \brief Per-evaluation state, kept on the evaluating thread's stack: the context and the first error.
struct EvalState
{
    explicit EvalState(const ExpressionContext &c) : ctx(c) {}
    const ExpressionContext &ctx;
    QString error;

    /// Records \a message unless an earlier error already explains the NULL; returns NULL for brevity.
    Value fail(const QString &message)
    {
        if (error.isEmpty())
            error = message;
        return {};
    }
};

/// Three-valued logic: what filters, AND, OR and NOT work with.
enum class Tri : int8_t { Null = -1, False = 0, True = 1 };

/// \brief One immutable node of a compiled expression; evaluation has no side effects on the tree, so
/// one tree is evaluated from many threads at once.
class Node
{
public:
    virtual ~Node() = default;
    virtual Value eval(EvalState &s) const = 0;
    /// The value as a condition. Comparison and logic nodes override this to skip building a Value.
    virtual Tri evalTri(EvalState &s) const;
    /// The value when the node does not depend on the context (a literal or a folded constant).
    virtual const Value *constant() const { return nullptr; }
};

using NodePtr = std::unique_ptr<const Node>;

/// Truth value of \a v: booleans as they are, numbers when non-zero, 'true'/'false' and numeric strings;
/// anything else is a type error (NULL).
Tri truthOf(const Value &v, EvalState &s);

/// Builds evaluation nodes from a parse tree. With \a fields, field names are resolved to column indices
/// (an unknown name is an error) and comparisons of a field with a constant get specialised nodes;
/// without, fields are looked up by name per evaluation. \a errorColumn receives the column of a failure.
Result<std::shared_ptr<const Node>> compile(const Ast &ast, const Fields *fields, int *errorColumn = nullptr);

} // namespace kw::expr
