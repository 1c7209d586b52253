// SPDX-License-Identifier: GPL-3.0-or-later
// Thin road segments as a city seen whole produces them: ThinLineRasterizer against QPainter::drawLines.
//
//   bench_thin_lines [REPS] [SEGMENTS] [--only kw|qt] [--save PREFIX]
//
// A seeded random network of short polylines (default 1.7 million segments of 1-3 px, 1.51 px wide, the
// roads of the 1M city at full extent) is drawn REPS times (default 5) into a 1038x917 image by each,
// alternating; medians, their ratio and the pixels that differ are printed. --only runs one of them (for
// perf or callgrind), --save writes PREFIX_kw.png and PREFIX_qt.png to look at.
#include "core/render/thin_line_rasterizer.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

namespace {

constexpr int kWidth = 1038, kHeight = 917;
constexpr double kPenWidth = 1.51;

std::vector<QLineF> network(size_t count)
{
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> x(0, kWidth), y(0, kHeight), angle(0, 2 * M_PI), step(1.0, 3.0);
    std::uniform_int_distribution<int> pieces(1, 6);
    std::vector<QLineF> lines;
    lines.reserve(count);
    while (lines.size() < count) {
        QPointF p(x(rng), y(rng));
        double a = angle(rng);
        for (int k = pieces(rng); k > 0 && lines.size() < count; --k) {
            a += (angle(rng) - M_PI) * 0.2;
            const double s = step(rng);
            const QPointF q = p + QPointF(std::cos(a) * s, std::sin(a) * s);
            lines.emplace_back(p, q);
            p = q;
        }
    }
    return lines;
}

QImage blank()
{
    QImage image(kWidth, kHeight, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    return image;
}

double drawKw(const std::vector<QLineF> &lines, QImage &image)
{
    QElapsedTimer t;
    t.start();
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    kw::ThinLineRasterizer r(painter);
    if (!r.isActive()) std::abort();
    for (size_t i = 0; i < lines.size(); i += 16384)
        r.add(lines.data() + i, std::min<size_t>(16384, lines.size() - i), kPenWidth, qRgb(0x44, 0x81, 0x6e));
    r.flush();
    painter.end();
    return double(t.nsecsElapsed()) / 1e6;
}

double drawQt(const std::vector<QLineF> &lines, QImage &image)
{
    QElapsedTimer t;
    t.start();
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0x44, 0x81, 0x6e), kPenWidth, Qt::SolidLine, Qt::SquareCap, Qt::BevelJoin));
    for (size_t i = 0; i < lines.size(); i += 16384)
        painter.drawLines(lines.data() + i, int(std::min<size_t>(16384, lines.size() - i)));
    painter.end();
    return double(t.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    int reps = 5;
    size_t count = 1'720'000;
    QString only, save;
    int positional = 0;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--only") && i + 1 < argc)
            only = QString::fromLatin1(argv[++i]);
        else if (!std::strcmp(argv[i], "--save") && i + 1 < argc)
            save = QString::fromLocal8Bit(argv[++i]);
        else if (positional++ == 0)
            reps = std::max(1, std::atoi(argv[i]));
        else
            count = size_t(std::max(1L, std::atol(argv[i])));
    }
    const std::vector<QLineF> lines = network(count);
    std::vector<double> kw, qt;
    QImage kwImage, qtImage;
    for (int r = 0; r < reps; ++r) {
        if (only.isEmpty() || only == QLatin1String("kw")) {
            kwImage = blank();
            kw.push_back(drawKw(lines, kwImage));
        }
        if (only.isEmpty() || only == QLatin1String("qt")) {
            qtImage = blank();
            qt.push_back(drawQt(lines, qtImage));
        }
    }
    std::printf("%zu segments, %d reps, %dx%d\n", lines.size(), reps, kWidth, kHeight);
    if (!kw.empty())
        std::printf("ThinLineRasterizer   median %8.1f ms  min %8.1f ms\n", median(kw),
                    *std::min_element(kw.begin(), kw.end()));
    if (!qt.empty())
        std::printf("QPainter::drawLines  median %8.1f ms  min %8.1f ms\n", median(qt),
                    *std::min_element(qt.begin(), qt.end()));
    if (!kw.empty() && !qt.empty()) {
        std::printf("ratio kw / Qt (medians) %.2f\n", median(kw) / median(qt));
        int differ = 0, worst = 0;
        for (int y = 0; y < kHeight; ++y) {
            const auto *a = reinterpret_cast<const QRgb *>(kwImage.constScanLine(y));
            const auto *b = reinterpret_cast<const QRgb *>(qtImage.constScanLine(y));
            for (int x = 0; x < kWidth; ++x) {
                const int d =
                    std::max({std::abs(qRed(a[x]) - qRed(b[x])), std::abs(qGreen(a[x]) - qGreen(b[x])),
                              std::abs(qBlue(a[x]) - qBlue(b[x]))});
                worst = std::max(worst, d);
                differ += d > 16;
            }
        }
        std::printf("pixels off by more than 16/255: %d of %d (%.3f %%), largest difference %d\n", differ,
                    kWidth * kHeight, 100.0 * differ / (kWidth * kHeight), worst);
    }
    if (!save.isEmpty()) {
        if (!kwImage.isNull()) kwImage.save(save + QLatin1String("_kw.png"));
        if (!qtImage.isNull()) qtImage.save(save + QLatin1String("_qt.png"));
    }
    return 0;
}
