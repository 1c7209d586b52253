// SPDX-License-Identifier: GPL-3.0-or-later
// AttributeTableModel: tester, locale formatting, sorting, expression filters, a million rows.
#include "app/attributes/attribute_table_model.h"
#include "core/data/feature_store.h"
#include "core/layers/vector_layer.h"
#include "support/test_support.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace kw;

namespace {

std::shared_ptr<const FeatureStore> ncStore()
{
    SourceUri uri;
    uri.path = test::sharedData(QStringLiteral("counties/nc.gpkg"));
    VectorLayer layer(uri, QStringLiteral("nc.gpkg"), QStringLiteral("nc"));
    layer.load(Crs::etrs89Utm32());
    return layer.store();
}

/// \a n points with an id, a value counting down and a name.
std::shared_ptr<const FeatureStore> syntheticStore(size_t n)
{
    Fields fields{{QStringLiteral("id"), FieldType::Int, {}}, {QStringLiteral("value"), FieldType::Double, {}},
                  {QStringLiteral("name"), FieldType::String, {}}};
    auto s = std::make_shared<FeatureStore>(fields, Crs::etrs89Utm32());
    s->reserve(n, n);
    for (size_t i = 0; i < n; ++i) {
        s->beginFeature(int64_t(i));
        s->beginPart();
        s->beginRing();
        s->addVertex(double(i % 1000), double(i / 1000));
        s->endFeature(GeometryType::Point);
        s->attributes().setInt(0, int64_t(i));
        s->attributes().setDouble(1, double(n - i) / 2);
        s->attributes().setString(2, QStringLiteral("Haus %1").arg(i % 97));
    }
    s->finish();
    return s;
}

} // namespace

class TestAttributeTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); }

    void readsTheStore()
    {
        AttributeTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto store = ncStore();
        model.setLayer(QStringLiteral("nc"), store);
        QCOMPARE(model.rowCount(), 100);
        const int name = store->fields().size() > 0 ? store->attributes().fieldIndex(QStringLiteral("NAME")) : -1;
        QVERIFY(name >= 0);
        QCOMPARE(model.headerData(name, Qt::Horizontal).toString(), QStringLiteral("NAME"));
        QCOMPARE(model.index(0, name).data().toString(), QStringLiteral("Ashe"));
        // Numbers in the German locale: decimal comma.
        const int area = store->attributes().fieldIndex(QStringLiteral("AREA"));
        QCOMPARE(model.index(0, area).data().toString(), QStringLiteral("0,114"));
        QCOMPARE(model.index(0, area).data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight, int(Qt::AlignRight));
    }

    void sortsAndFilters()
    {
        AttributeTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto store = ncStore();
        model.setLayer(QStringLiteral("nc"), store);
        const int name = store->attributes().fieldIndex(QStringLiteral("NAME"));
        const int births = store->attributes().fieldIndex(QStringLiteral("BIR74"));
        model.sort(name, Qt::AscendingOrder);
        QCOMPARE(model.index(0, name).data().toString(), QStringLiteral("Alamance"));
        QCOMPARE(model.index(99, name).data().toString(), QStringLiteral("Yancey"));
        model.sort(births, Qt::DescendingOrder);
        QCOMPARE(model.index(0, name).data().toString(), QStringLiteral("Mecklenburg"));
        // The view row of a store row and back.
        const size_t row = model.featureRow(0);
        QCOMPARE(model.viewRow(row), 0);

        int column = -1;
        QVERIFY(model.setFilter(QStringLiteral("\"NAME\" LIKE 'W%'"), &column).ok());
        QCOMPARE(model.rowCount(), 7); // Wake, Wayne, Wilson, Wilkes, Watauga, Washington, Warren
        for (int r = 0; r < model.rowCount(); ++r)
            QVERIFY(model.index(r, name).data().toString().startsWith(QLatin1Char('W')));
        // Still sorted by births within the filter.
        QCOMPARE(model.index(0, name).data().toString(), QStringLiteral("Wake"));
        // Filtered-out rows have no view row.
        QCOMPARE(model.viewRow(0), -1); // Ashe

        // A syntax error keeps the previous filter and reports the column.
        const Status st = model.setFilter(QStringLiteral("\"NAME\" = = 'x'"), &column);
        QVERIFY(!st.ok());
        QVERIFY(column >= 8);
        QCOMPARE(model.rowCount(), 7);
        // An unknown field too.
        QVERIFY(!model.setFilter(QStringLiteral("\"NOPE\" > 1"), &column).ok());
        QVERIFY(model.setFilter(QString()).ok());
        QCOMPARE(model.rowCount(), 100);
    }

    void millionRowsStayResponsive()
    {
        const size_t n = 1000000;
        auto store = syntheticStore(n);
        AttributeTableModel model;
        QElapsedTimer t;
        t.start();
        model.setLayer(QStringLiteral("big"), store);
        QCOMPARE(model.rowCount(), int(n));
        // What a view asks for one screen of rows costs nothing.
        for (int r = 0; r < 50; ++r)
            for (int c = 0; c < 3; ++c)
                model.index(r + 500000, c).data();
        QVERIFY2(t.elapsed() < 200, qPrintable(QStringLiteral("%1 ms").arg(t.elapsed())));
        // Sorting runs in the background: the call returns at once, the order arrives later.
        QSignalSpy changed(&model, &AttributeTableModel::orderChanged);
        t.restart();
        model.sort(1, Qt::AscendingOrder);
        QVERIFY2(t.elapsed() < 50, qPrintable(QStringLiteral("sort() blocked for %1 ms").arg(t.elapsed())));
        QVERIFY(model.isBusy());
        QVERIFY(changed.wait(30000));
        QVERIFY(!model.isBusy());
        QCOMPARE(model.index(0, 0).data().toString(), QLocale().toString(qlonglong(n - 1)));
        QCOMPARE(model.viewRow(n - 1), 0);
    }
};

QTEST_MAIN(TestAttributeTableModel)
#include "test_attribute_table_model.moc"
