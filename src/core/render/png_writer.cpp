// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/png_writer.h"

#include <QIODevice>
#include <QThread>

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

namespace kw {
namespace {

constexpr int dictionarySize = 32768; // deflate's window

void putU32(QByteArray &out, uint32_t v)
{
    const char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    out.append(b, 4);
}

void putChunk(QByteArray &out, const char type[4], const char *data, qsizetype size)
{
    putU32(out, uint32_t(size));
    const qsizetype start = out.size();
    out.append(type, 4);
    out.append(data, size);
    const uLong crc = crc32(0L, reinterpret_cast<const Bytef *>(out.constData() + start), uInt(size + 4));
    putU32(out, uint32_t(crc));
}

/// Runs fn(k) for k in [0, n) on up to \a threads threads (the caller takes part); plain threads, not a
/// pool, so that an export running inside a pool task (parallel atlas pages) cannot wait on itself.
template <typename Fn> void parallelFor(int n, int threads, Fn fn)
{
    threads = std::clamp(threads, 1, n);
    if (threads == 1) {
        for (int k = 0; k < n; ++k) fn(k);
        return;
    }
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (int t = 1; t < threads; ++t)
        pool.emplace_back([&, t] {
            for (int k = t; k < n; k += threads) fn(k);
        });
    for (int k = 0; k < n; k += threads) fn(k);
    for (std::thread &th : pool) th.join();
}

inline int paeth(int a, int b, int c)
{
    const int p = a + b - c;
    const int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    if (pa <= pb && pa <= pc) return a;
    return pb <= pc ? b : c;
}

/// Filters one row of \a n bytes (\a bpp per pixel) into out[0] (filter type) and out[1..n], choosing the
/// filter with the smallest sum of absolute signed bytes, as libpng's default heuristic does.
void filterRow(const uint8_t *row, const uint8_t *prev, int n, int bpp, uint8_t *out, uint8_t *scratch)
{
    // Candidates: 0 None, 1 Sub, 2 Up, 4 Paeth (Average rarely wins on maps and costs as much as Paeth).
    auto score = [](const uint8_t *p, int len) {
        uint64_t s = 0;
        for (int i = 0; i < len; ++i) s += uint64_t(std::abs(int(int8_t(p[i]))));
        return s;
    };
    uint8_t *sub = scratch, *up = scratch + n, *pa = scratch + 2 * n;
    for (int i = 0; i < bpp; ++i) sub[i] = row[i];
    for (int i = bpp; i < n; ++i) sub[i] = uint8_t(row[i] - row[i - bpp]);
    if (prev) {
        for (int i = 0; i < n; ++i) up[i] = uint8_t(row[i] - prev[i]);
        for (int i = 0; i < bpp; ++i) pa[i] = uint8_t(row[i] - prev[i]);
        for (int i = bpp; i < n; ++i) pa[i] = uint8_t(row[i] - paeth(row[i - bpp], prev[i], prev[i - bpp]));
    }
    const uint8_t *best = row;
    uint8_t type = 0;
    uint64_t bestScore = score(row, n);
    auto consider = [&](const uint8_t *cand, uint8_t t) {
        const uint64_t s = score(cand, n);
        if (s < bestScore) {
            bestScore = s;
            best = cand;
            type = t;
        }
    };
    consider(sub, 1);
    if (prev) {
        consider(up, 2);
        consider(pa, 4);
    }
    out[0] = type;
    std::memcpy(out + 1, best, size_t(n));
}

} // namespace

bool PngWriter::encodeTo(const QImage &source, const std::function<bool(const QByteArray &)> &sink) const
{
    if (source.isNull()) return false;
    // Rendered maps come premultiplied and are read as they are (no converted copy of a 33 MB 4K image);
    // other formats are converted once.
    const bool direct = source.format() == QImage::Format_ARGB32_Premultiplied ||
                        source.format() == QImage::Format_ARGB32 || source.format() == QImage::Format_RGB32;
    const QImage image = direct ? source
                                : source.convertToFormat(source.hasAlphaChannel() ? QImage::Format_ARGB32
                                                                                   : QImage::Format_RGB32);
    const bool premultiplied = image.format() == QImage::Format_ARGB32_Premultiplied;
    const int w = image.width(), h = image.height();
    // One pass over the pixels decides RGB or RGBA; maps on a background colour are opaque.
    bool opaque = image.format() == QImage::Format_RGB32;
    if (!opaque) {
        opaque = true;
        for (int y = 0; y < h && opaque; ++y) {
            const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            QRgb all = 0xff000000u;
            for (int x = 0; x < w; ++x) all &= line[x];
            opaque = qAlpha(all) == 255;
        }
    }
    const int bpp = opaque ? 3 : 4;
    const qsizetype rowBytes = qsizetype(w) * bpp;
    const qsizetype stride = rowBytes + 1;
    const int threads = m_threads > 0 ? m_threads : std::max(1, QThread::idealThreadCount());

    // Strips of whole rows, at least ~256 KiB each so the dictionary priming stays a small cost.
    const int rowsPerStrip = int(std::max<qsizetype>(16, (256 * 1024) / stride));
    const int strips = std::max(1, std::min((h + rowsPerStrip - 1) / rowsPerStrip, threads * 4));
    auto stripBegin = [&](int k) { return int(qsizetype(h) * k / strips); };
    // Rows before a strip whose filtered bytes prime its dictionary.
    const int primeRows = int(std::min<qsizetype>(h, (dictionarySize + stride - 1) / stride));

    auto unpack = [&](int y, uint8_t *dst) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < w; ++x) {
            QRgb px = line[x];
            if (premultiplied && qAlpha(px) != 255) px = qUnpremultiply(px);
            dst[0] = uint8_t(qRed(px));
            dst[1] = uint8_t(qGreen(px));
            dst[2] = uint8_t(qBlue(px));
            if (!opaque) dst[3] = uint8_t(qAlpha(px));
            dst += bpp;
        }
    };

    // Each strip filters its rows (plus the few rows before it that prime the dictionary, so strips need
    // nothing from each other) and deflates them; only the compressed strips are kept.
    std::vector<std::vector<uint8_t>> parts(static_cast<size_t>(strips));
    std::vector<uLong> adlers(static_cast<size_t>(strips));
    std::vector<int> failed(static_cast<size_t>(strips), 0);
    const int level = std::clamp(m_level, 1, 9);
    parallelFor(strips, threads, [&](int k) {
        const int y0 = stripBegin(k), y1 = stripBegin(k + 1);
        const int p0 = std::max(0, y0 - primeRows);
        std::vector<uint8_t> filtered(size_t(stride) * size_t(y1 - p0));
        std::vector<uint8_t> raw(size_t(rowBytes) * 2), scratch(size_t(rowBytes) * 3);
        uint8_t *cur = raw.data(), *prev = raw.data() + rowBytes;
        bool havePrev = p0 > 0;
        if (havePrev) unpack(p0 - 1, prev);
        for (int y = p0; y < y1; ++y) {
            unpack(y, cur);
            filterRow(cur, havePrev ? prev : nullptr, int(rowBytes), bpp,
                      filtered.data() + size_t(stride) * size_t(y - p0), scratch.data());
            std::swap(cur, prev);
            havePrev = true;
        }
        const size_t primeBytes = size_t(stride) * size_t(y0 - p0);
        const uint8_t *in = filtered.data() + primeBytes;
        const size_t len = filtered.size() - primeBytes;
        adlers[size_t(k)] = adler32(1L, in, uInt(len));
        z_stream zs{};
        if (deflateInit2(&zs, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
            failed[size_t(k)] = 1;
            return;
        }
        if (primeBytes > 0) {
            const size_t dict = std::min<size_t>(dictionarySize, primeBytes);
            deflateSetDictionary(&zs, in - dict, uInt(dict));
        }
        std::vector<uint8_t> &out = parts[size_t(k)];
        out.resize(deflateBound(&zs, uLong(len)) + 16);
        zs.next_in = const_cast<Bytef *>(in);
        zs.avail_in = uInt(len);
        zs.next_out = out.data();
        zs.avail_out = uInt(out.size());
        const int rc = deflate(&zs, k + 1 == strips ? Z_FINISH : Z_SYNC_FLUSH);
        if ((k + 1 == strips && rc != Z_STREAM_END) || (k + 1 != strips && rc != Z_OK) || zs.avail_in != 0)
            failed[size_t(k)] = 1;
        out.resize(out.size() - zs.avail_out);
        out.shrink_to_fit();
        deflateEnd(&zs);
    });
    if (std::find(failed.begin(), failed.end(), 1) != failed.end()) return false;

    uLong adler = adlers[0];
    for (int k = 1; k < strips; ++k) {
        const size_t len = size_t(stride) * size_t(stripBegin(k + 1) - stripBegin(k));
        adler = adler32_combine(adler, adlers[size_t(k)], z_off_t(len));
    }

    // Chunks go to the sink one by one, so a file is written while the compressed strips are released.
    QByteArray buf("\x89PNG\r\n\x1a\n", 8);
    QByteArray ihdr;
    putU32(ihdr, uint32_t(w));
    putU32(ihdr, uint32_t(h));
    ihdr.append(char(8));                 // bit depth
    ihdr.append(char(opaque ? 2 : 6));    // RGB or RGBA
    ihdr.append(3, char(0));              // deflate, adaptive filtering, no interlace
    putChunk(buf, "IHDR", ihdr.constData(), ihdr.size());
    if (image.dotsPerMeterX() > 0 && image.dotsPerMeterY() > 0) {
        QByteArray phys;
        putU32(phys, uint32_t(image.dotsPerMeterX()));
        putU32(phys, uint32_t(image.dotsPerMeterY()));
        phys.append(char(1)); // metre
        putChunk(buf, "pHYs", phys.constData(), phys.size());
    }
    const QStringList keys = image.textKeys();
    for (const QString &key : keys) {
        // tEXt is Latin-1; keys of 1-79 characters.
        const QByteArray k = key.left(79).toLatin1(), v = image.text(key).toLatin1();
        if (k.isEmpty()) continue;
        const QByteArray text = k + '\0' + v;
        putChunk(buf, "tEXt", text.constData(), text.size());
    }
    // One zlib stream across the IDAT chunks: header (32 KiB window; FLEVEL is informative), the strips,
    // the combined Adler-32.
    const char zhead[2] = {char(0x78), char(level <= 1 ? 0x01 : level < 6 ? 0x5e : level == 6 ? 0x9c : 0xda)};
    for (int k = 0; k < strips; ++k) {
        QByteArray body;
        body.reserve(qsizetype(parts[size_t(k)].size()) + 6);
        if (k == 0) body.append(zhead, 2);
        body.append(reinterpret_cast<const char *>(parts[size_t(k)].data()), qsizetype(parts[size_t(k)].size()));
        if (k + 1 == strips) putU32(body, uint32_t(adler));
        std::vector<uint8_t>().swap(parts[size_t(k)]);
        putChunk(buf, "IDAT", body.constData(), body.size());
        if (!sink(buf)) return false;
        buf.clear();
    }
    putChunk(buf, "IEND", nullptr, 0);
    return sink(buf);
}

QByteArray PngWriter::encode(const QImage &image) const
{
    QByteArray png;
    if (!encodeTo(image, [&](const QByteArray &bytes) {
            png += bytes;
            return true;
        }))
        return {};
    return png;
}

Status PngWriter::write(const QImage &image, QIODevice *device, const QString &what) const
{
    bool writeFailed = false;
    const bool ok = encodeTo(image, [&](const QByteArray &bytes) {
        writeFailed = device->write(bytes) != bytes.size();
        return !writeFailed;
    });
    if (writeFailed)
        return Error::output(QStringLiteral("%1: cannot write: %2").arg(what, device->errorString()));
    if (!ok) return Error::internal(QStringLiteral("%1: cannot encode the image as PNG").arg(what));
    return {};
}

} // namespace kw
