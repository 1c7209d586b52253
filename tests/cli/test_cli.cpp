// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_run.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using kw::test::sharedData;
using kw::test::testData;

namespace {

using kw::test::CliRun;
using kw::test::dump;

CliRun runCli(const QStringList &args)
{
    return kw::test::runCliInProcess(args);
}

/// Runs an external tool; an empty result with \a ok false when it is missing or fails.
QByteArray tool(const QString &program, const QStringList &args, bool *ok)
{
    *ok = false;
    if (QStandardPaths::findExecutable(program).isEmpty())
        return {};
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return p.readAllStandardError();
    *ok = true;
    return p.readAllStandardOutput();
}

// The render checks use one map: NC in its own CRS (EPSG:4267) at 0.025 degrees per pixel, so that pixel
// (px, py) covers lon -84.75 + 0.025 px, lat 39.0 - 0.025 py.
const QStringList ncMapArgs{QStringLiteral("--extent"), QStringLiteral("-84.75,31.5,-74.75,39.0"),
                            QStringLiteral("--size"), QStringLiteral("400x300")};
// Raleigh (-78.6382, 35.7796), 15 km or more from the Wake county line: pixel (244.47, 128.8).
const QPoint raleighPx(244, 128);
// The Atlantic at (-76.0, 33.0): pixel (350, 240).
const QPoint oceanPx(350, 240);
// The first default polygon fill (Symbol::defaultFor(Polygon, 0), ColorBrewer Set2 #8da0cb).
const QColor defaultFill(141, 160, 203);

bool near(const QColor &a, const QColor &b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

QString describe(const QColor &c)
{
    return QStringLiteral("rgba(%1,%2,%3,%4)").arg(c.red()).arg(c.green()).arg(c.blue()).arg(c.alpha());
}

/// Every entry of \a dir, hidden ones included (QSaveFile's temporary files must not survive).
QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

} // namespace

/// \brief kartenwerk-cli in process: info (text and JSON), render to PNG, PDF and SVG, and every error
/// path with its exit code, its message and a clean output directory.
class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY(QFile::exists(nc()));
        QVERIFY(QFile::exists(osm()));
    }

    void infoText()
    {
        const CliRun r = runCli({QStringLiteral("info"), nc()});
        QVERIFY2(r.code == kw::cli::Ok, qPrintable(dump(r)));
        // ogrinfo -so -al nc.gpkg: "Geometry: Multi Polygon", "Feature Count: 100",
        // "Extent: (-84.323900, 33.882000) - (-75.457000, 36.589600)", EPSG 4267, 14 fields.
        QVERIFY2(r.out.contains(QLatin1String("Driver: GPKG\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("Layer: nc.gpkg\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("Geometry: MultiPolygon\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("Features: 100\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("CRS: EPSG:4267 (NAD27)\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("Extent: -84.323900, 33.882000 - -75.457000, 36.589600\n")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("Fields: 14\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("    NAME: String")), qPrintable(r.out));
        QVERIFY(r.err.isEmpty());
    }

    void infoJsonNc()
    {
        const CliRun r = runCli({QStringLiteral("info"), nc(), QStringLiteral("--json")});
        QVERIFY2(r.code == kw::cli::Ok, qPrintable(dump(r)));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QVERIFY2(doc.isObject(), qPrintable(error.errorString() + QLatin1Char('\n') + r.out));
        const QJsonObject root = doc.object();
        QCOMPARE(root[QLatin1String("driver")].toString(), QStringLiteral("GPKG"));
        QCOMPARE(root[QLatin1String("source")].toString(), nc());
        const QJsonArray layers = root[QLatin1String("layers")].toArray();
        QCOMPARE(layers.size(), 1);
        const QJsonObject l = layers[0].toObject();
        QCOMPARE(l[QLatin1String("name")].toString(), QStringLiteral("nc.gpkg"));
        QCOMPARE(l[QLatin1String("type")].toString(), QStringLiteral("vector"));
        QCOMPARE(l[QLatin1String("geometry_type")].toString(), QStringLiteral("MultiPolygon"));
        QCOMPARE(l[QLatin1String("feature_count")].toInt(), 100);
        QCOMPARE(l[QLatin1String("epsg")].toInt(), 4267);
        QCOMPARE(l[QLatin1String("crs")].toString(), QStringLiteral("EPSG:4267"));
        const QJsonArray extent = l[QLatin1String("extent")].toArray();
        QCOMPARE(extent.size(), 4);
        const double ogrExtent[4] = {-84.3239, 33.882, -75.457, 36.5896}; // ogrinfo, 6 decimals
        for (int i = 0; i < 4; ++i)
            QVERIFY2(std::abs(extent[i].toDouble() - ogrExtent[i]) < 1e-6, qPrintable(QString::number(extent[i].toDouble())));
        const QJsonArray fields = l[QLatin1String("fields")].toArray();
        QCOMPARE(fields.size(), 14);
        bool haveName = false;
        for (const QJsonValue &f : fields)
            haveName |= f[QLatin1String("name")].toString() == QLatin1String("NAME") &&
                        f[QLatin1String("type")].toString() == QLatin1String("String");
        QVERIFY(haveName);
    }

    void infoJsonOsm_data()
    {
        // The counts of the GDAL OSM driver's layers (../shared/data/README.md); ogrinfo -so reports -1
        // for a .pbf, so these were counted with ogrinfo -sql "SELECT COUNT(*) FROM <layer>".
        QTest::addColumn<QString>("layer");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("geometry");
        QTest::newRow("points") << "points" << 1359 << "Point";
        QTest::newRow("lines") << "lines" << 3014 << "LineString";
        QTest::newRow("multilinestrings") << "multilinestrings" << 39 << "MultiLineString";
        QTest::newRow("multipolygons") << "multipolygons" << 4104 << "MultiPolygon";
        QTest::newRow("other_relations") << "other_relations" << 12 << "GeometryCollection";
    }
    void infoJsonOsm()
    {
        QFETCH(QString, layer);
        QFETCH(int, count);
        QFETCH(QString, geometry);
        if (m_osmInfo.isEmpty()) {
            const CliRun r = runCli({QStringLiteral("info"), QStringLiteral("--json"), osm()});
            QVERIFY2(r.code == kw::cli::Ok, qPrintable(dump(r)));
            const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8());
            QVERIFY(doc.isObject());
            QCOMPARE(doc[QLatin1String("driver")].toString(), QStringLiteral("OSM"));
            m_osmInfo = doc[QLatin1String("layers")].toArray();
            QCOMPARE(m_osmInfo.size(), 5);
        }
        QJsonObject found;
        for (const QJsonValue &v : std::as_const(m_osmInfo))
            if (v[QLatin1String("name")].toString() == layer)
                found = v.toObject();
        QVERIFY2(!found.isEmpty(), qPrintable(layer));
        QCOMPARE(found[QLatin1String("feature_count")].toInt(), count);
        QCOMPARE(found[QLatin1String("geometry_type")].toString(), geometry);
        QCOMPARE(found[QLatin1String("epsg")].toInt(), 4326);
    }

    void infoRaster()
    {
        // gdalinfo dem_25832.tif: "Size is 160, 120", "Pixel Size = (25,-25)", "Overviews: 80x60, 40x30".
        const CliRun r = runCli({QStringLiteral("info"), QStringLiteral("--json"), testData(QStringLiteral("render/dem_25832.tif"))});
        QVERIFY2(r.code == kw::cli::Ok, qPrintable(dump(r)));
        const QJsonObject l = QJsonDocument::fromJson(r.out.toUtf8())[QLatin1String("layers")][0].toObject();
        QCOMPARE(l[QLatin1String("type")].toString(), QStringLiteral("raster"));
        QCOMPARE(l[QLatin1String("width")].toInt(), 160);
        QCOMPARE(l[QLatin1String("height")].toInt(), 120);
        QCOMPARE(l[QLatin1String("bands")].toInt(), 1);
        QCOMPARE(l[QLatin1String("data_type")].toString(), QStringLiteral("Float32"));
        QCOMPARE(l[QLatin1String("overviews")].toInt(), 2);
        QCOMPARE(l[QLatin1String("epsg")].toInt(), 25832);
        QCOMPARE(l[QLatin1String("pixel_size")].toArray(), (QJsonArray{25.0, 25.0}));
        QCOMPARE(l[QLatin1String("extent")].toArray(), (QJsonArray{408000.0, 5474000.0, 412000.0, 5477000.0}));
    }

    void renderPng()
    {
        const QString out = m_tmp.filePath(QStringLiteral("png/map.png"));
        QDir().mkpath(QFileInfo(out).path());
        const CliRun r = runCli(QStringList{QStringLiteral("render"), nc(), QStringLiteral("-o"), out} + ncMapArgs);
        QVERIFY2(r.code == kw::cli::Ok, qPrintable(dump(r)));
        QVERIFY2(r.out.startsWith(QStringLiteral("wrote ") + out), qPrintable(r.out));
        QImage img(out);
        QCOMPARE(img.size(), QSize(400, 300));
        QCOMPARE(img.dotsPerMeterX(), 3780); // 96 dpi
        QCOMPARE(img.pixelColor(0, 0), QColor(Qt::white));
        QCOMPARE(img.pixelColor(399, 299), QColor(Qt::white));
        QCOMPARE(img.pixelColor(oceanPx), QColor(Qt::white));
        QVERIFY2(near(img.pixelColor(raleighPx), defaultFill, 1), qPrintable(describe(img.pixelColor(raleighPx))));
        QCOMPARE(entries(QFileInfo(out).path()), QStringList{QStringLiteral("map.png")});
    }

    void renderPngDefaults()
    {
        // No --extent and no --size: the layer's extent plus a margin, 1920x1080; margins stay background.
        const QString out = m_tmp.filePath(QStringLiteral("default.png"));
        const CliRun r = runCli({QStringLiteral("render"), nc(), QStringLiteral("-o"), out, QStringLiteral("-q"),
                                 QStringLiteral("--background"), QStringLiteral("#ffff00")});
        QVERIFY2(r.code == kw::cli::Ok, qPrintable(dump(r)));
        QVERIFY(r.out.isEmpty()); // -q
        QImage img(out);
        QCOMPARE(img.size(), QSize(1920, 1080));
        QCOMPARE(img.pixelColor(0, 0), QColor(Qt::yellow));
        // Something was drawn: count pixels of the default fill.
        qint64 filled = 0;
        for (int y = 0; y < img.height(); y += 4)
            for (int x = 0; x < img.width(); x += 4)
                filled += near(img.pixelColor(x, y), defaultFill, 1);
        QVERIFY2(filled > 20000, qPrintable(QString::number(filled)));
    }

    // PNG output streams the layer (drawn while read); --no-streaming loads it first: the same pixels.
    void renderStreamedEqualsLoaded()
    {
        const QString streamed = m_tmp.filePath(QStringLiteral("streamed.png"));
        const QString loaded = m_tmp.filePath(QStringLiteral("loaded.png"));
        const CliRun a = runCli(QStringList{QStringLiteral("render"), nc(), QStringLiteral("-o"), streamed} + ncMapArgs);
        QVERIFY2(a.code == kw::cli::Ok, qPrintable(dump(a)));
        QVERIFY2(a.out.contains(QStringLiteral("streamed")), qPrintable(a.out));
        const CliRun b = runCli(QStringList{QStringLiteral("render"), nc(), QStringLiteral("-o"), loaded,
                                            QStringLiteral("--no-streaming")} + ncMapArgs);
        QVERIFY2(b.code == kw::cli::Ok, qPrintable(dump(b)));
        QVERIFY(!b.out.contains(QStringLiteral("streamed")));
        const QImage x(streamed), y(loaded);
        QCOMPARE(x.size(), QSize(400, 300));
        QCOMPARE(x.convertToFormat(QImage::Format_RGB32), y.convertToFormat(QImage::Format_RGB32));
        QVERIFY(near(x.pixelColor(raleighPx), defaultFill, 1));
        // Without --extent the extent comes from the GeoPackage's metadata (gpkg_contents, here rounded to
        // 1e-4 degrees) instead of the data: the framing moves by a hundredth of a pixel.
        const CliRun c = runCli({QStringLiteral("render"), nc(), QStringLiteral("-o"), streamed, QStringLiteral("--size"),
                                 QStringLiteral("300x200")});
        const CliRun d = runCli({QStringLiteral("render"), nc(), QStringLiteral("-o"), loaded, QStringLiteral("--size"),
                                 QStringLiteral("300x200"), QStringLiteral("--no-streaming")});
        QVERIFY2(c.code == kw::cli::Ok && d.code == kw::cli::Ok, qPrintable(dump(c) + dump(d)));
        const QImage p(streamed), q(loaded);
        QCOMPARE(p.size(), q.size());
        int clearlyOff = 0;
        for (int py = 0; py < p.height(); ++py)
            for (int px = 0; px < p.width(); ++px)
                clearlyOff += !near(p.pixelColor(px, py), q.pixelColor(px, py), 48);
        QVERIFY2(clearlyOff <= p.width() * p.height() / 200, qPrintable(QString::number(clearlyOff)));
    }

    // A GeoPackage whose gpkg_contents declares too small an extent: the streamed map is framed by it,
    // and the command says the data reaches beyond; loading first frames the data itself.
    void renderWarnsAboutStaleExtent()
    {
        const QString copy = m_tmp.filePath(QStringLiteral("stale.gpkg"));
        QVERIFY(QFile::copy(nc(), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        bool ok = false;
        const QByteArray sqlOut = tool(QStringLiteral("ogrinfo"),
                                       {copy, QStringLiteral("-sql"), QStringLiteral("UPDATE gpkg_contents SET max_x = -80")}, &ok);
        if (!ok)
            QSKIP(qPrintable(QStringLiteral("ogrinfo missing or failed: ") + QString::fromUtf8(sqlOut)));
        const QString out = m_tmp.filePath(QStringLiteral("stale.png"));
        const CliRun streamed = runCli({QStringLiteral("render"), copy, QStringLiteral("-o"), out, QStringLiteral("--size"),
                                        QStringLiteral("400x300")});
        QVERIFY2(streamed.code == kw::cli::Ok, qPrintable(dump(streamed)));
        QVERIFY2(streamed.err.contains(QStringLiteral("beyond the extent its source declares")), qPrintable(dump(streamed)));
        const CliRun loaded = runCli({QStringLiteral("render"), copy, QStringLiteral("-o"), out, QStringLiteral("--size"),
                                      QStringLiteral("400x300"), QStringLiteral("--no-streaming")});
        QVERIFY2(loaded.code == kw::cli::Ok, qPrintable(dump(loaded)));
        QVERIFY2(!loaded.err.contains(QStringLiteral("beyond")), qPrintable(dump(loaded)));
        // The untouched file: no warning.
        const CliRun fine = runCli({QStringLiteral("render"), nc(), QStringLiteral("-o"), out, QStringLiteral("--size"),
                                    QStringLiteral("400x300")});
        QVERIFY2(fine.code == kw::cli::Ok && !fine.err.contains(QStringLiteral("beyond")), qPrintable(dump(fine)));
    }

    void renderPdf()
    {
        const QString out = m_tmp.filePath(QStringLiteral("pdf/map.pdf"));
        QDir().mkpath(QFileInfo(out).path());
        const CliRun r = runCli(QStringList{QStringLiteral("render"), nc(), QStringLiteral("-o"), out} + ncMapArgs);
        QVERIFY2(r.code == kw::cli::Ok, qPrintable(dump(r)));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");
        f.close();

        bool ok = false;
        const QString info = QString::fromUtf8(tool(QStringLiteral("pdfinfo"), {out}, &ok));
        if (!ok)
            QSKIP("pdfinfo (poppler-utils) is missing or failed");
        // 400 x 300 px at 96 dpi = 300 x 225 pt.
        QVERIFY2(QRegularExpression(QStringLiteral("Page size:\\s+300 x 225 pts")).match(info).hasMatch(), qPrintable(info));
        QVERIFY2(QRegularExpression(QStringLiteral("Pages:\\s+1\\n")).match(info).hasMatch(), qPrintable(info));

        // A vector-only map must not embed raster images (it would if layers fell back to bitmaps).
        const QString images = QString::fromUtf8(tool(QStringLiteral("pdfimages"), {QStringLiteral("-list"), out}, &ok));
        QVERIFY(ok);
        const QStringList lines = images.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2); // the two header lines only
        QVERIFY(lines[0].startsWith(QLatin1String("page")));

        // And what the page shows: rasterize it at 96 dpi and probe as for the PNG.
        const QString prefix = m_tmp.filePath(QStringLiteral("pdfpage"));
        tool(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("96"), QStringLiteral("-png"),
                                          QStringLiteral("-singlefile"), out, prefix},
             &ok);
        QVERIFY(ok);
        QImage page(prefix + QStringLiteral(".png"));
        QCOMPARE(page.size(), QSize(400, 300));
        QCOMPARE(page.pixelColor(0, 0), QColor(Qt::white));
        QCOMPARE(page.pixelColor(oceanPx), QColor(Qt::white));
        QVERIFY2(near(page.pixelColor(raleighPx), defaultFill, 2), qPrintable(describe(page.pixelColor(raleighPx))));
    }

    void renderSvg()
    {
        const QString out = m_tmp.filePath(QStringLiteral("svg/map.svg"));
        QDir().mkpath(QFileInfo(out).path());
        const CliRun r = runCli(QStringList{QStringLiteral("render"), nc(), QStringLiteral("-o"), out} + ncMapArgs);
        QVERIFY2(r.code == kw::cli::Ok, qPrintable(dump(r)));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray svg = f.readAll();
        QVERIFY(svg.contains("<svg"));
        QVERIFY(svg.contains("<path"));
        QVERIFY2(!svg.contains("<image"), "a vector-only map must not embed images");

        bool ok = false;
        const QString png = m_tmp.filePath(QStringLiteral("svg-rendered.png"));
        const QByteArray log = tool(QStringLiteral("rsvg-convert"), {out, QStringLiteral("-o"), png}, &ok);
        if (!ok && QStandardPaths::findExecutable(QStringLiteral("rsvg-convert")).isEmpty())
            QSKIP("rsvg-convert (librsvg2-bin) is missing");
        QVERIFY2(ok, log.constData());
        QImage img(png);
        QCOMPARE(img.size(), QSize(400, 300));
        QCOMPARE(img.pixelColor(0, 0), QColor(Qt::white));
        QCOMPARE(img.pixelColor(oceanPx), QColor(Qt::white));
        QVERIFY2(near(img.pixelColor(raleighPx), defaultFill, 2), qPrintable(describe(img.pixelColor(raleighPx))));
    }

    void errors_data()
    {
        // {nc} the real GeoPackage, {garbage} random bytes named .gpkg, {truncated} the first 8 KiB of nc.gpkg,
        // {missing} a file that does not exist, {out} a file in an empty output directory.
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QStringList>("mustMention"); // the message names the file (or option, or CRS)
        const auto L = [](std::initializer_list<const char *> items) {
            QStringList l;
            for (const char *i : items)
                l << QString::fromUtf8(i);
            return l;
        };
        using namespace kw::cli;
        QTest::newRow("render: missing file") << L({"render", "{missing}", "-o", "{out}"}) << int(Input) << L({"{missing}"});
        QTest::newRow("info: missing file") << L({"info", "{missing}"}) << int(Input) << L({"{missing}"});
        QTest::newRow("render: garbage .gpkg") << L({"render", "{garbage}", "-o", "{out}"}) << int(Input) << L({"{garbage}"});
        QTest::newRow("info: garbage .gpkg") << L({"info", "{garbage}"}) << int(Input) << L({"{garbage}"});
        QTest::newRow("render: truncated .gpkg") << L({"render", "{truncated}", "-o", "{out}"}) << int(Input)
                                                 << L({"{truncated}"});
        QTest::newRow("render: unknown --crs") << L({"render", "{nc}", "-o", "{out}", "--crs", "EPSG:999999"})
                                               << int(Input) << L({"EPSG:999999"});
        QTest::newRow("render: unknown crs= in the source") << L({"render", "{nc}|crs=NOT:A:CRS", "-o", "{out}"})
                                                            << int(Input) << L({"{nc}", "NOT:A:CRS"});
        QTest::newRow("render: unknown layer") << L({"render", "{nc}", "-o", "{out}", "--layer", "roads"}) << int(Input)
                                               << L({"{nc}", "roads"});
        QTest::newRow("info: unknown layer") << L({"info", "{nc}|layername=roads"}) << int(Input) << L({"{nc}", "roads"});
        QTest::newRow("bad --size 0x300") << L({"render", "{nc}", "-o", "{out}", "--size", "0x300"}) << int(Usage)
                                          << L({"--size", "0x300"});
        QTest::newRow("bad --size abc") << L({"render", "{nc}", "-o", "{out}", "--size", "abc"}) << int(Usage) << L({"--size"});
        QTest::newRow("bad --size 400x") << L({"render", "{nc}", "-o", "{out}", "--size", "400x"}) << int(Usage) << L({"--size"});
        QTest::newRow("bad --extent, 3 numbers") << L({"render", "{nc}", "-o", "{out}", "--extent", "1,2,3"}) << int(Usage)
                                                 << L({"--extent"});
        QTest::newRow("bad --extent, min > max") << L({"render", "{nc}", "-o", "{out}", "--extent", "3,2,1,4"})
                                                 << int(Usage) << L({"--extent"});
        QTest::newRow("bad --extent, decimal commas") << L({"render", "{nc}", "-o", "{out}", "--extent", "1,5,2,5,3,5,4,5"})
                                                      << int(Usage) << L({"--extent"});
        QTest::newRow("bad --dpi 5") << L({"render", "{nc}", "-o", "{out}", "--dpi", "5"}) << int(Usage) << L({"--dpi"});
        QTest::newRow("bad --dpi x") << L({"render", "{nc}", "-o", "{out}", "--dpi", "x"}) << int(Usage) << L({"--dpi"});
        QTest::newRow("bad --background") << L({"render", "{nc}", "-o", "{out}", "--background", "nocolour"})
                                          << int(Usage) << L({"--background"});
        QTest::newRow("render: unknown option") << L({"render", "{nc}", "-o", "{out}", "--frobnicate"}) << int(Usage)
                                                << L({"frobnicate"});
        QTest::newRow("info: unknown option") << L({"info", "{nc}", "--frobnicate"}) << int(Usage) << L({"frobnicate"});
        QTest::newRow("unknown command") << L({"draw", "{nc}"}) << int(Usage) << L({"draw"});
        QTest::newRow("no command") << QStringList() << int(Usage) << L({"Usage"});
        QTest::newRow("no output") << L({"render", "{nc}"}) << int(Usage) << L({"-o"});
        QTest::newRow("unsupported output format") << L({"render", "{nc}", "-o", "{outdir}/map.tif"}) << int(Usage)
                                                   << L({"{outdir}/map.tif"});
        QTest::newRow("output directory does not exist") << L({"render", "{nc}", "-o", "{outdir}/no/such/dir/map.png"})
                                                         << int(Output) << L({"{outdir}/no/such/dir/map.png"});
        QTest::newRow("output is a directory") << L({"render", "{nc}", "-o", "{outdir}/taken.png"}) << int(Output)
                                               << L({"{outdir}/taken.png"});
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QStringList, mustMention);

        const QString outDir = m_tmp.filePath(QStringLiteral("errors/") + QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(QDir().mkpath(outDir));
        const bool takenCase = args.contains(QStringLiteral("{outdir}/taken.png"));
        if (takenCase)
            QVERIFY(QDir().mkpath(outDir + QStringLiteral("/taken.png")));
        const auto expand = [&](QString s) {
            return s.replace(QLatin1String("{nc}"), nc())
                .replace(QLatin1String("{garbage}"), garbageGpkg())
                .replace(QLatin1String("{truncated}"), truncatedGpkg())
                .replace(QLatin1String("{missing}"), m_tmp.filePath(QStringLiteral("missing/no-such.gpkg")))
                .replace(QLatin1String("{outdir}"), outDir)
                .replace(QLatin1String("{out}"), outDir + QStringLiteral("/map.png"));
        };
        QStringList expanded;
        for (const QString &a : std::as_const(args))
            expanded << expand(a);

        const CliRun r = runCli(expanded);
        QVERIFY2(r.code == code, qPrintable(dump(r)));
        QVERIFY2(!r.err.trimmed().isEmpty(), qPrintable(dump(r)));
        for (const QString &m : std::as_const(mustMention))
            QVERIFY2(r.err.contains(expand(m)), qPrintable(QStringLiteral("message must mention '%1'\n").arg(expand(m)) + dump(r)));
        // Nothing left behind: no output, no temporary file (QSaveFile writes next to the target).
        const QStringList left = entries(outDir);
        QVERIFY2(left == (takenCase ? QStringList{QStringLiteral("taken.png")} : QStringList()),
                 qPrintable(left.join(QStringLiteral(", "))));
        if (takenCase)
            QVERIFY(entries(outDir + QStringLiteral("/taken.png")).isEmpty());
    }

    void help()
    {
        CliRun r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.code, int(kw::cli::Ok));
        QVERIFY(r.out.contains(QLatin1String("Exit codes")));
        r = runCli({QStringLiteral("render"), QStringLiteral("--help")});
        QCOMPARE(r.code, int(kw::cli::Ok));
        QVERIFY(r.out.contains(QLatin1String("--extent")));
    }

private:
    static QString nc() { return sharedData(QStringLiteral("counties/nc.gpkg")); }
    static QString osm() { return sharedData(QStringLiteral("osm/liechtenstein-2013-08-03.osm.pbf")); }

    QString garbageGpkg()
    {
        const QString path = m_tmp.filePath(QStringLiteral("inputs/garbage.gpkg"));
        if (!QFile::exists(path)) {
            QDir().mkpath(QFileInfo(path).path());
            QFile f(path);
            f.open(QIODevice::WriteOnly);
            QByteArray bytes(8192, '\0');
            quint32 x = 2463534242u; // xorshift: fixed garbage, the same on every run
            for (char &b : bytes) {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                b = char(x);
            }
            f.write(bytes);
        }
        return path;
    }

    QString truncatedGpkg()
    {
        // A real GeoPackage cut short, as an interrupted download leaves it: the SQLite header is valid.
        const QString path = m_tmp.filePath(QStringLiteral("inputs/truncated.gpkg"));
        if (!QFile::exists(path)) {
            QDir().mkpath(QFileInfo(path).path());
            QFile in(nc());
            in.open(QIODevice::ReadOnly);
            QFile f(path);
            f.open(QIODevice::WriteOnly);
            f.write(in.read(8192));
        }
        return path;
    }

    QTemporaryDir m_tmp;
    QJsonArray m_osmInfo;
};

QTEST_MAIN(TestCli)
#include "test_cli.moc"
