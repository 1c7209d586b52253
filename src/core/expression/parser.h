// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/expression/ast.h"
#include "core/util/result.h"

#include <QString>

namespace kw::expr {

/// \brief Recursive-descent parser for the expression language (QGIS syntax and precedence, see expression.h).
class Parser
{
public:
    /// The parse tree of \a text, or an Error::usage naming the 1-based column; \a errorColumn (if given)
    /// receives that column, or 0 on success.
    static Result<Ast> parse(const QString &text, int *errorColumn = nullptr);
};

} // namespace kw::expr
