// SPDX-License-Identifier: GPL-3.0-or-later
// FeatureQuery (identify and selection hit tests) and FeatureSelection.
#include "core/data/feature_query.h"
#include "core/data/feature_selection.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <thread>

using namespace kw;

class TestFeatureQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hitTestsByGeometryFamily()
    {
        Fields fields{{QStringLiteral("id"), FieldType::Int, {}}};
        FeatureStore s(fields, Crs::etrs89Utm32());
        // 0: a point, 1: a line, 2: a square with a hole.
        s.beginFeature(0);
        s.beginPart();
        s.beginRing();
        s.addVertex(0, 0);
        s.endFeature(GeometryType::Point);
        s.beginFeature(1);
        s.beginPart();
        s.beginRing();
        s.addVertex(100, 0);
        s.addVertex(200, 0);
        s.endFeature(GeometryType::LineString);
        s.beginFeature(2);
        s.beginPart();
        s.beginRing();
        for (auto [x, y] : {std::pair{300.0, 0.0}, {400.0, 0.0}, {400.0, 100.0}, {300.0, 100.0}, {300.0, 0.0}})
            s.addVertex(x, y);
        s.beginRing();
        for (auto [x, y] : {std::pair{340.0, 40.0}, {360.0, 40.0}, {360.0, 60.0}, {340.0, 60.0}, {340.0, 40.0}})
            s.addVertex(x, y);
        s.endFeature(GeometryType::Polygon);
        s.finish();
        QCOMPARE(FeatureQuery::at(s, QPointF(3, 4), 5.1), std::vector<uint32_t>{0});
        QVERIFY(FeatureQuery::at(s, QPointF(3, 4), 4.9).empty());
        QCOMPARE(FeatureQuery::at(s, QPointF(150, 2), 3), std::vector<uint32_t>{1});
        QCOMPARE(FeatureQuery::at(s, QPointF(310, 10), 1), std::vector<uint32_t>{2});
        QVERIFY(FeatureQuery::at(s, QPointF(350, 50), 1).empty()); // in the hole
        // Rectangle and polygon selections.
        QCOMPARE(FeatureQuery::intersecting(s, Envelope(150, -10, 320, 10)), (std::vector<uint32_t>{1, 2}));
        const std::vector<QPointF> triangle{{-10, -10}, {150, -10}, {-10, 50}}; // reaches over (100, 0)
        QCOMPARE(FeatureQuery::intersecting(s, triangle), (std::vector<uint32_t>{0, 1}));
        // A line crossing a ring edge counts even with no vertex inside.
        const std::vector<QPointF> band{{150, -5}, {160, -5}, {160, 5}, {150, 5}};
        QCOMPARE(FeatureQuery::intersecting(s, band), std::vector<uint32_t>{1});
        // A selection polygon entirely inside a polygon feature still selects it.
        const std::vector<QPointF> inner{{310, 10}, {320, 10}, {315, 20}};
        QCOMPARE(FeatureQuery::intersecting(s, inner), std::vector<uint32_t>{2});
        int column = 0;
        auto byExpr = FeatureQuery::matching(s, QStringLiteral("$id >= 1"), &column);
        QVERIFY(byExpr.ok());
        QCOMPARE(*byExpr, (std::vector<uint32_t>{1, 2}));
        QVERIFY(!FeatureQuery::matching(s, QStringLiteral("\"id\" >= "), &column).ok());
        QVERIFY(column > 0);
    }


    void deferredIndexIsBuiltOnFirstUse()
    {
        // Streamed batches finish without an index; the first query builds it, once, even when several
        // threads ask at the same time, and a copy made before that builds its own.
        Fields fields{{QStringLiteral("id"), FieldType::Int, {}}};
        const auto fill = [&](FeatureStore &s) {
            for (int i = 0; i < 2000; ++i) {
                s.beginFeature(i);
                s.beginPart();
                s.beginRing();
                const double x = (i % 50) * 10.0, y = (i / 50) * 10.0;
                for (auto [dx, dy] : {std::pair{0.0, 0.0}, {5.0, 0.0}, {5.0, 5.0}, {0.0, 5.0}, {0.0, 0.0}})
                    s.addVertex(x + dx, y + dy);
                s.endFeature(GeometryType::Polygon);
            }
        };
        FeatureStore eager(fields, Crs::etrs89Utm32()), deferred(fields, Crs::etrs89Utm32());
        fill(eager);
        fill(deferred);
        eager.finish();
        deferred.finish(false);
        QCOMPARE(deferred.extent().xmax, eager.extent().xmax);
        const FeatureStore copy = deferred;
        const Envelope box(101, 101, 149, 149);
        std::vector<uint32_t> expected = eager.index().query(box);
        std::sort(expected.begin(), expected.end());
        QCOMPARE(expected.size(), size_t(25));
        std::vector<std::vector<uint32_t>> got(4);
        std::vector<std::thread> threads;
        for (size_t t = 0; t < got.size(); ++t)
            threads.emplace_back([&, t] { got[t] = deferred.index().query(box); });
        for (std::thread &t : threads)
            t.join();
        for (std::vector<uint32_t> &g : got) {
            std::sort(g.begin(), g.end());
            QCOMPARE(g, expected);
        }
        std::vector<uint32_t> fromCopy = copy.index().query(box);
        std::sort(fromCopy.begin(), fromCopy.end());
        QCOMPARE(fromCopy, expected);
        QCOMPARE(FeatureQuery::intersecting(deferred, box), FeatureQuery::intersecting(eager, box));
    }

    void selectionModes()
    {
        FeatureSelection sel;
        QSignalSpy changed(&sel, &FeatureSelection::changed);
        sel.select(QStringLiteral("a"), 10, {1, 2, 3});
        QCOMPARE(sel.count(QStringLiteral("a")), size_t(3));
        sel.select(QStringLiteral("a"), 10, {3, 4}, FeatureSelection::Mode::Add);
        QCOMPARE(sel.rows(QStringLiteral("a")), (std::vector<uint32_t>{1, 2, 3, 4}));
        sel.select(QStringLiteral("a"), 10, {1, 9}, FeatureSelection::Mode::Toggle);
        QCOMPARE(sel.rows(QStringLiteral("a")), (std::vector<uint32_t>{2, 3, 4, 9}));
        const auto snapshot = sel.mask(QStringLiteral("a"));
        sel.select(QStringLiteral("a"), 10, {2, 3}, FeatureSelection::Mode::Remove);
        QCOMPARE(sel.rows(QStringLiteral("a")), (std::vector<uint32_t>{4, 9}));
        QVERIFY((*snapshot)[2]); // a published mask never changes under a reader
        sel.select(QStringLiteral("b"), 5, {0, 7}); // rows beyond the store are ignored
        QCOMPARE(sel.totalCount(), size_t(3));
        sel.clear(QStringLiteral("a"));
        QVERIFY(!sel.isSelected(QStringLiteral("a"), 4));
        QVERIFY(!sel.mask(QStringLiteral("a")));
        sel.clearAll();
        QCOMPARE(sel.totalCount(), size_t(0));
        QVERIFY(changed.count() >= 7);
    }
};

QTEST_MAIN(TestFeatureQuery)
#include "test_feature_query.moc"
