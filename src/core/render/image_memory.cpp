// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/render/image_memory.h"

#include <QPixelFormat>
#include <cstdint>
#include <limits>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace kw {

namespace {

#ifdef Q_OS_LINUX
constexpr size_t hugePage = size_t(2) << 20;
// Below this an image costs few faults, and mapping memory of its own would cost more than it saves.
constexpr size_t mappedFrom = size_t(2) << 20;

struct Mapping
{
    void *address;
    size_t length;
};

void unmap(void *info)
{
    auto *m = static_cast<Mapping *>(info);
    munmap(m->address, m->length);
    delete m;
}

/// Zeroed memory of at least \a bytes at a huge-page boundary, huge pages advised; null if mapping failed.
Mapping *mapZeroed(size_t bytes)
{
    const size_t length = (bytes + hugePage - 1) / hugePage * hugePage;
    // Map one huge page more than needed and cut off both ends, so the block starts on a boundary: an
    // unaligned block could only use huge pages for the part between its first and last boundary.
    void *raw = mmap(nullptr, length + hugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) return nullptr;
    const auto start = reinterpret_cast<uintptr_t>(raw);
    const uintptr_t aligned = (start + hugePage - 1) / hugePage * hugePage;
    if (aligned > start) munmap(raw, aligned - start);
    if (const size_t tail = start + length + hugePage - (aligned + length); tail > 0)
        munmap(reinterpret_cast<void *>(aligned + length), tail);
    // Advice only: where huge pages are off ("never") this changes nothing and 4 KiB pages are used.
    madvise(reinterpret_cast<void *>(aligned), length, MADV_HUGEPAGE);
    return new Mapping{reinterpret_cast<void *>(aligned), length};
}
#endif

} // namespace

QImage zeroedImage(const QSize &size, QImage::Format format)
{
    if (size.isEmpty() || format == QImage::Format_Invalid) return QImage();
#ifdef Q_OS_LINUX
    const int depth = QImage::toPixelFormat(format).bitsPerPixel();
    // QImage's own row alignment: 32 bits.
    const qsizetype bytesPerLine = (qsizetype(size.width()) * depth + 31) / 32 * 4;
    const size_t bytes = size_t(bytesPerLine) * size_t(size.height());
    if (depth > 0 && bytes >= mappedFrom && bytesPerLine <= std::numeric_limits<int>::max()) {
        if (Mapping *m = mapZeroed(bytes)) {
            QImage image(static_cast<uchar *>(m->address), size.width(), size.height(), bytesPerLine, format,
                         unmap, m);
            if (!image.isNull()) return image;
            unmap(m);
        }
    }
#endif
    QImage image(size, format);
    if (!image.isNull()) image.fill(0);
    return image;
}

} // namespace kw
