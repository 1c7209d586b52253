#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Render a benchmark city GeoPackage with Mapnik 3 the way kartenwerk-cli renders it.

Usage: mapnik_render.py CITY.gpkg OUT.png [--size 1920x1080] [--categorized]

Same layers, colours, widths and extent as qgis_render.py (districts, buildings, roads bottom to top;
kartenwerk's default colours; full extent plus 3 %). --categorized colours buildings by `category`
with the colours of categorized.kwproj. Run with Debian's /usr/bin/python3 (python3-mapnik).
"""
import sys

import mapnik

CATEGORY_COLOURS = ["#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f"]


def darker(hex_colour, factor):
    """QColor::darker(): value divided by factor/100 in HSV (close enough for greys and these hues)."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#%02x%02x%02x" % tuple(int(c * 100 / factor) for c in (r, g, b))


def main():
    args = sys.argv[1:]
    size = "1920x1080"
    categorized = "--categorized" in args
    if "--size" in args:
        size = args[args.index("--size") + 1]
    gpkg, out = args[0], args[1]
    width, height = (int(v) for v in size.split("x"))
    # 0.2 mm and 0.4 mm at 96 dpi, in pixels
    mm = 96 / 25.4
    m = mapnik.Map(width, height, "epsg:25832")
    m.background = mapnik.Color("white")

    def style(name, rules):
        s = mapnik.Style()
        for r in rules:
            s.rules.append(r)
        m.append_style(name, s)

    def polygon_rule(fill, outline, flt=None):
        r = mapnik.Rule()
        if flt:
            r.filter = mapnik.Expression(flt)
        ps = mapnik.PolygonSymbolizer()
        ps.fill = mapnik.Color(fill)
        r.symbols.append(ps)
        ls = mapnik.LineSymbolizer()
        ls.stroke = mapnik.Color(outline)
        ls.stroke_width = 0.2 * mm
        r.symbols.append(ls)
        return r

    style("districts", [polygon_rule("#8da0cb", darker("#8da0cb", 160))])
    if categorized:
        style("buildings", [polygon_rule(c, darker(c, 160), "[category] = '%s'" % v)
                            for v, c in zip(["wohnen", "gewerbe", "industrie", "oeffentlich", "garage", "sonstige"],
                                            CATEGORY_COLOURS)])
    else:
        style("buildings", [polygon_rule("#fc8d62", darker("#fc8d62", 160))])
    road = mapnik.Rule()
    ls = mapnik.LineSymbolizer()
    ls.stroke = mapnik.Color(darker("#66c2a5", 150))
    ls.stroke_width = 0.4 * mm
    ls.stroke_linecap = mapnik.stroke_linecap.ROUND_CAP
    ls.stroke_linejoin = mapnik.stroke_linejoin.ROUND_JOIN
    road.symbols.append(ls)
    style("roads", [road])

    extent = None
    for name in ("districts", "buildings", "roads"):
        layer = mapnik.Layer(name, "epsg:25832")
        layer.datasource = mapnik.Ogr(file=gpkg, layer=name)
        layer.styles.append(name)
        m.layers.append(layer)
        e = layer.envelope()
        extent = e if extent is None else extent + e
    dx, dy = extent.width() * 0.03, extent.height() * 0.03
    m.zoom_to_box(mapnik.Box2d(extent.minx - dx, extent.miny - dy, extent.maxx + dx, extent.maxy + dy))
    mapnik.render_to_file(m, out, "png")


if __name__ == "__main__":
    main()
