// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layers/vector_layer.h"
#include "core/project/project.h"
#include "core/style/thematic_renderers.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace kw;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

/// \brief The project file: round trips, relative paths, missing data, newer and older format versions.
class TestProject : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    /// A project folder with a copy of nc.gpkg in data/ and a project using it.
    QString makeProject(const QString &folder)
    {
        QDir(m_dir.path()).mkpath(folder + QStringLiteral("/data"));
        const QString data = m_dir.filePath(folder + QStringLiteral("/data/nc.gpkg"));
        QFile::copy(test::sharedData(QStringLiteral("counties/nc.gpkg")), data);
        Project p;
        p.setTitle(QStringLiteral("Geburten 1974 – Übersicht"));
        p.setCrs(*Crs::fromEpsg(32617));
        auto layer = std::make_shared<VectorLayer>(SourceUri::parse(data), QStringLiteral("nc.gpkg"),
                                                   QStringLiteral("Landkreise"));
        Symbol base;
        base.strokeColor = QColor(80, 80, 80);
        layer->setRenderer(std::make_unique<GraduatedRenderer>(
            GraduatedRenderer::fromBreaks(QStringLiteral("BIR74"), {248, 1000, 3000, 10000, 21588}, base)));
        LabelSettings labels;
        labels.enabled = true;
        labels.text = QStringLiteral("NAME");
        layer->setLabels(labels);
        layer->setScaleRange(5000000, 0);
        auto *group = p.root().insertChild(0, LayerTreeNode::group(QStringLiteral("Basis")));
        p.addLayer(layer, group);
        p.bookmarks().append({QStringLiteral("Wake County"), Envelope(680000, 3940000, 740000, 3990000)});
        const QString path = m_dir.filePath(folder + QStringLiteral("/karte.kwproj"));
        const Status st = p.write(path);
        if (!st.ok())
            qWarning() << st.error().message;
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void roundTripKeepsBytes()
    {
        const QString path = makeProject(QStringLiteral("roundtrip"));
        const QByteArray first = readAll(path);
        QVERIFY(!first.isEmpty());
        QVERIFY(first.contains("\"source\": \"data/nc.gpkg\""));
        auto p = Project::read(path);
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message));
        QCOMPARE((*p)->title(), QStringLiteral("Geburten 1974 – Übersicht"));
        QCOMPARE((*p)->crs().epsg(), std::optional<int>(32617));
        QCOMPARE((*p)->layers().size(), 1);
        QCOMPARE((*p)->root().child(0)->name(), QStringLiteral("Basis"));
        const auto &layer = static_cast<const VectorLayer &>(*(*p)->layers().first());
        QCOMPARE(layer.renderer().type(), FeatureRenderer::Type::Graduated);
        QCOMPARE(static_cast<const GraduatedRenderer &>(layer.renderer()).ranges().size(), 4);
        QVERIFY(layer.labels().enabled);
        QCOMPARE(layer.minScale(), 5000000.0);
        QCOMPARE((*p)->bookmarks().size(), 1);
        const QString again = m_dir.filePath(QStringLiteral("roundtrip/again.kwproj"));
        QVERIFY((*p)->write(again).ok());
        QCOMPARE(readAll(again), first);
    }

    void movedFolderStillWorks()
    {
        const QString path = makeProject(QStringLiteral("before"));
        QVERIFY(QDir(m_dir.path()).rename(QStringLiteral("before"), QStringLiteral("after")));
        auto p = Project::read(m_dir.filePath(QStringLiteral("after/karte.kwproj")));
        QVERIFY(p.ok());
        QCOMPARE((*p)->loadLayers(), QStringList());
        const auto layer = std::static_pointer_cast<VectorLayer>((*p)->layers().first());
        QVERIFY(layer->isLoaded());
        QCOMPARE(layer->store()->featureCount(), size_t(100));
        QVERIFY(layer->source().path.endsWith(QLatin1String("after/data/nc.gpkg")));
    }

    void missingDataOpensAndLosesNothing()
    {
        const QString path = makeProject(QStringLiteral("missing"));
        const QByteArray before = readAll(path);
        QVERIFY(QFile::remove(m_dir.filePath(QStringLiteral("missing/data/nc.gpkg"))));
        auto p = Project::read(path);
        QVERIFY(p.ok());
        const QStringList failed = (*p)->loadLayers();
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.first().contains(QLatin1String("nc.gpkg")), qPrintable(failed.first()));
        QVERIFY(!(*p)->layers().first()->error().isEmpty());
        QVERIFY((*p)->write(path).ok());
        QCOMPARE(readAll(path), before);
    }

    void newerVersionKeepsUnknownKeys()
    {
        const QString path = makeProject(QStringLiteral("newer"));
        QJsonObject doc = QJsonDocument::fromJson(readAll(path)).object();
        doc[QStringLiteral("version")] = 2;
        doc[QStringLiteral("time")] = QJsonObject{{QStringLiteral("step"), QStringLiteral("PT1H")}};
        QJsonArray layers = doc[QStringLiteral("layers")].toArray();
        QJsonObject group = layers[0].toObject();
        QJsonArray children = group[QStringLiteral("children")].toArray();
        QJsonObject layer = children[0].toObject();
        layer[QStringLiteral("blend_mode")] = QStringLiteral("multiply");
        QJsonObject style = layer[QStringLiteral("style")].toObject();
        style[QStringLiteral("symbol_levels")] = true;
        layer[QStringLiteral("style")] = style;
        children[0] = layer;
        group[QStringLiteral("children")] = children;
        group[QStringLiteral("locked")] = true;
        layers[0] = group;
        doc[QStringLiteral("layers")] = layers;
        writeAll(path, QJsonDocument(doc).toJson());

        QStringList warnings;
        auto p = Project::read(path, &warnings);
        QVERIFY(p.ok());
        QVERIFY(!warnings.isEmpty());
        QVERIFY(warnings.first().contains(QLatin1String("newer")));
        QVERIFY((*p)->write(path).ok());
        const QByteArray saved = readAll(path);
        QVERIFY(saved.contains("\"time\""));
        QVERIFY(saved.contains("\"PT1H\""));
        QVERIFY(saved.contains("\"blend_mode\": \"multiply\""));
        QVERIFY(saved.contains("\"symbol_levels\": true"));
        QVERIFY(saved.contains("\"locked\": true"));
    }

    void migratesVersionZero()
    {
        const QString path = m_dir.filePath(QStringLiteral("v0.kwproj"));
        writeAll(path, "{\"title\": \"alt\", \"crs\": \"EPSG:4267\",\n"
                           "                           \"layers\": [{\"name\": \"nc\", \"path\": \"" +
                           test::sharedData(QStringLiteral("counties/nc.gpkg")).toUtf8() + "\",\n"
                           "                                       \"symbol\": {\"fill\": \"#ff0000\"}}]}");
        QStringList warnings;
        auto p = Project::read(path, &warnings);
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message));
        QVERIFY(warnings.join(QLatin1Char('\n')).contains(QLatin1String("version 0 to 1")));
        const auto layer = std::static_pointer_cast<VectorLayer>((*p)->layers().first());
        QCOMPARE(layer->symbol().fillColor, QColor(255, 0, 0));
        QCOMPARE((*p)->loadLayers(), QStringList());
    }

    void malformedFilesGiveClearErrors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{\"layers\": [") << QString("not valid JSON");
        QTest::newRow("array") << QByteArray("[1, 2]") << QString("top level is not an object");
        QTest::newRow("other format") << QByteArray("{\"format\": \"qgis\"}") << QString("format 'qgis'");
        QTest::newRow("bad crs") << QByteArray("{\"format\": \"kartenwerk-project\", \"version\": 1, \"crs\": \"EPSG:999999\", \"layers\": []}")
                                 << QString("unknown CRS");
        QTest::newRow("bad style")
            << QByteArray("{\"format\": \"kartenwerk-project\", \"version\": 1, \"layers\": [{\"type\": \"layer\", \"source\": \"x.gpkg\", \"style\": {\"type\": \"fancy\"}}]}")
            << QString("unknown renderer type 'fancy'");
        QTest::newRow("bad colour")
            << QByteArray("{\"format\": \"kartenwerk-project\", \"version\": 1, \"layers\": [{\"type\": \"layer\", \"source\": \"x.gpkg\", \"style\": {\"type\": \"single\", \"symbol\": {\"fill\": \"nope\"}}}]}")
            << QString("invalid colour in 'fill'");
    }
    void malformedFilesGiveClearErrors()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString path = m_dir.filePath(QStringLiteral("bad.kwproj"));
        writeAll(path, content);
        auto p = Project::read(path);
        QVERIFY(!p.ok());
        QVERIFY2(p.error().message.contains(path), qPrintable(p.error().message));
        QVERIFY2(p.error().message.contains(expected), qPrintable(p.error().message));
    }

    void failedSaveLeavesNothing()
    {
        Project p;
        const Status st = p.write(m_dir.filePath(QStringLiteral("no/such/dir/x.kwproj")));
        QVERIFY(!st.ok());
        QCOMPARE(st.error().kind, ErrorKind::Output);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("no/such/dir/x.kwproj"))));
    }

    void writtenFilesMatchTheSchema()
    {
        const QString path = makeProject(QStringLiteral("schema"));
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral("-c"),
                      QStringLiteral("import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), "
                                     "json.load(open(sys.argv[2]))); print('ok')"),
                      path, QStringLiteral(KW_SOURCE_DIR "/resources/schema/kwproj.schema.json")});
        QVERIFY(python.waitForFinished(60000));
        if (python.exitCode() != 0 && python.readAllStandardError().contains("No module named"))
            QSKIP("python3-jsonschema is not installed");
        QCOMPARE(python.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestProject)
#include "test_project.moc"
