// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/style/symbol.h"
#include "core/util/result.h"

#include <QJsonObject>

namespace kw {

/// Colours as "#rrggbb", or "#aarrggbb" (Qt's order) when not opaque.
QString colorToString(const QColor &c);
/// Accepts what colorToString writes plus CSS names and "transparent"; invalid input gives an invalid colour.
QColor colorFromString(const QString &text);

QJsonObject symbolToJson(const Symbol &s);
/// Missing keys keep the defaults of Symbol; wrong values are an error naming the key.
Result<Symbol> symbolFromJson(const QJsonObject &json);

} // namespace kw
