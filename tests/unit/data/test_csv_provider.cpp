// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/csv/csv_provider.h"
#include "core/data/data_provider.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace kw;

namespace {

std::shared_ptr<FeatureStore> load(const QString &source, const Crs &target = {})
{
    LoadOptions options;
    options.targetCrs = target;
    auto store = DataProviders::loadVector(SourceUri::parse(source), {}, options);
    if (!store.ok())
        qWarning("%s", qPrintable(store.error().message));
    return store.ok() ? *store : nullptr;
}

/// The row whose \a field equals \a value, or -1.
int rowOf(const FeatureStore &store, const QString &field, const QVariant &value)
{
    const int col = store.attributes().fieldIndex(field);
    for (size_t r = 0; r < store.featureCount(); ++r)
        if (store.attributes().value(r, col) == value)
            return int(r);
    return -1;
}

QVariant cell(const FeatureStore &store, size_t row, const QString &field)
{
    return store.attributes().value(row, store.attributes().fieldIndex(field));
}

const Field *fieldNamed(const Fields &fields, const QString &name)
{
    for (const Field &f : fields)
        if (f.name == name)
            return &f;
    return nullptr;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
    return path;
}

} // namespace

/// \brief CsvProvider on real sensor and station files and on small synthetic files for each CSV quirk.
class TestCsvProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void handlesDelimitedTextFilesBeforeGdal()
    {
        const CsvProvider csv;
        QVERIFY(csv.handles(SourceUri::parse(QStringLiteral("/data/a.csv"))));
        QVERIFY(csv.handles(SourceUri::parse(QStringLiteral("/data/a.TSV"))));
        QVERIFY(csv.handles(SourceUri::parse(QStringLiteral("C:/Daten/Bäume.Txt|crs=EPSG:25832"))));
        QVERIFY(!csv.handles(SourceUri::parse(QStringLiteral("/data/a.shp"))));
        QVERIFY(!csv.handles(SourceUri::parse(QStringLiteral("/vsizip/a.zip/a.csv"))));
        QVERIFY(!csv.handles(SourceUri::parse(QStringLiteral("PG:dbname=x"))));
        QCOMPARE(DataProviders::forUri(SourceUri::parse(QStringLiteral("/data/a.csv"))).id(),
                 QStringLiteral("csv"));
        QCOMPARE(DataProviders::forUri(SourceUri::parse(QStringLiteral("/data/a.gpkg"))).id(),
                 QStringLiteral("gdal"));
    }

    void sensorCommunityArchive()
    {
        // ';'-separated with decimal points, empty columns and ISO timestamps without offset.
        const QString path = test::sharedData(QStringLiteral("sensors/2018-12-24_sds011_sensor_15092.csv"));
        auto info = DataProviders::inspect(SourceUri::parse(path));
        QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : info.error().message));
        QCOMPARE(info->driver, QStringLiteral("CSV"));
        QCOMPARE(info->layers.size(), 1);
        const LayerInfo &layer = info->layers.first();
        QCOMPARE(layer.name, QStringLiteral("2018-12-24_sds011_sensor_15092"));
        QCOMPARE(layer.featureCount, 513);
        QCOMPARE(layer.geometryType, GeometryType::Point);
        QCOMPARE(layer.crs.authId(), QStringLiteral("EPSG:4326"));
        QCOMPARE(layer.fields.size(), 12);
        QCOMPARE(fieldNamed(layer.fields, QStringLiteral("sensor_id"))->type, FieldType::Int);
        QCOMPARE(fieldNamed(layer.fields, QStringLiteral("timestamp"))->type, FieldType::DateTime);
        QCOMPARE(fieldNamed(layer.fields, QStringLiteral("P1"))->type, FieldType::Double);
        QCOMPARE(fieldNamed(layer.fields, QStringLiteral("P1"))->sourceType, QStringLiteral("CSV Real"));
        QCOMPARE(fieldNamed(layer.fields, QStringLiteral("durP1"))->type, FieldType::String); // always empty
        QCOMPARE(fieldNamed(layer.fields, QStringLiteral("lat"))->type, FieldType::Double);
        QCOMPARE(layer.extent, Envelope(-2.211, 56.963, -2.211, 56.963));

        const auto store = load(path);
        QVERIFY(store);
        QCOMPARE(store->featureCount(), size_t(513));
        QCOMPARE(store->report().empty, size_t(0));
        // First data row: 15092;SDS011;7647;56.963;-2.211;2018-12-24T00:02:33;2.63;;;1.90;;
        QCOMPARE(cell(*store, 0, QStringLiteral("timestamp")).toDateTime(),
                 QDateTime(QDate(2018, 12, 24), QTime(0, 2, 33), Qt::UTC));
        QCOMPARE(cell(*store, 0, QStringLiteral("P1")).toDouble(), 2.63);
        QCOMPARE(cell(*store, 0, QStringLiteral("P2")).toDouble(), 1.90);
        QCOMPARE(cell(*store, 0, QStringLiteral("sensor_type")).toString(), QStringLiteral("SDS011"));
        QVERIFY(store->attributes().isNull(0, store->attributes().fieldIndex(QStringLiteral("durP1"))));
        // File line 100: ...;2018-12-24T04:39:52;0.20;;;0.20;;
        const int row = rowOf(*store, QStringLiteral("timestamp"),
                              QDateTime(QDate(2018, 12, 24), QTime(4, 39, 52), Qt::UTC));
        QCOMPARE(row, 98);
        QCOMPARE(cell(*store, 98, QStringLiteral("P1")).toDouble(), 0.20);
        // Last line: ...;2018-12-24T23:58:28;4.67;;;2.97;;
        QCOMPARE(cell(*store, 512, QStringLiteral("timestamp")).toDateTime().toString(Qt::ISODate),
                 QStringLiteral("2018-12-24T23:58:28Z"));
        const Geometry g = store->geometry(0);
        QCOMPARE(g.type(), GeometryType::Point);
        QCOMPARE(g.xy(), (std::vector<double>{-2.211, 56.963}));
    }

    void airQualityStations()
    {
        // ','-separated UTF-8 with umlauts, quoted names with commas, station_longitude_deg/…latitude_deg.
        const QString path = test::sharedData(QStringLiteral("air/no2_germany_rural_background.csv"));
        auto info = DataProviders::inspect(SourceUri::parse(path));
        QVERIFY(info.ok());
        const LayerInfo &layer = info->layers.first();
        QCOMPARE(layer.featureCount, 74);
        QCOMPARE(layer.geometryType, GeometryType::Point);
        QCOMPARE(layer.crs.authId(), QStringLiteral("EPSG:4326"));
        QCOMPARE(fieldNamed(layer.fields, QStringLiteral("station_start_date"))->type, FieldType::Date);
        QCOMPARE(fieldNamed(layer.fields, QStringLiteral("NO2"))->type, FieldType::Double);

        const auto store = load(path);
        QVERIFY(store);
        QCOMPARE(store->featureCount(), size_t(74));
        QCOMPARE(store->extent(), layer.extent);
        // DETH026,...,Dreißigacker,1991-07-01,...,10.3753,50.561752,450,DREIßIGACKER,160665050,,"Meiningen,
        // Stadt",no,8.995248039863394
        const int row = rowOf(*store, QStringLiteral("station_name"), QStringLiteral("Dreißigacker"));
        QCOMPARE(row, 16);
        QCOMPARE(cell(*store, row, QStringLiteral("station_european_code")).toString(),
                 QStringLiteral("DETH026"));
        QCOMPARE(cell(*store, row, QStringLiteral("station_city")).toString(),
                 QStringLiteral("DREIßIGACKER"));
        QCOMPARE(cell(*store, row, QStringLiteral("lau_level2_name")).toString(),
                 QStringLiteral("Meiningen, Stadt"));
        QCOMPARE(cell(*store, row, QStringLiteral("station_start_date")).toDate(), QDate(1991, 7, 1));
        QCOMPARE(cell(*store, row, QStringLiteral("NO2")).toDouble(), 8.995248039863394);
        QCOMPARE(store->geometry(row).xy(), (std::vector<double>{10.3753, 50.561752}));
        QVERIFY(rowOf(*store, QStringLiteral("station_name"), QStringLiteral("Fürth/Odenwald")) >= 0);

        // echo "50.561752 10.3753" | cs2cs -f %.4f EPSG:4326 EPSG:25832  ->  597408.7061 5601994.8621
        const auto utm = load(path, Crs::etrs89Utm32());
        QVERIFY(utm);
        QCOMPARE(utm->sourceCrs().authId(), QStringLiteral("EPSG:4326"));
        const std::vector<double> xy = utm->geometry(16).xy();
        QVERIFY(std::abs(xy[0] - 597408.7061) < 1e-3);
        QVERIFY(std::abs(xy[1] - 5601994.8621) < 1e-3);
    }

    void windows1252WithDecimalCommas()
    {
        const QString path = test::testData(QStringLiteral("csv/cp1252_semicolon.csv"));
        auto info = DataProviders::inspect(SourceUri::parse(path));
        QVERIFY(info.ok());
        const Fields &fields = info->layers.first().fields;
        QCOMPARE(fields.first().name, QStringLiteral("Straße"));
        QCOMPARE(fieldNamed(fields, QStringLiteral("PLZ"))->type,
                 FieldType::String); // "01067" keeps its zero
        QCOMPARE(fieldNamed(fields, QStringLiteral("Einwohner"))->type, FieldType::Int);
        QCOMPARE(fieldNamed(fields, QStringLiteral("Fläche_km2"))->type, FieldType::Double);
        QCOMPARE(fieldNamed(fields, QStringLiteral("Anteil"))->type, FieldType::Double);
        QCOMPARE(fieldNamed(fields, QStringLiteral("Stand"))->type, FieldType::Date);
        QCOMPARE(fieldNamed(fields, QStringLiteral("geprüft"))->type, FieldType::Bool);
        QCOMPARE(fieldNamed(fields, QStringLiteral("Kosten"))->type, FieldType::String);
        QCOMPARE(info->layers.first().geometryType, GeometryType::Unknown);
        QVERIFY(info->layers.first().extent.isNull());

        const auto store = load(path);
        QVERIFY(store);
        QCOMPARE(store->featureCount(), size_t(3));
        QCOMPARE(cell(*store, 0, QStringLiteral("Straße")).toString(), QStringLiteral("Königstraße"));
        QCOMPARE(cell(*store, 1, QStringLiteral("Straße")).toString(), QStringLiteral("Grünewaldweg"));
        QCOMPARE(cell(*store, 2, QStringLiteral("Straße")).toString(), QStringLiteral("Übergasse"));
        QCOMPARE(cell(*store, 1, QStringLiteral("PLZ")).toString(), QStringLiteral("01067"));
        QCOMPARE(cell(*store, 0, QStringLiteral("Einwohner")).toLongLong(), 12345);
        QCOMPARE(cell(*store, 1, QStringLiteral("Einwohner")).toLongLong(), 523);
        QCOMPARE(cell(*store, 2, QStringLiteral("Einwohner")).toLongLong(), 1234567);
        QCOMPARE(cell(*store, 0, QStringLiteral("Fläche_km2")).toDouble(), 1.5);
        QCOMPARE(cell(*store, 2, QStringLiteral("Fläche_km2")).toDouble(), 1234.5);
        QCOMPARE(cell(*store, 0, QStringLiteral("Anteil")).toDouble(), -0.25);
        QCOMPARE(cell(*store, 2, QStringLiteral("Anteil")).toDouble(), 3.0);
        QCOMPARE(cell(*store, 0, QStringLiteral("Stand")).toDate(), QDate(2018, 12, 24));
        QCOMPARE(cell(*store, 0, QStringLiteral("geprüft")).toBool(), true);
        QCOMPARE(cell(*store, 1, QStringLiteral("geprüft")).toBool(), false);
        QCOMPARE(cell(*store, 0, QStringLiteral("Kosten")).toString(), QStringLiteral("1.234,56 €"));
        QVERIFY(!cell(*store, 2, QStringLiteral("Kosten")).isValid());
    }

    void utf8WithBom()
    {
        const auto store = load(test::testData(QStringLiteral("csv/utf8_bom.csv")));
        QVERIFY(store);
        QCOMPARE(store->fields().first().name, QStringLiteral("name")); // no U+FEFF in front
        QCOMPARE(store->featureCount(), size_t(3));
        QCOMPARE(cell(*store, 0, QStringLiteral("name")).toString(), QStringLiteral("München Marienplatz"));
        QCOMPARE(cell(*store, 1, QStringLiteral("name")).toString(), QStringLiteral("Köln Dom"));
        QCOMPARE(store->crs().authId(), QStringLiteral("EPSG:4326"));
        QCOMPARE(store->geometry(1).xy(), (std::vector<double>{6.9583, 50.9413}));
        // Düsseldorf has no coordinates: kept, without geometry.
        QCOMPARE(store->geometryType(2), GeometryType::Unknown);
        QCOMPARE(store->report().empty, size_t(1));
        QCOMPARE(cell(*store, 2, QStringLiteral("wert")).toDouble(), 3.0);
    }

    void wktPolygons()
    {
        const QString path = test::testData(QStringLiteral("csv/wkt_polygons.csv"));
        auto info = DataProviders::inspect(SourceUri::parse(path));
        QVERIFY(info.ok());
        const LayerInfo &layer = info->layers.first();
        QCOMPARE(layer.geometryType, GeometryType::MultiPolygon); // Polygon + MultiPolygon
        QCOMPARE(layer.extent, Envelope(0, 0, 50, 10));
        QVERIFY(!layer.crs.isValid());
        QVERIFY(layer.warnings.join(QLatin1Char('\n')).contains(QStringLiteral("CRS unknown")));

        const auto store = load(path);
        QVERIFY(store);
        QCOMPARE(store->featureCount(), size_t(4));
        QCOMPARE(store->geometryType(0), GeometryType::Polygon);
        QCOMPARE(store->geometry(0).vertexCount(), 5);
        QCOMPARE(store->geometryType(1), GeometryType::MultiPolygon);
        QCOMPARE(store->geometry(1).partCount(), 2);
        QCOMPARE(store->geometryType(2), GeometryType::Unknown); // broken WKT
        QCOMPARE(store->geometryType(3), GeometryType::Unknown); // empty cell
        QCOMPARE(store->report().invalid, size_t(1));
        QCOMPARE(store->report().empty, size_t(2));
        QCOMPARE(cell(*store, 1, QStringLiteral("name")).toString(), QStringLiteral("Block B"));
        QVERIFY(cell(*store, 0, QStringLiteral("wkt")).toString().startsWith(QStringLiteral("POLYGON")));

        const auto projected = load(path + QStringLiteral("|crs=EPSG:25832"));
        QVERIFY(projected);
        QCOMPARE(projected->crs().authId(), QStringLiteral("EPSG:25832"));
    }

    void quotedFields()
    {
        const auto store = load(test::testData(QStringLiteral("csv/quoted.csv")));
        QVERIFY(store);
        QCOMPARE(store->featureCount(), size_t(4));
        QCOMPARE(store->fields().size(), 3);
        QCOMPARE(cell(*store, 0, QStringLiteral("text")).toString(), QStringLiteral("Hauptstraße 1; 2. OG"));
        QCOMPARE(cell(*store, 1, QStringLiteral("text")).toString(),
                 QStringLiteral("Zeile eins\r\nZeile zwei"));
        QCOMPARE(cell(*store, 2, QStringLiteral("text")).toString(), QStringLiteral("Er sagte \"Hallo\""));
        QVERIFY(!cell(*store, 3, QStringLiteral("text")).isValid());
        QCOMPARE(store->fields()[2].type, FieldType::Double);
        QCOMPARE(cell(*store, 0, QStringLiteral("wert")).toDouble(), 1.5);
        QCOMPARE(cell(*store, 1, QStringLiteral("wert")).toDouble(), 2.0);
        QCOMPARE(cell(*store, 2, QStringLiteral("wert")).toDouble(), 3.25);
        QCOMPARE(cell(*store, 3, QStringLiteral("id")).toLongLong(), 4);
    }

    void raggedRows()
    {
        const QString path = test::testData(QStringLiteral("csv/ragged.csv"));
        const auto store = load(path);
        QVERIFY(store);
        QCOMPARE(store->featureCount(), size_t(4)); // the blank line is skipped
        QCOMPARE(store->fields().size(), 3);
        QVERIFY(!cell(*store, 1, QStringLiteral("c")).isValid());       // "4;5"
        QCOMPARE(cell(*store, 2, QStringLiteral("c")).toLongLong(), 8); // "6;7;8;9": the 9 is dropped
        QCOMPARE(cell(*store, 3, QStringLiteral("a")).toLongLong(), 10);
        const QString warnings = store->warnings().join(QLatin1Char('\n'));
        QVERIFY2(warnings.contains(QStringLiteral("1 row(s) have more cells than the header")),
                 qPrintable(warnings));
        QVERIFY(warnings.contains(path));
    }

    void xyWithCrsOverrideReprojected()
    {
        const QString path = test::testData(QStringLiteral("csv/xy_utm32.csv"));
        auto unknown = DataProviders::inspect(SourceUri::parse(path));
        QVERIFY(unknown.ok());
        QCOMPARE(unknown->layers.first().geometryType, GeometryType::Point);
        QVERIFY(!unknown->layers.first().crs.isValid()); // never guessed from the values
        QVERIFY(
            unknown->layers.first().warnings.join(QLatin1Char('\n')).contains(QStringLiteral("CRS unknown")));

        auto info = DataProviders::inspect(SourceUri::parse(path + QStringLiteral("|crs=EPSG:25832")));
        QVERIFY(info.ok());
        QCOMPARE(info->layers.first().crs.authId(), QStringLiteral("EPSG:25832"));
        QCOMPARE(info->layers.first().extent, Envelope(410000, 5477000, 412345.5, 5480000.25));

        const auto store = load(path + QStringLiteral("|crs=EPSG:25832"), Crs::wgs84());
        QVERIFY(store);
        QCOMPARE(store->crs().authId(), QStringLiteral("EPSG:4326"));
        QCOMPARE(store->sourceCrs().authId(), QStringLiteral("EPSG:25832"));
        QCOMPARE(store->featureCount(), size_t(3));
        // echo "410000 5477000" | cs2cs -f %.8f EPSG:25832 EPSG:4326      ->  49.43900014  7.75856374
        // echo "412345.5 5480000.25" | cs2cs -f %.8f EPSG:25832 EPSG:4326 ->  49.46632383  7.79024534
        // (cs2cs prints latitude first; the store keeps x = longitude.)
        const std::vector<double> a = store->geometry(0).xy();
        const std::vector<double> b = store->geometry(1).xy();
        QVERIFY(std::abs(a[0] - 7.75856374) < 1e-8 && std::abs(a[1] - 49.43900014) < 1e-8);
        QVERIFY(std::abs(b[0] - 7.79024534) < 1e-8 && std::abs(b[1] - 49.46632383) < 1e-8);
        QCOMPARE(store->geometryType(2), GeometryType::Unknown);
        QCOMPARE(cell(*store, 1, QStringLiteral("Rechtswert")).toDouble(), 412345.5); // still an attribute
    }

    void sidecarPrj()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("punkte.csv"), "x;y\n410000;5477000\n");
        writeFile(dir, QStringLiteral("punkte.prj"), Crs::etrs89Utm32().wkt().toUtf8());
        auto info = DataProviders::inspect(SourceUri::parse(path));
        QVERIFY(info.ok());
        QCOMPARE(info->layers.first().crs, Crs::etrs89Utm32());
    }

    void ewktSridGivesTheCrs()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("ewkt.csv"),
                                       "id;geom\n"
                                       "1;\"SRID=25832;POINT(410000 5477000)\"\n"
                                       "2;\"SRID=25832;POINT(410010 5477010)\"\n");
        auto info = DataProviders::inspect(SourceUri::parse(path));
        QVERIFY(info.ok());
        QCOMPARE(info->layers.first().crs.authId(), QStringLiteral("EPSG:25832"));
        QCOMPARE(info->layers.first().geometryType, GeometryType::Point);
        QCOMPARE(info->layers.first().extent, Envelope(410000, 5477000, 410010, 5477010));
    }

    void streetLengthAndWidthAreNoCoordinates()
    {
        // "Länge" and "Breite" also name a street's length and width: out-of-range values are not lon/lat.
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, QStringLiteral("strassen.csv"), "Name;Länge;Breite\nA;1234,5;7,5\n");
        auto info = DataProviders::inspect(SourceUri::parse(path));
        QVERIFY(info.ok());
        QCOMPARE(info->layers.first().geometryType, GeometryType::Unknown);
        QVERIFY(!info->layers.first().crs.isValid());
        const QString warnings = info->layers.first().warnings.join(QLatin1Char('\n'));
        QVERIFY(warnings.contains(QStringLiteral("not used as coordinates")));
    }

    void errorsNameTheFile_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("problem");
        QTest::newRow("missing") << test::testData(QStringLiteral("csv/does_not_exist.csv"))
                                 << QStringLiteral("no such file");
        QTest::newRow("empty") << test::testData(QStringLiteral("csv/empty.csv"))
                               << QStringLiteral("empty file");
        QTest::newRow("binary") << test::testData(QStringLiteral("csv/binary.csv"))
                                << QStringLiteral("binary");
        QDir(m_tmp.path()).mkdir(QStringLiteral("ordner.csv"));
        QTest::newRow("directory") << m_tmp.filePath(QStringLiteral("ordner.csv"))
                                   << QStringLiteral("directory");
        QTest::newRow("blank lines only") << writeFile(m_tmp, QStringLiteral("blank.csv"), " \r\n;;\n\n")
                                          << QStringLiteral("no header row");
    }
    void errorsNameTheFile()
    {
        QFETCH(QString, path);
        QFETCH(QString, problem);
        auto info = DataProviders::inspect(SourceUri::parse(path));
        QVERIFY(!info.ok());
        QCOMPARE(info.error().kind, ErrorKind::Input);
        QVERIFY2(info.error().message.contains(path) && info.error().message.contains(problem),
                 qPrintable(info.error().message));
        auto store = DataProviders::loadVector(SourceUri::parse(path), {}, {});
        QVERIFY(!store.ok());
        QCOMPARE(store.error().kind, ErrorKind::Input);
        QVERIFY(store.error().message.contains(path));
    }

    void randomInputNeverCrashes()
    {
        // Byte soup from the characters that steer the reader: quotes, separators, line ends, digits, a
        // Windows-1252 umlaut, a broken UTF-8 lead byte. Every outcome is a store or an input error.
        const char alphabet[] = {';', ',', '\t', '|', '"', '"', '\n',   '\r',   'a', 'x', '1', '2',
                                 '.', ',', '-',  ' ', 'T', ':', '\xe4', '\xc3', 'P', 'O', '(', ')'};
        QRandomGenerator random(4711);
        for (int i = 0; i < 300; ++i) {
            QByteArray bytes;
            const int size = random.bounded(1, 200);
            for (int k = 0; k < size; ++k)
                bytes += alphabet[random.bounded(int(sizeof alphabet))];
            const QString path = writeFile(m_tmp, QStringLiteral("random%1.csv").arg(i), bytes);
            auto info = DataProviders::inspect(SourceUri::parse(path));
            auto store = DataProviders::loadVector(SourceUri::parse(path), {}, {});
            QCOMPARE(info.ok(), store.ok());
            if (store.ok())
                QCOMPARE(qint64((*store)->featureCount()), info->layers.first().featureCount);
            else
                QCOMPARE(store.error().kind, ErrorKind::Input);
        }
    }

    void badCrsOverrideIsAnError()
    {
        const QString path = test::testData(QStringLiteral("csv/xy_utm32.csv"));
        auto info = DataProviders::inspect(SourceUri::parse(path + QStringLiteral("|crs=EPSG:999999")));
        QVERIFY(!info.ok());
        QVERIFY(info.error().message.contains(path));
    }

    void fieldSelectionAndCancel()
    {
        const QString path = test::sharedData(QStringLiteral("sensors/2018-12-24_sds011_sensor_15092.csv"));
        LoadOptions options;
        options.allFields = false;
        options.fields = QStringList{QStringLiteral("P1")};
        auto store = DataProviders::loadVector(SourceUri::parse(path), {}, options);
        QVERIFY(store.ok());
        QCOMPARE((*store)->fields().size(), 1);
        QCOMPARE((*store)->attributes().number(0, 0), 2.63);
        QCOMPARE((*store)->geometryType(0), GeometryType::Point);

        LoadOptions cancelling;
        cancelling.progress = [](double) { return false; };
        auto cancelled = DataProviders::loadVector(SourceUri::parse(path), {}, cancelling);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().kind, ErrorKind::Cancelled);

        auto wrongLayer = DataProviders::loadVector(SourceUri::parse(path), QStringLiteral("other"), {});
        QVERIFY(!wrongLayer.ok());
    }

    void separatorsAndHeaders_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<double>("value"); // of the second column in the first row
        QTest::newRow("tab") << QByteArray("a\tb\n1\t2,5\n") << QStringLiteral("tsv") << QStringList{"a", "b"}
                             << 2.5;
        QTest::newRow("pipe") << QByteArray("a|b\n1|2.5\n") << QStringLiteral("txt") << QStringList{"a", "b"}
                              << 2.5;
        QTest::newRow("comma, decimal point") << QByteArray("a,b,c\n1,2.5,x\n2,3,y\n")
                                              << QStringLiteral("csv") << QStringList{"a", "b", "c"} << 2.5;
        // Decimal commas in every row do not fool the detection: the header has no comma.
        QTest::newRow("semicolon with decimal commas")
            << QByteArray("a;b\n1,5;2,5\n2,5;3,5\n") << QStringLiteral("csv") << QStringList{"a", "b"} << 2.5;
        QTest::newRow("Excel sep= line")
            << QByteArray("sep=,\r\na,b\r\n1,2\r\n") << QStringLiteral("csv") << QStringList{"a", "b"} << 2.0;
        QTest::newRow("nameless, duplicate and trailing columns")
            << QByteArray("id;;id;\n1;7;3;\n") << QStringLiteral("csv")
            << QStringList{"id", "field_2", "id_2"} << 7.0;
        QTest::newRow("UTF-16 (Excel Unicode text)") << QByteArray("\xFF\xFE"
                                                                   "a\0\t\0b\0\n\0"
                                                                   "1\0\t\0"
                                                                   "4\0,\0"
                                                                   "5\0\n\0",
                                                                   22)
                                                     << QStringLiteral("txt") << QStringList{"a", "b"} << 4.5;
    }
    void separatorsAndHeaders()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, suffix);
        QFETCH(QStringList, names);
        QFETCH(double, value);
        QTemporaryDir dir;
        const auto store = load(writeFile(dir, QStringLiteral("t.") + suffix, content));
        QVERIFY(store);
        QStringList actual;
        for (const Field &f : store->fields())
            actual << f.name;
        QCOMPARE(actual, names);
        QCOMPARE(store->attributes().number(0, 1), value);
    }

    void decimalStyleAndTypes_data()
    {
        QTest::addColumn<QByteArray>("column"); // values after the header "v", one a line, ';'-separated file
        QTest::addColumn<int>("type");
        QTest::addColumn<QVariant>("first");
        QTest::newRow("comma decimals")
            << QByteArray("12,5\n-0,25\n1.234,5") << int(FieldType::Double) << QVariant(12.5);
        QTest::newRow("grouped integers")
            << QByteArray("1.234\n523\n12.345") << int(FieldType::Int) << QVariant(qlonglong(1234));
        QTest::newRow("decimal points in a ; file")
            << QByteArray("56.963\n56.964") << int(FieldType::Double) << QVariant(56.963);
        QTest::newRow("points that cannot group")
            << QByteArray("1.234\n2.63") << int(FieldType::Double) << QVariant(1.234);
        QTest::newRow("mixed styles are text")
            << QByteArray("2.63\n2,5") << int(FieldType::String) << QVariant(QStringLiteral("2.63"));
        QTest::newRow("leading zeros are text")
            << QByteArray("01067\n70173") << int(FieldType::String) << QVariant(QStringLiteral("01067"));
        QTest::newRow("ISO with offset")
            << QByteArray("2018-12-24T01:00:00+01:00\n2018-12-24T00:00:00Z") << int(FieldType::DateTime)
            << QVariant(QDateTime(QDate(2018, 12, 24), QTime(0, 0), Qt::UTC));
        QTest::newRow("German date-time")
            << QByteArray("24.12.2018 13:45\n25.12.2018 08:00:30") << int(FieldType::DateTime)
            << QVariant(QDateTime(QDate(2018, 12, 24), QTime(13, 45), Qt::UTC));
        QTest::newRow("date and date-time")
            << QByteArray("2018-12-24\n2018-12-24 10:00") << int(FieldType::DateTime)
            << QVariant(QDateTime(QDate(2018, 12, 24), QTime(0, 0), Qt::UTC));
        QTest::newRow("bool") << QByteArray("Ja\nnein\n\nJA") << int(FieldType::Bool) << QVariant(true);
        QTest::newRow("only empty cells") << QByteArray("\"\"\n ") << int(FieldType::String) << QVariant();
        QTest::newRow("int64") << QByteArray("9007199254740993") << int(FieldType::Int)
                               << QVariant(qlonglong(9007199254740993LL));
    }
    void decimalStyleAndTypes()
    {
        QFETCH(QByteArray, column);
        QFETCH(int, type);
        QFETCH(QVariant, first);
        QTemporaryDir dir;
        QByteArray content = "id;v\n";
        int id = 0;
        for (const QByteArray &line : column.split('\n'))
            content += QByteArray::number(++id) + ';' + line + '\n';
        const auto store = load(writeFile(dir, QStringLiteral("t.csv"), content));
        QVERIFY(store);
        QCOMPARE(int(store->fields()[1].type), type);
        QCOMPARE(store->attributes().value(0, 1), first);
    }

private:
    QTemporaryDir m_tmp;
};

QTEST_GUILESS_MAIN(TestCsvProvider)
#include "test_csv_provider.moc"
