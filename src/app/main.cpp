// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/layout/layout_designer.h"
#include "app/main_window.h"

#include <QApplication>
#include <QCommandLineParser>

#include <clocale>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // Qt sets the C library locale from the environment; GEOS and others parse numbers with strtod,
    // which must keep reading '1.5' under a German locale.
    setlocale(LC_NUMERIC, "C");
    QApplication::setApplicationName(QStringLiteral("Kartenwerk"));
    QApplication::setOrganizationName(QStringLiteral("Kartenwerk"));
    QApplication::setApplicationVersion(QStringLiteral(KW_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Kartenwerk desktop GIS"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("DATA"), QStringLiteral("Data sources to open."));
    const QCommandLineOption snapshot(QStringLiteral("snapshot"),
                                      QStringLiteral("Write a PNG of the window after the first render, then exit."),
                                      QStringLiteral("OUT.png"));
    parser.addOption(snapshot);
    const QCommandLineOption layouts(QStringLiteral("layouts"), QStringLiteral("Open the print layout designer on a project."),
                                     QStringLiteral("PROJECT.kwproj"));
    parser.addOption(layouts);
    parser.process(app);

    if (parser.isSet(layouts)) {
        auto *designer = new kw::LayoutDesigner;
        designer->setAttribute(Qt::WA_DeleteOnClose);
        if (!designer->openProject(parser.value(layouts)))
            return 2;
        designer->show();
        return app.exec();
    }

    kw::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.addSources(parser.positionalArguments());
    if (parser.isSet(snapshot))
        window.snapshotWhenReady(parser.value(snapshot), [](bool ok) { QApplication::exit(ok ? 0 : 3); });
    return app.exec();
}
