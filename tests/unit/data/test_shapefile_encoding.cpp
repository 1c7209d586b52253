// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/data/data_provider.h"
#include "core/data/gdal/gdal_provider.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

using namespace kw;

namespace {

const char *const streetUtf8 = "Größenwahn Straße";

/// Writes a one-point shapefile with GDAL's C API and the given ENCODING layer creation option.
bool writeShapefile(const QString &path, const char *encoding)
{
    gdal::initialize();
    GDALDriverH driver = GDALGetDriverByName("ESRI Shapefile");
    if (!driver)
        return false;
    GDALDatasetH ds = GDALCreate(driver, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!ds)
        return false;
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 25832);
    const QByteArray option = QByteArray("ENCODING=") + encoding;
    const char *options[] = {option.constData(), nullptr};
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "strassen", srs, wkbPoint, const_cast<char **>(options));
    OSRDestroySpatialReference(srs);
    bool ok = layer != nullptr;
    if (ok) {
        OGRFieldDefnH field = OGR_Fld_Create("name", OFTString);
        OGR_Fld_SetWidth(field, 60);
        ok = OGR_L_CreateField(layer, field, TRUE) == OGRERR_NONE;
        OGR_Fld_Destroy(field);
    }
    if (ok) {
        OGRFeatureH feature = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldString(feature, 0, streetUtf8);
        OGRGeometryH point = OGR_G_CreateGeometry(wkbPoint);
        OGR_G_SetPoint_2D(point, 0, 410000, 5477000);
        OGR_F_SetGeometryDirectly(feature, point);
        ok = OGR_L_CreateFeature(layer, feature) == OGRERR_NONE;
        OGR_F_Destroy(feature);
    }
    GDALClose(ds);
    return ok;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(bytes);
}

} // namespace

/// \brief Shapefile attributes in Windows-1252 and UTF-8 come back as the same text (GDAL recodes by the
/// .cpg).
class TestShapefileEncoding : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void umlautsSurvive_data()
    {
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<QByteArray>("cpg");      // what the .cpg then says; empty: as GDAL wrote it
        QTest::addColumn<QByteArray>("dbfBytes"); // how the value is stored in the .dbf
        QTest::newRow("CP1252") << QByteArray("CP1252") << QByteArray()
                                << QByteArray("Gr\xf6\xdf"
                                              "enwahn Stra\xdf"
                                              "e");
        QTest::newRow("CP1252, ArcGIS-style .cpg") << QByteArray("CP1252") << QByteArray("1252")
                                                   << QByteArray("Gr\xf6\xdf"
                                                                 "enwahn Stra\xdf"
                                                                 "e");
        QTest::newRow("UTF-8") << QByteArray("UTF-8") << QByteArray() << QByteArray(streetUtf8);
    }
    void umlautsSurvive()
    {
        QFETCH(QByteArray, encoding);
        QFETCH(QByteArray, cpg);
        QFETCH(QByteArray, dbfBytes);
        QTemporaryDir dir;
        const QString shp = dir.filePath(QStringLiteral("strassen.shp"));
        QVERIFY(writeShapefile(shp, encoding.constData()));
        const QString cpgPath = dir.filePath(QStringLiteral("strassen.cpg"));
        if (!cpg.isEmpty())
            writeAll(cpgPath, cpg);
        // The files really are in the encoding under test: otherwise the test proves nothing.
        QVERIFY(QFile::exists(cpgPath));
        QVERIFY(readAll(dir.filePath(QStringLiteral("strassen.dbf"))).contains(dbfBytes));

        auto store = DataProviders::loadVector(SourceUri::parse(shp), {}, {});
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
        QCOMPARE((*store)->featureCount(), size_t(1));
        QCOMPARE((*store)->attributes().text(0, 0), QString::fromUtf8(streetUtf8));
        QCOMPARE((*store)->geometry(0).xy(), (std::vector<double>{410000, 5477000}));
    }
};

QTEST_GUILESS_MAIN(TestShapefileEncoding)
#include "test_shapefile_encoding.moc"
