// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cli_runner.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>

#include <unistd.h>

#include <clocale>
#include <cstdio>

int main(int argc, char **argv)
{
    // Headless by design: fonts and painting need a QGuiApplication, never a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        // Qt warns on every start without one (cron jobs, CI); a private directory of our own will do.
        const QByteArray dir = QDir::tempPath().toUtf8() + "/kartenwerk-runtime-" + QByteArray::number(getuid());
        QDir().mkpath(QString::fromUtf8(dir));
        QFile::setPermissions(QString::fromUtf8(dir), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", dir);
    }
    QGuiApplication app(argc, argv);
    // Qt sets the C library locale from the environment; GEOS and others parse numbers with strtod,
    // which must keep reading '1.5' under a German locale.
    setlocale(LC_NUMERIC, "C");
    QGuiApplication::setApplicationName(QStringLiteral("kartenwerk-cli"));
    QGuiApplication::setApplicationVersion(QStringLiteral(KW_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = kw::cli::runCli(app.arguments().mid(1), out, err);
    out.flush();
    err.flush();
    return code;
}
