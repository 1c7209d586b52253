// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/label_engine.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTest>

using namespace kw;

namespace {

LabelFeature feature(const QString &text, const QFont &font, std::initializer_list<QPointF> origins, double angle = 0)
{
    LabelFeature f;
    f.text = text;
    const QRectF box = LabelEngine::textBox(text, font);
    for (const QPointF &o : origins)
        f.candidates.push_back({o, angle, box});
    return f;
}

LayerLabels layer(int priority, int order)
{
    LayerLabels l;
    l.settings.priority = priority;
    l.settings.haloWidth = 0;
    l.font = QFont(QStringLiteral("DejaVu Sans"));
    l.font.setPixelSize(12);
    l.layerOrder = order;
    return l;
}

} // namespace

/// \brief Greedy label placement: no overlaps, priorities, fallback candidates, map bounds.
class TestLabelEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void overlappingLabelIsDropped()
    {
        LayerLabels l = layer(5, 0);
        l.features.push_back(feature(QStringLiteral("Kaiserslautern"), l.font, {QPointF(50, 50)}));
        l.features.push_back(feature(QStringLiteral("Kaiserslautern"), l.font, {QPointF(55, 52)}));
        std::vector<LayerLabels> layers{l};
        QImage img(300, 200, QImage::Format_ARGB32_Premultiplied);
        img.fill(Qt::white);
        QPainter p(&img);
        const LabelEngine::Stats s = LabelEngine().run(layers, p, img.size());
        QCOMPARE(s.placed, 1);
        QCOMPARE(s.dropped, 1);
    }

    void secondCandidateIsUsed()
    {
        LayerLabels l = layer(5, 0);
        l.features.push_back(feature(QStringLiteral("Lauter"), l.font, {QPointF(50, 50)}));
        l.features.push_back(feature(QStringLiteral("Lauter"), l.font, {QPointF(52, 50), QPointF(50, 120)}));
        std::vector<LayerLabels> layers{l};
        QImage img(300, 200, QImage::Format_ARGB32_Premultiplied);
        img.fill(Qt::white);
        QPainter p(&img);
        const LabelEngine::Stats s = LabelEngine().run(layers, p, img.size());
        p.end();
        QCOMPARE(s.placed, 2);
        // Ink below y = 100 proves the fallback position was taken.
        bool inkBelow = false;
        for (int y = 100; y < 130 && !inkBelow; ++y)
            for (int x = 45; x < 120; ++x)
                if (qGray(img.pixel(x, y)) < 128)
                    inkBelow = true;
        QVERIFY(inkBelow);
    }

    void higherPriorityWins()
    {
        LayerLabels low = layer(2, 1);   // upper layer, but low priority
        LayerLabels high = layer(9, 0);
        low.features.push_back(feature(QStringLiteral("Niedrig"), low.font, {QPointF(40, 60)}));
        high.features.push_back(feature(QStringLiteral("Hoch"), high.font, {QPointF(42, 62)}));
        std::vector<LayerLabels> layers{low, high};
        QImage img(200, 100, QImage::Format_ARGB32_Premultiplied);
        QPainter p(&img);
        const LabelEngine::Stats s = LabelEngine().run(layers, p, img.size());
        QCOMPARE(s.placed, 1);
        QCOMPARE(s.dropped, 1);
    }

    void labelsLeavingTheMapAreDropped()
    {
        LayerLabels l = layer(5, 0);
        l.features.push_back(feature(QStringLiteral("Rand"), l.font, {QPointF(190, 50)}));
        std::vector<LayerLabels> layers{l};
        QImage img(200, 100, QImage::Format_ARGB32_Premultiplied);
        QPainter p(&img);
        QCOMPARE(LabelEngine().run(layers, p, img.size()).dropped, 1);
    }

    void rotatedLabelsCollideByTheirShape()
    {
        // Two diagonal labels whose bounding boxes overlap but whose rotated rectangles do not.
        LayerLabels l = layer(5, 0);
        l.features.push_back(feature(QStringLiteral("Straße"), l.font, {QPointF(20, 80)}, 45));
        l.features.push_back(feature(QStringLiteral("Straße"), l.font, {QPointF(60, 80)}, 45));
        std::vector<LayerLabels> layers{l};
        QImage img(200, 120, QImage::Format_ARGB32_Premultiplied);
        QPainter p(&img);
        QCOMPARE(LabelEngine().run(layers, p, img.size()).placed, 2);
    }
};

QTEST_MAIN(TestLabelEngine)
#include "test_label_engine.moc"
