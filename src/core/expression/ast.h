// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/expression/value.h"

#include <QString>

#include <vector>

namespace kw::expr {

/// Binary operators, in the order of the grammar (lowest precedence first).
enum class BinaryOp : uint8_t {
    Or,
    And,
    Eq, Ne, Lt, Le, Gt, Ge,
    Is, IsNot,
    Like, ILike,
    Concat,
    Add, Sub,
    Mul, Div, Mod, IntDiv,
    Pow,
};

/// \brief The parse tree exactly as written: immutable after parsing, shared by every copy of an Expression
/// and compiled into evaluation nodes (once unprepared, again per prepare()).
struct Ast
{
    enum class Kind : uint8_t {
        Literal,   ///< literal
        Field,     ///< name
        Variable,  ///< name (without '@')
        FeatureId, ///< $id
        Negate,    ///< children[0]
        Not,       ///< children[0]
        Binary,    ///< op, children[0], children[1]; `negated` for NOT LIKE / NOT ILIKE
        In,        ///< children[0] IN (children[1..]); `negated` for NOT IN
        Between,   ///< children[0] BETWEEN children[1] AND children[2]; `negated` for NOT BETWEEN
        Case,      ///< WHEN/THEN pairs in children, then the ELSE branch if `hasElse`
        Function,  ///< function (index into the function table), arguments in children
    };

    Kind kind = Kind::Literal;
    BinaryOp op = BinaryOp::Or;
    bool negated = false;
    bool hasElse = false;
    int function = -1;
    int column = 1; ///< 1-based column in the source text, for error messages
    int depth = 1;  ///< height of this subtree: the parser bounds it, so recursion over the tree is safe
    Value literal;
    QString name;
    std::vector<Ast> children;
};

} // namespace kw::expr
