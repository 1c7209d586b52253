// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_run.h"
#include "support/test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <cmath>

using namespace kw;

namespace {

using Run = test::CliRun;

Run run(const QStringList &args)
{
    return test::runCliInProcess(args);
}

QString nc()
{
    return test::sharedData(QStringLiteral("counties/nc.gpkg"));
}

/// The R reference (tests/data/classification/reference.json) for one case.
QJsonObject referenceCase(const QString &field, const QString &style, int n)
{
    QFile f(test::testData(QStringLiteral("classification/reference.json")));
    if (!f.open(QIODevice::ReadOnly)) return {};
    for (const QJsonValue &v :
         QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("cases")).toArray()) {
        const QJsonObject c = v.toObject();
        if (c[QStringLiteral("field")].toString() == field &&
            c[QStringLiteral("style")].toString() == style && c[QStringLiteral("n")].toInt() == n)
            return c;
    }
    return {};
}

bool near(double a, double b)
{
    return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

} // namespace

/// \brief `kartenwerk-cli classify`, run in-process: output against R's classInt, errors and exit codes.
class TestClassifyCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quantileMatchesR()
    {
        const Run r =
            run({QStringLiteral("classify"), nc(), QStringLiteral("--layer"), QStringLiteral("nc.gpkg"),
                 QStringLiteral("--field"), QStringLiteral("BIR74"), QStringLiteral("--method"),
                 QStringLiteral("quantile"), QStringLiteral("--classes"), QStringLiteral("5")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject ref = referenceCase(QStringLiteral("BIR74"), QStringLiteral("quantile"), 5);
        const QJsonArray breaks = ref[QStringLiteral("breaks")].toArray();
        const QJsonArray counts = ref[QStringLiteral("counts")].toArray();
        QCOMPARE(breaks.size(), 6);

        static const QRegularExpression line(QStringLiteral("^(\\S+) - (\\S+): (\\d+)$"));
        int i = 0;
        for (const QString &text : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const auto m = line.match(text);
            if (!m.hasMatch()) continue;
            QVERIFY(i < 5);
            bool ok1 = false, ok2 = false;
            const double lower = m.captured(1).toDouble(&ok1), upper = m.captured(2).toDouble(&ok2);
            QVERIFY2(ok1 && ok2, qPrintable(text));
            QVERIFY2(near(lower, breaks[i].toDouble()), qPrintable(text));
            QVERIFY2(near(upper, breaks[i + 1].toDouble()), qPrintable(text));
            QCOMPARE(m.captured(3).toInt(), counts[i].toInt());
            ++i;
        }
        QCOMPARE(i, 5);
        // The numbers are C-locale and rounded only where R's are binary noise: 855.39999999999998 reads
        // 855.4.
        QVERIFY2(r.out.contains(QLatin1String("248 - 855.4: 20\n")), qPrintable(r.out));
    }

    void jsonOutput()
    {
        const Run r = run({QStringLiteral("classify"), nc(), QStringLiteral("--field"),
                           QStringLiteral("SID74"), QStringLiteral("--method"), QStringLiteral("jenks"),
                           QStringLiteral("--classes"), QStringLiteral("7"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(o[QStringLiteral("method")].toString(), QStringLiteral("jenks"));
        QCOMPARE(o[QStringLiteral("classes")].toInt(), 7);
        const QJsonObject ref = referenceCase(QStringLiteral("SID74"), QStringLiteral("jenks"), 7);
        QCOMPARE(o[QStringLiteral("counts")].toArray(), ref[QStringLiteral("counts")].toArray());
        const QJsonArray breaks = o[QStringLiteral("breaks")].toArray();
        const QJsonArray expected = ref[QStringLiteral("breaks")].toArray();
        QCOMPARE(breaks.size(), expected.size());
        for (qsizetype i = 0; i < breaks.size(); ++i)
            QVERIFY(near(breaks[i].toDouble(), expected[i].toDouble()));
        QCOMPARE(o[QStringLiteral("values")].toInt(), 100);
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QStringList>("messageParts");
        const QString c = QStringLiteral("classify");
        const QString field = QStringLiteral("--field");
        QTest::newRow("unknown field")
            << QStringList{c, nc(), field, QStringLiteral("BIRTHS")} << 2
            << QStringList{QStringLiteral("'BIRTHS'"), QStringLiteral("BIR74"), QStringLiteral("NWBIR79")};
        QTest::newRow("text field") << QStringList{c, nc(), field, QStringLiteral("NAME")} << 2
                                    << QStringList{QStringLiteral("'NAME' is not numeric"),
                                                   QStringLiteral("SID74")};
        QTest::newRow("unknown layer") << QStringList{c,
                                                      nc(),
                                                      QStringLiteral("--layer"),
                                                      QStringLiteral("roads"),
                                                      field,
                                                      QStringLiteral("BIR74")}
                                       << 2 << QStringList{QStringLiteral("'roads'")};
        QTest::newRow("missing source")
            << QStringList{c, QStringLiteral("/nonexistent/x.gpkg"), field, QStringLiteral("BIR74")} << 2
            << QStringList{QStringLiteral("/nonexistent/x.gpkg")};
        QTest::newRow("no field") << QStringList{c, nc()} << 1 << QStringList{QStringLiteral("--field")};
        QTest::newRow("bad method") << QStringList{c,
                                                   nc(),
                                                   field,
                                                   QStringLiteral("BIR74"),
                                                   QStringLiteral("--method"),
                                                   QStringLiteral("kmeans")}
                                    << 1 << QStringList{QStringLiteral("'kmeans'")};
        QTest::newRow("bad classes") << QStringList{c,
                                                    nc(),
                                                    field,
                                                    QStringLiteral("BIR74"),
                                                    QStringLiteral("--classes"),
                                                    QStringLiteral("zero")}
                                     << 1 << QStringList{QStringLiteral("--classes")};
        QTest::newRow("manual without breaks") << QStringList{c,
                                                              nc(),
                                                              field,
                                                              QStringLiteral("BIR74"),
                                                              QStringLiteral("--method"),
                                                              QStringLiteral("manual")}
                                               << 1 << QStringList{QStringLiteral("--breaks")};
        QTest::newRow("descending breaks") << QStringList{c,
                                                          nc(),
                                                          field,
                                                          QStringLiteral("BIR74"),
                                                          QStringLiteral("--method"),
                                                          QStringLiteral("manual"),
                                                          QStringLiteral("--breaks"),
                                                          QStringLiteral("0,5000,100")}
                                           << 1 << QStringList{QStringLiteral("ascending")};
        QTest::newRow("unknown option")
            << QStringList{c, nc(), QStringLiteral("--colour")} << 1 << QStringList{};
        QTest::newRow("two sources") << QStringList{c, nc(), nc(), field, QStringLiteral("BIR74")} << 1
                                     << QStringList{QStringLiteral("SOURCE")};
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QStringList, messageParts);
        const Run r = run(args);
        QCOMPARE(r.code, code);
        QVERIFY(r.out.isEmpty());
        for (const QString &part : messageParts)
            QVERIFY2(r.err.contains(part), qPrintable(r.err));
    }

    void manualBreaks()
    {
        const Run r = run({QStringLiteral("classify"), nc(), QStringLiteral("--field"),
                           QStringLiteral("SID74"), QStringLiteral("--method"), QStringLiteral("manual"),
                           QStringLiteral("--breaks"), QStringLiteral("0,5,10,50")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("0 - 5: 62\n5 - 10: 19\n10 - 50: 19\n")), qPrintable(r.out));
    }

    void help()
    {
        const Run r = run({QStringLiteral("classify"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("--method")));
        QVERIFY(run({QStringLiteral("--help")}).out.contains(QLatin1String("classify SOURCE")));
    }
};

QTEST_MAIN(TestClassifyCli)
#include "test_classify_cli.moc"
