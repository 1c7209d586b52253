// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>

namespace kw {

/// Returns an image of \a size and \a format whose bytes are all zero (transparent for the ARGB formats)
/// without writing them: large images get fresh memory mapped with transparent huge pages advised.
///
/// Why: a map-sized image (8 MB at 1920x1080, 33 MB at 3840x2160) is new memory, and touching it costs a
/// page fault per 4 KiB page. On the virtual machines we measure on one fault costs 10-15 µs, so
/// QImage(size).fill(Qt::transparent) took 30 ms at 1920x1080, and a streamed render makes several such
/// images. Huge pages make that a handful of faults; fresh anonymous memory is zero already, so no fill is
/// needed. Small images and systems without huge pages get an ordinary QImage filled with zeros. The
/// memory is released when the last copy of the image is gone. Returns a null image when out of memory.
QImage zeroedImage(const QSize &size, QImage::Format format);

} // namespace kw
