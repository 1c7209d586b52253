// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_run.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <ctime>

namespace {

const QString kProject = QStringLiteral(KW_BINARY_DIR "/demo/kaiserslautern.kwproj");
const QString kCouncil = QStringLiteral("Ratsvorlage A4");

using kw::test::CliRun;
using kw::test::dump;

CliRun run(const QStringList &args)
{
    return kw::test::runCliInProcess(args);
}

/// Runs a poppler tool; \a ok is false when it is missing or fails.
QString tool(const QString &program, const QStringList &args, bool *ok)
{
    *ok = false;
    if (QStandardPaths::findExecutable(program).isEmpty()) return {};
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) return QString::fromUtf8(p.readAllStandardError());
    *ok = true;
    return QString::fromUtf8(p.readAllStandardOutput());
}

QByteArray bytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList files(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

/// The 19 district names as atlas file names ('/' becomes '_').
QStringList districtFiles()
{
    QStringList names{QStringLiteral("Innenstadt-West"),
                      QStringLiteral("Innenstadt-Ost"),
                      QStringLiteral("Innenstadt-Nord_Kaiserberg"),
                      QStringLiteral("Innenstadt-Südwest"),
                      QStringLiteral("Innenstadt-Südost"),
                      QStringLiteral("Betzenberg"),
                      QStringLiteral("Lämmchesberg_Uni-Wohnstadt"),
                      QStringLiteral("Bännjerrück_Karl-Pfaff-Siedlung"),
                      QStringLiteral("Kotten"),
                      QStringLiteral("Grübentälchen_Volkspark"),
                      QStringLiteral("Erzhütten_Wiesenthalerhof"),
                      QStringLiteral("Morlautern"),
                      QStringLiteral("Erfenbach"),
                      QStringLiteral("Siegelbach"),
                      QStringLiteral("Hohenecken"),
                      QStringLiteral("Dansenberg"),
                      QStringLiteral("Mölschbach"),
                      QStringLiteral("Einsiedlerhof"),
                      QStringLiteral("Erlenbach")};
    for (QString &n : names)
        n += QStringLiteral(".pdf");
    names.sort();
    return names;
}

} // namespace

/// \brief kartenwerk-cli export, atlas and check on the demo project: PDF properties checked with
/// poppler-utils (page size, embedded fonts, text, no page-sized raster), image formats, --set,
/// determinism, atlas file names, shards, a failing page, exit codes.
class TestLayoutCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("SOURCE_DATE_EPOCH", "1790000000");
        qputenv("TZ", "UTC");
        tzset();
        QVERIFY2(QFile::exists(kProject), "the demo project is copied into build/demo by CMake");
    }

    void councilPdf()
    {
        const QString out = m_tmp.filePath(QStringLiteral("rat.pdf"));
        const CliRun r = run({QStringLiteral("export"), kProject, QStringLiteral("--layout"), kCouncil,
                              QStringLiteral("-o"), out});
        QVERIFY2(r.code == 0, qPrintable(dump(r)));
        QVERIFY(r.out.contains(QStringLiteral("wrote")));
        bool ok = false;
        const QString info = tool(QStringLiteral("pdfinfo"), {out}, &ok);
        if (!ok) QSKIP("pdfinfo (poppler-utils) is missing");
        // A4 landscape exactly: 297 × 210 mm = 841.89 × 595.28 pt (Qt alone writes 842 × 595).
        const auto m =
            QRegularExpression(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+) pts")).match(info);
        QVERIFY2(m.hasMatch(), qPrintable(info));
        QVERIFY2(std::abs(m.captured(1).toDouble() - 841.89) < 0.01 &&
                     std::abs(m.captured(2).toDouble() - 595.28) < 0.01,
                 qPrintable(info));
        QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))), qPrintable(info));
        // The creation date is SOURCE_DATE_EPOCH (1790000000 = 2026-09-21 14:13:20 UTC).
        QVERIFY2(info.contains(QStringLiteral("Sep 21 14:13:20 2026")), qPrintable(info));

        const QString fonts = tool(QStringLiteral("pdffonts"), {out}, &ok);
        QVERIFY(ok);
        const QStringList fontLines = fonts.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
        QVERIFY2(!fontLines.isEmpty(), qPrintable(fonts));
        for (const QString &line : fontLines) {
            const QStringList cols =
                line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            QVERIFY2(cols.size() >= 6 && cols[cols.size() - 5] == QLatin1String("yes"),
                     qPrintable(QStringLiteral("not embedded: ") + line));
        }

        const QString text =
            tool(QStringLiteral("pdftotext"),
                 {QStringLiteral("-enc"), QStringLiteral("UTF-8"), out, QStringLiteral("-")}, &ok);
        QVERIFY(ok);
        QVERIFY2(text.contains(QStringLiteral("Kaiserslautern – Stadtentwicklung 2026")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Bevölkerungsdichte")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Stand: 21. September 2026")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Straßen")), qPrintable(text));

        // Vector output: no image at all, certainly no page-sized one.
        const QString images = tool(QStringLiteral("pdfimages"), {QStringLiteral("-list"), out}, &ok);
        QVERIFY(ok);
        QCOMPARE(images.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 2); // the two header lines
    }

    void setOverridesTheTitle()
    {
        const QString out = m_tmp.filePath(QStringLiteral("set.pdf"));
        const CliRun r = run({QStringLiteral("export"), kProject, QStringLiteral("--layout"), kCouncil,
                              QStringLiteral("-o"), out, QStringLiteral("--set"),
                              QStringLiteral("title=Radwege für Großstädter"), QStringLiteral("--set"),
                              QStringLiteral("abteilung=Tiefbauamt")});
        QVERIFY2(r.code == 0, qPrintable(dump(r)));
        bool ok = false;
        const QString text =
            tool(QStringLiteral("pdftotext"),
                 {QStringLiteral("-enc"), QStringLiteral("UTF-8"), out, QStringLiteral("-")}, &ok);
        if (!ok) QSKIP("pdftotext (poppler-utils) is missing");
        QVERIFY2(text.contains(QStringLiteral("Radwege für Großstädter")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Tiefbauamt")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("Stadtentwicklung 2026")));
        const CliRun bad = run({QStringLiteral("export"), kProject, QStringLiteral("--layout"), kCouncil,
                                QStringLiteral("-o"), out, QStringLiteral("--set"), QStringLiteral("1x=2")});
        QCOMPARE(bad.code, 1);
    }

    void deterministic()
    {
        const QString a = m_tmp.filePath(QStringLiteral("det_a.pdf")),
                      b = m_tmp.filePath(QStringLiteral("det_b.pdf"));
        QCOMPARE(run({QStringLiteral("export"), kProject, QStringLiteral("--layout"), kCouncil,
                      QStringLiteral("-o"), a})
                     .code,
                 0);
        QTest::qWait(1100);
        QCOMPARE(run({QStringLiteral("export"), kProject, QStringLiteral("--layout"), kCouncil,
                      QStringLiteral("-o"), b})
                     .code,
                 0);
        QVERIFY(!bytes(a).isEmpty());
        QVERIFY2(bytes(a) == bytes(b), "two exports with SOURCE_DATE_EPOCH set differ");
    }

    void imageFormats_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("sidecar");
        // A4 landscape at 100 dpi: 297 mm = 1169.3 px, 210 mm = 826.8 px.
        QTest::newRow("png") << "rat.png" << QStringList{QStringLiteral("--dpi"), QStringLiteral("100")}
                             << QSize(1169, 827) << QString();
        QTest::newRow("jpg world file")
            << "rat.jpg"
            << QStringList{QStringLiteral("--dpi"), QStringLiteral("100"), QStringLiteral("--georef")}
            << QSize(1169, 827) << "rat.jgw";
        QTest::newRow("tif") << "rat.tif" << QStringList{QStringLiteral("--dpi"), QStringLiteral("100")}
                             << QSize(1169, 827) << QString();
        // Map only: the frame of 205 × 160 mm.
        QTest::newRow("geotiff map only")
            << "map.tif"
            << QStringList{QStringLiteral("--dpi"), QStringLiteral("100"), QStringLiteral("--georef"),
                           QStringLiteral("--map-only")}
            << QSize(808, 631) << "map.tfw";
    }
    void imageFormats()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, extra);
        QFETCH(QSize, size);
        QFETCH(QString, sidecar);
        const QString out = m_tmp.filePath(name);
        const CliRun r = run(QStringList{QStringLiteral("export"), kProject, QStringLiteral("--layout"),
                                         kCouncil, QStringLiteral("-o"), out} +
                             extra);
        QVERIFY2(r.code == 0, qPrintable(dump(r)));
        const QImage image(out);
        QVERIFY2(!image.isNull(), qPrintable(out));
        QVERIFY2(std::abs(image.width() - size.width()) <= 1 && std::abs(image.height() - size.height()) <= 1,
                 qPrintable(QStringLiteral("%1x%2").arg(image.width()).arg(image.height())));
        if (!sidecar.isEmpty()) QVERIFY(QFile::exists(m_tmp.filePath(sidecar)));
        if (name == QLatin1String("map.tif")) {
            bool ok = false;
            const QString info = tool(QStringLiteral("gdalinfo"), {out}, &ok);
            if (ok) {
                QVERIFY2(info.contains(QStringLiteral("25832")), qPrintable(info));
                // 1:80,000 at 100 dpi: 0.254 mm per pixel = 20.32 m.
                const auto m = QRegularExpression(QStringLiteral("Pixel Size = \\(([0-9.]+),")).match(info);
                QVERIFY2(m.hasMatch() && std::abs(m.captured(1).toDouble() - 20.32) < 1e-6, qPrintable(info));
            }
        }
    }

    void svg()
    {
        const QString out = m_tmp.filePath(QStringLiteral("rat.svg"));
        const CliRun r = run({QStringLiteral("export"), kProject, QStringLiteral("--layout"), kCouncil,
                              QStringLiteral("-o"), out});
        QVERIFY2(r.code == 0, qPrintable(dump(r)));
        const QString svg = QString::fromUtf8(bytes(out));
        QVERIFY2(svg.contains(QStringLiteral("width=\"297mm\" height=\"210mm\"")), qPrintable(svg.left(300)));
        QVERIFY(svg.contains(QStringLiteral("Legende")));
    }

    void usageErrors()
    {
        QCOMPARE(run({QStringLiteral("export"), kProject, QStringLiteral("--layout"), kCouncil}).code, 1);
        QCOMPARE(run({QStringLiteral("export"), kProject, QStringLiteral("-o"),
                      m_tmp.filePath(QStringLiteral("x.pdf"))})
                     .code,
                 1);
        QCOMPARE(run({QStringLiteral("export"), kProject, QStringLiteral("--layout"), kCouncil,
                      QStringLiteral("-o"), m_tmp.filePath(QStringLiteral("x.bmp"))})
                     .code,
                 1);
        const CliRun unknown = run({QStringLiteral("export"), kProject, QStringLiteral("--layout"),
                                    QStringLiteral("Gibt es nicht"), QStringLiteral("-o"),
                                    m_tmp.filePath(QStringLiteral("x.pdf"))});
        QCOMPARE(unknown.code, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("Ratsvorlage A4"))); // lists the layouts there are
        const CliRun missing = run({QStringLiteral("export"), m_tmp.filePath(QStringLiteral("none.kwproj")),
                                    QStringLiteral("--layout"), kCouncil, QStringLiteral("-o"),
                                    m_tmp.filePath(QStringLiteral("x.pdf"))});
        QCOMPARE(missing.code, 2);
        QVERIFY(missing.err.contains(QStringLiteral("none.kwproj")));
        const CliRun unwritable =
            run({QStringLiteral("export"), kProject, QStringLiteral("--layout"), kCouncil,
                 QStringLiteral("-o"), m_tmp.filePath(QStringLiteral("no/dir/x.pdf"))});
        QCOMPARE(unwritable.code, 3);
        QVERIFY(unwritable.err.contains(QStringLiteral("x.pdf")));
        QCOMPARE(
            run({QStringLiteral("atlas"), kProject, QStringLiteral("--layout"), QStringLiteral("Stadtteile"),
                 QStringLiteral("-o"), m_tmp.filePath(QStringLiteral("a.pdf")), QStringLiteral("--shard"),
                 QStringLiteral("0/3")})
                .code,
            1);
        QCOMPARE(
            run({QStringLiteral("atlas"), kProject, QStringLiteral("--layout"), QStringLiteral("Stadtteile"),
                 QStringLiteral("-o"), m_tmp.filePath(QStringLiteral("a.png"))})
                .code,
            1); // many pages need {name} or a PDF
        QCOMPARE(run({QStringLiteral("atlas"), kProject, QStringLiteral("--layout"), kCouncil,
                      QStringLiteral("-o"), m_tmp.filePath(QStringLiteral("a.pdf"))})
                     .code,
                 1); // no atlas in that layout
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--help")}).code, 0);
    }

    void atlasOneFilePerDistrict()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("atlas"));
        const CliRun r =
            run({QStringLiteral("atlas"), kProject, QStringLiteral("--layout"), QStringLiteral("Stadtteile"),
                 QStringLiteral("-o"), dir + QStringLiteral("/{name}.pdf"), QStringLiteral("--jobs"),
                 QStringLiteral("2"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(dump(r)));
        QCOMPARE(files(dir), districtFiles());
        const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("atlas_pages")).toInt(), 19);
        QCOMPARE(report.value(QStringLiteral("exported")).toInt(), 19);
        QVERIFY(report.value(QStringLiteral("failures")).toArray().isEmpty());
        bool ok = false;
        const QString text =
            tool(QStringLiteral("pdftotext"),
                 {QStringLiteral("-enc"), QStringLiteral("UTF-8"),
                  dir + QStringLiteral("/Erzhütten_Wiesenthalerhof.pdf"), QStringLiteral("-")},
                 &ok);
        if (ok) QVERIFY2(text.contains(QStringLiteral("Erzhütten/Wiesenthalerhof")), qPrintable(text));
    }

    void shardsPartitionTheAtlas()
    {
        QSet<QString> all;
        int total = 0;
        for (int k = 1; k <= 3; ++k) {
            const QString dir = m_tmp.filePath(QStringLiteral("shard%1").arg(k));
            const CliRun r =
                run({QStringLiteral("atlas"), kProject, QStringLiteral("--layout"),
                     QStringLiteral("Stadtteile"), QStringLiteral("-o"), dir + QStringLiteral("/{name}.pdf"),
                     QStringLiteral("--shard"), QStringLiteral("%1/3").arg(k), QStringLiteral("-q")});
            QVERIFY2(r.code == 0, qPrintable(dump(r)));
            const QStringList f = files(dir);
            QCOMPARE(f.size(), k == 1 ? 7 : 6); // 19 pages: 7 + 6 + 6
            total += int(f.size());
            for (const QString &name : f)
                all.insert(name);
        }
        QCOMPARE(total, 19);                                      // no page twice
        QCOMPARE(QStringList(all.begin(), all.end()).size(), 19); // every page once
        QStringList sorted(all.begin(), all.end());
        sorted.sort();
        QCOMPARE(sorted, districtFiles());
    }

    void atlasOnePdfIndependentOfJobs()
    {
        const QString one = m_tmp.filePath(QStringLiteral("all1.pdf")),
                      two = m_tmp.filePath(QStringLiteral("all2.pdf"));
        CliRun r = run({QStringLiteral("atlas"), kProject, QStringLiteral("--layout"),
                        QStringLiteral("Stadtteile"), QStringLiteral("-o"), one, QStringLiteral("--jobs"),
                        QStringLiteral("1"), QStringLiteral("-q")});
        QVERIFY2(r.code == 0, qPrintable(dump(r)));
        r = run({QStringLiteral("atlas"), kProject, QStringLiteral("--layout"), QStringLiteral("Stadtteile"),
                 QStringLiteral("-o"), two, QStringLiteral("--jobs"), QStringLiteral("2"),
                 QStringLiteral("-q")});
        QVERIFY2(r.code == 0, qPrintable(dump(r)));
        QVERIFY2(bytes(one) == bytes(two), "the multi-page PDF depends on --jobs");
        bool ok = false;
        const QString info = tool(QStringLiteral("pdfinfo"), {one}, &ok);
        if (ok)
            QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+19\\n"))), qPrintable(info));
        const QString text =
            tool(QStringLiteral("pdftotext"),
                 {QStringLiteral("-enc"), QStringLiteral("UTF-8"), QStringLiteral("-f"), QStringLiteral("1"),
                  QStringLiteral("-l"), QStringLiteral("1"), one, QStringLiteral("-")},
                 &ok);
        if (ok) // sorted by name: Bännjerrück comes first under German collation ("ä" as "a")
            QVERIFY2(text.contains(QStringLiteral("Bännjerrück/Karl-Pfaff-Siedlung")), qPrintable(text));
    }

    void failingPageDoesNotStopTheOthers()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("failing"));
        QDir().mkpath(dir + QStringLiteral("/Kotten.pdf")); // a folder where the file should go
        const CliRun r =
            run({QStringLiteral("atlas"), kProject, QStringLiteral("--layout"), QStringLiteral("Stadtteile"),
                 QStringLiteral("-o"), dir + QStringLiteral("/{name}.pdf"), QStringLiteral("--jobs"),
                 QStringLiteral("2")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QStringLiteral("Kotten")), qPrintable(dump(r)));
        QCOMPARE(files(dir).size(), 18);
        QVERIFY(r.out.contains(QStringLiteral("18 of 19")));
    }

    void checkDemoProject()
    {
        const CliRun r = run({QStringLiteral("check"), kProject, QStringLiteral("--offline")});
        QVERIFY2(r.code == 0, qPrintable(dump(r)));
        QVERIFY(r.out.contains(QStringLiteral("ready to export")));
        const CliRun json =
            run({QStringLiteral("check"), kProject, QStringLiteral("--offline"), QStringLiteral("--json")});
        QCOMPARE(json.code, 0);
        QVERIFY(QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("ok")).toBool());
    }

    void checkBrokenProject()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("broken"));
        QDir().mkpath(dir);
        QFile::copy(QStringLiteral(KW_BINARY_DIR "/demo/kaiserslautern.gpkg"),
                    dir + QStringLiteral("/kaiserslautern.gpkg"));
        const QByteArray project = QByteArrayLiteral(
            "{\"format\": \"kartenwerk-project\", \"version\": 1, \"crs\": \"EPSG:25832\", \"layers\": ["
            "{\"type\": \"layer\", \"id\": \"gone\", \"name\": \"Verschwunden\", \"source\": \"fehlt.gpkg\"},"
            "{\"type\": \"layer\", \"id\": \"crs\", \"name\": \"Falsches KBS\", \"source\": "
            "\"kaiserslautern.gpkg\","
            " \"layer\": \"sensoren\", \"source_crs\": \"EPSG:999999\"},"
            "{\"type\": \"layer\", \"id\": \"tiles\", \"name\": \"Kacheln\", \"kind\": \"raster\","
            " \"source\": \"xyz:http://127.0.0.1:9/{z}/{x}/{y}.png\"},"
            "{\"type\": \"layer\", \"id\": \"ok\", \"name\": \"Stadtteile\", \"source\": "
            "\"kaiserslautern.gpkg\","
            " \"layer\": \"stadtteile\", \"labels\": {\"enabled\": true, \"text\": \"name\", \"font\": "
            "\"Gibtsnicht Sans\"}}],"
            "\"layouts\": [{\"name\": \"L\", \"items\": ["
            "{\"type\": \"map\", \"id\": \"map\", \"x\": 10, \"y\": 10, \"width\": 100, \"height\": 80},"
            "{\"type\": \"picture\", \"id\": \"logo\", \"x\": 120, \"y\": 10, \"width\": 30, \"height\": 20, "
            "\"path\": \"logo_fehlt.png\"}]}]}");
        QFile f(dir + QStringLiteral("/broken.kwproj"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(project);
        f.close();
        const CliRun r = run({QStringLiteral("check"), dir + QStringLiteral("/broken.kwproj"),
                              QStringLiteral("--timeout"), QStringLiteral("1500"), QStringLiteral("--json")});
        QCOMPARE(r.code, 2);
        const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY2(!report.value(QStringLiteral("ok")).toBool(), qPrintable(r.out));
        QSet<QString> kinds;
        for (const QJsonValue &v : report.value(QStringLiteral("issues")).toArray())
            if (v.toObject().value(QStringLiteral("severity")).toString() == QLatin1String("error"))
                kinds.insert(v.toObject().value(QStringLiteral("kind")).toString());
        for (const char *kind :
             {"missing_data", "unknown_crs", "unreachable_service", "missing_font", "substitution"})
            QVERIFY2(kinds.contains(QLatin1String(kind)),
                     qPrintable(QStringLiteral("%1 not reported:\n%2").arg(QLatin1String(kind), r.out)));
        QVERIFY(r.out.contains(QStringLiteral("fehlt.gpkg")));
        QVERIFY(r.out.contains(QStringLiteral("logo_fehlt.png")));
        QVERIFY(r.out.contains(QStringLiteral("Gibtsnicht Sans")));
    }
};

QTEST_MAIN(TestLayoutCli)
#include "test_layout_cli.moc"
