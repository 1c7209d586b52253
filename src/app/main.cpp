// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/layout/layout_designer.h"
#include "app/main_window.h"
#include "app/settings/language.h"
#include "core/util/thread_pools.h"
#include "core/plugin/plugin_manager.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>
#include <QThreadPool>
#include <QTimer>

#include <clocale>
#include <cstdio>
#include <memory>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // Qt sets the C library locale from the environment; GEOS and others parse numbers with strtod,
    // which must keep reading '1.5' under a German locale.
    setlocale(LC_NUMERIC, "C");
    QApplication::setApplicationName(QStringLiteral("Kartenwerk"));
    QApplication::setOrganizationName(QStringLiteral("Kartenwerk"));
    QApplication::setApplicationVersion(QStringLiteral(KW_VERSION));

    // --lang must be known before any translated text exists, so read it ahead of the parser.
    QString lang;
    const QStringList args = QApplication::arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--lang") && i + 1 < args.size())
            lang = args[i + 1];
        else if (args[i].startsWith(QLatin1String("--lang=")))
            lang = args[i].mid(7);
    }
    kw::Language::install(app, kw::Language::resolve(lang));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Kartenwerk desktop GIS"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT|DATA"),
                                 QApplication::translate("main", "A project (*.kwproj) or data sources to open."),
                                 QStringLiteral("[PROJECT | DATA...]"));
    const QCommandLineOption snapshot(QStringLiteral("snapshot"),
                                      QApplication::translate("main", "Write a PNG of the window after the first render, then exit."),
                                      QStringLiteral("OUT.png"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QApplication::translate("main", "Interface language: de or en."),
                                        QStringLiteral("de|en"));
    parser.addOption(snapshot);
    parser.addOption(langOption);
    const QCommandLineOption layouts(QStringLiteral("layouts"), QStringLiteral("Open the print layout designer on a project."),
                                     QStringLiteral("PROJECT.kwproj"));
    parser.addOption(layouts);
    parser.process(app);

    for (const QString &failure : kw::PluginManager::loadAll())
        qWarning("plugin not loaded: %s", qPrintable(failure));
    if (parser.isSet(layouts)) {
        auto *designer = new kw::LayoutDesigner;
        designer->setAttribute(Qt::WA_DeleteOnClose);
        if (!designer->openProject(parser.value(layouts)))
            return 2;
        designer->show();
        return app.exec();
    }


    const bool interactive = !parser.isSet(snapshot);
    auto windowOwner = std::make_unique<kw::MainWindow>(interactive);
    kw::MainWindow &window = *windowOwner;
    window.show();
    QStringList data;
    QString project;
    QStringList moreProjects;
    for (const QString &p : parser.positionalArguments()) {
        if (QFileInfo(p).suffix().compare(QLatin1String("kwproj"), Qt::CaseInsensitive) != 0)
            data << p;
        else if (project.isEmpty())
            project = p;
        else
            moreProjects << p; // not data: read as a data source it would fail as "not a supported format"
    }
    if (!moreProjects.isEmpty()) {
        const QString text = QApplication::translate("main", "Kartenwerk opens one project at a time. Not opened: %1")
                                 .arg(moreProjects.join(QStringLiteral(", ")));
        if (interactive)
            QTimer::singleShot(0, &window, [&window, text] {
                QMessageBox::information(&window, QApplication::translate("main", "Open Project"), text);
            });
        else
            std::fprintf(stderr, "%s\n", qPrintable(text));
    }
    if (!project.isEmpty() && !window.openProject(project) && !interactive)
        return 2;
    if (!data.isEmpty())
        window.addSources(data);
    if (parser.isSet(snapshot))
        window.snapshotWhenReady(parser.value(snapshot), [](bool ok) { QApplication::exit(ok ? 0 : 3); });
    else if (project.isEmpty() && data.isEmpty())
        QTimer::singleShot(0, &window, &kw::MainWindow::offerRecovery);
    const int code = app.exec();
    windowOwner.reset(); // cancels loads still running
    // Let workers that are still loading or rendering stop before the libraries they use are torn down.
    kw::ThreadPools::background()->waitForDone(10000);
    kw::ThreadPools::render()->waitForDone(10000);
    return code;
}
