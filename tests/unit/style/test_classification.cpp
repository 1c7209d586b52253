// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/data_provider.h"
#include "core/style/classification.h"
#include "support/test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

using namespace kw;

Q_DECLARE_METATYPE(std::vector<double>)
Q_DECLARE_METATYPE(std::vector<size_t>)
Q_DECLARE_METATYPE(kw::ClassificationMethod)

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

/// Relative comparison; values near zero (R's pretty() zaps those) are compared absolutely.
bool near(double a, double b, double rel = 1e-9)
{
    return std::fabs(a - b) <= rel * std::max({std::fabs(a), std::fabs(b), 1e-300});
}

QString show(const std::vector<double> &v)
{
    QStringList parts;
    for (double d : v)
        parts << QString::number(d, 'g', 17);
    return parts.join(QStringLiteral(", "));
}

bool sameBreaks(const std::vector<double> &actual, const std::vector<double> &expected, QString *why)
{
    bool same = actual.size() == expected.size();
    for (size_t i = 0; same && i < actual.size(); ++i)
        same = near(actual[i], expected[i]);
    if (!same)
        *why = QStringLiteral("breaks\n  actual:   %1\n  expected: %2").arg(show(actual), show(expected));
    return same;
}

std::vector<double> doubles(const QJsonValue &array)
{
    std::vector<double> v;
    for (const QJsonValue &x : array.toArray())
        v.push_back(x.toDouble());
    return v;
}

std::vector<size_t> sizes(const QJsonValue &array)
{
    std::vector<size_t> v;
    for (const QJsonValue &x : array.toArray())
        v.push_back(size_t(x.toInteger()));
    return v;
}

QJsonObject reference()
{
    QFile f(test::testData(QStringLiteral("classification/reference.json")));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

/// Splits one CSV record (RFC 4180 quoting; the file has quoted names with commas in them).
QStringList csvFields(const QString &line)
{
    QStringList fields;
    QString current;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                current += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                current += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << current;
            current.clear();
        } else {
            current += c;
        }
    }
    fields << current;
    return fields;
}

/// A column of the NO2 CSV read directly: the test must not depend on the CSV provider it may be testing.
std::vector<double> csvColumn(const QString &path, const QString &column)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const int index = csvFields(lines.value(0).trimmed()).indexOf(column);
    std::vector<double> values;
    for (qsizetype i = 1; index >= 0 && i < lines.size(); ++i) {
        bool ok = false;
        const double v = csvFields(lines[i].trimmed()).value(index).toDouble(&ok);
        values.push_back(ok ? v : kNaN);
    }
    return values;
}

ClassificationMethod methodForStyle(const QString &style)
{
    if (style == QLatin1String("equal")) return ClassificationMethod::EqualInterval;
    if (style == QLatin1String("quantile")) return ClassificationMethod::Quantile;
    if (style == QLatin1String("fisher") || style == QLatin1String("jenks"))
        return ClassificationMethod::NaturalBreaks;
    if (style == QLatin1String("pretty")) return ClassificationMethod::Pretty;
    return ClassificationMethod::StdDev;
}

/// Within-class sum of squared deviations of \a values under \a c: what natural breaks minimise.
double withinSsd(const std::vector<double> &values, const Classification &c)
{
    std::vector<double> sum(c.counts.size()), sum2(c.counts.size());
    std::vector<double> n(c.counts.size());
    for (double v : values) {
        const int i = classIndex(c, v);
        sum[size_t(i)] += v;
        sum2[size_t(i)] += v * v;
        n[size_t(i)] += 1;
    }
    double ssd = 0;
    for (size_t i = 0; i < n.size(); ++i)
        if (n[i] > 0) ssd += sum2[i] - sum[i] * sum[i] / n[i];
    return ssd;
}

} // namespace

/// \brief classify() against R's classInt (tests/data/classification/reference.R) and on degenerate input.
class TestClassification : public QObject
{
    Q_OBJECT

    QJsonObject m_reference;
    QHash<QString, std::vector<double>> m_data; // "source|field" -> values

private Q_SLOTS:
    void initTestCase()
    {
        m_reference = reference();
        QVERIFY2(!m_reference.isEmpty(), "tests/data/classification/reference.json is missing or invalid");
        qInfo() << "reference:" << m_reference.value(QStringLiteral("r_version")).toString() << "classInt"
                << m_reference.value(QStringLiteral("classint_version")).toString();

        const QString nc = QStringLiteral("counties/nc.gpkg");
        LoadOptions options;
        options.allFields = false;
        options.fields = {QStringLiteral("BIR74"), QStringLiteral("SID74"), QStringLiteral("NWBIR74")};
        auto store = DataProviders::loadVector(SourceUri::parse(test::sharedData(nc)), {}, options);
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
        const AttributeTable &table = (*store)->attributes();
        QCOMPARE(table.rowCount(), size_t(100));
        for (const QString &field : options.fields) {
            const int col = table.fieldIndex(field);
            QVERIFY(col >= 0);
            std::vector<double> &v = m_data[nc + QLatin1Char('|') + field];
            for (size_t row = 0; row < table.rowCount(); ++row)
                v.push_back(table.number(row, col));
        }
        const QString no2 = QStringLiteral("air/no2_germany_rural_background.csv");
        m_data[no2 + QStringLiteral("|NO2")] = csvColumn(test::sharedData(no2), QStringLiteral("NO2"));
        QCOMPARE(m_data[no2 + QStringLiteral("|NO2")].size(), size_t(74));
    }

    void matchesClassInt_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("style");
        QTest::addColumn<int>("classes");
        QTest::addColumn<double>("sum");
        QTest::addColumn<std::vector<double>>("breaks");
        QTest::addColumn<std::vector<size_t>>("counts");
        const QJsonArray cases = reference().value(QStringLiteral("cases")).toArray();
        QVERIFY(cases.size() >= 48);
        for (const QJsonValue &v : cases) {
            const QJsonObject c = v.toObject();
            const QString key = c[QStringLiteral("source")].toString() + QLatin1Char('|') +
                                c[QStringLiteral("field")].toString();
            const QString style = c[QStringLiteral("style")].toString();
            const int n = c[QStringLiteral("n")].toInt();
            QTest::addRow("%s %s %d", qPrintable(key.section(QLatin1Char('|'), 1)), qPrintable(style), n)
                << key << style << n << c[QStringLiteral("sum")].toDouble()
                << doubles(c[QStringLiteral("breaks")]) << sizes(c[QStringLiteral("counts")]);
        }
    }
    void matchesClassInt()
    {
        QFETCH(QString, key);
        QFETCH(QString, style);
        QFETCH(int, classes);
        QFETCH(double, sum);
        QFETCH(std::vector<double>, breaks);
        QFETCH(std::vector<size_t>, counts);
        const std::vector<double> &values = m_data.value(key);
        QVERIFY2(!values.empty(), qPrintable(key));
        // The same numbers as R read: the sums agree.
        QVERIFY(near(std::accumulate(values.begin(), values.end(), 0.0), sum, 1e-12));

        auto c = classify(values, methodForStyle(style), classes);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
        const std::vector<double> &expected = breaks;
        if (style == QLatin1String("fisher")) {
            // classInt's "fisher" puts each inner bound half-way between one class's maximum and the next
            // class's minimum; ours is the class maximum (a data value, as its "jenks" style, QGIS and ArcGIS
            // give). Convert ours to midpoints to compare the two to 1e-9.
            std::vector<double> sorted = values;
            std::sort(sorted.begin(), sorted.end());
            for (size_t i = 1; i + 1 < c->breaks.size(); ++i) {
                const double upper = c->breaks[i];
                const double next = *std::upper_bound(sorted.begin(), sorted.end(), upper);
                c->breaks[i] = (upper + next) / 2;
            }
        }
        QString why;
        QVERIFY2(sameBreaks(c->breaks, expected, &why), qPrintable(why));
        QCOMPARE(c->counts, counts);
        QCOMPARE(c->valueCount, values.size());
        QCOMPARE(std::accumulate(c->counts.begin(), c->counts.end(), size_t(0)), values.size());
    }

    void matchesClassIntOnFewDistinctValues_data()
    {
        QTest::addColumn<std::vector<double>>("values");
        QTest::addColumn<QString>("style");
        QTest::addColumn<int>("classes");
        QTest::addColumn<std::vector<double>>("breaks");
        QTest::addColumn<std::vector<size_t>>("counts");
        for (const QJsonValue &v : reference().value(QStringLiteral("inline_cases")).toArray()) {
            const QJsonObject c = v.toObject();
            QTest::addRow("%s, %s", qPrintable(c[QStringLiteral("name")].toString()),
                          qPrintable(c[QStringLiteral("style")].toString()))
                << doubles(c[QStringLiteral("values")]) << c[QStringLiteral("style")].toString()
                << c[QStringLiteral("n")].toInt() << doubles(c[QStringLiteral("breaks")])
                << sizes(c[QStringLiteral("counts")]);
        }
    }
    void matchesClassIntOnFewDistinctValues()
    {
        QFETCH(std::vector<double>, values);
        QFETCH(QString, style);
        QFETCH(int, classes);
        QFETCH(std::vector<double>, breaks);
        QFETCH(std::vector<size_t>, counts);
        auto c = classify(values, methodForStyle(style), classes);
        QVERIFY(c.ok());
        QString why;
        QVERIFY2(sameBreaks(c->breaks, breaks, &why), qPrintable(why));
        QCOMPARE(c->counts, counts);
        QVERIFY(!c->note.isEmpty());
    }

    void prettyMatchesR_data()
    {
        QTest::addColumn<double>("lo");
        QTest::addColumn<double>("hi");
        QTest::addColumn<int>("n");
        QTest::addColumn<std::vector<double>>("breaks");
        for (const QJsonValue &v : reference().value(QStringLiteral("pretty")).toArray()) {
            const QJsonObject c = v.toObject();
            const double lo = c[QStringLiteral("lo")].toDouble(), hi = c[QStringLiteral("hi")].toDouble();
            const int n = c[QStringLiteral("n")].toInt();
            QTest::addRow("pretty(c(%g, %g), %d)", lo, hi, n)
                << lo << hi << n << doubles(c[QStringLiteral("breaks")]);
        }
    }
    void prettyMatchesR()
    {
        QFETCH(double, lo);
        QFETCH(double, hi);
        QFETCH(int, n);
        QFETCH(std::vector<double>, breaks);
        QString why;
        QVERIFY2(sameBreaks(prettyBreaks(lo, hi, n), breaks, &why), qPrintable(why));
    }

    void degenerate_data()
    {
        QTest::addColumn<std::vector<double>>("values");
        QTest::addColumn<ClassificationMethod>("method");
        QTest::addColumn<int>("classes");
        QTest::addColumn<std::vector<double>>("manual");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<std::vector<double>>("breaks");
        QTest::addColumn<std::vector<size_t>>("counts");
        using M = ClassificationMethod;
        const std::vector<double> none;
        const std::vector<size_t> noCounts;
        QTest::newRow("no values") << none << M::Quantile << 5 << none << false << none << noCounts;
        QTest::newRow("only nulls") << std::vector<double>{kNaN, kNaN} << M::EqualInterval << 5 << none
                                    << false << none << noCounts;
        QTest::newRow("only infinities")
            << std::vector<double>{kInf, -kInf} << M::Quantile << 3 << none << false << none << noCounts;
        QTest::newRow("zero classes")
            << std::vector<double>{1, 2, 3} << M::Quantile << 0 << none << false << none << noCounts;
        QTest::newRow("negative classes")
            << std::vector<double>{1, 2, 3} << M::NaturalBreaks << -2 << none << false << none << noCounts;
        QTest::newRow("too many classes")
            << std::vector<double>{1, 2, 3} << M::EqualInterval << 257 << none << false << none << noCounts;
        for (M m : {M::EqualInterval, M::Quantile, M::NaturalBreaks, M::Pretty, M::StdDev})
            QTest::addRow("all equal, %s", qPrintable(classificationMethodName(m)))
                << std::vector<double>{4, 4, kNaN, 4} << m << 5 << none << true << std::vector<double>{4, 4}
                << std::vector<size_t>{3};
        QTest::newRow("one value") << std::vector<double>{-7.5} << M::NaturalBreaks << 3 << none << true
                                   << std::vector<double>{-7.5, -7.5} << std::vector<size_t>{1};
        QTest::newRow("one class") << std::vector<double>{3, 1, 2} << M::NaturalBreaks << 1 << none << true
                                   << std::vector<double>{1, 3} << std::vector<size_t>{3};
        QTest::newRow("nulls and infinities ignored")
            << std::vector<double>{kNaN, 0, 10, kInf, 5, -kInf} << M::EqualInterval << 2 << none << true
            << std::vector<double>{0, 5, 10} << std::vector<size_t>{2, 1};
        // Equal intervals depend on the range only: empty classes are fine (classInt would switch styles).
        QTest::newRow("equal, fewer distinct values than classes")
            << std::vector<double>{0, 0, 4} << M::EqualInterval << 4 << none << true
            << std::vector<double>{0, 1, 2, 3, 4} << std::vector<size_t>{2, 0, 0, 1};
        QTest::newRow("quantile, fewer distinct values than classes")
            << std::vector<double>{0, 0, 4} << M::Quantile << 4 << none << true
            << std::vector<double>{-2, 2, 6} << std::vector<size_t>{2, 1};
        // Repeated quantiles give an empty class, exactly as R's quantile() does.
        QTest::newRow("quantile, ties")
            << std::vector<double>{0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5} << M::Quantile << 4 << none << true
            << std::vector<double>{0, 0, 0, 2.25, 5} << std::vector<size_t>{7, 0, 2, 3};
        QTest::newRow("jenks keeps equal values together")
            << std::vector<double>{1, 1, 1, 2, 2, 9, 9, 10} << M::NaturalBreaks << 2 << none << true
            << std::vector<double>{1, 2, 10} << std::vector<size_t>{5, 3};
        QTest::newRow("manual") << std::vector<double>{-1, 0, 1, 5, 10, 11} << M::Manual << 0
                                << std::vector<double>{0, 5, 10} << true << std::vector<double>{0, 5, 10}
                                << std::vector<size_t>{3, 1};
        QTest::newRow("manual, one bound") << std::vector<double>{1, 2} << M::Manual << 0
                                           << std::vector<double>{1} << false << none << noCounts;
        QTest::newRow("manual, descending") << std::vector<double>{1, 2} << M::Manual << 0
                                            << std::vector<double>{0, 5, 3} << false << none << noCounts;
        QTest::newRow("manual, repeated") << std::vector<double>{1, 2} << M::Manual << 0
                                          << std::vector<double>{0, 5, 5} << false << none << noCounts;
        QTest::newRow("manual, NaN") << std::vector<double>{1, 2} << M::Manual << 0
                                     << std::vector<double>{0, kNaN, 5} << false << none << noCounts;
        QTest::newRow("pretty, one class") << std::vector<double>{17, 83} << M::Pretty << 1 << none << true
                                           << std::vector<double>{0, 50, 100} << std::vector<size_t>{1, 1};
    }
    void degenerate()
    {
        QFETCH(std::vector<double>, values);
        QFETCH(ClassificationMethod, method);
        QFETCH(int, classes);
        QFETCH(std::vector<double>, manual);
        QFETCH(bool, ok);
        QFETCH(std::vector<double>, breaks);
        QFETCH(std::vector<size_t>, counts);
        ClassifyOptions options;
        options.breaks = manual;
        auto c = classify(values, method, classes, options);
        QCOMPARE(c.ok(), ok);
        if (!ok) {
            QCOMPARE(c.error().kind, ErrorKind::Usage);
            QVERIFY(!c.error().message.isEmpty());
            return;
        }
        QString why;
        QVERIFY2(sameBreaks(c->breaks, breaks, &why), qPrintable(why));
        QCOMPARE(c->counts, counts);
        const size_t finite =
            size_t(std::count_if(values.begin(), values.end(), [](double v) { return std::isfinite(v); }));
        QCOMPARE(c->valueCount, finite);
        QCOMPARE(c->nullCount, values.size() - finite);
        QCOMPARE(std::accumulate(c->counts.begin(), c->counts.end(), size_t(0)) + c->outside, finite);
    }

    void classIndexFollowsClosure_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("index");
        QTest::newRow("lowest bound is in the first class") << 0.0 << 0;
        QTest::newRow("inside the first") << 0.5 << 0;
        QTest::newRow("upper bound belongs below") << 1.0 << 0;
        QTest::newRow("just above a bound") << std::nextafter(1.0, 2.0) << 1;
        QTest::newRow("the repeated bound") << 2.0 << 1;
        QTest::newRow("after the empty class") << 2.5 << 3;
        QTest::newRow("top") << 3.0 << 3;
        QTest::newRow("below") << -0.1 << -1;
        QTest::newRow("above") << 3.1 << -1;
        QTest::newRow("NaN") << kNaN << -1;
    }
    void classIndexFollowsClosure()
    {
        QFETCH(double, value);
        QFETCH(int, index);
        Classification c;
        c.breaks = {0, 1, 2, 2, 3}; // class 2, (2, 2], is empty
        QCOMPARE(classIndex(c, value), index);
    }

    void stdDevInterval()
    {
        const std::vector<double> values{1, 2, 3, 4, 5, 6, 7, 8, 9, 30};
        ClassifyOptions options;
        options.stdDevInterval = 0.5;
        auto c = classify(values, ClassificationMethod::StdDev, 5, options);
        QVERIFY(c.ok());
        const double step = 0.5 * c->stddev;
        QVERIFY(c->breaks.front() <= 1 && c->breaks.back() >= 30);
        QVERIFY(c->breaks.front() > 1 - step && c->breaks.back() < 30 + step);
        bool meanIsABound = false;
        for (size_t i = 0; i < c->breaks.size(); ++i) {
            const double k = (c->breaks[i] - c->mean) / step;
            QVERIFY2(std::fabs(k - std::round(k)) < 1e-9, qPrintable(QString::number(k)));
            meanIsABound |= std::fabs(k) < 1e-9;
        }
        QVERIFY(meanIsABound);
        QCOMPARE(std::accumulate(c->counts.begin(), c->counts.end(), size_t(0)), values.size());
    }

    void methodNames()
    {
        using M = ClassificationMethod;
        for (M m : {M::EqualInterval, M::Quantile, M::NaturalBreaks, M::Pretty, M::StdDev, M::Manual})
            QCOMPARE(classificationMethodFromName(classificationMethodName(m)), std::optional<M>(m));
        QCOMPARE(classificationMethodName(M::NaturalBreaks), QStringLiteral("jenks"));
        QCOMPARE(classificationMethodFromName(QStringLiteral("Fisher")), std::optional<M>(M::NaturalBreaks));
        QCOMPARE(classificationMethodFromName(QStringLiteral("kmeans")), std::nullopt);
    }

    /// Above 10,000 distinct values Jenks runs on a sample drawn with a fixed seed: the same input must give
    /// the same breaks, in any order, and the breaks must still be about as good as the exact ones.
    void sampledJenksIsDeterministic()
    {
        std::mt19937_64 rng(7);
        std::vector<double> values(100000);
        for (double &v : values) // a skewed distribution, as populations and incomes are
            v = std::exp(8.0 * double(rng() >> 11) / double(1ull << 53));
        auto a = classify(values, ClassificationMethod::NaturalBreaks, 5);
        auto b = classify(values, ClassificationMethod::NaturalBreaks, 5);
        std::shuffle(values.begin(), values.end(), rng);
        auto shuffled = classify(values, ClassificationMethod::NaturalBreaks, 5);
        QVERIFY(a.ok() && b.ok() && shuffled.ok());
        QCOMPARE(a->breaks, b->breaks);
        QCOMPARE(a->breaks, shuffled->breaks);
        QCOMPARE(a->counts, shuffled->counts);
        QCOMPARE(a->classCount(), 5);
        QVERIFY(a->note.contains(QLatin1String("sample")));
        QCOMPARE(a->breaks.front(), *std::min_element(values.begin(), values.end()));
        QCOMPARE(a->breaks.back(), *std::max_element(values.begin(), values.end()));
        QCOMPARE(std::accumulate(a->counts.begin(), a->counts.end(), size_t(0)), values.size());

        ClassifyOptions otherSeed;
        otherSeed.jenksSeed = 99;
        auto other = classify(values, ClassificationMethod::NaturalBreaks, 5, otherSeed);
        QVERIFY(other.ok());
        QCOMPARE(other->classCount(), 5);

        // Quality: on 20,000 values the sampled breaks explain nearly as much variance as the exact ones.
        values.resize(20000);
        ClassifyOptions exact;
        exact.jenksMaxValues = values.size();
        auto sampled = classify(values, ClassificationMethod::NaturalBreaks, 5);
        auto best = classify(values, ClassificationMethod::NaturalBreaks, 5, exact);
        QVERIFY(sampled.ok() && best.ok());
        QVERIFY(!sampled->note.isEmpty());
        QVERIFY(best->note.isEmpty());
        const double mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
        double total = 0;
        for (double v : values)
            total += (v - mean) * (v - mean);
        const double gvfBest = 1 - withinSsd(values, *best) / total;
        const double gvfSampled = 1 - withinSsd(values, *sampled) / total;
        QVERIFY2(gvfSampled <= gvfBest + 1e-12,
                 qPrintable(QStringLiteral("%1 > %2").arg(gvfSampled).arg(gvfBest)));
        QVERIFY2(gvfSampled > gvfBest - 0.002,
                 qPrintable(QStringLiteral("%1 vs %2").arg(gvfSampled).arg(gvfBest)));
    }
};

QTEST_GUILESS_MAIN(TestClassification)
#include "test_classification.moc"
