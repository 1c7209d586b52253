// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/expression/node.h"

#include <QString>

namespace kw::expr {

/// \brief One built-in function: name, arity and implementation, looked up by name once at parse time.
struct Function
{
    enum Flag : uint8_t {
        Pure = 1,       ///< same arguments, same result: calls with constant arguments are folded
        NullIn = 2,     ///< any NULL argument gives NULL without calling the implementation
    };
    /// Functions the compiler builds dedicated nodes for (lazy arguments or precompiled patterns).
    enum class Special : uint8_t { None, If, Coalesce, RegexpMatch };

    const char *name;
    int minArgs;
    int maxArgs; ///< -1: any number
    uint8_t flags;
    Value (*impl)(const Value *args, int count, EvalState &s);
    Special special = Special::None;
};

/// Index of the function called \a name (case-insensitive), -1 if there is none.
int findFunction(const QString &name);
const Function &functionAt(int index);

// Argument conversions shared by functions and operators; each records an error and returns false when
// the value does not convert. NULL is handled by the callers.
/// Int or Double; booleans count as 0/1, numeric strings are parsed.
bool toNumberArg(const Value &v, EvalState &s, Value *out);
bool toDoubleArg(const Value &v, EvalState &s, double *out);
/// Rounds a non-integral number half away from zero.
bool toIntArg(const Value &v, EvalState &s, int64_t *out);
/// Date or DateTime; strings are parsed as ISO 8601.
bool toTemporalArg(const Value &v, EvalState &s, Value *out);

} // namespace kw::expr
