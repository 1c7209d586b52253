#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Compare two renderings and optionally write small copies for the README.

Usage: compare_images.py A.png B.png [--thumbs WIDTH OUT_A.png OUT_B.png]

Prints the share of pixels that differ clearly (any channel by more than 48 of 255), the mean absolute
difference per channel, and the share of differing pixels inside 8x8 blocks (a coarse view that
ignores antialiasing seams). Uses PyQt5 from python3-qgis; no display needed.
"""
import sys

import numpy as np
from PyQt5.QtCore import Qt
from PyQt5.QtGui import QImage


def pixels(path):
    img = QImage(path)
    if img.isNull():
        raise SystemExit(f"compare_images.py: cannot read {path}")
    img = img.convertToFormat(QImage.Format_RGB32)
    ptr = img.constBits()
    ptr.setsize(img.sizeInBytes())
    arr = np.frombuffer(ptr, dtype=np.uint8).reshape(img.height(), img.bytesPerLine() // 4, 4)
    return img, arr[:, :img.width(), :3].astype(np.int16)


def thumb(img, width, out):
    small = img.scaledToWidth(width, Qt.SmoothTransformation).convertToFormat(QImage.Format_RGB32)
    # An 8-bit palette keeps the files small enough for the repository. Qt's own palette (a colour cube)
    # shifts the hues, so build one from the image: the 256 most frequent colours, after merging
    # colours that differ only in the lowest bits.
    ptr = small.constBits()
    ptr.setsize(small.sizeInBytes())
    px = np.frombuffer(ptr, dtype=np.uint32).reshape(small.height(), small.bytesPerLine() // 4)
    px = px[:, : small.width()].ravel()
    rgb = np.stack([(px >> 16) & 255, (px >> 8) & 255, px & 255], axis=1).astype(np.int64)
    key = (rgb[:, 0] >> 3) << 10 | (rgb[:, 1] >> 3) << 5 | (rgb[:, 2] >> 3)
    keys, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
    sums = np.zeros((len(keys), 3))
    np.add.at(sums, inverse, rgb)
    means = sums / counts[:, None]
    top = means[np.argsort(-counts, kind="stable")[:256]].round().astype(int)
    table = [0xFF000000 | int(r) << 16 | int(g) << 8 | int(b) for r, g, b in top]
    small = small.convertToFormat(QImage.Format_Indexed8, table, Qt.ThresholdDither | Qt.AvoidDither)
    if not small.save(out, "PNG", 9):
        raise SystemExit(f"compare_images.py: cannot write {out}")


def main(argv):
    if len(argv) not in (3, 7):
        print(__doc__, file=sys.stderr)
        return 1
    img_a, a = pixels(argv[1])
    img_b, b = pixels(argv[2])
    if a.shape != b.shape:
        print(f"sizes differ: {a.shape} vs {b.shape}")
        return 2
    diff = np.abs(a - b)
    clear = diff.max(axis=2) > 48
    h, w = clear.shape
    blocks = clear[: h // 8 * 8, : w // 8 * 8].reshape(h // 8, 8, w // 8, 8).mean(axis=(1, 3)) > 0.5
    print(f"differing pixels {clear.mean() * 100:.2f} %, mean abs diff {diff.mean():.2f}/255, "
          f"8x8 blocks mostly different {blocks.mean() * 100:.2f} %")
    if len(argv) == 7 and argv[3] == "--thumbs":
        width = int(argv[4])
        thumb(img_a, width, argv[5])
        thumb(img_b, width, argv[6])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
