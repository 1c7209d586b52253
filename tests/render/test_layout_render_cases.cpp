// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/layout/layout_exporter.h"
#include "core/project/project.h"
#include "support/render_checker.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <ctime>

using namespace kw;
using kw::test::ImageTolerance;
using kw::test::RenderChecker;

namespace {

const QString kCasesDir = QStringLiteral(KW_SOURCE_DIR "/tests/render/layout");

/// Page 1 of a PDF as poppler draws it at \a dpi (null when pdftoppm is missing or fails).
QImage popplerPage(const QString &pdf, double dpi, const QString &workDir)
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty()) return {};
    const QString prefix = workDir + QStringLiteral("/page");
    QProcess p;
    p.start(QStringLiteral("pdftoppm"),
            {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png"),
             QStringLiteral("-singlefile"), QStringLiteral("-aa"), QStringLiteral("yes"),
             QStringLiteral("-aaVector"), QStringLiteral("yes"), pdf, prefix});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) return {};
    return QImage(prefix + QStringLiteral(".png")).convertToFormat(QImage::Format_ARGB32_Premultiplied);
}

} // namespace

/// \brief Layout render cases: every item type drawn as an image (raster export path) and as a PDF
/// (vector path, rasterised by poppler's pdftoppm), each compared with its own approved image.
///
/// A case folder tests/render/layout/<area>/<case>/ holds case.json (a layout, dpi, variables, an atlas
/// page, tolerances) with expected.png (raster) and pdf/expected.png (poppler). All cases draw the layers
/// of tests/render/layout/test_project.kwproj over the generated demo data (build/demo). @now is pinned
/// by SOURCE_DATE_EPOCH. KW_UPDATE_EXPECTED=1 approves new images, as for tests/render/cases.
class TestLayoutRenderCases : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Project> m_project;
    std::shared_ptr<const LayoutProjectSnapshot> m_snapshot;
    QTemporaryDir m_tmp;

    static QStringList caseIds()
    {
        QStringList ids;
        const QDir root(kCasesDir);
        for (const QString &area : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            for (const QString &name :
                 QDir(root.filePath(area)).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
                if (QFile::exists(
                        root.filePath(area + QLatin1Char('/') + name + QStringLiteral("/case.json"))))
                    ids << area + QLatin1Char('/') + name;
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Dates in texts come from SOURCE_DATE_EPOCH and are shown in local time: pin both.
        qputenv("SOURCE_DATE_EPOCH", "1790000000");
        qputenv("TZ", "UTC");
        tzset();
        QFile file(kCasesDir + QStringLiteral("/test_project.kwproj"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto project = Project::fromJson(file.readAll(), QStringLiteral(KW_BINARY_DIR "/demo"));
        QVERIFY2(project.ok(), project.ok() ? "" : qPrintable(project.error().message));
        m_project = std::move(*project);
        const QStringList failed = m_project->loadLayers();
        QVERIFY2(failed.isEmpty(), qPrintable(failed.join(QStringLiteral("; "))));
        m_snapshot = LayoutProjectSnapshot::fromProject(*m_project);
        QVERIFY(!caseIds().isEmpty());
    }

    void render_data()
    {
        QTest::addColumn<QString>("caseId");
        for (const QString &id : caseIds())
            QTest::newRow(qPrintable(id)) << id;
    }

    void render()
    {
        QFETCH(QString, caseId);
        QFile file(kCasesDir + QLatin1Char('/') + caseId + QStringLiteral("/case.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject c = QJsonDocument::fromJson(file.readAll()).object();
        auto layout = Layout::fromJson(c.value(QLatin1String("layout")).toObject());
        QVERIFY2(layout.ok(), layout.ok() ? "" : qPrintable(layout.error().message));
        const double dpi = c.value(QLatin1String("dpi")).toDouble(100);
        QString error;
        const ImageTolerance tolerance =
            ImageTolerance::fromJson(c.value(QLatin1String("tolerance")).toObject(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const ImageTolerance pdfTolerance =
            ImageTolerance::fromJson(c.value(QLatin1String("pdf_tolerance")).toObject(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        LayoutExporter exporter(*layout, m_snapshot,
                                c.value(QLatin1String("variables")).toObject().toVariantMap());
        std::optional<AtlasIterator> atlas;
        if (c.contains(QLatin1String("atlas_page"))) {
            auto it = AtlasIterator::create(layout->atlas(), *m_snapshot);
            QVERIFY2(it.ok(), it.ok() ? "" : qPrintable(it.error().message));
            atlas = std::move(*it);
            exporter.setIteration(&*atlas, c.value(QLatin1String("atlas_page")).toInt() - 1);
        }

        ExportLog log;
        const QImage image = exporter.renderPageImage(0, dpi, &log);
        QCOMPARE(log.warnings().size(), c.value(QLatin1String("expect_warnings")).toInt(0));
        QCOMPARE(log.substitutions().size(), c.value(QLatin1String("expect_substitutions")).toInt(0));
        const RenderChecker checker(kCasesDir, QStringLiteral(KW_BINARY_DIR "/render-output/layout"));
        const RenderChecker::Outcome png = checker.check(caseId, image, tolerance);
        if (png.updated) qInfo("%s", qPrintable(png.message));

        const QString work = m_tmp.filePath(caseId);
        QDir().mkpath(work);
        PdfExportSettings pdfSettings;
        pdfSettings.dpi = 300;
        const ExportReport report = exporter.exportToPdf(work + QStringLiteral("/page.pdf"), pdfSettings);
        QVERIFY2(report.ok(), qPrintable(report.error.message));
        // Vector export: nothing of these cases may have been rasterised.
        QVERIFY2(report.log.rasterisedItems().isEmpty(),
                 qPrintable(report.log.rasterisedItems().join(QStringLiteral("; "))));
        const QImage pdfImage = popplerPage(work + QStringLiteral("/page.pdf"), dpi, work);
        QVERIFY2(png.passed, qPrintable(png.message));
        if (pdfImage.isNull()) QSKIP("pdftoppm (poppler-utils) is missing: the PDF variant is not compared");
        const RenderChecker::Outcome pdf =
            checker.check(caseId + QStringLiteral("/pdf"), pdfImage, pdfTolerance);
        if (pdf.updated) qInfo("%s", qPrintable(pdf.message));
        QVERIFY2(pdf.passed, qPrintable(pdf.message));
    }
};

QTEST_MAIN(TestLayoutRenderCases)
#include "test_layout_render_cases.moc"
