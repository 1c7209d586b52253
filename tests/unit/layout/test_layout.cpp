// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/expression/text_template.h"
#include "core/layers/vector_layer.h"
#include "core/layout/layout_exporter.h"
#include "core/layout/layout_legend_item.h"
#include "core/layout/layout_map_item.h"
#include "core/layout/layout_misc_items.h"
#include "core/layout/layout_scale_bar_item.h"
#include "core/layout/layout_table_items.h"
#include "core/layout/layout_text_items.h"
#include "core/layout/pdf_fixups.h"
#include "core/project/project.h"
#include "core/render/render_job.h"
#include "core/layout/chart_painter.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <ctime>
#include <gdal.h>

using namespace kw;

namespace {

const QString kDemoDir = QStringLiteral(KW_BINARY_DIR "/demo");

std::unique_ptr<Project> testProject()
{
    QFile file(QStringLiteral(KW_SOURCE_DIR "/tests/render/layout/test_project.kwproj"));
    if (!file.open(QIODevice::ReadOnly)) return nullptr;
    auto project = Project::fromJson(file.readAll(), kDemoDir);
    if (!project.ok()) return nullptr;
    (*project)->loadLayers();
    return std::move(*project);
}

/// A layout of one custom page with one map item (extent, size in mm).
Layout mapLayout(const Envelope &extent, const QSizeF &mapSize, double scale = 0)
{
    Layout layout;
    layout.setName(QStringLiteral("test"));
    layout.pages().front().size = QSizeF(mapSize.width() + 20, mapSize.height() + 20);
    auto map = std::make_unique<LayoutMapItem>();
    map->setId(QStringLiteral("map"));
    map->setRect(QRectF(QPointF(10, 10), mapSize));
    map->setExtent(extent);
    map->setScale(scale);
    layout.addItem(std::move(map));
    return layout;
}

} // namespace

/// \brief The layout model: pages, JSON, text templates, scale bars, atlas iteration, PDF fix-ups,
/// chart ticks, legends, exports and their determinism.
class TestLayout : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Project> m_project;
    std::shared_ptr<const LayoutProjectSnapshot> m_snapshot;
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("SOURCE_DATE_EPOCH", "1790000000");
        qputenv("TZ", "UTC");
        tzset();
        m_project = testProject();
        QVERIFY(m_project);
        m_snapshot = LayoutProjectSnapshot::fromProject(*m_project);
    }

    void pagePresets_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<bool>("landscape");
        QTest::addColumn<QSizeF>("size");
        QTest::newRow("A4 portrait") << "A4" << false << QSizeF(210, 297);
        QTest::newRow("A4 landscape") << "A4" << true << QSizeF(297, 210);
        QTest::newRow("A3 landscape") << "a3" << true << QSizeF(420, 297);
        QTest::newRow("A0 portrait") << "A0" << false << QSizeF(841, 1189);
        QTest::newRow("slide") << "slide" << true << QSizeF(338.6667, 190.5);
    }
    void pagePresets()
    {
        QFETCH(QString, preset);
        QFETCH(bool, landscape);
        QFETCH(QSizeF, size);
        const auto page = LayoutPage::fromPreset(preset, landscape);
        QVERIFY(page);
        QCOMPARE(page->size, size);
        const auto back = LayoutPage::fromJson(page->toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->size, size);
        QVERIFY(!LayoutPage::fromPreset(QStringLiteral("A7"), false));
    }

    void builtinTemplatesRoundTrip_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &t : Layout::builtinTemplates())
            QTest::newRow(qPrintable(t)) << t;
    }
    void builtinTemplatesRoundTrip()
    {
        QFETCH(QString, name);
        auto layout = Layout::builtinTemplate(name);
        QVERIFY2(layout.ok(), layout.ok() ? "" : qPrintable(layout.error().message));
        QVERIFY(layout->firstItem(LayoutItem::Type::Map));
        QVERIFY(layout->firstItem(LayoutItem::Type::Legend));
        QVERIFY(layout->firstItem(LayoutItem::Type::ScaleBar));
        QVERIFY(layout->firstItem(LayoutItem::Type::NorthArrow));
        QVERIFY(layout->firstItem(LayoutItem::Type::Picture));
        QVERIFY(layout->firstItem(LayoutItem::Type::Sources));
        const QJsonObject json = layout->toJson();
        auto again = Layout::fromJson(json);
        QVERIFY(again.ok());
        QCOMPARE(again->toJson(), json);
        // A copy is deep: changing it leaves the original alone.
        Layout copy = *layout;
        copy.item(QStringLiteral("map"))->setRect(QRectF(0, 0, 1, 1));
        QVERIFY(layout->item(QStringLiteral("map"))->rect() != QRectF(0, 0, 1, 1));
    }

    void unknownKeysAreKept()
    {
        QJsonObject item{{QStringLiteral("type"), QStringLiteral("label")},
                         {QStringLiteral("id"), QStringLiteral("t")},
                         {QStringLiteral("x"), 1},
                         {QStringLiteral("y"), 2},
                         {QStringLiteral("width"), 30},
                         {QStringLiteral("height"), 10},
                         {QStringLiteral("text"), QStringLiteral("Hallo")},
                         {QStringLiteral("future_effect"), QStringLiteral("glow")}};
        QJsonObject json{{QStringLiteral("name"), QStringLiteral("L")},
                         {QStringLiteral("items"), QJsonArray{item}},
                         {QStringLiteral("future_layout_key"), 42}};
        auto layout = Layout::fromJson(json);
        QVERIFY(layout.ok());
        const QJsonObject out = layout->toJson();
        QCOMPARE(out.value(QStringLiteral("future_layout_key")).toInt(), 42);
        QCOMPARE(out.value(QStringLiteral("items"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("future_effect"))
                     .toString(),
                 QStringLiteral("glow"));
    }

    void invalidLayoutsAreErrors()
    {
        const auto read = [](const char *json) {
            return Layout::fromJson(QJsonDocument::fromJson(json).object());
        };
        QVERIFY(
            !read("{\"name\":\"x\",\"items\":[{\"type\":\"banana\",\"id\":\"b\",\"width\":1,\"height\":1}]}")
                 .ok());
        QVERIFY(!read("{\"name\":\"x\",\"items\":[{\"type\":\"map\",\"id\":\"m\",\"width\":0,\"height\":1}]}")
                     .ok());
        QVERIFY(!read("{\"name\":\"x\",\"items\":[{\"type\":\"map\",\"id\":\"m\",\"width\":1,\"height\":1,"
                      "\"page\":3}]}")
                     .ok());
        QVERIFY(!read("{\"name\":\"x\",\"items\":[{\"type\":\"label\",\"id\":\"a\",\"width\":1,\"height\":1},"
                      "{\"type\":\"label\",\"id\":\"a\",\"width\":1,\"height\":1}]}")
                     .ok());
        QVERIFY(!read("{\"name\":\"x\",\"pages\":[{\"size\":\"A9\"}]}").ok());
        QVERIFY(!read("{\"name\":\"x\",\"items\":[{\"type\":\"scalebar\",\"id\":\"s\",\"width\":1,\"height\":"
                      "1,\"style\":\"zigzag\"}]}")
                     .ok());
        const auto bad = read(
            "{\"name\":\"x\",\"atlas\":{\"enabled\":true,\"coverage_layer\":\"a\",\"sort\":\"name +\"}}");
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QStringLiteral("name +")));
    }

    void textTemplates()
    {
        ExpressionContext c;
        c.setVariables(
            {{QStringLiteral("project_title"), QStringLiteral("Grünflächen")}, {QStringLiteral("n"), 3}});
        QStringList errors;
        QCOMPARE(
            TextTemplate(QStringLiteral("Karte: [% @project_title %] ([% @n * 2 %])")).evaluate(c, &errors),
            QStringLiteral("Karte: Grünflächen (6)"));
        QVERIFY(errors.isEmpty());
        // "%]" inside a string literal does not end the placeholder.
        QCOMPARE(TextTemplate(QStringLiteral("[% '50%]' || '!' %]")).evaluate(c), QStringLiteral("50%]!"));
        QCOMPARE(TextTemplate(QStringLiteral("ohne Platzhalter")).evaluate(c),
                 QStringLiteral("ohne Platzhalter"));
        QCOMPARE(TextTemplate(QStringLiteral("offen [% 1 +")).evaluate(c), QStringLiteral("offen [% 1 +"));
        // A broken placeholder stays visible and is reported.
        QCOMPARE(TextTemplate(QStringLiteral("a [% 1 + %] b")).evaluate(c, &errors),
                 QStringLiteral("a [% 1 + %] b"));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(TextTemplate(QStringLiteral("[% @missing %]")).evaluate(c), QString());
        const TextTemplate t(QStringLiteral("[% name %] [% @atlas_page %]"));
        QCOMPARE(t.referencedFields(), QStringList{QStringLiteral("name")});
        QCOMPARE(t.referencedVariables(), QStringList{QStringLiteral("atlas_page")});
    }

    void layoutVariables()
    {
        Layout layout;
        layout.setName(QStringLiteral("Ratsvorlage"));
        const QVariantMap v = LayoutExporter::layoutVariables(
            layout, *m_snapshot, {{QStringLiteral("project_title"), QStringLiteral("Überschrieben")}});
        QCOMPARE(v.value(QStringLiteral("project_title")).toString(), QStringLiteral("Überschrieben"));
        QCOMPARE(v.value(QStringLiteral("layout_name")).toString(), QStringLiteral("Ratsvorlage"));
        QCOMPARE(v.value(QStringLiteral("abteilung")).toString(), QStringLiteral("Referat Geodaten"));
        QCOMPARE(v.value(QStringLiteral("now")).toDateTime().toSecsSinceEpoch(), qint64(1790000000));
        QCOMPARE(v.value(QStringLiteral("date")).toDate(), QDate(2026, 9, 21));
    }

    void niceLengths()
    {
        QCOMPARE(LayoutScaleBarItem::niceLength(830), 500.0);
        QCOMPARE(LayoutScaleBarItem::niceLength(2000), 2000.0);
        QCOMPARE(LayoutScaleBarItem::niceLength(199.9), 100.0);
        QCOMPARE(LayoutScaleBarItem::niceLength(0.37), 0.2);
        QCOMPARE(LayoutScaleBarItem::niceLength(0), 0.0);
    }

    void scaleBarMatchesMapScale()
    {
        // 100 mm of map at 1:10,000 is 1 km.
        Layout layout = mapLayout(Envelope(409000, 5477000, 410000, 5478000), QSizeF(100, 100), 10000);
        auto bar = std::make_unique<LayoutScaleBarItem>();
        bar->setMapId(QStringLiteral("map"));
        bar->setSegments(4);
        auto *b = static_cast<LayoutScaleBarItem *>(layout.addItem(std::move(bar)));
        const LayoutExporter exporter(layout, m_snapshot);
        const LayoutRenderContext context = exporter.renderContext(0, 254, false, nullptr); // 10 px per mm
        const auto *map = static_cast<const LayoutMapItem *>(layout.item(QStringLiteral("map")));
        QVERIFY(std::abs(map->mapSettings(context).scale() - 10000) < 1);
        // 80 mm for four segments: 200 m each (20 mm on paper), in m.
        const LayoutScaleBarItem::Bar result = b->computeBar(context, 800);
        QCOMPARE(result.segments, 4);
        QCOMPARE(result.unit, QStringLiteral("m"));
        QCOMPARE(result.segmentLength, 200.0);
        QVERIFY(std::abs(result.segmentPx - 200.0) < 0.5);
        // Wider: four 500 m segments = 2 km, labelled in km.
        const LayoutScaleBarItem::Bar km = b->computeBar(context, 2100);
        QCOMPARE(km.unit, QStringLiteral("km"));
        QCOMPARE(km.segmentLength, 0.5);
        QVERIFY(std::abs(km.segmentPx - 500.0) < 0.5);
    }

    void scaleBarInGeographicCrs()
    {
        // In degrees the bar measures east-west at the centre latitude: cos(49.44°) shrinks a degree of
        // longitude to 72.4 km.
        MapSettings s;
        s.setCrs(Crs::wgs84());
        s.setOutputSize(QSize(1000, 1000));
        s.setExtent(Envelope(7.7, 49.39, 7.8, 49.49));
        const double mpp = LayoutScaleBarItem::groundMetersPerPixel(s);
        const double expected = 0.1 / 1000 * 6371008.8 * M_PI / 180 * std::cos(49.44 * M_PI / 180);
        QVERIFY2(std::abs(mpp - expected) / expected < 1e-6, qPrintable(QString::number(mpp)));
        QVERIFY(std::abs(mpp - 7.24) < 0.01);
    }

    void atlasIterator()
    {
        AtlasSettings a;
        a.enabled = true;
        a.coverageLayer = QStringLiteral("stadtteile");
        a.filter = QStringLiteral("einwohner > 5000");
        a.sortBy = QStringLiteral("einwohner");
        a.sortDescending = true;
        a.pageName = QStringLiteral("name");
        auto it = AtlasIterator::create(a, *m_snapshot);
        QVERIFY2(it.ok(), it.ok() ? "" : qPrintable(it.error().message));
        QCOMPARE(it->count(), 11); // ogrinfo -sql "SELECT count(*) FROM stadtteile WHERE einwohner > 5000"
        QCOMPARE(it->pageName(0), QStringLiteral("Grübentälchen/Volkspark")); // 12,680, the most
        QCOMPARE(it->fileNames().first(), QStringLiteral("Grübentälchen_Volkspark"));
        LayoutRenderContext c;
        it->apply(2, c);
        QCOMPARE(c.variables.value(QStringLiteral("atlas_page")).toInt(), 3);
        QCOMPARE(c.variables.value(QStringLiteral("atlas_total")).toInt(), 11);
        QVERIFY(c.atlas);
        QCOMPARE(c.expressionContext().table()->fieldIndex(QStringLiteral("einwohner")) >= 0, true);
        a.coverageLayer = QStringLiteral("no_such_layer");
        QVERIFY(!AtlasIterator::create(a, *m_snapshot).ok());
        a.coverageLayer = QStringLiteral("stadtteile");
        a.sortBy = QStringLiteral("no_such_field");
        const auto bad = AtlasIterator::create(a, *m_snapshot);
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QStringLiteral("no_such_field")));
    }

    void shardsPartitionThePages()
    {
        for (int count : {0, 1, 19, 40})
            for (int shards : {1, 2, 3, 7, 50}) {
                QSet<int> seen;
                int total = 0;
                for (int k = 1; k <= shards; ++k)
                    for (int p : LayoutExporter::shardPages(count, k, shards)) {
                        QVERIFY(p >= 0 && p < count);
                        seen.insert(p);
                        ++total;
                    }
                QCOMPARE(total, count);
                QCOMPARE(int(seen.size()), count);
            }
        QCOMPARE(LayoutExporter::shardPages(10, 2, 3), (QList<int>{1, 4, 7}));
        QVERIFY(LayoutExporter::shardPages(10, 0, 3).isEmpty());
        QVERIFY(LayoutExporter::shardPages(10, 4, 3).isEmpty());
    }

    void pdfFixups()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        {
            QPdfWriter writer(&buffer);
            writer.setPageSize(
                QPageSize(QSizeF(297, 210), QPageSize::Millimeter, QString(), QPageSize::ExactMatch));
            QPainter p(&writer);
            p.drawText(QPointF(100, 100), QStringLiteral("x"));
        }
        QByteArray pdf = buffer.data();
        const qsizetype size = pdf.size();
        QVERIFY(pdf.contains("/MediaBox [0 0 842.000000 595.000000]")); // what Qt 6.4 writes
        auto changed = pdf::setExactMediaBoxes(pdf, {QSizeF(297 * 72 / 25.4, 210 * 72 / 25.4)});
        QVERIFY(changed.ok());
        QCOMPARE(*changed, 2);
        QVERIFY(pdf.contains("/MediaBox [0 0 841.889764 595.275591]"));
        QVERIFY(pdf::pinCreationDate(pdf, QDateTime::fromSecsSinceEpoch(1790000000, Qt::UTC)).ok());
        QVERIFY(pdf::creationDate(pdf).startsWith("D:20260921141320"));
        QCOMPARE(pdf.size(), size); // in place: the cross-reference offsets stay valid
        QByteArray noBox = "%PDF-1.4\n";
        QVERIFY(!pdf::setExactMediaBoxes(noBox, {QSizeF(1, 1)}).ok());
        QVERIFY(!pdf::pinCreationDate(noBox, QDateTime::currentDateTimeUtc()).ok());
    }

    void chartTicks()
    {
        QCOMPARE(ChartPainter::niceTicks(0, 47, 6), (std::vector<double>{0, 10, 20, 30, 40, 50}));
        const std::vector<double> fine = ChartPainter::niceTicks(2.2, 2.9, 5);
        const std::vector<double> expected{2.2, 2.4, 2.6, 2.8, 3.0};
        QCOMPARE(fine.size(), expected.size());
        for (size_t i = 0; i < fine.size(); ++i)
            QVERIFY(qFuzzyCompare(fine[i], expected[i]));
        const QTimeZone utc(QByteArray("UTC"));
        const qint64 t0 = QDateTime(QDate(2026, 9, 1), QTime(0, 0), utc).toMSecsSinceEpoch();
        const auto days = ChartPainter::timeTicks(t0, t0 + 3 * 86400000LL, 5, utc);
        QCOMPARE(days.ticks.size(), size_t(4));
        QCOMPARE(days.format, QStringLiteral("dd.MM."));
        // Daylight saving ends on 25 October 2026 in Berlin: day ticks stay on local midnight (25 h day).
        const QTimeZone berlin(QByteArray("Europe/Berlin"));
        const qint64 s = QDateTime(QDate(2026, 10, 24), QTime(0, 0), berlin).toMSecsSinceEpoch();
        const auto dst = ChartPainter::timeTicks(s, s + 3 * 86400000LL, 4, berlin);
        QVERIFY(dst.ticks.size() >= 3);
        QCOMPARE(dst.ticks[2] - dst.ticks[1], 25 * 3600000LL);
        for (qint64 t : dst.ticks)
            QCOMPARE(QDateTime::fromMSecsSinceEpoch(t, berlin).time(), QTime(0, 0));
    }

    void legendShowsWhatTheMapDraws()
    {
        // At 1:80,000 buildings (min scale 1:30,000) and the residential road rule are not drawn.
        Layout layout = mapLayout(Envelope(402300, 5472150, 418250, 5484900), QSizeF(200, 160), 80000);
        auto legend = std::make_unique<LayoutLegendItem>();
        legend->setMapId(QStringLiteral("map"));
        auto *l = static_cast<LayoutLegendItem *>(layout.addItem(std::move(legend)));
        const LayoutExporter exporter(layout, m_snapshot);
        const LayoutRenderContext context = exporter.renderContext(0, 96, false, nullptr);
        QStringList texts;
        for (const auto &r : l->rows(context))
            texts << r.text;
        QVERIFY(texts.contains(QStringLiteral("Hauptstraße")));
        QVERIFY(!texts.contains(QStringLiteral("Wohnstraße")));
        QVERIFY(!texts.contains(QStringLiteral("Gebäude")));
        QVERIFY(texts.contains(QStringLiteral("Lärm")));
        QCOMPARE(texts.first(), QStringLiteral("Legende"));
        // Top layer first, as in the layer tree: the sensors before the districts.
        QVERIFY(texts.indexOf(QStringLiteral("Sensoren")) < texts.indexOf(QStringLiteral("Einwohner")));
        // Hidden layers are not in the legend either.
        m_project->layers().front()->setVisible(false); // the sensors
        const auto hidden = LayoutProjectSnapshot::fromProject(*m_project);
        m_project->layers().front()->setVisible(true);
        const LayoutExporter exporter2(layout, hidden);
        texts.clear();
        for (const auto &r : l->rows(exporter2.renderContext(0, 96, false, nullptr)))
            texts << r.text;
        QVERIFY(!texts.contains(QStringLiteral("Sensoren")));
    }

    void snapshotIsIsolatedFromEdits()
    {
        auto snapshot = LayoutProjectSnapshot::fromProject(*m_project);
        auto live = std::static_pointer_cast<VectorLayer>(m_project->layers().front());
        const Symbol before =
            static_cast<const VectorLayer &>(*snapshot->layer(live->id())).renderer().symbols().front();
        Symbol changed = before;
        changed.fillColor = Qt::magenta;
        auto original = live->renderer().clone();
        live->setSymbol(changed);
        QCOMPARE(static_cast<const VectorLayer &>(*snapshot->layer(live->id())).renderer().symbols().front(),
                 before);
        live->setRenderer(std::move(original));
    }

    void projectKeepsLayoutsAndVariables()
    {
        Project p;
        p.setTitle(QStringLiteral("T"));
        p.variables().insert(QStringLiteral("abteilung"), QStringLiteral("Geodaten"));
        auto layout = Layout::builtinTemplate(QStringLiteral("council_a4_landscape"));
        QVERIFY(layout.ok());
        layout->setName(QStringLiteral("Rat"));
        p.layouts().push_back(*layout);
        const QString path = m_tmp.filePath(QStringLiteral("p.kwproj"));
        QVERIFY(p.write(path).ok());
        auto back = Project::read(path);
        QVERIFY(back.ok());
        QCOMPARE((*back)->variables().value(QStringLiteral("abteilung")).toString(),
                 QStringLiteral("Geodaten"));
        QVERIFY((*back)->layout(QStringLiteral("Rat")));
        QCOMPARE((*back)->layout(QStringLiteral("Rat"))->toJson(), layout->toJson());
        QVERIFY(!(*back)->extra().contains(QStringLiteral("layouts")));
    }

    void imageExportWithWorldFileAndGeoTiff()
    {
        // 100 mm of map at 1:10,000 on a 120 mm page, 254 dpi: 10 px per mm, 1 m per pixel on the map.
        Layout layout = mapLayout(Envelope(409000, 5477000, 410000, 5478000), QSizeF(100, 100), 10000);
        const LayoutExporter exporter(layout, m_snapshot);
        ImageExportSettings s;
        s.dpi = 254;
        s.georeference = true;
        const QString png = m_tmp.filePath(QStringLiteral("geo.png"));
        const ExportReport r = exporter.exportToImage(png, s);
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(QImage(png).size(), QSize(1200, 1200));
        QFile wf(m_tmp.filePath(QStringLiteral("geo.pgw")));
        QVERIFY(wf.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = wf.readAll().split('\n');
        QVERIFY(std::abs(lines[0].toDouble() - 1.0) < 1e-6); // 1 m per pixel
        QVERIFY(std::abs(lines[3].toDouble() + 1.0) < 1e-6);
        // The map's left edge (x = 409000) lies 10 mm = 100 px right of the page edge.
        QVERIFY2(std::abs(lines[4].toDouble() - (409000 - 100 + 0.5)) < 1e-3, lines[4].constData());
        QVERIFY2(std::abs(lines[5].toDouble() - (5478000 + 100 - 0.5)) < 1e-3, lines[5].constData());

        // Map only, as a GeoTIFF: GDAL reads the geotransform and the CRS back.
        s.mapOnly = true;
        const QString tif = m_tmp.filePath(QStringLiteral("map.tif"));
        const ExportReport t = exporter.exportToImage(tif, s);
        QVERIFY2(t.ok(), qPrintable(t.error.message));
        GDALAllRegister();
        GDALDatasetH ds = GDALOpen(tif.toUtf8().constData(), GA_ReadOnly);
        QVERIFY(ds);
        double gt[6];
        QCOMPARE(GDALGetGeoTransform(ds, gt), CE_None);
        QCOMPARE(GDALGetRasterXSize(ds), 1000);
        QVERIFY(std::abs(gt[0] - 409000) < 1e-6 && std::abs(gt[3] - 5478000) < 1e-6);
        QVERIFY(std::abs(gt[1] - 1) < 1e-9 && std::abs(gt[5] + 1) < 1e-9);
        QVERIFY(QString::fromUtf8(GDALGetProjectionRef(ds)).contains(QStringLiteral("25832")));
        GDALClose(ds);
        QVERIFY(QFile::exists(m_tmp.filePath(QStringLiteral("map.tfw"))));
    }

    void exportsAreDeterministic_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("pdf") << "pdf";
        QTest::newRow("svg") << "svg";
        // Not PNG here: within one process Qt's glyph cache antialiases the text of an SVG picture (the
        // logo) slightly differently on a second draw. Separate runs give identical PNGs (see
        // test_layout_cli).
    }
    void exportsAreDeterministic()
    {
        QFETCH(QString, suffix);
        auto layout = Layout::builtinTemplate(QStringLiteral("council_a4_landscape"));
        QVERIFY(layout.ok());
        const LayoutExporter exporter(*layout, m_snapshot);
        const QString a = m_tmp.filePath(QStringLiteral("a.") + suffix),
                      b = m_tmp.filePath(QStringLiteral("b.") + suffix);
        QVERIFY(exporter.exportToFile(a, 72).ok());
        QTest::qWait(1100); // a clock-based date would now differ
        QVERIFY(exporter.exportToFile(b, 72).ok());
        QFile fa(a), fb(b);
        QVERIFY(fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly));
        QVERIFY(fa.readAll() == fb.readAll());
    }

    void projectsWithLayoutsMatchTheSchema()
    {
        // A project with both built-in templates as layouts, the demo project, written by this version.
        Project p;
        for (const QString &name : Layout::builtinTemplates())
            p.layouts().push_back(*Layout::builtinTemplate(name));
        p.layouts().back().setName(QStringLiteral("second"));
        p.variables().insert(QStringLiteral("abteilung"), QStringLiteral("Geodaten"));
        const QString written = m_tmp.filePath(QStringLiteral("schema.kwproj"));
        QVERIFY(p.write(written).ok());
        for (const QString &path :
             {written, QStringLiteral(KW_SOURCE_DIR "/resources/demo/kaiserslautern.kwproj")}) {
            QProcess python;
            python.start(QStringLiteral("/usr/bin/python3"),
                         {QStringLiteral("-c"),
                          QStringLiteral(
                              "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), "
                              "json.load(open(sys.argv[2]))); print('ok')"),
                          path, QStringLiteral(KW_SOURCE_DIR "/resources/schema/kwproj.schema.json")});
            QVERIFY(python.waitForFinished(60000));
            const QByteArray err = python.readAllStandardError();
            if (python.exitCode() != 0 && err.contains("No module named"))
                QSKIP("python3-jsonschema is not installed");
            QVERIFY2(python.exitCode() == 0, err.constData());
        }
    }

    void highlightHidesOrDimsTheOthers()
    {
        // The districts alone, white background: count the pixels each mode paints.
        const auto districts = m_snapshot->layer(QStringLiteral("stadtteile"));
        QVERIFY(districts);
        MapSettings s;
        s.setCrs(m_snapshot->crs);
        s.setOutputSize(QSize(300, 240));
        s.setExtent(Envelope(402300, 5472150, 418250, 5484900));
        s.setLayers({districts});
        // Painted (non-white) pixels and their summed lightness.
        const auto painted = [](const QImage &image, qint64 *lightness = nullptr) {
            int n = 0;
            qint64 l = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    if (c != QColor(Qt::white)) {
                        ++n;
                        l += c.lightness();
                    }
                }
            if (lightness) *lightness = l;
            return n;
        };
        qint64 lightAll = 0, lightDim = 0;
        const int all = painted(ParallelRenderJob::renderImage(s), &lightAll);
        LayerHighlight h;
        h.features = {0};
        h.others = LayerHighlight::Others::Hide;
        s.setLayerHighlight(districts->id(), h);
        const int one = painted(ParallelRenderJob::renderImage(s));
        QVERIFY2(one > 0 && one < all / 4, qPrintable(QStringLiteral("%1 of %2").arg(one).arg(all)));
        h.others = LayerHighlight::Others::Dim;
        s.setLayerHighlight(districts->id(), h);
        const int dimmed = painted(ParallelRenderJob::renderImage(s), &lightDim);
        QVERIFY(dimmed >= all * 9 / 10); // everything still drawn, but paler on average
        const double meanAll = double(lightAll) / all, meanDim = double(lightDim) / dimmed;
        QVERIFY2(meanDim > meanAll + 20, qPrintable(QStringLiteral("%1 vs %2").arg(meanDim).arg(meanAll)));
    }

    void rasterisedPartsAreNamed()
    {
        // A PNG picture cannot stay vector in a PDF: the export says so; an SVG picture can.
        QImage png(20, 10, QImage::Format_RGB32);
        png.fill(Qt::red);
        const QString pngPath = m_tmp.filePath(QStringLiteral("logo.png"));
        QVERIFY(png.save(pngPath));
        Layout layout = mapLayout(Envelope(409000, 5477000, 410000, 5478000), QSizeF(50, 50));
        auto picture = std::make_unique<LayoutPictureItem>();
        picture->setPath(pngPath);
        layout.addItem(std::move(picture));
        auto svg = std::make_unique<LayoutPictureItem>();
        layout.addItem(std::move(svg)); // the placeholder logo, an SVG
        const ExportReport r =
            LayoutExporter(layout, m_snapshot).exportToFile(m_tmp.filePath(QStringLiteral("raster.pdf")));
        QVERIFY(r.ok());
        QCOMPARE(r.log.rasterisedItems().size(), 1);
        QVERIFY(r.log.rasterisedItems().first().contains(QStringLiteral("logo.png")));
        QVERIFY(r.log.substitutions().isEmpty());
    }

    void severalPages()
    {
        Layout layout = mapLayout(Envelope(409000, 5477000, 410000, 5478000), QSizeF(50, 50));
        layout.pages() << *LayoutPage::fromPreset(QStringLiteral("A4"), false);
        auto label = std::make_unique<LayoutLabelItem>();
        label->setPage(1);
        label->setText(QStringLiteral("Seite [% @layout_page %] von [% @layout_numpages %]"));
        layout.addItem(std::move(label));
        const LayoutExporter exporter(layout, m_snapshot);
        const QString pdf = m_tmp.filePath(QStringLiteral("pages.pdf"));
        QVERIFY(exporter.exportToFile(pdf).ok());
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QCOMPARE(bytes.count("/Type /Page\n"), 2);
        QVERIFY(bytes.contains("/MediaBox [0 0 595.275591 841.889764]")); // page 2: A4 portrait exactly
        const ExportReport images = exporter.exportToFile(m_tmp.filePath(QStringLiteral("pages.png")), 50);
        QVERIFY(images.ok());
        QCOMPARE(images.files, (QStringList{m_tmp.filePath(QStringLiteral("pages.png")),
                                            m_tmp.filePath(QStringLiteral("pages_2.png"))}));
        QCOMPARE(QImage(images.files[1]).size(), QSize(413, 585)); // A4 at 50 dpi
    }

    void chartFollowsTimeVariables()
    {
        LayoutChartItem chart;
        LayoutRenderContext c;
        QVERIFY(!chart.chart(c).timeRange());
        c.variables.insert(QStringLiteral("time_start"), QStringLiteral("2026-09-18T16:00:00Z"));
        c.variables.insert(QStringLiteral("time_end"), QDateTime(QDate(2026, 9, 20), QTime(23, 0), Qt::UTC));
        const auto range = chart.chart(c).timeRange();
        QVERIFY(range);
        QCOMPARE(range->first, QDateTime(QDate(2026, 9, 18), QTime(16, 0), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(range->second, QDateTime(QDate(2026, 9, 20), QTime(23, 0), Qt::UTC).toMSecsSinceEpoch());
    }

    void failedWritesLeaveNothing()
    {
        Layout layout = mapLayout(Envelope(409000, 5477000, 410000, 5478000), QSizeF(50, 50));
        const LayoutExporter exporter(layout, m_snapshot);
        const ExportReport r = exporter.exportToFile(m_tmp.filePath(QStringLiteral("no/such/dir/x.pdf")));
        QVERIFY(!r.ok());
        QCOMPARE(r.result, ExportResult::FileError);
        QCOMPARE(r.error.kind, ErrorKind::Output);
        QVERIFY(r.error.message.contains(QStringLiteral("x.pdf")));
        QCOMPARE(exporter.exportToFile(m_tmp.filePath(QStringLiteral("x.bmp"))).result,
                 ExportResult::InvalidSettings);
    }
};

QTEST_MAIN(TestLayout)
#include "test_layout.moc"
