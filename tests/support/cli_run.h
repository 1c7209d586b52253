// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/cli_runner.h"

#include <QDir>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace kw::test {

/// \brief Output of one in-process kartenwerk-cli invocation (header-only: tests link kartenwerk_cli_lib).
struct CliRun
{
    int code = -1;
    QString out;
    QString err;
    /// Everything for a failure message.
    QString dump() const
    {
        return QStringLiteral("exit %1\n--- stdout\n%2--- stderr\n%3").arg(code).arg(out, err);
    }
};

inline CliRun runCli(const QStringList &args)
{
    CliRun r;
    QTextStream out(&r.out), err(&r.err);
    r.code = kw::cli::runCli(args, out, err);
    out.flush();
    err.flush();
    return r;
}

/// Every entry of \a dir, hidden ones included (temporary files must not survive a run).
inline QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

} // namespace kw::test
