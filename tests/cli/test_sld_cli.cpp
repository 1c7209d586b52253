// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cli_runner.h"
#include "core/layers/vector_layer.h"
#include "core/project/project.h"
#include "support/test_support.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kw;

namespace {
int run(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
{
    QString o, e;
    QTextStream os(&o), es(&e);
    const int code = cli::runCli(args, os, es);
    os.flush();
    es.flush();
    if (out)
        *out = o;
    if (err)
        *err = e;
    return code;
}
} // namespace

/// \brief `kartenwerk-cli sld export|import` on a real project: files, project changes, exit codes.
class TestSldCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_project;

private Q_SLOTS:
    void initTestCase()
    {
        Project p;
        p.setCrs(*Crs::fromEpsg(32617));
        p.addLayer(std::make_shared<VectorLayer>(SourceUri::parse(test::sharedData(QStringLiteral("counties/nc.gpkg"))),
                                                 QStringLiteral("nc.gpkg"), QStringLiteral("Landkreise")));
        m_project = m_dir.filePath(QStringLiteral("karte.kwproj"));
        QVERIFY(p.write(m_project).ok());
    }

    void importThenExport()
    {
        QString out, err;
        QCOMPARE(run({QStringLiteral("sld"), QStringLiteral("import"), m_project, test::testData(QStringLiteral("sld/qgis_graduated_nc.sld")),
                      QStringLiteral("--layer"), QStringLiteral("Landkreise")},
                     &out, &err),
                 0);
        auto p = Project::read(m_project);
        QVERIFY(p.ok());
        const auto layer = std::static_pointer_cast<VectorLayer>((*p)->layers().first());
        QCOMPARE(layer->renderer().type(), FeatureRenderer::Type::Graduated);
        QVERIFY(layer->labels().enabled);

        const QString sld = m_dir.filePath(QStringLiteral("out.sld"));
        QCOMPARE(run({QStringLiteral("sld"), QStringLiteral("export"), m_project, QStringLiteral("--layer"),
                      QStringLiteral("Landkreise"), QStringLiteral("-o"), sld, QStringLiteral("--sld-version"), QStringLiteral("1.0")},
                     &out, &err),
                 0);
        QFile f(sld);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray xml = f.readAll();
        QVERIFY(xml.contains("version=\"1.0.0\""));
        QVERIFY(xml.contains("<sld:CssParameter name=\"fill\">#f03b20</sld:CssParameter>"));
        QVERIFY(xml.contains("<ogc:PropertyName>NAME</ogc:PropertyName>"));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("no direction") << QStringList{QStringLiteral("sld")} << 1 << QString("expected");
        QTest::newRow("unknown layer") << QStringList{QStringLiteral("sld"), QStringLiteral("export"), QStringLiteral("PROJECT"),
                                                      QStringLiteral("--layer"), QStringLiteral("Nope"), QStringLiteral("-o"), QStringLiteral("x.sld")}
                                       << 2 << QString("no vector layer 'Nope'");
        QTest::newRow("missing sld") << QStringList{QStringLiteral("sld"), QStringLiteral("import"), QStringLiteral("PROJECT"),
                                                    QStringLiteral("/nonexistent/a.sld"), QStringLiteral("--layer"), QStringLiteral("Landkreise")}
                                     << 2 << QString("/nonexistent/a.sld");
        QTest::newRow("bad version") << QStringList{QStringLiteral("sld"), QStringLiteral("export"), QStringLiteral("PROJECT"),
                                                    QStringLiteral("--layer"), QStringLiteral("Landkreise"), QStringLiteral("-o"),
                                                    QStringLiteral("x.sld"), QStringLiteral("--sld-version"), QStringLiteral("2")}
                                     << 1 << QString("--sld-version");
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        args.replaceInStrings(QStringLiteral("PROJECT"), m_project);
        QString err;
        QCOMPARE(run(args, nullptr, &err), code);
        QVERIFY2(err.contains(message), qPrintable(err));
    }
};

QTEST_MAIN(TestSldCli)
#include "test_sld_cli.moc"
