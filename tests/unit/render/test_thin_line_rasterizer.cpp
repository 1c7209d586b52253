// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/thin_line_rasterizer.h"

#include <QImage>
#include <QPainter>
#include <QPicture>
#include <QRandomGenerator>
#include <QTest>
#include <cmath>
#include <vector>

using namespace kw;

/// \brief ThinLineRasterizer draws what QPainter::drawLines draws, in order, and steps aside where it cannot.
class TestThinLineRasterizer : public QObject
{
    Q_OBJECT

    static QImage blank(int w = 300, int h = 200)
    {
        QImage image(w, h, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        return image;
    }

    static void drawOurs(QImage &image, const std::vector<QLineF> &lines, double width, QRgb color)
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        ThinLineRasterizer r(p);
        QVERIFY(r.isActive());
        r.add(lines.data(), lines.size(), width, color);
        r.flush();
    }

    static void drawQt(QImage &image, const std::vector<QLineF> &lines, double width, QRgb color)
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(color), width, Qt::SolidLine, Qt::SquareCap, Qt::BevelJoin));
        p.drawLines(lines.data(), int(lines.size()));
    }

    static int channelDiff(QRgb a, QRgb b)
    {
        return std::max(
            {std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)), std::abs(qBlue(a) - qBlue(b))});
    }

    // Darkness summed over the image: how much ink was laid down.
    static double ink(const QImage &image)
    {
        double sum = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                sum += 255 - qGreen(image.pixel(x, y));
        return sum;
    }

private Q_SLOTS:
    void matchesQPainter_data()
    {
        QTest::addColumn<double>("width");
        QTest::newRow("1.2 px") << 1.2;
        QTest::newRow("1.51 px (0.4 mm at 96 dpi)") << 1.51;
        QTest::newRow("2.4 px") << 2.4;
    }

    void matchesQPainter()
    {
        QFETCH(double, width);
        // Short pieces at every angle, as a road network seen whole, plus long ones crossing many tiles.
        std::vector<QLineF> lines;
        QRandomGenerator rng(11);
        for (int k = 0; k < 400; ++k) {
            const QPointF a(rng.bounded(280.0) + 10, rng.bounded(180.0) + 10);
            const double angle = rng.bounded(2 * M_PI), len = 0.5 + rng.bounded(4.0);
            lines.emplace_back(a, a + QPointF(std::cos(angle) * len, std::sin(angle) * len));
        }
        lines.emplace_back(QPointF(3.3, 7.7), QPointF(296.1, 190.2));
        lines.emplace_back(QPointF(150.5, 2.25), QPointF(150.5, 197.5)); // vertical
        lines.emplace_back(QPointF(0, 100.5), QPointF(295, 100.5));      // horizontal
        QImage ours = blank(), qt = blank();
        drawOurs(ours, lines, width, qRgb(0, 0, 0));
        drawQt(qt, lines, width, qRgb(0, 0, 0));

        int off = 0, inked = 0;
        for (int y = 0; y < ours.height(); ++y)
            for (int x = 0; x < ours.width(); ++x) {
                off += channelDiff(ours.pixel(x, y), qt.pixel(x, y)) > 32;
                inked += qt.pixel(x, y) != qRgb(255, 255, 255);
            }
        QVERIFY2(inked > 3000, qPrintable(QString::number(inked)));
        // Both compute area coverage; they differ at the caps of segments shorter than a pixel and by
        // rounding.
        QVERIFY2(
            off < inked / 50,
            qPrintable(QStringLiteral("%1 of %2 inked pixels differ by more than 32").arg(off).arg(inked)));
        const double inkOurs = ink(ours), inkQt = ink(qt);
        QVERIFY2(std::abs(inkOurs - inkQt) < 0.03 * inkQt,
                 qPrintable(QStringLiteral("ink %1 vs %2").arg(inkOurs).arg(inkQt)));

        // An axis-parallel edge is exact: the horizontal line covers rows 100 - w/2 .. 100 + w/2 + 1.
        const double top = 100.5 - width / 2;
        const int row = int(std::floor(top));
        const double expected = 255 * (1 - (top - row)); // share of the pixel row covered
        QCOMPARE_LE(std::abs(qGreen(ours.pixel(2, row)) - (255 - int(std::lround(expected)))), 1);
    }

    void keepsOrderAcrossTiles()
    {
        // A long red line added first, then a short blue one across it, then a long green one across both:
        // every pixel must show the last colour drawn there, however the segments were sorted into tiles.
        QImage image = blank();
        {
            QPainter p(&image);
            p.setRenderHint(QPainter::Antialiasing);
            ThinLineRasterizer r(p);
            QVERIFY(r.isActive());
            const QLineF red(QPointF(0, 50.5), QPointF(300, 50.5));
            const QLineF blue(QPointF(100.5, 40), QPointF(100.5, 60));
            const QLineF green(QPointF(100.5, 0), QPointF(100.5, 200));
            r.add(&red, 1, 3, qRgb(255, 0, 0));
            r.add(&blue, 1, 3, qRgb(0, 0, 255));
            r.add(&green, 1, 3, qRgb(0, 255, 0));
            const QLineF red2(QPointF(200.5, 0), QPointF(200.5, 200));
            r.add(&red2, 1, 3, qRgb(255, 0, 0));
            r.flush();
        }
        QCOMPARE(image.pixel(100, 50), qRgb(0, 255, 0));
        QCOMPARE(image.pixel(100, 45), qRgb(0, 255, 0));
        QCOMPARE(image.pixel(30, 50), qRgb(255, 0, 0));
        QCOMPARE(image.pixel(200, 50), qRgb(255, 0, 0)); // red2 over red: same colour, drawn last
        QCOMPARE(image.pixel(250, 150), qRgb(255, 255, 255));
    }

    void drawsToTheImageEdges()
    {
        // Segments running off every edge: the pixels at the edge are drawn (the last columns of a row
        // take the one-pixel path), nothing outside is touched, and nothing crashes.
        QImage image = blank(37, 29); // not a multiple of the tile or vector sizes
        drawOurs(image, {QLineF(-50, 14.5, 100, 14.5), QLineF(18.5, -1e9, 18.5, 1e9), QLineF(0, 0, 37, 29)},
                 1, qRgb(0, 0, 0));
        QCOMPARE(image.pixel(0, 14), qRgb(0, 0, 0));
        QCOMPARE(image.pixel(36, 14), qRgb(0, 0, 0));
        QCOMPARE(image.pixel(18, 0), qRgb(0, 0, 0));
        QCOMPARE(image.pixel(18, 28), qRgb(0, 0, 0));
        QVERIFY(qRed(image.pixel(36, 28)) < 200);
        QCOMPARE(image.pixel(36, 0), qRgb(255, 255, 255));
    }

    void dotsMatchFillRect()
    {
        // A building smaller than a pixel is a 1x1 dot; Qt's antialiased fillRect spreads it over up to four
        // pixels by area, and so must the rasterizer, at any sub-pixel position.
        const QPointF centres[] = {{10.5, 10.5}, {10.3, 10.7}, {10, 10}, {10.25, 10.9}, {0.2, 19.9}};
        for (const QPointF &c : centres) {
            QImage qt = blank(20, 20), ours = blank(20, 20);
            {
                QPainter p(&qt);
                p.setRenderHint(QPainter::Antialiasing);
                p.fillRect(QRectF(c.x() - 0.5, c.y() - 0.5, 1, 1), QColor(20, 40, 60));
            }
            {
                QPainter p(&ours);
                p.setRenderHint(QPainter::Antialiasing);
                ThinLineRasterizer r(p);
                r.addDot(c, 1.0, qRgb(20, 40, 60));
                r.flush();
            }
            int worst = 0;
            for (int y = 0; y < 20; ++y)
                for (int x = 0; x < 20; ++x)
                    worst = std::max(worst, channelDiff(qt.pixel(x, y), ours.pixel(x, y)));
            QVERIFY2(worst <= 2,
                     qPrintable(QStringLiteral("dot at %1,%2: off by %3").arg(c.x()).arg(c.y()).arg(worst)));
            QVERIFY(ink(ours) > 0);
        }
    }

    void dotsAndSegmentsKeepTheirOrder()
    {
        // Enough of both to be sorted into tiles: a dot added after a segment covers it, and vice versa.
        QImage image = blank();
        {
            QPainter p(&image);
            p.setRenderHint(QPainter::Antialiasing);
            ThinLineRasterizer r(p);
            std::vector<QLineF> filler(3000, QLineF(250, 150, 260, 150));
            r.add(filler.data(), filler.size(), 1, qRgb(0, 0, 0));
            const QLineF red(QPointF(0, 50.5), QPointF(300, 50.5));
            r.add(&red, 1, 3, qRgb(255, 0, 0));
            r.addDot(QPointF(100.5, 50.5), 1, qRgb(0, 0, 255));
            r.addDot(QPointF(120.5, 80.5), 1, qRgb(0, 0, 255));
            const QLineF green(QPointF(120.5, 70), QPointF(120.5, 90));
            r.add(&green, 1, 3, qRgb(0, 255, 0));
            r.flush();
        }
        QCOMPARE(image.pixel(100, 50), qRgb(0, 0, 255));
        QCOMPARE(image.pixel(101, 50), qRgb(255, 0, 0));
        QCOMPARE(image.pixel(120, 80), qRgb(0, 255, 0));
    }

    void ignoresNonFiniteSegments()
    {
        QImage image = blank(40, 40);
        const double nan = std::nan("");
        drawOurs(image, {QLineF(nan, 1, 10, 10), QLineF(1, 1, INFINITY, 10)}, 2, qRgb(0, 0, 0));
        QCOMPARE(ink(image), 0.0);
    }

    void followsScaleAndTranslation()
    {
        QImage image = blank(100, 100);
        {
            QPainter p(&image);
            p.setRenderHint(QPainter::Antialiasing);
            p.translate(10, 20);
            p.scale(2, 2);
            ThinLineRasterizer r(p);
            QVERIFY(r.isActive());
            const QLineF l(QPointF(0, 10.25), QPointF(30, 10.25)); // device y = 40.5, 2 px wide
            r.add(&l, 1, 1, qRgb(0, 0, 0));
            r.flush();
        }
        QCOMPARE(image.pixel(30, 40), qRgb(0, 0, 0));
        QCOMPARE(image.pixel(5, 40), qRgb(255, 255, 255));
        QCOMPARE(image.pixel(30, 37), qRgb(255, 255, 255));
    }

    void stepsAsideWhereItCannotDraw()
    {
        QImage image = blank(50, 50);
        {
            QPainter p(&image);
            QVERIFY(!ThinLineRasterizer(p).isActive()); // not antialiased
            p.setRenderHint(QPainter::Antialiasing);
            QVERIFY(ThinLineRasterizer(p).isActive());
            p.setOpacity(0.5);
            QVERIFY(!ThinLineRasterizer(p).isActive());
            p.setOpacity(1);
            p.setClipRect(5, 5, 10, 10);
            QVERIFY(!ThinLineRasterizer(p).isActive());
            p.setClipping(false);
            p.rotate(10);
            QVERIFY(!ThinLineRasterizer(p).isActive());
            p.resetTransform();
            p.setCompositionMode(QPainter::CompositionMode_Multiply);
            QVERIFY(!ThinLineRasterizer(p).isActive());
        }
        QImage indexed(20, 20, QImage::Format_RGB888);
        QPainter p888(&indexed);
        p888.setRenderHint(QPainter::Antialiasing);
        QVERIFY(!ThinLineRasterizer(p888).isActive());
        p888.end();
        QPicture picture;
        QPainter pp(&picture);
        pp.setRenderHint(QPainter::Antialiasing);
        QVERIFY(!ThinLineRasterizer(pp).isActive());
    }
};

QTEST_GUILESS_MAIN(TestThinLineRasterizer)
#include "test_thin_line_rasterizer.moc"
