#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Build the QGIS project (.qgs) equivalent to the atlas benchmark's kartenwerk project.

Usage: qgis_atlas_project.py ATLAS.kwproj OUT.qgs

Reads the .kwproj that run_atlas_benchmark.sh writes and rebuilds it for QGIS 3.22: the same layers
(GeoPackage paths relative to the project), the same single-symbol and rule-based styles (colours and
widths in mm), and a QgsPrintLayout of the same name with the layout's items at the same positions and
sizes in mm, the same fonts and colours:

- labels (texts translated by hand below, item by item: QGIS writes "name" and @atlas_featurenumber
  where kartenwerk writes name and @atlas_page),
- the rectangle shape, the atlas-driven map (auto scaling, same margin, see atlas_margin below) with its
  coordinate grid, the overview map with the main map's extent as a frame,
- the legend (the main map's layers minus the excluded ones, single symbols in one row),
- the north arrow as a QgsLayoutItemPicture of the same SVG, the "Single Box" scale bar.

The atlas covers the same layer, sorted and named by the same field. Items or styles this script does
not know stop it with an error rather than silently leaving something out.
Run with Debian's /usr/bin/python3 (python3-qgis, Qt 5) and QT_QPA_PLATFORM=offscreen.
"""
import json
import os
import sys

# Texts of the label items, in QGIS expression syntax; keyed by item id. Each must say what the kartenwerk
# text says (checked by eye on page 1 of both PDFs).
QGIS_TEXTS = {
    "title": '[% "name" %]',
    "subtitle": "[% format_number(\"population\", 0, 'de') %] Einwohner  ·  Stadtteil "
                "[% @atlas_featurenumber %] von [% @atlas_totalfeatures %]",
    "scale": "Maßstab 1:[% format_number(map_get(item_variables('map'), 'map_scale'), 0, 'de') %]",
}


def build(kwproj_path, out_path):
    from qgis.core import (QgsApplication, QgsFillSymbol, QgsLayoutItem, QgsLayoutItemLabel, QgsLayoutItemLegend,
                           QgsLayoutItemMap, QgsLayoutItemMapGrid, QgsLayoutItemMapOverview,
                           QgsLayoutItemPage, QgsLayoutItemPicture, QgsLayoutItemScaleBar,
                           QgsLayoutItemShape, QgsLayoutMeasurement, QgsLayoutPoint, QgsLayoutSize,
                           QgsLegendStyle, QgsLineSymbol, QgsPrintLayout, QgsProject, QgsRectangle,
                           QgsRuleBasedRenderer, QgsScaleBarSettings, QgsSingleSymbolRenderer,
                           QgsTextFormat, QgsUnitTypes, QgsVectorLayer, QgsVectorSimplifyMethod,
                           QgsCoordinateReferenceSystem, QgsLayoutRenderContext)
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor, QFont

    app = QgsApplication([], False)
    app.initQgis()
    try:
        kw = json.load(open(kwproj_path, encoding="utf-8"))
        base = os.path.dirname(os.path.abspath(kwproj_path))
        project = QgsProject()
        project.setCrs(QgsCoordinateReferenceSystem(kw.get("crs", "EPSG:25832")))
        project.setTitle(kw.get("title", ""))

        # ---- layers ---------------------------------------------------------------------------------
        def colour(text):
            c = QColor(text)  # "#AARRGGBB" and "transparent" mean the same in Qt 5 and 6
            if not c.isValid():
                raise SystemExit(f"qgis_atlas_project.py: bad colour {text!r}")
            return c

        def symbol_for(sym, line):
            if line:
                s = QgsLineSymbol.createSimple({"line_width": str(sym["stroke_width"]), "line_width_unit": "MM",
                                                "capstyle": "round", "joinstyle": "round"})
                s.symbolLayer(0).setColor(colour(sym["stroke"]))
                return s
            s = QgsFillSymbol.createSimple({"outline_width": str(sym.get("stroke_width", 0.26)),
                                            "outline_width_unit": "MM", "joinstyle": "round"})
            sl = s.symbolLayer(0)
            fill = colour(sym.get("fill", "transparent"))
            sl.setFillColor(fill)
            if fill.alpha() == 0:
                sl.setBrushStyle(Qt.NoBrush)
            stroke = colour(sym.get("stroke", "transparent"))
            sl.setStrokeColor(stroke)
            if stroke.alpha() == 0:
                sl.setStrokeStyle(Qt.NoPen)
            return s

        layers = {}
        for spec in kw["layers"]:
            if spec.get("type") != "layer" or spec.get("kind", "vector") != "vector":
                raise SystemExit(f"qgis_atlas_project.py: unsupported layer {spec.get('id')}")
            source = os.path.join(base, spec["source"])
            lyr = QgsVectorLayer(f"{source}|layername={spec['layer']}", spec["name"], "ogr")
            if not lyr.isValid():
                raise SystemExit(f"qgis_atlas_project.py: cannot open {source} layer {spec['layer']}")
            # QGIS desktop's default rendering optimisation, as in qgis_render.py.
            simplify = QgsVectorSimplifyMethod()
            simplify.setSimplifyHints(QgsVectorSimplifyMethod.GeometrySimplification)
            simplify.setThreshold(1.0)
            simplify.setForceLocalOptimization(True)
            lyr.setSimplifyMethod(simplify)
            line = spec["layer"] == "roads"
            style = spec["style"]
            if style["type"] == "single":
                lyr.setRenderer(QgsSingleSymbolRenderer(symbol_for(style["symbol"], line)))
            elif style["type"] == "rules":
                root = QgsRuleBasedRenderer.Rule(None)
                for r in style["rules"]:
                    rule = QgsRuleBasedRenderer.Rule(symbol_for(r["symbol"], line), 0, 0,
                                                     r.get("filter", ""), r.get("label", ""))
                    if r.get("else"):
                        rule.setIsElse(True)
                    root.appendChild(rule)
                lyr.setRenderer(QgsRuleBasedRenderer(root))
            else:
                raise SystemExit(f"qgis_atlas_project.py: unsupported style {style['type']}")
            layers[spec["id"]] = lyr
        project.addMapLayers(list(layers.values()), False)
        tree = project.layerTreeRoot()
        for spec in kw["layers"]:  # the .kwproj lists the top layer first, like the QGIS layer tree
            tree.addLayer(layers[spec["id"]])

        # ---- layout ---------------------------------------------------------------------------------
        [spec] = [l for l in kw["layouts"] if l.get("atlas", {}).get("enabled")]
        layout = QgsPrintLayout(project)
        layout.initializeDefaults()
        layout.setName(spec["name"])
        [page] = spec["pages"]
        if page["size"] != "A4":
            raise SystemExit("qgis_atlas_project.py: only A4 pages")
        layout.pageCollection().page(0).setPageSize(
            "A4", QgsLayoutItemPage.Landscape if page.get("orientation") == "landscape"
            else QgsLayoutItemPage.Portrait)
        layout.renderContext().setDpi(300)
        layout.renderContext().setFlag(QgsLayoutRenderContext.FlagAntialiasing, True)

        mm = QgsUnitTypes.LayoutMillimeters

        def place(item, s):
            layout.addLayoutItem(item)
            item.setId(s["id"])
            item.attemptMove(QgsLayoutPoint(s["x"], s["y"], mm))
            item.attemptResize(QgsLayoutSize(s["width"], s["height"], mm))

        def qfont(f):
            q = QFont(f["family"])
            q.setPointSizeF(f["size"])
            q.setBold(f.get("bold", False))
            return q

        def text_format(f):
            t = QgsTextFormat()
            t.setFont(qfont(f))
            t.setSize(f["size"])
            t.setSizeUnit(QgsUnitTypes.RenderPoints)
            t.setColor(colour(f["color"]))
            return t

        def frame(item, s):
            if s.get("frame"):
                item.setFrameEnabled(True)
                item.setFrameStrokeColor(colour(s["frame_color"]))
                item.setFrameStrokeWidth(QgsLayoutMeasurement(s["frame_width"], mm))
                item.setFrameJoinStyle(Qt.MiterJoin)

        def full_extent(lyrs):
            e = QgsRectangle(lyrs[0].extent())
            for lyr in lyrs[1:]:
                e.combineExtentWith(lyr.extent())
            dx, dy = e.width() * 0.03, e.height() * 0.03
            return QgsRectangle(e.xMinimum() - dx, e.yMinimum() - dy, e.xMaximum() + dx, e.yMaximum() + dy)

        halign = {"left": Qt.AlignLeft, "center": Qt.AlignHCenter, "right": Qt.AlignRight}
        valign = {"top": Qt.AlignTop, "middle": Qt.AlignVCenter, "bottom": Qt.AlignBottom}
        items = {s["id"]: s for s in spec["items"]}
        maps = {}
        # Maps first: legends, scale bars, north arrows and overviews refer to them.
        for s in spec["items"]:
            if s["type"] != "map":
                continue
            m = QgsLayoutItemMap(layout)
            m.setCrs(project.crs())
            # Atlas-driven maps start at the full extent of their layers, as kartenwerk's do. setExtent()
            # changes the item's height to the extent's aspect and zoomToExtent() does nothing on a map
            # without an extent: set it, restore the size, then fit the extent into the frame.
            extent = QgsRectangle(*s["extent"]) if "extent" in s else full_extent([layers[i] for i in s["layers"]])
            place(m, s)
            m.setExtent(extent)
            m.attemptResize(QgsLayoutSize(s["width"], s["height"], mm))
            m.zoomToExtent(extent)
            frame(m, s)
            m.setBackgroundColor(colour(s.get("map_background", "#ffffff")))
            m.setLayers([layers[i] for i in reversed(s["layers"])])  # QGIS: top first
            m.setKeepLayerSet(True)
            if s.get("atlas_driven"):
                m.setAtlasDriven(True)
                if s.get("atlas_scaling", "auto") != "auto":
                    raise SystemExit("qgis_atlas_project.py: only auto atlas scaling")
                m.setAtlasScalingMode(QgsLayoutItemMap.Auto)
                # kartenwerk adds the margin (percent of the feature's size) on each side; QGIS grows the
                # aspect-fitted feature box by the margin in all (QgsRectangle::scale(1 + margin)), so the
                # same extent needs twice the share: 8 % on each side is 1.16.
                m.setAtlasMargin(2 * s.get("atlas_margin", 10) / 100.0)
            g = s.get("grid")
            if g and g.get("enabled"):
                grid = QgsLayoutItemMapGrid("grid", m)
                m.grids().addGrid(grid)
                grid.setStyle(QgsLayoutItemMapGrid.Solid)
                grid.setIntervalX(g["interval"][0])
                grid.setIntervalY(g["interval"][1])
                grid.setGridLineColor(colour(g["color"]))
                grid.setGridLineWidth(g["width"])
                grid.setAnnotationEnabled(g.get("labels", True))
                grid.setAnnotationPrecision(0)
                grid.setAnnotationTextFormat(text_format(g["font"]))
                grid.setAnnotationFrameDistance(0.8)
                for side, name in ((QgsLayoutItemMapGrid.Left, "left"), (QgsLayoutItemMapGrid.Right, "right"),
                                   (QgsLayoutItemMapGrid.Top, "top"), (QgsLayoutItemMapGrid.Bottom, "bottom")):
                    shown = name in g.get("sides", [])
                    grid.setAnnotationDisplay(QgsLayoutItemMapGrid.ShowAll if shown
                                              else QgsLayoutItemMapGrid.HideAll, side)
                    grid.setAnnotationPosition(QgsLayoutItemMapGrid.OutsideMapFrame, side)
                    grid.setAnnotationDirection(
                        QgsLayoutItemMapGrid.Vertical if name in ("left", "right")
                        else QgsLayoutItemMapGrid.Horizontal, side)
            maps[s["id"]] = m
        for s in spec["items"]:
            if s["type"] == "map" and s.get("overview_of"):
                ov = QgsLayoutItemMapOverview("overview", maps[s["id"]])
                maps[s["id"]].overviews().addOverview(ov)
                ov.setLinkedMap(maps[s["overview_of"]])
                sym = QgsFillSymbol.createSimple({"outline_width": str(s["overview_width"]),
                                                  "outline_width_unit": "MM", "joinstyle": "miter"})
                sym.symbolLayer(0).setFillColor(colour(s["overview_fill"]))
                sym.symbolLayer(0).setStrokeColor(colour(s["overview_stroke"]))
                ov.setFrameSymbol(sym)

        for s in spec["items"]:
            t = s["type"]
            if t == "map":
                continue
            if t == "label":
                item = QgsLayoutItemLabel(layout)
                text = QGIS_TEXTS.get(s["id"], s["text"])
                if "[%" in text and s["id"] not in QGIS_TEXTS:
                    raise SystemExit(f"qgis_atlas_project.py: no QGIS text for label {s['id']}")
                item.setText(text)
                item.setFont(qfont(s["font"]))
                item.setFontColor(colour(s["font"]["color"]))
                item.setHAlign(halign[s.get("align", "left")])
                item.setVAlign(valign[s.get("valign", "top")])
                item.setMarginX(s.get("margin", 0))
                item.setMarginY(s.get("margin", 0))
                place(item, s)
            elif t == "shape":
                item = QgsLayoutItemShape(layout)
                item.setShapeType(QgsLayoutItemShape.Rectangle)
                sym = QgsFillSymbol.createSimple({})
                sym.symbolLayer(0).setFillColor(colour(s["fill"]))
                if colour(s.get("stroke", "#000000")).alpha() == 0:
                    sym.symbolLayer(0).setStrokeStyle(Qt.NoPen)
                item.setSymbol(sym)
                place(item, s)
            elif t == "legend":
                item = QgsLayoutItemLegend(layout)
                place(item, s)
                item.setLinkedMap(maps[s["map"]])
                item.setTitle(s.get("title", ""))
                item.setAutoUpdateModel(False)
                root = item.model().rootGroup()
                root.clear()
                map_layers = items[s["map"]]["layers"]
                for lid in reversed(map_layers):  # top first
                    if lid not in s.get("exclude", []):
                        root.addLayer(layers[lid])
                for style, key in ((QgsLegendStyle.Title, "title_font"), (QgsLegendStyle.Group, "heading_font"),
                                   (QgsLegendStyle.Subgroup, "heading_font"),
                                   (QgsLegendStyle.SymbolLabel, "item_font")):
                    item.setStyleFont(style, qfont(s[key]))
                item.setFontColor(colour(s["item_font"]["color"]))
                item.setSymbolWidth(s["symbol_width"])
                item.setSymbolHeight(s["symbol_height"])
                item.setColumnCount(s.get("columns", 1))
                item.setColumnSpace(s.get("column_gap", 3))
                item.setBoxSpace(0)
                item.setResizeToContents(False)
                item.setStyleMargin(QgsLegendStyle.Symbol, QgsLegendStyle.Top, s["spacing"])
                item.setStyleMargin(QgsLegendStyle.SymbolLabel, QgsLegendStyle.Top, s["spacing"])
                item.setStyleMargin(QgsLegendStyle.Title, QgsLegendStyle.Bottom, 1.5)
            elif t == "north_arrow":
                item = QgsLayoutItemPicture(layout)
                item.setPicturePath(os.path.join(base, s["svg"]))
                item.setResizeMode(QgsLayoutItemPicture.Zoom)
                item.setPictureAnchor(QgsLayoutItem.Middle)  # kartenwerk centres the SVG in the box
                item.setLinkedMap(maps[s["map"]])
                item.setNorthMode(QgsLayoutItemPicture.GridNorth)
                place(item, s)
            elif t == "scalebar":
                item = QgsLayoutItemScaleBar(layout)
                place(item, s)
                item.setLinkedMap(maps[s["map"]])
                item.setStyle("Single Box" if s.get("style") == "boxes" else "Line Ticks Up")
                units = s.get("units", "auto")
                if units == "km":
                    item.setUnits(QgsUnitTypes.DistanceKilometers)
                    item.setUnitLabel("km")
                    item.setMapUnitsPerScaleBarUnit(1000)
                else:
                    item.setUnits(QgsUnitTypes.DistanceMeters)
                    item.setUnitLabel("m")
                    item.setMapUnitsPerScaleBarUnit(1)
                item.setNumberOfSegments(s.get("segments", 4))
                item.setNumberOfSegmentsLeft(0)
                # kartenwerk fits nice segments (1, 2, 5 x 10^n) into the width left by the labels.
                item.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
                item.setMinimumBarWidth(10)
                item.setMaximumBarWidth(s["width"] - 8)
                item.setHeight(s.get("bar_height", 1.6))
                bar = colour(s.get("color", "#282828"))
                item.setFillColor(bar)
                item.setFillColor2(QColor(Qt.white))
                item.setLineColor(bar)
                item.setLineWidth(s.get("line_width", 0.25))
                item.setLineJoinStyle(Qt.MiterJoin)
                item.setLineCapStyle(Qt.SquareCap)
                item.setTextFormat(text_format(s["font"]))
                item.setLabelBarSpace(0.8)
                item.setBoxContentSpace(0)
            else:
                raise SystemExit(f"qgis_atlas_project.py: unsupported layout item type {t}")

        # ---- atlas ----------------------------------------------------------------------------------
        a = spec["atlas"]
        atlas = layout.atlas()
        atlas.setEnabled(True)
        atlas.setCoverageLayer(layers[a["coverage_layer"]])
        atlas.setHideCoverage(False)
        if a.get("sort"):
            atlas.setSortFeatures(True)
            atlas.setSortExpression(f'"{a["sort"]}"')
        if a.get("page_name"):
            atlas.setPageNameExpression(f'"{a["page_name"]}"')
        if a.get("others", "dim") != "show":
            raise SystemExit("qgis_atlas_project.py: QGIS has no 'dim the other atlas features'; "
                             "use others: show and a rule-based mask layer")
        project.layoutManager().addLayout(layout)
        if not project.write(out_path):
            raise SystemExit(f"qgis_atlas_project.py: cannot write {out_path}: {project.error()}")
        del layout, project, layers
    finally:
        app.exitQgis()


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 1
    build(argv[1], argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
