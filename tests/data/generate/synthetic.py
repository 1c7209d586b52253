#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the synthetic inputs of the render tests (plain Python, no numpy or GDAL bindings needed).

Vector inputs are GeoJSON in EPSG:25832 laid out on a 400 x 300 m grid at 400000, 5400000, so that a
400 x 300 pixel map of that extent has exactly 1 m per pixel and pixel (px, py) is map point
(400000 + px, 5400300 - py): the render cases probe pixels at positions that follow from this.
Raster inputs are written as AAIGrid / PPM text for gdal_translate (see make_render_data.sh).
"""
import json
import math
import os
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "."
X0, Y1 = 400000.0, 5400300.0
CRS_25832 = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}}


def xy(px, py):
    """Map coordinates of pixel position (px, py) on the 1 m grid."""
    return [X0 + px, Y1 - py]


def write_geojson(name, features):
    doc = {"type": "FeatureCollection", "name": os.path.splitext(name)[0], "crs": CRS_25832,
           "features": features}
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


def feature(geometry, **props):
    return {"type": "Feature", "properties": props, "geometry": geometry}


def rect(x0, y0, x1, y1, clockwise=False):
    """A closed ring of pixel rectangle corners, in map coordinates."""
    ring = [xy(x0, y0), xy(x1, y0), xy(x1, y1), xy(x0, y1), xy(x0, y0)]
    return ring[::-1] if clockwise else ring


# Marker shapes: one file per shape (a layer has one symbol), five points in a row, rows 44 px apart.
SHAPES = ["circle", "square", "triangle", "diamond", "cross", "star"]
for row, shape in enumerate(SHAPES):
    py = 40.5 + 44 * row
    write_geojson("markers_%s.geojson" % shape,
                  [feature({"type": "Point", "coordinates": xy(60.5 + 70 * i, py)}, id=i) for i in range(5)])

# Lines: horizontal, at pixel-row centres, from x = 50 to 350 px.
for name, py in [("line_mm", 60.5), ("line_px", 120.5), ("line_dashed", 180.5), ("line_mapunits", 240.5)]:
    write_geojson(name + ".geojson",
                  [feature({"type": "LineString", "coordinates": [xy(50, py), xy(200, py), xy(350, py)]})])

# Polygons: a polygon with two holes (one wound like the shell, one the other way round, so that a
# switch from odd-even to winding fill would show), an island polygon inside the first hole, and a
# multipolygon whose first part has a hole.
write_geojson("polygons_holes.geojson", [
    feature({"type": "Polygon", "coordinates": [
        rect(40, 40, 240, 260),
        rect(70, 70, 130, 130),                  # same winding as the shell
        rect(150, 160, 210, 230, clockwise=True),  # opposite winding
    ]}, name="shell with holes"),
    feature({"type": "Polygon", "coordinates": [rect(90, 90, 110, 110)]}, name="island in hole"),
    feature({"type": "MultiPolygon", "coordinates": [
        [rect(270, 40, 370, 130), rect(300, 70, 340, 100, clockwise=True)],
        [rect(270, 170, 370, 260)],
    ]}, name="multipolygon"),
])

# DEM: 160 x 120 cells of 25 m near Kaiserslautern (upper left 408000, 5477000, EPSG:25832): a tilted
# plane with two Gaussian hills, heights rounded to 0.1 m (compresses well), and a nodata block in the
# lower right corner.
W, H, CELL = 160, 120, 25.0
with open(os.path.join(OUT, "dem.asc"), "w") as f:
    f.write("ncols %d\nnrows %d\nxllcorner 408000\nyllcorner %d\ncellsize %g\nNODATA_value -9999\n"
            % (W, H, 5477000 - H * CELL, CELL))
    for r in range(H):
        values = []
        for c in range(W):
            if c >= 130 and r >= 95:
                values.append("-9999")
                continue
            h = 230.0 + 0.4 * c + 0.2 * r
            h += 220.0 * math.exp(-((c - 55) ** 2 + (r - 50) ** 2) / (2 * 18.0 ** 2))
            h += 120.0 * math.exp(-((c - 120) ** 2 + (r - 35) ** 2) / (2 * 10.0 ** 2))
            values.append("%.1f" % h)
        f.write(" ".join(values) + "\n")

# RGB quadrants: 128 x 96 pixels; NW red, NE green, SW blue, SE yellow, with a black cross on the
# centre lines (2 px wide) so that flips and offsets are obvious.
QW, QH = 128, 96
colours = {(0, 0): (220, 40, 40), (1, 0): (40, 160, 60), (0, 1): (40, 80, 220), (1, 1): (240, 200, 40)}
with open(os.path.join(OUT, "quadrants.ppm"), "wb") as f:
    f.write(b"P6\n%d %d\n255\n" % (QW, QH))
    for r in range(QH):
        row = bytearray()
        for c in range(QW):
            if c in (QW // 2 - 1, QW // 2) or r in (QH // 2 - 1, QH // 2):
                row += bytes((0, 0, 0))
            else:
                row += bytes(colours[(c >= QW // 2, r >= QH // 2)])
        f.write(row)
