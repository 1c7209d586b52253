// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cli_common.h"

#include <QFile>
#include <unistd.h>

namespace kw::cli {

int exitCodeFor(const Error &e)
{
    switch (e.kind) {
    case ErrorKind::Usage:
        return Usage;
    case ErrorKind::Output:
        return Output;
    case ErrorKind::Input:
    case ErrorKind::Cancelled:
    case ErrorKind::Internal:
        break;
    }
    return Input;
}

int parse(QCommandLineParser &parser, const QStringList &args, const QString &command, QTextStream &out,
          QTextStream &err)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(QStringList{QStringLiteral("kartenwerk-cli ") + command} + args)) {
        err << "kartenwerk-cli " << command << ": " << parser.errorText() << "\n";
        return Usage;
    }
    if (parser.isSet(help)) {
        out << parser.helpText();
        return Ok;
    }
    return -1;
}

bool isTerminal(QTextStream &stream)
{
    // main() builds its streams on stdout/stderr (a QFile on descriptor 1 or 2); tests use strings.
    const auto *file = qobject_cast<QFile *>(stream.device());
    return file && file->handle() >= 0 && ::isatty(file->handle()) == 1;
}

} // namespace kw::cli
