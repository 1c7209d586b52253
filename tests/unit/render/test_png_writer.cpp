// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/png_writer.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QTest>

#include <zlib.h>

using namespace kw;

/// \brief PngWriter output decodes to the same pixels, is one valid zlib stream, and keeps metadata.
class TestPngWriter : public QObject
{
    Q_OBJECT

    // A map-like picture: flat fills, antialiased strokes, noise in one corner (so every filter type wins
    // somewhere), and optionally transparency.
    static QImage picture(int w, int h, bool transparent)
    {
        QImage image(w, h, QImage::Format_ARGB32_Premultiplied);
        image.fill(transparent ? Qt::transparent : QColor(Qt::white));
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(68, 129, 110), 1.5));
        p.setBrush(QColor(252, 141, 98, transparent ? 160 : 255));
        for (int k = 0; k < 60; ++k)
            p.drawEllipse(QPointF((k * 37) % qMax(1, w), (k * 53) % qMax(1, h)), 3 + k % 11, 2 + k % 7);
        p.end();
        QRandomGenerator rng(7);
        for (int y = 0; y < h / 4; ++y)
            for (int x = 0; x < w / 4; ++x) image.setPixel(x, y, qPremultiply(rng.generate() | 0xff000000u));
        return image;
    }

    // Concatenated IDAT payload, checked to inflate (with its Adler-32) to exactly \a expectedBytes.
    static bool inflatesTo(const QByteArray &png, qsizetype expectedBytes)
    {
        QByteArray z;
        qsizetype pos = 8;
        while (pos + 8 <= png.size()) {
            const auto *u = reinterpret_cast<const uchar *>(png.constData() + pos);
            const qsizetype len = (qsizetype(u[0]) << 24) | (u[1] << 16) | (u[2] << 8) | u[3];
            if (png.mid(pos + 4, 4) == "IDAT") z += png.mid(pos + 8, len);
            pos += 12 + len;
        }
        QByteArray raw(expectedBytes + 100, '\0');
        uLongf rawLen = uLongf(raw.size());
        const int rc = uncompress(reinterpret_cast<Bytef *>(raw.data()), &rawLen,
                                  reinterpret_cast<const Bytef *>(z.constData()), uLong(z.size()));
        return rc == Z_OK && qsizetype(rawLen) == expectedBytes;
    }

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<int>("w");
        QTest::addColumn<int>("h");
        QTest::addColumn<bool>("transparent");
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("level");
        QTest::newRow("1x1") << 1 << 1 << false << 0 << 3;
        QTest::newRow("opaque many strips") << 1920 << 1080 << false << 4 << 3;
        QTest::newRow("opaque one thread") << 640 << 480 << false << 1 << 6;
        QTest::newRow("transparent odd size") << 333 << 777 << true << 3 << 1;
        QTest::newRow("tall narrow") << 3 << 5000 << true << 2 << 9;
    }
    void roundTrip()
    {
        QFETCH(int, w);
        QFETCH(int, h);
        QFETCH(bool, transparent);
        QFETCH(int, threads);
        QFETCH(int, level);
        const QImage image = picture(w, h, transparent);
        PngWriter writer;
        writer.setThreads(threads);
        writer.setCompressionLevel(level);
        const QByteArray png = writer.encode(image);
        QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
        QVERIFY(png.endsWith(QByteArray("IEND\xae\x42\x60\x82", 8)));
        QImage decoded;
        QVERIFY(decoded.loadFromData(png, "PNG"));
        QCOMPARE(decoded.size(), image.size());
        // Opaque maps become RGB, transparent ones RGBA.
        QCOMPARE(decoded.hasAlphaChannel(), transparent);
        // Exact for opaque pixels; premultiplied → straight alpha rounds, so compare premultiplied.
        const QImage a = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        const QImage b = decoded.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        int worst = 0;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
                worst = std::max({worst, std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                                  std::abs(qBlue(p) - qBlue(q)), std::abs(qAlpha(p) - qAlpha(q))});
            }
        QVERIFY2(worst <= (transparent ? 1 : 0), qPrintable(QString::number(worst)));
        QVERIFY(inflatesTo(png, qsizetype(h) * (1 + qsizetype(w) * (transparent ? 4 : 3))));
    }

    void metadata()
    {
        QImage image = picture(200, 100, false);
        image.setDotsPerMeterX(11811); // 300 dpi
        image.setDotsPerMeterY(11811);
        image.setText(QStringLiteral("Software"), QStringLiteral("Kartenwerk"));
        QImage decoded;
        QVERIFY(decoded.loadFromData(PngWriter().encode(image), "PNG"));
        QCOMPARE(decoded.dotsPerMeterX(), 11811);
        QCOMPARE(decoded.text(QStringLiteral("Software")), QStringLiteral("Kartenwerk"));
    }

    void smallerThanUncompressedAndNearQt()
    {
        const QImage image = picture(1200, 800, false);
        const QByteArray ours = PngWriter().encode(image);
        QByteArray qt;
        QBuffer buffer(&qt);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "PNG"));
        // Noise in a sixteenth of the picture dominates both; ours must stay within 25 % of libpng's size.
        QVERIFY2(ours.size() < qt.size() * 5 / 4,
                 qPrintable(QStringLiteral("ours %1, Qt %2 bytes").arg(ours.size()).arg(qt.size())));
    }

    void nullImage() { QVERIFY(PngWriter().encode(QImage()).isEmpty()); }
};

QTEST_GUILESS_MAIN(TestPngWriter)
#include "test_png_writer.moc"
