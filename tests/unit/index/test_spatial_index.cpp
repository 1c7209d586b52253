// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/index/spatial_index.h"

#include <QRandomGenerator>

#include <algorithm>
#include <QTest>

using namespace kw;

/// \brief The packed R-tree must return exactly what a linear scan returns.
class TestSpatialIndex : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyIndex()
    {
        SpatialIndex index(std::vector<Envelope>{});
        QCOMPARE(index.size(), size_t(0));
        QVERIFY(index.query(Envelope(0, 0, 1, 1)).empty());
    }

    void singleItem()
    {
        SpatialIndex index({Envelope(1, 1, 2, 2)});
        QCOMPARE(index.query(Envelope(0, 0, 1.5, 1.5)), std::vector<uint32_t>{0});
        QVERIFY(index.query(Envelope(3, 3, 4, 4)).empty());
    }

    void nullBoxesAreNeverFound()
    {
        SpatialIndex index({Envelope(), Envelope(0, 0, 1, 1), Envelope()});
        QCOMPARE(index.size(), size_t(1));
        QCOMPARE(index.query(Envelope(-10, -10, 10, 10)), std::vector<uint32_t>{1});
    }

    void matchesLinearScan_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("nodeSize");
        QTest::newRow("17 items") << 17 << 16;
        QTest::newRow("1000 items") << 1000 << 16;
        QTest::newRow("50000 items, node 4") << 50000 << 4;
    }
    void matchesLinearScan()
    {
        QFETCH(int, count);
        QFETCH(int, nodeSize);
        QRandomGenerator rng(42);
        std::vector<Envelope> boxes;
        for (int i = 0; i < count; ++i) {
            const double x = 400000 + rng.bounded(20000.0), y = 5470000 + rng.bounded(15000.0);
            boxes.emplace_back(x, y, x + rng.bounded(50.0), y + rng.bounded(50.0));
        }
        SpatialIndex index(boxes, nodeSize);
        for (int q = 0; q < 50; ++q) {
            const double x = 400000 + rng.bounded(20000.0), y = 5470000 + rng.bounded(15000.0);
            const Envelope query(x, y, x + rng.bounded(3000.0), y + rng.bounded(3000.0));
            std::vector<uint32_t> expected;
            for (uint32_t i = 0; i < boxes.size(); ++i)
                if (boxes[i].intersects(query))
                    expected.push_back(i);
            // Boxes are kept as floats rounded outwards: every true hit is found, and any extra one lies
            // within float rounding (< 1 m at these coordinates) of the query.
            const std::vector<uint32_t> found = index.query(query);
            QVERIFY(std::includes(found.begin(), found.end(), expected.begin(), expected.end()));
            const Envelope grown = query.buffered(0.0, 0.0);
            const Envelope tolerance(grown.xmin - 1, grown.ymin - 1, grown.xmax + 1, grown.ymax + 1);
            for (uint32_t id : found)
                QVERIFY(boxes[id].intersects(tolerance));
            QVERIFY(found.size() <= expected.size() + 5);
        }
    }
};

QTEST_APPLESS_MAIN(TestSpatialIndex)
#include "test_spatial_index.moc"
