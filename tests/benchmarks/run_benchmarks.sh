#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Render benchmark: kartenwerk-cli against QGIS (QgsMapRendererParallelJob) on synthetic cities.
# See README.md next to this script.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
SIZES=100000
REPS=5
TOOLS=kw,qgis,mapnik,bare
CASES=single:1920x1080
WORK=${KW_BENCH_DIR:-${TMPDIR:-/tmp}/kartenwerk-bench}
BUILD=${KW_BUILD_DIR:-}
OUTPUT_SIZE=1920x1080
RESULTS=$HERE/results/latest.md

usage() {
    cat <<USAGE
Usage: $0 [--sizes N[,N...]] [--reps R] [--tools kw,qgis,mapnik] [--cases STYLE:WxH[,...]]
          [--work-dir DIR] [--build-dir DIR]

  --sizes      building counts of the synthetic cities (default 100000; e.g. 100000,1000000)
  --reps       timed repetitions per tool and size (default 5)
  --tools      which renderers (default kw,qgis,mapnik,bare; bare = the OGR + QPainter one-thread loop)
  --cases      style (single or categorized) and output size pairs, e.g.
               single:1920x1080,categorized:1920x1080,single:3840x2160 (default single:1920x1080)
  --work-dir   where the GeoPackages and images go (default \$KW_BENCH_DIR or /tmp/kartenwerk-bench)
  --build-dir  an existing Release build to use (default \$KW_BUILD_DIR, else builds $REPO/build-bench)

Writes the table to tests/benchmarks/results/latest.md.
USAGE
}

while [[ $# -gt 0 ]]; do
    case $1 in
        --sizes) SIZES=$2; shift 2 ;;
        --reps) REPS=$2; shift 2 ;;
        --tools) TOOLS=$2; shift 2 ;;
        --cases) CASES=$2; shift 2 ;;
        --work-dir) WORK=$2; shift 2 ;;
        --build-dir) BUILD=$2; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run_benchmarks.sh: unknown argument $1" >&2; usage >&2; exit 1 ;;
    esac
done
[[ $REPS =~ ^[1-9][0-9]*$ ]] || { echo "run_benchmarks.sh: --reps needs a positive number" >&2; exit 1; }
IFS=, read -r -a SIZE_LIST <<<"$SIZES"
IFS=, read -r -a TOOL_LIST <<<"$TOOLS"
IFS=, read -r -a CASE_LIST <<<"$CASES"
for n in "${SIZE_LIST[@]}"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "run_benchmarks.sh: bad size '$n'" >&2; exit 1; }
done

# ---- prerequisites: QGIS (Qt 5 build from Debian), GNU time ------------------------------------------
missing=()
for pkg in python3-qgis qgis-providers python3-mapnik time; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [[ ${#missing[@]} -gt 0 ]]; then
    SUDO=
    [[ $EUID -ne 0 ]] && SUDO=sudo
    echo "== installing ${missing[*]}"
    apt_install() { $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}"; }
    apt_install || { $SUDO apt-get update && apt_install; }
fi

# ---- kartenwerk build ---------------------------------------------------------------------------------
if [[ -z $BUILD ]]; then
    BUILD=$REPO/build-bench
    echo "== building Release in $BUILD"
    cmake -S "$REPO" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKW_BUILD_APP=OFF -DKW_BUILD_TESTS=ON >/dev/null
    ninja -C "$BUILD" -j"${KW_JOBS:-1}" kartenwerk-cli kartenwerk-datagen bare_loop
fi
CLI=$BUILD/src/cli/kartenwerk-cli
DATAGEN=$BUILD/src/tools/datagen/kartenwerk-datagen
BARE=$BUILD/tests/benchmarks/bare_loop
for exe in "$CLI" "$DATAGEN"; do
    [[ -x $exe ]] || { echo "run_benchmarks.sh: $exe missing (build kartenwerk-cli and kartenwerk-datagen)" >&2; exit 2; }
done
BUILD_TYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD/CMakeCache.txt" 2>/dev/null || true)
[[ $BUILD_TYPE == Release ]] || echo "warning: $BUILD is a '$BUILD_TYPE' build, not Release" >&2

mkdir -p "$WORK/xdg"
chmod 700 "$WORK/xdg"
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$WORK/xdg
TIMES=$WORK/times.tsv
: >"$TIMES"
: >"$WORK/compare.md"

# command_for TOOL SIZE PNG: sets CMD to the command line of one rendering.
command_for() {
    local gpkg=$WORK/city_$2.gpkg cat=()
    [[ $STYLE == categorized ]] && cat=(--categorized)
    case $1 in
        kw)
            if [[ $STYLE == categorized ]]; then
                # The same map as a project: categorized buildings (categorized.kwproj, made below).
                CMD=("$CLI" render "$WORK/city_$2_categorized.kwproj" --size "$OUTPUT_SIZE" -q -o "$3")
            else
                CMD=("$CLI" render "$gpkg|layername=districts" "$gpkg|layername=buildings" "$gpkg|layername=roads"
                     --size "$OUTPUT_SIZE" -q -o "$3")
            fi ;;
        qgis) CMD=(/usr/bin/python3 "$HERE/qgis_render.py" "$gpkg" "$3" --size "$OUTPUT_SIZE" "${cat[@]}") ;;
        mapnik) CMD=(/usr/bin/python3 "$HERE/mapnik_render.py" "$gpkg" "$3" --size "$OUTPUT_SIZE" "${cat[@]}") ;;
        bare)
            [[ -x $BARE ]] || { echo "run_benchmarks.sh: $BARE missing (ninja bare_loop)" >&2; exit 2; }
            CMD=("$BARE" "$gpkg" "$3" --size "$OUTPUT_SIZE" "${cat[@]}") ;;
    esac
}
# A project with the benchmark city's layers, buildings categorized like qgis_render.py --categorized.
write_categorized_project() { # size
    /usr/bin/python3 - "$WORK/city_$1_categorized.kwproj" "city_$1.gpkg" <<'PY'
import json, sys
colours = ["#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f"]
values = ["wohnen", "gewerbe", "industrie", "oeffentlich", "garage", "sonstige"]
def darker(c, f):
    r, g, b = (int(c[i:i + 2], 16) for i in (1, 3, 5))
    return "#%02x%02x%02x" % tuple(int(v * 100 / f) for v in (r, g, b))
def fill(c):
    return {"fill": c, "stroke": darker(c, 160), "stroke_width": 0.2}
layers = [
    {"type": "layer", "name": "roads", "source": sys.argv[2], "layer": "roads",
     "style": {"type": "single", "symbol": {"stroke": darker("#66c2a5", 150), "stroke_width": 0.4}}},
    {"type": "layer", "name": "buildings", "source": sys.argv[2], "layer": "buildings",
     "style": {"type": "categorized", "field": "category",
               "categories": [{"value": v, "label": v, "symbol": fill(c)} for v, c in zip(values, colours)]}},
    {"type": "layer", "name": "districts", "source": sys.argv[2], "layer": "districts",
     "style": {"type": "single", "symbol": fill("#8da0cb")}},
]
json.dump({"format": "kartenwerk-project", "version": 1, "crs": "EPSG:25832", "layers": layers},
          open(sys.argv[1], "w"), indent=2)
PY
}
untimed() { # tool size
    command_for "$1" "$2" "$WORK/$1_$2.png"
    "${CMD[@]}" >"$WORK/$1.log" 2>&1 || { echo "run_benchmarks.sh: $1 failed on size $2:" >&2; cat "$WORK/$1.log" >&2; exit 3; }
}
timed() { # tool size rep
    local tf=$WORK/time.txt wall user sys rss
    command_for "$1" "$2" "$WORK/$1_$2.png"
    /usr/bin/time -f "%e %U %S %M" -o "$tf" "${CMD[@]}" >"$WORK/$1.log" 2>&1 ||
        { echo "run_benchmarks.sh: $1 failed on size $2:" >&2; cat "$WORK/$1.log" >&2; exit 3; }
    read -r wall user sys rss <"$tf"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$2" "$STYLE" "$OUTPUT_SIZE" "$1" "$3" "$wall" "$user" "$sys" "$rss" >>"$TIMES"
    awk -v t="$1" -v r="$3" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" \
        'BEGIN { printf "   %-5s rep %s: wall %6.2f s  cpu %6.2f s  peak rss %5d MB\n", t, r, w, u + s, m / 1024 }'
}

START=$(date -Iseconds)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
for n in "${SIZE_LIST[@]}"; do
    gpkg=$WORK/city_$n.gpkg
    if [[ ! -s $gpkg || $DATAGEN -nt $gpkg ]]; then
        echo "== generating $gpkg"
        "$DATAGEN" city "$gpkg" --buildings "$n"
    fi
    write_categorized_project "$n"
    for case_ in "${CASE_LIST[@]}"; do
        STYLE=${case_%%:*}
        OUTPUT_SIZE=${case_#*:}
        key="$n $STYLE $OUTPUT_SIZE"
        echo "== $n buildings, $STYLE, $OUTPUT_SIZE: warm-up (not timed), then $REPS alternating runs each"
        for tool in "${TOOL_LIST[@]}"; do untimed "$tool" "$n"; done
        for ((rep = 1; rep <= REPS; rep++)); do
            # Rotate who goes first so slow drifts of the machine hit every tool alike.
            for ((k = 0; k < ${#TOOL_LIST[@]}; k++)); do
                timed "${TOOL_LIST[$(( (k + rep) % ${#TOOL_LIST[@]} ))]}" "$n" "$rep"
            done
        done
        for tool in "${TOOL_LIST[@]}"; do
            [[ $tool == kw ]] && continue
            cmp_=$(/usr/bin/python3 "$HERE/compare_images.py" "$WORK/kw_$n.png" "$WORK/${tool}_$n.png")
            echo "   kw vs $tool: $cmp_"
            printf '| %s | %s | %s | %s | %s |\n' "$n" "$STYLE" "$OUTPUT_SIZE" "$tool" "$cmp_" >>"$WORK/compare.md"
        done
    done
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# The side-by-side pictures only from this run's own QGIS image (the work directory may hold an old one).
if [[ " ${SIZE_LIST[*]} " == *" 100000 "* && " ${TOOL_LIST[*]} " == *" qgis "* ]]; then
    /usr/bin/python3 "$HERE/compare_images.py" "$WORK/kw_100000.png" "$WORK/qgis_100000.png" \
        --thumbs 960 "$HERE/kartenwerk_100k.png" "$HERE/qgis_100k.png" >/dev/null
fi

QGIS_VERSION=$(/usr/bin/python3 -c 'from qgis.core import Qgis; print(Qgis.QGIS_VERSION)' 2>/dev/null || echo unknown)
export TIMES START LOAD_START LOAD_END QGIS_VERSION REPS COMPARE=$WORK/compare.md
export KW_REV=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
export CPU_MODEL=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
export NPROC=$(nproc) MEM=$(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')
export GDAL_VERSION=$(gdal-config --version 2>/dev/null || echo unknown)
mkdir -p "$(dirname "$RESULTS")"
/usr/bin/python3 - "$RESULTS" <<'PY'
import collections, os, statistics, sys

rows = collections.defaultdict(list)
for line in open(os.environ["TIMES"]):
    size, style, out, tool, rep, wall, user, sys_, rss = line.split()
    rows[(int(size), style, out, tool)].append((float(wall), float(user) + float(sys_), int(rss) / 1024))

def med(key, tool, i):
    return statistics.median(r[i] for r in rows[key + (tool,)])

labels = {"kw": "kartenwerk-cli", "qgis": "QGIS", "mapnik": "Mapnik", "bare": "bare loop (OGR + QPainter, 1 thread)"}
table = ["| buildings | roads | style | output | tool | wall s | CPU s (user+sys) | peak RSS MB |",
         "|---:|---:|---|---|---|---:|---:|---:|"]
ratios = ["| buildings | style | output | vs | wall | CPU | peak RSS |", "|---:|---|---|---|---:|---:|---:|"]
cases = sorted({k[:3] for k in rows})
for key in cases:
    size, style, out = key
    tools = [t for t in ("kw", "qgis", "mapnik", "bare") if key + (t,) in rows]
    for tool in tools:
        table.append(f"| {size:,} | {size // 2:,} | {style} | {out} | {labels[tool]} | {med(key, tool, 0):.2f} | "
                     f"{med(key, tool, 1):.2f} | {med(key, tool, 2):.0f} |")
    for other in tools:
        if other != "kw" and "kw" in tools:
            ratios.append(f"| {size:,} | {style} | {out} | {labels[other]} | " + " | ".join(
                f"{med(key, 'kw', i) / med(key, other, i):.2f}" for i in range(3)) + " |")
text = f"""# Render benchmark: kartenwerk-cli vs QGIS and Mapnik

Written by `tests/benchmarks/run_benchmarks.sh` on {os.environ['START']}.

- Machine: {os.environ['NPROC']} CPUs ({os.environ['CPU_MODEL']}), memory {os.environ['MEM']};
  load average (1/5/15 min) at start {os.environ['LOAD_START']}, at end {os.environ['LOAD_END']}
- kartenwerk {os.environ['KW_REV']} (Release), QGIS {os.environ['QGIS_VERSION']} (Debian, Qt 5), GDAL {os.environ['GDAL_VERSION']}
- PNG, full extent, layers districts, buildings, roads; medians of {os.environ['REPS']} runs
  per tool after one untimed warm-up each, the tools alternating; whole process with start-up.

{chr(10).join(table)}

Ratio kartenwerk / other (below 1: kartenwerk needs less):

{chr(10).join(ratios)}

The images (last repetition) against kartenwerk's (`compare_images.py`: share of pixels off by more than
48/255 in a channel, mean difference):

| buildings | style | output | tool | comparison |
|---:|---|---|---|---|
{open(os.environ['COMPARE']).read().rstrip()}
"""
open(sys.argv[1], "w").write(text)
print()
print(text)
PY
echo "results: $RESULTS"
