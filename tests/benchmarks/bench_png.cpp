// SPDX-License-Identifier: GPL-3.0-or-later
// PNG encoding of a rendered map: Qt's writer (libpng, zlib level 6, one thread) against PngWriter.
//
//   bench_png MAP.png [REPS]
//
// MAP.png is any rendered map (e.g. from kartenwerk-cli render at 3840x2160); it is decoded once and
// encoded REPS times (default 5) by each writer, alternating; medians and sizes are printed.
#include "core/render/png_writer.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_png MAP.png [REPS]\n");
        return 1;
    }
    QImage image(QString::fromLocal8Bit(argv[1]));
    if (image.isNull()) {
        std::fprintf(stderr, "bench_png: cannot read %s\n", argv[1]);
        return 2;
    }
    // As a render job hands it over.
    image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    const int reps = argc > 2 ? std::max(1, atoi(argv[2])) : 5;
    std::vector<double> qt, ours;
    qsizetype qtSize = 0, ourSize = 0;
    for (int r = 0; r < reps; ++r) {
        QElapsedTimer t;
        t.start();
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        qt.push_back(t.nsecsElapsed() / 1e6);
        qtSize = bytes.size();
        t.restart();
        ourSize = kw::PngWriter().encode(image).size();
        ours.push_back(t.nsecsElapsed() / 1e6);
    }
    std::sort(qt.begin(), qt.end());
    std::sort(ours.begin(), ours.end());
    const double q = qt[qt.size() / 2], o = ours[ours.size() / 2];
    std::printf("%dx%d: Qt %.0f ms, %lld bytes; PngWriter %.0f ms, %lld bytes; time ratio %.2f, size ratio %.2f\n",
                image.width(), image.height(), q, static_cast<long long>(qtSize), o, static_cast<long long>(ourSize),
                o / q, double(ourSize) / double(qtSize));
    return 0;
}
