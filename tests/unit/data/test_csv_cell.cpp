// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/csv/csv_cell.h"
#include "core/data/csv/csv_reader.h"

#include <QDateTime>
#include <QTest>

using namespace kw;

/// \brief The hand-written CSV cell parsers and the tokeniser, value by value.
class TestCsvCell : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void numbers_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("comma"); // decimal style
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("value");
        QTest::newRow("point") << QByteArray("12.5") << false << true << 12.5;
        QTest::newRow("negative point") << QByteArray("-0.25") << false << true << -0.25;
        QTest::newRow("exponent") << QByteArray("1.5e-3") << false << true << 0.0015;
        QTest::newRow("plus sign") << QByteArray("+3") << false << true << 3.0;
        QTest::newRow("comma decimal") << QByteArray("12,5") << true << true << 12.5;
        QTest::newRow("German grouping") << QByteArray("1.234,5") << true << true << 1234.5;
        QTest::newRow("German grouping, two groups")
            << QByteArray("-1.234.567,25") << true << true << -1234567.25;
        QTest::newRow("bad grouping") << QByteArray("1.23,4") << true << false << 0.0;
        QTest::newRow("comma in point style") << QByteArray("12,5") << false << false << 0.0;
        QTest::newRow("grouping in point style") << QByteArray("1.234.567") << false << false << 0.0;
        QTest::newRow("leading zero code") << QByteArray("01067") << false << false << 0.0;
        QTest::newRow("zero") << QByteArray("0") << true << true << 0.0;
        QTest::newRow("trailing dot") << QByteArray("5.") << false << false << 0.0;
        QTest::newRow("text") << QByteArray("12 m") << false << false << 0.0;
        QTest::newRow("nan") << QByteArray("nan") << false << false << 0.0;
        QTest::newRow("empty") << QByteArray("") << false << false << 0.0;
    }
    void numbers()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, comma);
        QFETCH(bool, ok);
        QFETCH(double, value);
        double d = -1;
        const std::string_view s(text.constData(), size_t(text.size()));
        QCOMPARE(csv::parseDouble(s, comma ? csv::DecimalStyle::Comma : csv::DecimalStyle::Point, d), ok);
        if (ok)
            QCOMPARE(d, value);
    }

    void integers()
    {
        int64_t i = 0;
        QVERIFY(csv::parseInt("1.234.567", csv::DecimalStyle::Comma, i));
        QCOMPARE(i, 1234567);
        QVERIFY(csv::parseInt("-9223372036854775808", csv::DecimalStyle::Point, i));
        QCOMPARE(i, std::numeric_limits<int64_t>::min());
        QVERIFY(!csv::parseInt("9223372036854775808", csv::DecimalStyle::Point, i)); // overflows
        QVERIFY(!csv::parseInt("1,5", csv::DecimalStyle::Comma, i));
        QVERIFY(!csv::parseInt("1.234", csv::DecimalStyle::Point, i));
    }

    void temporal_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QDateTime>("expected");
        const auto utc = [](int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
        };
        const int date = int(csv::Temporal::Date), dateTime = int(csv::Temporal::DateTime);
        const int none = int(csv::Temporal::None);
        QTest::newRow("ISO date") << QByteArray("2018-12-24") << date << utc(2018, 12, 24);
        QTest::newRow("ISO local time is UTC")
            << QByteArray("2018-12-24T00:01:32") << dateTime << utc(2018, 12, 24, 0, 1, 32);
        QTest::newRow("ISO Z") << QByteArray("2018-12-24T00:01:32Z") << dateTime
                               << utc(2018, 12, 24, 0, 1, 32);
        QTest::newRow("ISO offset") << QByteArray("2018-12-24T13:45:00+01:00") << dateTime
                                    << utc(2018, 12, 24, 12, 45);
        QTest::newRow("ISO offset without colon")
            << QByteArray("2018-12-24T13:45:00-0230") << dateTime << utc(2018, 12, 24, 16, 15);
        QTest::newRow("ISO fraction, space")
            << QByteArray("2018-12-24 13:45:00.250") << dateTime << utc(2018, 12, 24, 13, 45, 0, 250);
        QTest::newRow("ISO minutes only")
            << QByteArray("2018-12-24T13:45") << dateTime << utc(2018, 12, 24, 13, 45);
        QTest::newRow("German date") << QByteArray("24.12.2018") << date << utc(2018, 12, 24);
        QTest::newRow("German short date") << QByteArray("1.7.2019") << date << utc(2019, 7, 1);
        QTest::newRow("German date-time")
            << QByteArray("24.12.2018 13:45") << dateTime << utc(2018, 12, 24, 13, 45);
        QTest::newRow("German with seconds")
            << QByteArray("24.12.2018 9:05:07") << dateTime << utc(2018, 12, 24, 9, 5, 7);
        QTest::newRow("leap day") << QByteArray("29.02.2020") << date << utc(2020, 2, 29);
        QTest::newRow("no leap day") << QByteArray("29.02.2019") << none << QDateTime();
        QTest::newRow("month 13") << QByteArray("2018-13-01") << none << QDateTime();
        QTest::newRow("hour 24") << QByteArray("2018-12-24T24:00") << none << QDateTime();
        QTest::newRow("grouped number") << QByteArray("1.234.567") << none << QDateTime();
        QTest::newRow("trailing text") << QByteArray("2018-12-24 Uhr") << none << QDateTime();
    }
    void temporal()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, kind);
        QFETCH(QDateTime, expected);
        int64_t ms = 0;
        QCOMPARE(int(csv::parseTemporal(std::string_view(text.constData(), size_t(text.size())), ms)), kind);
        if (kind != int(csv::Temporal::None))
            QCOMPARE(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC), expected);
    }

    void booleans()
    {
        QCOMPARE(csv::parseBool("Ja"), std::optional<bool>(true));
        QCOMPARE(csv::parseBool("NEIN"), std::optional<bool>(false));
        QCOMPARE(csv::parseBool("true"), std::optional<bool>(true));
        QCOMPARE(csv::parseBool("FALSCH"), std::optional<bool>(false));
        QCOMPARE(csv::parseBool("1"), std::optional<bool>());
        QCOMPARE(csv::parseBool("no"), std::optional<bool>());
    }

    void tokeniser()
    {
        const QByteArray text("a;\"b;\"\"c\"\"\"\r\n\"x\ny\";\n\nlast;\"unterminated");
        CsvReader reader(text.constData(), text.size(), ';');
        std::vector<std::string_view> f;
        QVERIFY(reader.next(f));
        QCOMPARE(f.size(), size_t(2));
        QCOMPARE(f[0], std::string_view("a"));
        QCOMPARE(f[1], std::string_view("b;\"c\""));
        QVERIFY(reader.next(f));
        QCOMPARE(f.size(), size_t(2));
        QCOMPARE(f[0], std::string_view("x\ny"));
        QCOMPARE(f[1], std::string_view(""));
        QVERIFY(reader.next(f)); // the empty line
        QCOMPARE(f.size(), size_t(1));
        QVERIFY(reader.next(f));
        QCOMPARE(f[1], std::string_view("unterminated"));
        QVERIFY(!reader.next(f));
    }

    void separatorDetection()
    {
        const auto detect = [](const char *s) { return CsvReader::detectSeparator(s, qsizetype(strlen(s))); };
        QCOMPARE(detect("a;b;c\n1;2,5;3\n"), ';');
        QCOMPARE(detect("a,b\n\"x;y\",2\n"), ',');
        QCOMPARE(detect("a\tb\n1\t2\n"), '\t');
        QCOMPARE(detect("a|b\n1|2\n"), '|');
        QCOMPARE(detect("name\nvalue\n"), ';'); // one column
    }
};

QTEST_GUILESS_MAIN(TestCsvCell)
#include "test_csv_cell.moc"
