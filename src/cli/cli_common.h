// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/cli_runner.h"
#include "core/util/result.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

namespace kw::cli {

/// The exit code for a failure of kind \a e (see ExitCode).
int exitCodeFor(const Error &e);

/// Parses the options of sub-command \a command (adds --help); reports unknown options on \a err.
/// Returns an exit code when the caller is done (help shown, usage error), or -1 to go on.
int parse(QCommandLineParser &parser, const QStringList &args, const QString &command, QTextStream &out,
          QTextStream &err);

/// `sld export|import`: style interchange (sld_command.cpp).
int runSld(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace kw::cli
