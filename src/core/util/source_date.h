// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <optional>

namespace kw {

/// SOURCE_DATE_EPOCH (seconds since 1970, UTC; the reproducible-builds convention) when it is set to a
/// valid number, else nullopt.
std::optional<QDateTime> sourceDateEpoch();

/// The time stamped into exports (the @now variable, PDF creation dates): SOURCE_DATE_EPOCH when set, so
/// that the same project and data give byte-identical files, else the current time. In UTC.
QDateTime exportTimestamp();

} // namespace kw
