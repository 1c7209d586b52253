// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/style/rule_based_renderer.h"
#include "core/style/sld.h"
#include "core/style/thematic_renderers.h"
#include "support/test_support.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace kw;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Symbol fill(const char *color)
{
    Symbol s;
    s.fillColor = QColor(QLatin1String(color));
    s.strokeColor = QColor(100, 100, 100);
    s.strokeWidth = 0.28; // one SLD pixel
    return s;
}

} // namespace

/// \brief SLD 1.0 / SE 1.1: our round trips, QGIS's files, what cannot be converted, and QGIS reading ours.
class TestSld : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsQgisGraduatedExport()
    {
        // Written by QGIS 3.22 (tests/data/generate/make_qgis_sld.py).
        QStringList report;
        auto style = Sld::read(readFile(test::testData(QStringLiteral("sld/qgis_graduated_nc.sld"))), &report);
        QVERIFY2(style.ok(), qPrintable(style.ok() ? QString() : style.error().message));
        QCOMPARE(style->renderer->type(), FeatureRenderer::Type::Graduated);
        const auto &g = static_cast<const GraduatedRenderer &>(*style->renderer);
        QCOMPARE(g.field(), QStringLiteral("BIR74"));
        QCOMPARE(g.ranges().size(), 5);
        QCOMPARE(g.ranges()[0].lower, 248.0);
        QCOMPARE(g.ranges()[4].upper, 21588.0);
        QCOMPARE(g.ranges()[3].symbol.fillColor, QColor(QStringLiteral("#f03b20")));
        QVERIFY(style->labels.enabled);
        QCOMPARE(style->labels.text, QStringLiteral("NAME"));
        QCOMPARE(style->labels.color, QColor(QStringLiteral("#202020")));
        QVERIFY(style->labels.haloWidth > 0);
    }

    void readsQgisCategorizedExport()
    {
        auto style = Sld::read(readFile(test::testData(QStringLiteral("sld/qgis_categorized_roads.sld"))));
        QVERIFY(style.ok());
        QCOMPARE(style->renderer->type(), FeatureRenderer::Type::Categorized);
        const auto &c = static_cast<const CategorizedRenderer &>(*style->renderer);
        QCOMPARE(c.field(), QStringLiteral("highway"));
        QCOMPARE(c.categories().size(), 3);
        QCOMPARE(c.categories()[0].value.toString(), QStringLiteral("primary"));
        QCOMPARE(c.categories()[0].symbol.strokeColor, QColor(QStringLiteral("#d7301f")));
    }

    void roundTrips_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("SLD 1.0") << int(Sld::Version::Sld10);
        QTest::newRow("SE 1.1") << int(Sld::Version::Se11);
    }
    void roundTrips()
    {
        QFETCH(int, version);
        const auto v = Sld::Version(version);
        // categorized with an "other" class
        CategorizedRenderer cat(QStringLiteral("funktion"),
                                {{QStringLiteral("wohnen"), QStringLiteral("Wohnen"), fill("#e41a1c"), true},
                                 {QStringLiteral("gewerbe"), QStringLiteral("Gewerbe"), fill("#377eb8"), true}},
                                fill("#cccccc"));
        QStringList report;
        auto back = Sld::read(Sld::write(QStringLiteral("gebaeude"), cat, {}, GeometryFamily::Polygon, v, &report), &report);
        QVERIFY(back.ok());
        QCOMPARE(back->renderer->type(), FeatureRenderer::Type::Categorized);
        const auto &c = static_cast<const CategorizedRenderer &>(*back->renderer);
        QCOMPARE(c.categories().size(), 2);
        QCOMPARE(c.categories()[1].label, QStringLiteral("Gewerbe"));
        QCOMPARE(c.categories()[1].symbol.fillColor, QColor(QStringLiteral("#377eb8")));
        QVERIFY(c.otherSymbol().has_value());
        QCOMPARE(c.categories()[0].symbol.strokeWidth, 0.28);

        // graduated
        auto grad = GraduatedRenderer::fromBreaks(QStringLiteral("einwohner"), {0, 1000, 5000, 20000}, fill("#ffffff"), QStringLiteral("Blues"));
        back = Sld::read(Sld::write(QStringLiteral("stadtteile"), grad, {}, GeometryFamily::Polygon, v));
        QVERIFY(back.ok());
        QCOMPARE(back->renderer->type(), FeatureRenderer::Type::Graduated);
        const auto &g = static_cast<const GraduatedRenderer &>(*back->renderer);
        QCOMPARE(g.ranges().size(), 3);
        QCOMPARE(g.ranges()[1].lower, 1000.0);
        QCOMPARE(g.ranges()[1].upper, 5000.0);
        QCOMPARE(g.ranges()[2].symbol.fillColor, grad.ranges()[2].symbol.fillColor);

        // rule-based with filters that have OGC equivalents
        RuleBasedRenderer rules({{QStringLiteral("Haupt"), QStringLiteral("highway IN ('primary', 'secondary')"), false, fill("#ff0000"), 0, 0},
                                 {QStringLiteral("Name"), QStringLiteral("name ILIKE 'Stä%' AND NOT (maxspeed > 30)"), false, fill("#00ff00"), 25000, 0},
                                 {QStringLiteral("Leer"), QStringLiteral("name IS NULL OR lanes BETWEEN 1 AND 2"), false, fill("#0000ff"), 0, 0},
                                 {QStringLiteral("Rest"), QString(), true, fill("#999999"), 0, 0}});
        report.clear();
        back = Sld::read(Sld::write(QStringLiteral("strassen"), rules, {}, GeometryFamily::Line, v, &report), &report);
        QVERIFY(back.ok());
        QCOMPARE(back->renderer->type(), FeatureRenderer::Type::RuleBased);
        const auto &r = static_cast<const RuleBasedRenderer &>(*back->renderer);
        QCOMPARE(r.rules().size(), 4);
        QVERIFY(r.rules()[3].isElse);
        QCOMPARE(r.rules()[1].minScale, 25000.0);
        // The filters must mean the same: evaluate them on a few rows.
        Fields fields{{QStringLiteral("highway"), FieldType::String, {}}, {QStringLiteral("name"), FieldType::String, {}},
                      {QStringLiteral("maxspeed"), FieldType::Int, {}}, {QStringLiteral("lanes"), FieldType::Int, {}}};
        AttributeTable table(fields);
        const QList<QVariantList> rows = {{QStringLiteral("primary"), QStringLiteral("Lettstrasse"), 50, 2},
                                          {QStringLiteral("residential"), QStringLiteral("Städtle"), 20, 1},
                                          {QStringLiteral("residential"), QStringLiteral("Städtle"), 50, 4},
                                          {QStringLiteral("track"), QVariant(), QVariant(), 3}};
        for (const QVariantList &row : rows) {
            table.appendRow();
            for (int i = 0; i < row.size(); ++i)
                table.setVariant(i, row[i]);
        }
        for (int i = 0; i < 3; ++i) {
            auto original = Expression::parse(rules.rules()[i].filter);
            auto converted = Expression::parse(r.rules()[i].filter);
            QVERIFY2(converted.ok(), qPrintable(r.rules()[i].filter));
            QVERIFY(original->prepare(fields).ok());
            QVERIFY(converted->prepare(fields).ok());
            for (size_t row = 0; row < table.rowCount(); ++row) {
                ExpressionContext ctx(&table, row);
                QCOMPARE(converted->evaluateBool(ctx), original->evaluateBool(ctx));
            }
        }
    }

    void proportionalSymbolsRoundTrip()
    {
        Symbol s;
        s.fillColor = QColor(59, 111, 140);
        ProportionalRenderer p(QStringLiteral("budget_eur"), 5e6, 12, s);
        QStringList report;
        auto back = Sld::read(Sld::write(QStringLiteral("projekte"), p, {}, GeometryFamily::Polygon, Sld::Version::Se11, &report));
        QVERIFY(back.ok());
        QCOMPARE(back->renderer->type(), FeatureRenderer::Type::Proportional);
        const auto &q = static_cast<const ProportionalRenderer &>(*back->renderer);
        QCOMPARE(q.field(), QStringLiteral("budget_eur"));
        QCOMPARE(q.maxValue(), 5e6);
        QVERIFY(std::abs(q.maxSize() - 12) < 1e-9);
        QVERIFY(report.join(QLatin1Char(' ')).contains(QLatin1String("sqrt")));
    }

    void unconvertibleThingsAreReported()
    {
        HeatmapRenderer h;
        QStringList report;
        const QByteArray xml = Sld::write(QStringLiteral("sensoren"), h, {}, GeometryFamily::Point, Sld::Version::Se11, &report);
        QVERIFY(!xml.isEmpty());
        QVERIFY(report.join(QLatin1Char(' ')).contains(QLatin1String("heatmap")));

        RuleBasedRenderer rules({{QStringLiteral("Fall"), QStringLiteral("CASE WHEN a > 1 THEN TRUE ELSE FALSE END"), false, fill("#ff0000"), 0, 0}});
        report.clear();
        Sld::write(QStringLiteral("x"), rules, {}, GeometryFamily::Polygon, Sld::Version::Sld10, &report);
        QVERIFY2(report.join(QLatin1Char(' ')).contains(QLatin1String("CASE")), qPrintable(report.join(QLatin1Char('\n'))));

        QVERIFY(!Sld::filterFromExpression(QStringLiteral("@atlas_page = 1"), Sld::Version::Se11).ok());
        const auto f = Sld::filterFromExpression(QStringLiteral("\"einwohner\" >= 5000"), Sld::Version::Se11);
        QVERIFY(f.ok());
        QVERIFY(f->contains(QLatin1String("PropertyIsGreaterThanOrEqualTo")));
    }

    void malformedInputIsAnError()
    {
        QVERIFY(!Sld::read("<StyledLayerDescriptor><NamedLayer>").ok());
        auto notSld = Sld::read("<html><body/></html>");
        QVERIFY(!notSld.ok());
        QVERIFY(notSld.error().message.contains(QLatin1String("not an SLD")));
    }

    void qgisReadsOurFiles()
    {
        // An independent reader: QGIS (Qt 5, from Debian) loads the SE 1.1 we write. Skipped where it is not installed.
        QTemporaryDir dir;
        auto grad = GraduatedRenderer::fromBreaks(QStringLiteral("BIR74"), {248, 2356, 5094, 9014, 16184, 21588}, fill("#ffffff"), QStringLiteral("YlOrRd"));
        LabelSettings labels;
        labels.enabled = true;
        labels.text = QStringLiteral("NAME");
        const QString path = dir.filePath(QStringLiteral("ours.sld"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(Sld::write(QStringLiteral("nc"), grad, labels, GeometryFamily::Polygon, Sld::Version::Se11));
        f.close();
        const QString script = QStringLiteral(
            "import os,sys\nos.environ['QT_QPA_PLATFORM']='offscreen'\n"
            "try:\n from qgis.core import QgsApplication, QgsVectorLayer\nexcept ImportError:\n print('NOQGIS'); sys.exit(0)\n"
            "def main():\n a=QgsApplication([],False); a.initQgis()\n"
            " l=QgsVectorLayer(sys.argv[1],'nc','ogr')\n msg,ok=l.loadSldStyle(sys.argv[2])\n"
            " r=l.renderer()\n rules=r.rootRule().children() if r.type()=='RuleRenderer' else []\n"
            " print(ok, r.type(), len(rules), l.labelsEnabled())\n"
            " for c in rules: print(c.filterExpression(), c.symbol().color().name())\n del l\n a.exitQgis()\nmain()\n");
        QProcess python;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.path());
        python.setProcessEnvironment(env);
        python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script, test::sharedData(QStringLiteral("counties/nc.gpkg")), path});
        if (!python.waitForStarted())
            QSKIP("no /usr/bin/python3");
        QVERIFY(python.waitForFinished(120000));
        const QString out = QString::fromUtf8(python.readAllStandardOutput()).trimmed();
        if (out.contains(QLatin1String("NOQGIS")))
            QSKIP("python3-qgis is not installed (only the benchmarks install it)");
        // QGIS turns every SLD into its rule-based renderer, as it does with its own exports.
        QVERIFY2(out.startsWith(QLatin1String("True RuleRenderer 5 True")), qPrintable(out));
        const QStringList lines = out.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 6);
        QCOMPARE(lines[1], QStringLiteral("BIR74 >= 248 AND BIR74 <= 2356 ") + grad.ranges()[0].symbol.fillColor.name());
        QCOMPARE(lines[4], QStringLiteral("BIR74 > 9014 AND BIR74 <= 16184 ") + grad.ranges()[3].symbol.fillColor.name());
    }
};

QTEST_GUILESS_MAIN(TestSld)
#include "test_sld.moc"
