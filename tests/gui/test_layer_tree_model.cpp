// SPDX-License-Identifier: GPL-3.0-or-later
// LayerTreeModel: structure under QAbstractItemModelTester, legend rows, broken layers, drag and drop, undo.
#include "core/layers/vector_layer.h"
#include "core/project/layer_tree_model.h"
#include "core/project/project.h"
#include "core/project/project_commands.h"
#include "core/style/thematic_renderers.h"
#include "support/test_support.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace kw;

namespace {

std::shared_ptr<VectorLayer> ncLayer(const QString &name = QStringLiteral("nc"))
{
    SourceUri uri;
    uri.path = test::sharedData(QStringLiteral("counties/nc.gpkg"));
    auto layer = std::make_shared<VectorLayer>(uri, QStringLiteral("nc.gpkg"), name);
    layer->load(Crs::etrs89Utm32());
    return layer;
}

} // namespace

class TestLayerTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void structureUnderTester()
    {
        Project project;
        auto a = ncLayer(QStringLiteral("a"));
        auto b = ncLayer(QStringLiteral("b"));
        project.addLayer(a);
        LayerTreeNode *group = project.root().insertChild(0, LayerTreeNode::group(QStringLiteral("G")));
        project.addLayer(b, group);
        LayerTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProject(&project);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("G"));
        QCOMPARE(model.index(0, 0, model.index(0, 0)).data().toString(), QStringLiteral("b"));
        QCOMPARE(model.index(1, 0).data(LayerTreeModel::LayerIdRole).toString(), a->id());
        QCOMPARE(model.index(1, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        // A single symbol is the layer's icon, not a child row.
        QCOMPARE(model.rowCount(model.index(1, 0)), 0);
        QVERIFY(!model.index(1, 0).data(Qt::DecorationRole).value<QIcon>().isNull());

        // Graduated: one child row per class, each with a swatch.
        auto g = GraduatedRenderer::fromData(*a->store(), QStringLiteral("BIR74"), QStringLiteral("quantile"), 5, Symbol());
        QVERIFY(g.ok());
        a->setRenderer(std::make_unique<GraduatedRenderer>(*g));
        model.refreshLayer(a.get());
        const QModelIndex ai = model.indexOfLayer(a.get());
        QCOMPARE(model.rowCount(ai), 5);
        QCOMPARE(model.index(0, 0, ai).data(LayerTreeModel::NodeTypeRole).toString(), QStringLiteral("legend"));
        QVERIFY(!model.index(0, 0, ai).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(model.layer(model.index(2, 0, ai)), std::static_pointer_cast<Layer>(a));
        QVERIFY(model.node(model.index(2, 0, ai)) == nullptr);

        // Back to a single symbol: the legend rows go away.
        a->setSymbol(Symbol());
        model.refreshLayer(a.get());
        QCOMPARE(model.rowCount(ai), 0);
    }

    void editsAreUndoable()
    {
        Project project;
        auto a = ncLayer(QStringLiteral("a"));
        auto b = ncLayer(QStringLiteral("b"));
        auto c = ncLayer(QStringLiteral("c"));
        project.addLayer(a);
        project.addLayer(b);
        project.addLayer(c); // tree: c, b, a
        QUndoStack stack;
        LayerTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProject(&project);
        model.setUndoStack(&stack);
        QSignalSpy mapChanged(&model, &LayerTreeModel::mapChanged);

        // Visibility through the check box role.
        QVERIFY(model.setData(model.indexOfLayer(b.get()), Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(!b->isVisible());
        QVERIFY(mapChanged.count() >= 1);
        stack.undo();
        QVERIFY(b->isVisible());
        stack.redo();
        QVERIFY(!b->isVisible());

        // Rename.
        QVERIFY(model.setData(model.indexOfLayer(a.get()), QStringLiteral("Kreise"), Qt::EditRole));
        QCOMPARE(a->name(), QStringLiteral("Kreise"));
        stack.undo();
        QCOMPARE(a->name(), QStringLiteral("a"));

        // Opacity: a slider drag merges into one undo step.
        const int before = stack.index();
        for (double o : {0.9, 0.8, 0.7, 0.5})
            model.setData(model.indexOfLayer(c.get()), o, LayerTreeModel::OpacityRole);
        QCOMPARE(stack.index(), before + 1);
        QCOMPARE(c->opacity(), 0.5);
        stack.undo();
        QCOMPARE(c->opacity(), 1.0);

        // Move a to the top, undo, redo; several nodes at once keep their order.
        stack.push(new MoveNodesCommand(&model, {project.root().findLayer(a.get())}, &project.root(), 0));
        QCOMPARE(project.layers().front(), std::static_pointer_cast<Layer>(a));
        stack.undo();
        QCOMPARE(project.layers().back(), std::static_pointer_cast<Layer>(a));
        stack.push(new MoveNodesCommand(&model, {project.root().findLayer(c.get()), project.root().findLayer(b.get())},
                                        &project.root(), 3));
        QCOMPARE(project.layers(), (QList<std::shared_ptr<Layer>>{a, c, b}));
        stack.undo();
        QCOMPARE(project.layers(), (QList<std::shared_ptr<Layer>>{c, b, a}));

        // Remove and bring back.
        stack.push(new RemoveNodesCommand(&model, {project.root().findLayer(b.get())}));
        QCOMPARE(project.layers().size(), 2);
        stack.undo();
        QCOMPARE(project.layers(), (QList<std::shared_ptr<Layer>>{c, b, a}));

        // Style change and its undo.
        auto g = GraduatedRenderer::fromData(*a->store(), QStringLiteral("BIR74"), QStringLiteral("jenks"), 4, Symbol());
        stack.push(new SetRendererCommand(&model, a.get(), std::make_unique<GraduatedRenderer>(*g)));
        QCOMPARE(a->renderer().type(), FeatureRenderer::Type::Graduated);
        QCOMPARE(model.rowCount(model.indexOfLayer(a.get())), 4);
        stack.undo();
        QCOMPARE(a->renderer().type(), FeatureRenderer::Type::Single);
        QCOMPARE(model.rowCount(model.indexOfLayer(a.get())), 0);
    }

    void dragAndDropMovesNodes()
    {
        Project project;
        auto a = ncLayer(QStringLiteral("a"));
        auto b = ncLayer(QStringLiteral("b"));
        project.addLayer(a);
        project.addLayer(b); // b, a
        LayerTreeNode *group = project.root().insertChild(2, LayerTreeNode::group(QStringLiteral("G")));
        QUndoStack stack;
        LayerTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProject(&project);
        model.setUndoStack(&stack);
        std::unique_ptr<QMimeData> mime(model.mimeData({model.indexOfLayer(b.get())}));
        QVERIFY(mime);
        QVERIFY(model.canDropMimeData(mime.get(), Qt::MoveAction, -1, 0, model.indexOf(group)));
        // The model moves the node itself and returns false so the view does not delete the source row.
        QVERIFY(!model.dropMimeData(mime.get(), Qt::MoveAction, -1, 0, model.indexOf(group)));
        QCOMPARE(group->childCount(), 1);
        QCOMPARE(group->child(0)->layer(), std::static_pointer_cast<Layer>(b));
        stack.undo();
        QCOMPARE(group->childCount(), 0);
        QCOMPARE(project.root().child(0)->layer(), std::static_pointer_cast<Layer>(b));
        // A group cannot be dropped into itself.
        std::unique_ptr<QMimeData> groupMime(model.mimeData({model.indexOf(group)}));
        model.dropMimeData(groupMime.get(), Qt::MoveAction, 0, 0, model.indexOf(group));
        QCOMPARE(group->parent(), &project.root());

        // Files dropped onto the tree are announced, not opened by the model.
        QSignalSpy dropped(&model, &LayerTreeModel::filesDropped);
        QMimeData files;
        files.setUrls({QUrl::fromLocalFile(QStringLiteral("/tmp/a.gpkg"))});
        QVERIFY(model.dropMimeData(&files, Qt::CopyAction, 0, 0, QModelIndex()));
        QCOMPARE(dropped.count(), 1);
        QCOMPARE(dropped.first().at(0).toStringList(), QStringList{QStringLiteral("/tmp/a.gpkg")});
    }

    void brokenLayerIsMarked()
    {
        Project project;
        SourceUri uri;
        uri.path = QStringLiteral("/nonexistent/missing.gpkg");
        auto broken = std::make_shared<VectorLayer>(uri, QStringLiteral("x"), QStringLiteral("missing"));
        broken->load(Crs::etrs89Utm32());
        QVERIFY(!broken->error().isEmpty());
        project.addLayer(broken);
        LayerTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProject(&project);
        const QModelIndex i = model.indexOfLayer(broken.get());
        QCOMPARE(i.data(Qt::ForegroundRole).value<QColor>(), QColor(190, 20, 20));
        QVERIFY(i.data(Qt::ToolTipRole).toString().contains(QStringLiteral("missing.gpkg")));
        QCOMPARE(i.data(LayerTreeModel::ErrorRole).toString(), broken->error());

        // Repointing it reloads through the controller: the model asks for it.
        QUndoStack stack;
        model.setUndoStack(&stack);
        QSignalSpy reload(&model, &LayerTreeModel::layerNeedsReload);
        SourceUri fixed = uri;
        fixed.path = test::sharedData(QStringLiteral("counties/nc.gpkg"));
        stack.push(new SetSourceCommand(&model, project.root().findLayer(broken.get()), fixed));
        QCOMPARE(reload.count(), 1);
        QCOMPARE(broken->source().path, fixed.path);
        stack.undo();
        QCOMPARE(broken->source().path, uri.path);
    }
};

QTEST_MAIN(TestLayerTreeModel)
#include "test_layer_tree_model.moc"
