// SPDX-License-Identifier: GPL-3.0-or-later
// ProjectController (background loading, dirty state, save) and RecoveryManager (autosave, leftovers).
#include "app/project/project_controller.h"
#include "app/project/recovery_manager.h"
#include "core/layers/vector_layer.h"
#include "core/project/layer_tree_model.h"
#include "core/project/project_commands.h"
#include "support/test_support.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace kw;

namespace {
bool waitLoaded(ProjectController &c)
{
    for (int i = 0; i < 3000 && c.isBusy(); ++i)
        QTest::qWait(10);
    return !c.isBusy();
}
} // namespace

class TestProjectController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void addsSourcesInTheBackground()
    {
        ProjectController c;
        QAbstractItemModelTester tester(c.layerTreeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&c, &ProjectController::loadsFinished);
        c.addSources({test::sharedData(QStringLiteral("counties/nc.gpkg")), QStringLiteral("/nonexistent/x.gpkg")});
        QVERIFY(c.isBusy()); // returned at once; inspection and loading run in workers
        QVERIFY(waitLoaded(c));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(c.project().layers().size(), 1);
        auto layer = std::static_pointer_cast<VectorLayer>(c.project().layers().front());
        QVERIFY(layer->store());
        QCOMPARE(layer->store()->featureCount(), size_t(100));
        QCOMPARE(c.renderLayers().size(), 1);
        QVERIFY(c.isDirty());
        // The first data of a new project set the map CRS (NAD27 for these counties), as in QGIS.
        QCOMPARE(c.crs().authId(), QStringLiteral("EPSG:4267"));
        // One undo step removes what was added.
        c.undoStack()->undo();
        QCOMPARE(c.project().layers().size(), 0);
        QVERIFY(!c.isDirty());
        c.undoStack()->redo();
        QCOMPARE(c.project().layers().size(), 1);

        // A CRS change reloads; until then the layer is not drawn in the wrong place.
        c.setCrs(*Crs::fromEpsg(4326));
        QVERIFY(c.isBusy());
        QCOMPARE(c.renderLayers().size(), 0);
        QVERIFY(waitLoaded(c));
        QCOMPARE(c.renderLayers().size(), 1);
        QVERIFY(layer->extent().xmin < -75 && layer->extent().xmin > -85);
    }

    void addsTheDataFilesOfAFolder()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::copy(test::sharedData(QStringLiteral("counties/nc.gpkg")), dir.filePath(QStringLiteral("a.gpkg"))));
        QVERIFY(QFile::copy(test::sharedData(QStringLiteral("counties/nc.gpkg")), dir.filePath(QStringLiteral("b.gpkg"))));
        QFile note(dir.filePath(QStringLiteral("readme.prj")));
        QVERIFY(note.open(QIODevice::WriteOnly));
        note.close();
        ProjectController c;
        c.addSources({dir.path()});
        QVERIFY(waitLoaded(c));
        QCOMPARE(c.project().layers().size(), 2);
        QSet<QString> ids;
        for (const auto &l : c.project().layers()) {
            QVERIFY(l->isLoaded());
            ids.insert(l->id());
        }
        QCOMPARE(ids.size(), 2); // unique ids for layers of the same name
    }

    void saveOpenAndDirtyState()
    {
        QTemporaryDir dir;
        ProjectController c;
        c.addSources({test::sharedData(QStringLiteral("counties/nc.gpkg"))});
        QVERIFY(waitLoaded(c));
        const QString path = dir.filePath(QStringLiteral("p.kwproj"));
        QSignalSpy dirty(&c, &ProjectController::dirtyChanged);
        QVERIFY(c.saveProject(path).ok());
        QVERIFY(!c.isDirty());
        QCOMPARE(c.filePath(), QFileInfo(path).absoluteFilePath());
        LayerTreeModel *m = c.layerTreeModel();
        m->setData(m->index(0, 0), QStringLiteral("Landkreise"), Qt::EditRole);
        QVERIFY(c.isDirty());
        c.undoStack()->undo();
        QVERIFY(!c.isDirty()); // back at the saved state

        ProjectController other;
        QSignalSpy replaced(&other, &ProjectController::projectReplaced);
        QVERIFY(other.openProject(path).ok());
        QCOMPARE(replaced.count(), 1);
        QVERIFY(waitLoaded(other));
        QCOMPARE(other.project().layers().size(), 1);
        QVERIFY(other.project().layers().front()->isLoaded());
        QVERIFY(!other.openProject(dir.filePath(QStringLiteral("missing.kwproj"))).ok());
    }

    void recoveryFileAndLeftovers()
    {
        QTemporaryDir dir;
        const QString recoveryDir = dir.filePath(QStringLiteral("recovery"));
        ProjectController c;
        {
            RecoveryManager r(&c, recoveryDir);
            QVERIFY(r.saveNow());
            QVERIFY(!QFile::exists(r.recoveryPath())); // nothing unsaved: nothing written
            std::vector<std::unique_ptr<LayerTreeNode>> nodes;
            nodes.push_back(LayerTreeNode::group(QStringLiteral("Planung")));
            c.undoStack()->push(new AddNodesCommand(c.layerTreeModel(), &c.project().root(), 0, std::move(nodes),
                                                    QStringLiteral("add group")));
            QVERIFY(r.saveNow());
            QVERIFY(QFile::exists(r.recoveryPath()));
            // While this session runs, another window does not offer its file.
            RecoveryManager second(&c, recoveryDir);
            QVERIFY(!second.findLeftover());
            // Simulate a crash: the file stays behind without a live owner.
            QVERIFY(QFile::copy(r.recoveryPath(), recoveryDir + QStringLiteral("/session-1-1.kwrecovery")));
            const auto leftover = second.findLeftover();
            QVERIFY(leftover);
            auto restored = second.restore(*leftover);
            QVERIFY(restored.ok());
            QCOMPARE((*restored)->root().childCount(), 1);
            QCOMPARE((*restored)->root().child(0)->name(), QStringLiteral("Planung"));
            RecoveryManager::discard(*leftover);
            QVERIFY(!second.findLeftover());
            // Saving the project removes the recovery file.
            QVERIFY(c.saveProject(dir.filePath(QStringLiteral("p.kwproj"))).ok());
            QVERIFY(!QFile::exists(r.recoveryPath()));
        }
        // A leftover older than its project is not offered.
        c.layerTreeModel()->setData(c.layerTreeModel()->index(0, 0), QStringLiteral("Umbenannt"), Qt::EditRole);
        QString stale;
        {
            RecoveryManager r(&c, recoveryDir);
            QVERIFY(r.saveNow());
            stale = recoveryDir + QStringLiteral("/session-2-2.kwrecovery");
            QVERIFY(QFile::copy(r.recoveryPath(), stale));
        }
        QTest::qWait(20);
        QFile project(dir.filePath(QStringLiteral("p.kwproj")));
        QVERIFY(project.open(QIODevice::Append));
        project.write(" ");
        project.close();
        RecoveryManager third(&c, recoveryDir);
        QVERIFY(!third.findLeftover());
        QVERIFY(!QFile::exists(stale));
    }
};

QTEST_MAIN(TestProjectController)
#include "test_project_controller.moc"
