// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

namespace kw::cli {

/// Exit codes of kartenwerk-cli (documented in README.md).
enum ExitCode : int {
    Ok = 0,
    Usage = 1,  ///< unknown command or option, bad option value
    Input = 2,  ///< missing, unreadable or corrupt data, unknown CRS, unknown layer
    Output = 3, ///< the output cannot be written
};

/// \brief Runs one kartenwerk-cli invocation; \a args excludes the program name. Needs a QGuiApplication.
int runCli(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace kw::cli
