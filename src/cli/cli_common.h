// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/cli_runner.h"
#include "core/util/result.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace kw::cli {

/// The exit code for an error of \a e's kind (see ExitCode).
int exitCodeFor(const Error &e);

/// Parses the options of a sub-command and handles --help; reports unknown options. Returns the exit code
/// when the command is done (help shown: Ok, bad options: Usage), or -1 when the caller should continue.
int parse(QCommandLineParser &parser, const QStringList &args, const QString &command, QTextStream &out,
          QTextStream &err);

/// True when \a stream writes to a terminal (progress bars only there: never into logs or pipes).
bool isTerminal(QTextStream &stream);

} // namespace kw::cli
