#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Atlas benchmark: `kartenwerk-cli atlas` against QGIS's `qgis_process run native:atlaslayouttopdf`, both
# writing the same 40-page council atlas of the synthetic city as one PDF. See README.md next to this script.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
BUILDINGS=100000
PAGES=40
REPS=5
JOBS=$(nproc)
DPI=300
WORK=${KW_BENCH_DIR:-${TMPDIR:-/tmp}/kartenwerk-bench}
BUILD=${KW_BUILD_DIR:-}
RESULTS=$HERE/results/atlas_latest.md

usage() {
    cat <<USAGE
Usage: $0 [--reps R] [--buildings N] [--jobs J] [--work-dir DIR] [--build-dir DIR]

  --reps       timed repetitions per tool (default 5)
  --buildings  building count of the synthetic city (default 100000, which has exactly 40 districts;
               a city with more districts gets an atlas filter \$id <= 40 in both projects)
  --jobs       kartenwerk-cli atlas --jobs (default: nproc, as kartenwerk-cli itself; QGIS has no such option)
  --work-dir   where the GeoPackage, projects and PDFs go (default \$KW_BENCH_DIR or /tmp/kartenwerk-bench)
  --build-dir  an existing Release build to use (default \$KW_BUILD_DIR, else builds $REPO/build-bench)

Writes the table to tests/benchmarks/results/atlas_latest.md and page 1 of both PDFs to
tests/benchmarks/atlas_kartenwerk_p1.png and atlas_qgis_p1.png.
USAGE
}

while [[ $# -gt 0 ]]; do
    case $1 in
        --reps) REPS=$2; shift 2 ;;
        --buildings) BUILDINGS=$2; shift 2 ;;
        --jobs) JOBS=$2; shift 2 ;;
        --work-dir) WORK=$2; shift 2 ;;
        --build-dir) BUILD=$2; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run_atlas_benchmark.sh: unknown argument $1" >&2; usage >&2; exit 1 ;;
    esac
done
for v in "$REPS" "$BUILDINGS" "$JOBS"; do
    [[ $v =~ ^[1-9][0-9]*$ ]] || { echo "run_atlas_benchmark.sh: '$v' is not a positive number" >&2; exit 1; }
done

# ---- prerequisites: QGIS with qgis_process (Qt 5 build from Debian), poppler, GNU time ----------------
# /usr/bin/qgis_process is in the package qgis (3.22 in Debian 12); pdfinfo/pdftoppm in poppler-utils.
missing=()
for pkg in qgis python3-qgis qgis-providers poppler-utils time; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [[ ${#missing[@]} -gt 0 ]]; then
    SUDO=
    [[ $EUID -ne 0 ]] && SUDO=sudo
    echo "== installing ${missing[*]}"
    apt_install() { $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}"; }
    apt_install || { $SUDO apt-get update && apt_install; }
fi
# Debian's /usr/bin/qgis_process is a shell wrapper that sources /etc/default/qgis, whose QGIS_OPTS
# (--noversioncheck, meant for the desktop app) qgis_process rejects ("Command --noversioncheck not known!").
# Run the binary behind it; the wrapper adds nothing else unless the GRASS plugin is installed.
QGIS_PROCESS=/usr/bin/qgis_process.bin
[[ -x $QGIS_PROCESS ]] || QGIS_PROCESS=$(command -v qgis_process)

# ---- kartenwerk build ---------------------------------------------------------------------------------
if [[ -z $BUILD ]]; then
    BUILD=$REPO/build-bench
    echo "== building Release in $BUILD"
    cmake -S "$REPO" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKW_BUILD_APP=OFF -DKW_BUILD_TESTS=OFF >/dev/null
    ninja -C "$BUILD" -j"${KW_JOBS:-1}" kartenwerk-cli kartenwerk-datagen
fi
CLI=$BUILD/src/cli/kartenwerk-cli
DATAGEN=$BUILD/src/tools/datagen/kartenwerk-datagen
for exe in "$CLI" "$DATAGEN"; do
    [[ -x $exe ]] || { echo "run_atlas_benchmark.sh: $exe missing (build kartenwerk-cli and kartenwerk-datagen)" >&2; exit 2; }
done
BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD/CMakeCache.txt" 2>/dev/null || true)
[[ $BUILD_TYPE == Release ]] || echo "warning: $BUILD is a '$BUILD_TYPE' build, not Release" >&2

mkdir -p "$WORK/xdg"
chmod 700 "$WORK/xdg"
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$WORK/xdg
WORK=$(cd "$WORK" && pwd)

# ---- data and the two projects ------------------------------------------------------------------------
GPKG=$WORK/city_$BUILDINGS.gpkg
if [[ ! -s $GPKG || $DATAGEN -nt $GPKG ]]; then
    echo "== generating $GPKG"
    "$DATAGEN" city "$GPKG" --buildings "$BUILDINGS"
fi
cp "$REPO/resources/north_arrow.svg" "$WORK/north_arrow.svg"
KWPROJ=$WORK/atlas_$BUILDINGS.kwproj
QGS=$WORK/atlas_$BUILDINGS.qgs
# The council layout of the demo's "Stadtteile" atlas (resources/demo/kaiserslautern.kwproj) on the
# benchmark city: title with the page name, subtitle, rule, atlas map (8 % margin, 1 km grid) with the
# page's district outlined and the others veiled by a rule-based mask layer, overview map, legend, north
# arrow, scale bar, scale and source texts; A4 landscape. Layer colours as in qgis_render.py.
/usr/bin/python3 - "$KWPROJ" "$(basename "$GPKG")" "$GPKG" north_arrow.svg "$PAGES" <<'PY'
import json, sqlite3, sys
out, gpkg_name, gpkg_path, svg, pages = sys.argv[1:6]
pages = int(pages)
def darker(c, f):  # QColor::darker for these colours: every channel * 100 / f
    r, g, b = (int(c[i:i + 2], 16) for i in (1, 3, 5))
    return "#%02x%02x%02x" % tuple(int(v * 100 / f) for v in (r, g, b))
db = sqlite3.connect(gpkg_path)
x0, y0, x1, y1 = db.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents "
                            "WHERE table_name = 'districts'").fetchone()
count = db.execute("SELECT count(*) FROM districts").fetchone()[0]
if count < pages:
    sys.exit(f"run_atlas_benchmark.sh: {gpkg_path} has {count} districts, the atlas needs {pages}")
dx, dy = (x1 - x0) * 0.03, (y1 - y0) * 0.03
full = [x0 - dx, y0 - dy, x1 + dx, y1 + dy]
def layer(id_, name, table, style):
    return {"type": "layer", "id": id_, "name": name, "kind": "vector", "source": gpkg_name,
            "layer": table, "visible": True, "style": style}
def font(size, color, bold=False):
    return {"family": "DejaVu Sans", "size": size, "bold": bold, "color": color}
layers = [  # top first
    layer("district_mask", "Stadtteil-Maske", "districts", {"type": "rules", "rules": [
        {"label": "dargestellter Stadtteil", "filter": "$id = @atlas_featureid",
         "symbol": {"fill": "transparent", "stroke": "#1d2b3a", "stroke_width": 0.9}},
        {"label": "Nachbarstadtteile", "else": True,
         "symbol": {"fill": "#99ffffff", "stroke": "#8a96a3", "stroke_width": 0.3}}]}),
    layer("roads", "Straßen", "roads", {"type": "single", "symbol": {
        "stroke": darker("#66c2a5", 150), "stroke_width": 0.4}}),
    layer("buildings", "Gebäude", "buildings", {"type": "single", "symbol": {
        "fill": "#fc8d62", "stroke": darker("#fc8d62", 160), "stroke_width": 0.2}}),
    layer("districts", "Stadtteile", "districts", {"type": "single", "symbol": {
        "fill": "#8da0cb", "stroke": darker("#8da0cb", 160), "stroke_width": 0.2}}),
]
items = [
    {"type": "label", "id": "title", "x": 10, "y": 7, "width": 215, "height": 11, "text": "[% name %]",
     "font": font(19, "#1d2b3a", True), "valign": "bottom", "wrap": False},
    {"type": "label", "id": "subtitle", "x": 10, "y": 19, "width": 215, "height": 6,
     "text": "[% format_number(population, 0, 'de') %] Einwohner  ·  Stadtteil [% @atlas_page %] von "
             "[% @atlas_total %]", "font": font(9.5, "#4f5d6b"), "valign": "top", "wrap": False},
    {"type": "shape", "id": "rule", "x": 10, "y": 26.5, "width": 277, "height": 0.6, "shape": "rectangle",
     "fill": "#1f5f99", "stroke": "transparent"},
    {"type": "map", "id": "map", "x": 14, "y": 30, "width": 197, "height": 156, "frame": True,
     "frame_color": "#3c3c3c", "frame_width": 0.3, "map_background": "#ffffff",
     "atlas_driven": True, "atlas_scaling": "auto", "atlas_margin": 8,
     "grid": {"enabled": True, "interval": [1000, 1000], "color": "#5a000000", "width": 0.12,
              "labels": True, "sides": ["left", "bottom"], "font": font(5.5, "#555555")},
     "layers": ["districts", "buildings", "roads", "district_mask"]},
    {"type": "map", "id": "overview", "x": 221, "y": 30, "width": 66, "height": 52, "frame": True,
     "frame_color": "#3c3c3c", "frame_width": 0.25, "map_background": "#ffffff", "extent": full,
     "layers": ["districts"], "overview_of": "map", "overview_fill": "#33d7301f",
     "overview_stroke": "#d7301f", "overview_width": 0.5},
    {"type": "legend", "id": "legend", "map": "map", "x": 221, "y": 86, "width": 66, "height": 48,
     "title": "Legende", "title_font": font(9.5, "#1d2b3a", True), "heading_font": font(6.5, "#1d2b3a", True),
     "item_font": font(6, "#333333"), "symbol_width": 5, "symbol_height": 3, "spacing": 0.6, "columns": 1,
     "exclude": ["district_mask"]},
    {"type": "north_arrow", "id": "north", "map": "map", "x": 221, "y": 180, "width": 7, "height": 12,
     "svg": svg},
    {"type": "scalebar", "id": "scalebar", "map": "map", "x": 231, "y": 180.5, "width": 56, "height": 8,
     "style": "boxes", "segments": 4, "units": "m", "bar_height": 1.4, "line_width": 0.25,
     "color": "#282828", "font": font(6, "#333333")},
    {"type": "label", "id": "scale", "x": 231, "y": 188.5, "width": 56, "height": 4,
     "text": "Maßstab 1:[% format_number(@map_scale, 0, 'de') %]", "font": font(6, "#4f5d6b"),
     "wrap": False},
    {"type": "label", "id": "sources", "x": 14, "y": 191, "width": 197, "height": 8,
     "text": "Daten: synthetische Stadt (kartenwerk-datagen city), ETRS89 / UTM 32N  ·  "
             "Atlas-Benchmark, alle Daten synthetisch", "font": font(5.5, "#5a6570"), "valign": "top",
     "wrap": False},
]
atlas = {"enabled": True, "coverage_layer": "districts", "sort": "name", "page_name": "name", "others": "show"}
if count > pages:
    atlas["filter"] = f"$id <= {pages}"
layout = {"name": "Stadtteile", "pages": [{"size": "A4", "orientation": "landscape", "margins": [10, 8, 10, 8]}],
          "atlas": atlas, "items": items}
json.dump({"format": "kartenwerk-project", "version": 1, "title": "Atlas-Benchmark", "crs": "EPSG:25832",
           "layers": layers, "layouts": [layout]}, open(out, "w", encoding="utf-8"), indent=1, ensure_ascii=False)
PY
echo "== writing $QGS from $KWPROJ"
/usr/bin/python3 -W ignore::DeprecationWarning "$HERE/qgis_atlas_project.py" "$KWPROJ" "$QGS"

# ---- timing ---------------------------------------------------------------------------------------------
TIMES=$WORK/atlas_times.tsv
: >"$TIMES"
command_for() { # tool -> CMD
    case $1 in
        kw) CMD=("$CLI" atlas "$KWPROJ" --layout Stadtteile -o "$WORK/atlas_kw.pdf" --dpi "$DPI" --jobs "$JOBS" -q) ;;
        # Vector PDF like kartenwerk's (text as text, no georeferencing pass, no XMP metadata), at the
        # same dpi; geometry simplification stays on (QGIS's default, like kartenwerk's 0.5 px vertex drop).
        qgis) CMD=("$QGIS_PROCESS" run native:atlaslayouttopdf "--PROJECT_PATH=$QGS" --LAYOUT=Stadtteile
                   "--OUTPUT=$WORK/atlas_qgis.pdf" "--DPI=$DPI" --FORCE_VECTOR=1 --GEOREFERENCE=0
                   --INCLUDE_METADATA=0 --TEXT_FORMAT=1) ;;
    esac
}
run() { # tool rep (rep 0: warm-up, not timed)
    local tf=$WORK/atlas_time.txt wall user sys rss
    command_for "$1"
    rm -f "$WORK/atlas_$1.pdf"
    /usr/bin/time -f "%e %U %S %M" -o "$tf" "${CMD[@]}" >"$WORK/atlas_$1.log" 2>&1 ||
        { echo "run_atlas_benchmark.sh: $1 failed:" >&2; cat "$WORK/atlas_$1.log" >&2; exit 3; }
    [[ -s $WORK/atlas_$1.pdf ]] || { echo "run_atlas_benchmark.sh: $1 wrote no PDF" >&2; cat "$WORK/atlas_$1.log" >&2; exit 3; }
    [[ $2 -eq 0 ]] && return
    read -r wall user sys rss <"$tf"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$wall" "$user" "$sys" "$rss" >>"$TIMES"
    awk -v t="$1" -v r="$2" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" \
        'BEGIN { printf "   %-4s rep %s: wall %6.2f s  cpu %6.2f s  peak rss %5d MB\n", t, r, w, u + s, m / 1024 }'
}

START=$(date -Iseconds)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== $PAGES atlas pages, $BUILDINGS buildings, ${DPI} dpi: warm-up (not timed), then $REPS alternating runs each"
run kw 0
run qgis 0
for ((rep = 1; rep <= REPS; rep++)); do
    # kartenwerk first in odd repetitions, QGIS first in even ones: slow drifts of the machine hit both.
    if ((rep % 2)); then run kw "$rep"; run qgis "$rep"; else run qgis "$rep"; run kw "$rep"; fi
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- outputs: page counts, page 1 of each side by side -------------------------------------------------
KW_PAGES=$(pdfinfo "$WORK/atlas_kw.pdf" | awk '/^Pages:/ {print $2}')
QGIS_PAGES=$(pdfinfo "$WORK/atlas_qgis.pdf" | awk '/^Pages:/ {print $2}')
echo "   pages: kartenwerk $KW_PAGES, QGIS $QGIS_PAGES"
[[ $KW_PAGES == "$PAGES" && $QGIS_PAGES == "$PAGES" ]] ||
    { echo "run_atlas_benchmark.sh: expected $PAGES pages in both PDFs" >&2; exit 4; }
pdftoppm -r 50 -f 1 -l 1 -singlefile -png "$WORK/atlas_kw.pdf" "$HERE/atlas_kartenwerk_p1"
pdftoppm -r 50 -f 1 -l 1 -singlefile -png "$WORK/atlas_qgis.pdf" "$HERE/atlas_qgis_p1"
# The comparison at 100 dpi, where thin lines and small text still count.
pdftoppm -r 100 -f 1 -l 1 -singlefile -png "$WORK/atlas_kw.pdf" "$WORK/atlas_kw_p1_100dpi"
pdftoppm -r 100 -f 1 -l 1 -singlefile -png "$WORK/atlas_qgis.pdf" "$WORK/atlas_qgis_p1_100dpi"
COMPARE=$(/usr/bin/python3 "$HERE/compare_images.py" "$WORK/atlas_kw_p1_100dpi.png" "$WORK/atlas_qgis_p1_100dpi.png")
echo "   page 1 at 100 dpi: $COMPARE"

QGIS_VERSION=$(/usr/bin/python3 -c 'from qgis.core import Qgis; print(Qgis.QGIS_VERSION)' 2>/dev/null || echo unknown)
export TIMES START LOAD_START LOAD_END QGIS_VERSION REPS BUILDINGS PAGES DPI JOBS COMPARE
export KW_SIZE=$(stat -c %s "$WORK/atlas_kw.pdf") QGIS_SIZE=$(stat -c %s "$WORK/atlas_qgis.pdf")
export KW_REV=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
export CPU_MODEL=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
export NPROC=$(nproc) MEM=$(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')
export GDAL_VERSION=$(gdal-config --version 2>/dev/null || echo unknown)
export QT_VERSION=$(qtpaths6 --qt-version 2>/dev/null || echo unknown)
mkdir -p "$(dirname "$RESULTS")"
/usr/bin/python3 - "$RESULTS" <<'PY'
import collections, os, statistics, sys

e = os.environ
rows = collections.defaultdict(list)
for line in open(e["TIMES"]):
    tool, rep, wall, user, sys_, rss = line.split()
    rows[tool].append((float(wall), float(user) + float(sys_), int(rss) / 1024))
med = {t: [statistics.median(r[i] for r in rows[t]) for i in range(3)] for t in rows}
span = {t: (min(r[0] for r in rows[t]), max(r[0] for r in rows[t])) for t in rows}
labels = {"kw": f"kartenwerk-cli atlas (--jobs {e['JOBS']})", "qgis": "qgis_process native:atlaslayouttopdf"}
table = ["| tool | wall s | wall min–max s | CPU s (user+sys) | peak RSS MB | pages/s (wall) | PDF MB |",
         "|---|---:|---:|---:|---:|---:|---:|"]
for t, size in (("kw", e["KW_SIZE"]), ("qgis", e["QGIS_SIZE"])):
    w, c, m = med[t]
    table.append(f"| {labels[t]} | {w:.2f} | {span[t][0]:.2f}–{span[t][1]:.2f} | {c:.2f} | {m:.0f} | "
                 f"{int(e['PAGES']) / w:.2f} | {int(size) / 1e6:.1f} |")
ratio = [med["kw"][i] / med["qgis"][i] for i in range(3)]
speedup = med["qgis"][0] / med["kw"][0]
text = f"""# Atlas benchmark: kartenwerk-cli atlas vs qgis_process

Written by `tests/benchmarks/run_atlas_benchmark.sh` on {e['START']}.

- Machine: {e['NPROC']} CPUs ({e['CPU_MODEL']}), memory {e['MEM']};
  load average (1/5/15 min) at start {e['LOAD_START']}, at end {e['LOAD_END']}
- kartenwerk {e['KW_REV']} (Release, Qt {e['QT_VERSION']}), QGIS {e['QGIS_VERSION']} (Debian, Qt 5), GDAL {e['GDAL_VERSION']}
- {e['PAGES']} pages (one per district) of the council layout, A4 landscape, one multi-page vector PDF at
  {e['DPI']} dpi; city of {int(e['BUILDINGS']):,} buildings and {int(e['BUILDINGS']) // 2:,} roads. Whole process
  with start-up, project and data loading; medians of {e['REPS']} runs per tool after one untimed warm-up
  each, the two tools alternating.

{chr(10).join(table)}

Ratio kartenwerk / QGIS (below 1: kartenwerk needs less): wall {ratio[0]:.2f}, CPU {ratio[1]:.2f},
peak RSS {ratio[2]:.2f}. kartenwerk is **{speedup:.2f}x** as fast as qgis_process (wall); the goal is 2x.

Page 1 of both PDFs at 100 dpi: {e['COMPARE']}.
"""
open(sys.argv[1], "w").write(text)
print()
print(text)
PY
echo "results: $RESULTS"
