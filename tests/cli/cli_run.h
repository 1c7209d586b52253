// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/cli_runner.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace kw::test {

/// \brief Exit code and output of one in-process kartenwerk-cli invocation.
struct CliRun
{
    int code = -1;
    QString out;
    QString err;
};

/// Runs kartenwerk-cli with \a args in this process, capturing stdout and stderr.
inline CliRun runCliInProcess(const QStringList &args)
{
    CliRun r;
    QTextStream out(&r.out), err(&r.err);
    r.code = kw::cli::runCli(args, out, err);
    out.flush();
    err.flush();
    return r;
}

/// Exit code and both streams, for failure messages.
inline QString dump(const CliRun &r)
{
    return QStringLiteral("exit %1\n--- stdout\n%2--- stderr\n%3").arg(r.code).arg(r.out, r.err);
}

} // namespace kw::test
