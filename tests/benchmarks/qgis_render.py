#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Render a benchmark city GeoPackage with QGIS the way kartenwerk-cli renders it.

Usage: qgis_render.py CITY.gpkg OUT.png [--size 1920x1080] [--categorized]

Layers districts, buildings, roads (bottom to top), each with a single simple symbol in the
colours kartenwerk-cli picks by default (src/core/style/symbol.cpp, style index 0, 1, 2), the full
extent plus 3 % on each side, 96 dpi, antialiasing and QGIS desktop's rendering optimisation
(geometry simplification at 1 px). Run with Debian's /usr/bin/python3 (python3-qgis, Qt 5).
"""
import sys


def kartenwerk_colours():
    """Fill, outline and line colours as Symbol::defaultFor() makes them for indexes 0, 1, 2."""
    from qgis.PyQt.QtGui import QColor

    palette = [QColor(141, 160, 203), QColor(252, 141, 98), QColor(102, 194, 165)]
    districts = (palette[0], palette[0].darker(160))
    buildings = (palette[1], palette[1].darker(160))
    roads = palette[2].darker(150)
    return districts, buildings, roads


CATEGORY_COLOURS = ["#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f"]
CATEGORIES = ["wohnen", "gewerbe", "industrie", "oeffentlich", "garage", "sonstige"]


def render(gpkg, out, width, height, categorized=False):
    # Every QGIS object lives inside this function: destroying them after exitQgis() crashes on exit.
    from qgis.core import (QgsApplication, QgsFillSymbol, QgsLineSymbol, QgsMapRendererParallelJob,
                           QgsMapSettings, QgsRectangle, QgsSingleSymbolRenderer, QgsVectorLayer,
                           QgsVectorSimplifyMethod)
    from qgis.PyQt.QtCore import QSize, Qt
    from qgis.PyQt.QtGui import QColor

    app = QgsApplication([], False)
    app.initQgis()
    try:
        (d_fill, d_line), (b_fill, b_line), road = kartenwerk_colours()

        def layer(name):
            lyr = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
            if not lyr.isValid():
                raise SystemExit(f"qgis_render.py: cannot open layer {name} of {gpkg}")
            # QGIS desktop's defaults (Settings > Rendering), spelled out so a profile cannot change them.
            simplify = QgsVectorSimplifyMethod()
            simplify.setSimplifyHints(QgsVectorSimplifyMethod.GeometrySimplification)
            simplify.setThreshold(1.0)
            simplify.setForceLocalOptimization(True)
            lyr.setSimplifyMethod(simplify)
            return lyr

        def fill(fill_colour, outline):
            sym = QgsFillSymbol.createSimple({"color": fill_colour.name(), "outline_color": outline.name(),
                                              "outline_width": "0.2", "outline_width_unit": "MM",
                                              "joinstyle": "round"})
            return QgsSingleSymbolRenderer(sym)

        districts = layer("districts")
        districts.setRenderer(fill(d_fill, d_line))
        buildings = layer("buildings")
        if categorized:
            from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory
            cats = []
            for value, colour in zip(CATEGORIES, CATEGORY_COLOURS):
                c = QColor(colour)
                sym = QgsFillSymbol.createSimple({"color": c.name(), "outline_color": c.darker(160).name(),
                                                  "outline_width": "0.2", "outline_width_unit": "MM",
                                                  "joinstyle": "round"})
                cats.append(QgsRendererCategory(value, sym, value))
            buildings.setRenderer(QgsCategorizedSymbolRenderer("category", cats))
        else:
            buildings.setRenderer(fill(b_fill, b_line))
        roads = layer("roads")
        roads.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple(
            {"line_color": road.name(), "line_width": "0.4", "line_width_unit": "MM",
             "capstyle": "round", "joinstyle": "round"})))

        extent = QgsRectangle(districts.extent())
        extent.combineExtentWith(buildings.extent())
        extent.combineExtentWith(roads.extent())
        # kartenwerk-cli adds 3 % of the width and height on each side.
        dx, dy = extent.width() * 0.03, extent.height() * 0.03
        extent = QgsRectangle(extent.xMinimum() - dx, extent.yMinimum() - dy,
                              extent.xMaximum() + dx, extent.yMaximum() + dy)

        settings = QgsMapSettings()
        settings.setLayers([roads, buildings, districts])  # QGIS draws the first layer on top
        settings.setDestinationCrs(districts.crs())
        settings.setOutputSize(QSize(width, height))
        settings.setOutputDpi(96)
        settings.setBackgroundColor(QColor(Qt.white))
        settings.setFlag(QgsMapSettings.Antialiasing, True)
        settings.setFlag(QgsMapSettings.UseRenderingOptimization, True)
        settings.setExtent(extent)

        job = QgsMapRendererParallelJob(settings)
        job.start()
        job.waitForFinished()
        if not job.renderedImage().save(out):
            raise SystemExit(f"qgis_render.py: cannot write {out}")
        for err in job.errors():
            print(f"qgis_render.py: {err.layerID}: {err.message}", file=sys.stderr)
        del job, settings, districts, buildings, roads
    finally:
        app.exitQgis()


def main(argv):
    args = [a for a in argv[1:]]
    size = "1920x1080"
    categorized = "--categorized" in args
    if categorized:
        args.remove("--categorized")
    if "--size" in args:
        i = args.index("--size")
        size = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 1
    width, height = (int(v) for v in size.lower().split("x"))
    render(args[0], args[1], width, height, categorized)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
