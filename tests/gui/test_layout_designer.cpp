// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/canvas/map_canvas.h"
#include "app/layout/layout_commands.h"
#include "app/layout/layout_designer.h"
#include "app/layout/layout_document.h"
#include "app/layout/layout_export_dialog.h"
#include "app/layout/layout_scene.h"
#include "app/layout/presentation_view.h"

#include <QApplication>
#include <QFile>
#include <QGraphicsView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kw;

namespace {
const QString kProject = QStringLiteral(KW_BINARY_DIR "/demo/kaiserslautern.kwproj");
} // namespace

/// \brief The layout designer over the demo project: the scene mirrors the layout, moves and edits are
/// undoable (a drag is one step), items are added, aligned and deleted, the export dialog writes the same
/// file as the CLI, and the presentation mode steps through the project's views.
class TestLayoutDesigner : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("SOURCE_DATE_EPOCH", "1790000000");
        QVERIFY(QFile::exists(kProject));
    }

    void sceneMirrorsTheLayout()
    {
        LayoutDesigner designer;
        QVERIFY(designer.openProject(kProject, true));
        QVERIFY(designer.showLayout(QStringLiteral("Ratsvorlage A4")));
        const Layout &layout = designer.document()->layout();
        for (const auto &item : layout.items())
            QVERIFY2(designer.scene()->graphicsFor(item->id()), qPrintable(item->id()));
        // The page is an A4 landscape sheet in scene millimetres.
        QCOMPARE(designer.scene()->pageRect(0).size(), QSizeF(297, 210));
        designer.resize(1200, 800);
        designer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&designer));
        designer.scene()->selectItem(QStringLiteral("legend"));
        QTest::qWait(100);
        const QString shot = QStringLiteral(KW_BINARY_DIR "/layout_designer.png");
        designer.grab().save(shot);
    }

    void movesAreUndoableAndMerge()
    {
        LayoutDesigner designer;
        QVERIFY(designer.openProject(kProject, true));
        LayoutDocument *doc = designer.document();
        const QString id = QStringLiteral("legend");
        const QRectF start = doc->layout().item(id)->rect();
        // Two steps of one drag become one undo step.
        for (double dx : {2.0, 5.0}) {
            const QJsonObject before = doc->itemJson(id);
            QJsonObject after = before;
            after[QStringLiteral("x")] = start.x() + dx;
            doc->undoStack()->push(new SetItemCommand(doc, id, before, after, QStringLiteral("Move"), true));
        }
        QCOMPARE(doc->layout().item(id)->rect().x(), start.x() + 5);
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(designer.scene()->graphicsFor(id)->pos().x(), start.x() + 5);
        doc->undoStack()->undo();
        QCOMPARE(doc->layout().item(id)->rect(), start);
        QCOMPARE(designer.scene()->graphicsFor(id)->pos().x(), start.x());
        doc->undoStack()->redo();
        QCOMPARE(doc->layout().item(id)->rect().x(), start.x() + 5);
    }

    void addAlignDelete()
    {
        LayoutDesigner designer;
        QVERIFY(designer.openProject(kProject, true));
        LayoutDocument *doc = designer.document();
        const int before = int(doc->layout().items().size());
        const QString label = designer.addItem(LayoutItem::Type::Label);
        const QString bar = designer.addItem(LayoutItem::Type::ScaleBar);
        QCOMPARE(int(doc->layout().items().size()), before + 2);
        QCOMPARE(doc->itemJson(bar).value(QStringLiteral("map")).toString(),
                 QStringLiteral("map")); // linked to the map
        designer.scene()->clearSelection();
        designer.scene()->graphicsFor(label)->setSelected(true);
        designer.scene()->graphicsFor(QStringLiteral("map"))->setSelected(true);
        designer.alignSelected(Qt::AlignLeft);
        QCOMPARE(doc->layout().item(label)->rect().left(),
                 doc->layout().item(QStringLiteral("map"))->rect().left());
        doc->undoStack()->undo(); // the whole alignment
        QVERIFY(doc->layout().item(label)->rect().left() !=
                doc->layout().item(QStringLiteral("map"))->rect().left());
        doc->undoStack()->undo(); // the scale bar
        QVERIFY(!doc->layout().item(bar));
        QVERIFY(!designer.scene()->graphicsFor(bar));
        doc->undoStack()->redo();
        QVERIFY(doc->layout().item(bar));
        QVERIFY(designer.scene()->graphicsFor(bar));
    }

    void exportDialogUsesTheExporter()
    {
        LayoutDesigner designer;
        QVERIFY(designer.openProject(kProject, true));
        LayoutExportDialog dialog(designer.document()->layout(), designer.document()->project());
        const QString out = m_tmp.filePath(QStringLiteral("designer.pdf"));
        dialog.setOutputPath(out);
        const ExportReport report = dialog.exportNow();
        QVERIFY2(report.ok(), qPrintable(report.error.message));
        QVERIFY(QFile::exists(out));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");
    }

    void savedLayoutsAreKept()
    {
        const QString copy = m_tmp.filePath(QStringLiteral("copy.kwproj"));
        QFile::copy(kProject, copy);
        QFile::copy(QStringLiteral(KW_BINARY_DIR "/demo/kaiserslautern.gpkg"),
                    m_tmp.filePath(QStringLiteral("kaiserslautern.gpkg")));
        {
            LayoutDesigner designer;
            QVERIFY(designer.openProject(copy, true));
            designer.addItem(LayoutItem::Type::Shape);
            QVERIFY(designer.saveProject());
        }
        LayoutDesigner again;
        QVERIFY(again.openProject(copy, true));
        QVERIFY(again.document()->layout().item(QStringLiteral("shape")));
    }

    void presentationSteps()
    {
        auto project = Project::read(kProject);
        QVERIFY(project.ok());
        (*project)->loadLayers();
        PresentationView view(**project);
        view.setAttribute(Qt::WA_DeleteOnClose, false);
        QCOMPARE(view.slideCount(), int((*project)->bookmarks().size()));
        QCOMPARE(view.currentSlide(), 0);
        view.resize(1280, 720);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(view.currentSlide(), 1);
        QTest::keyClick(&view, Qt::Key_End);
        QCOMPARE(view.currentSlide(), view.slideCount() - 1);
        QTest::keyClick(&view, Qt::Key_Right); // stays on the last
        QCOMPARE(view.currentSlide(), view.slideCount() - 1);
        QTest::keyClick(&view, Qt::Key_Home);
        QCOMPARE(view.currentSlide(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!view.canvas()->lastImage().isNull() && !view.canvas()->isRendering(),
                                 10000);
        view.grab().save(QStringLiteral(KW_BINARY_DIR "/presentation.png"));
    }
};

QTEST_MAIN(TestLayoutDesigner)
#include "test_layout_designer.moc"
