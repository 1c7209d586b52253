#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Render benchmark: kartenwerk-cli against QGIS (QgsMapRendererParallelJob) on synthetic cities.
# See README.md next to this script.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
SIZES=100000
REPS=5
WORK=${KW_BENCH_DIR:-${TMPDIR:-/tmp}/kartenwerk-bench}
BUILD=${KW_BUILD_DIR:-}
OUTPUT_SIZE=1920x1080
RESULTS=$HERE/results/latest.md

usage() {
    cat <<USAGE
Usage: $0 [--sizes N[,N...]] [--reps R] [--work-dir DIR] [--build-dir DIR]

  --sizes      building counts of the synthetic cities (default 100000; e.g. 100000,1000000)
  --reps       timed repetitions per tool and size (default 5)
  --work-dir   where the GeoPackages and images go (default \$KW_BENCH_DIR or /tmp/kartenwerk-bench)
  --build-dir  an existing Release build to use (default \$KW_BUILD_DIR, else builds $REPO/build-bench)

Writes the table to tests/benchmarks/results/latest.md.
USAGE
}

while [[ $# -gt 0 ]]; do
    case $1 in
        --sizes) SIZES=$2; shift 2 ;;
        --reps) REPS=$2; shift 2 ;;
        --work-dir) WORK=$2; shift 2 ;;
        --build-dir) BUILD=$2; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run_benchmarks.sh: unknown argument $1" >&2; usage >&2; exit 1 ;;
    esac
done
[[ $REPS =~ ^[1-9][0-9]*$ ]] || { echo "run_benchmarks.sh: --reps needs a positive number" >&2; exit 1; }
IFS=, read -r -a SIZE_LIST <<<"$SIZES"
for n in "${SIZE_LIST[@]}"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "run_benchmarks.sh: bad size '$n'" >&2; exit 1; }
done

# ---- prerequisites: QGIS (Qt 5 build from Debian), GNU time ------------------------------------------
missing=()
for pkg in python3-qgis qgis-providers time; do
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
    cmake -S "$REPO" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKW_BUILD_APP=OFF -DKW_BUILD_TESTS=OFF >/dev/null
    ninja -C "$BUILD" -j"${KW_JOBS:-1}" kartenwerk-cli kartenwerk-datagen
fi
CLI=$BUILD/src/cli/kartenwerk-cli
DATAGEN=$BUILD/src/tools/datagen/kartenwerk-datagen
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

# command_for TOOL SIZE PNG: sets CMD to the command line of one rendering.
command_for() {
    local gpkg=$WORK/city_$2.gpkg
    case $1 in
        kw) CMD=("$CLI" render "$gpkg|layername=districts" "$gpkg|layername=buildings" "$gpkg|layername=roads"
                 --size "$OUTPUT_SIZE" -q -o "$3") ;;
        qgis) CMD=(/usr/bin/python3 "$HERE/qgis_render.py" "$gpkg" "$3" --size "$OUTPUT_SIZE") ;;
    esac
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
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$2" "$1" "$3" "$wall" "$user" "$sys" "$rss" >>"$TIMES"
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
    echo "== $n buildings: warm-up (not timed), then $REPS alternating runs each"
    untimed kw "$n"
    untimed qgis "$n"
    for ((rep = 1; rep <= REPS; rep++)); do
        # Alternate who goes first so slow drifts of the machine hit both alike.
        if ((rep % 2)); then timed kw "$n" "$rep"; timed qgis "$n" "$rep"
        else timed qgis "$n" "$rep"; timed kw "$n" "$rep"; fi
    done
    echo "   images: $(/usr/bin/python3 "$HERE/compare_images.py" "$WORK/kw_$n.png" "$WORK/qgis_$n.png")"
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

if [[ " ${SIZE_LIST[*]} " == *" 100000 "* ]]; then
    /usr/bin/python3 "$HERE/compare_images.py" "$WORK/kw_100000.png" "$WORK/qgis_100000.png" \
        --thumbs 960 "$HERE/kartenwerk_100k.png" "$HERE/qgis_100k.png" >/dev/null
fi

QGIS_VERSION=$(/usr/bin/python3 -c 'from qgis.core import Qgis; print(Qgis.QGIS_VERSION)' 2>/dev/null || echo unknown)
export TIMES START LOAD_START LOAD_END QGIS_VERSION REPS
export KW_REV=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
export CPU_MODEL=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
export NPROC=$(nproc) MEM=$(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')
export GDAL_VERSION=$(gdal-config --version 2>/dev/null || echo unknown)
mkdir -p "$(dirname "$RESULTS")"
/usr/bin/python3 - "$RESULTS" <<'PY'
import collections, os, statistics, sys

rows = collections.defaultdict(list)
for line in open(os.environ["TIMES"]):
    size, tool, rep, wall, user, sys_, rss = line.split()
    rows[(int(size), tool)].append((float(wall), float(user) + float(sys_), int(rss) / 1024))

def med(size, tool, i):
    return statistics.median(r[i] for r in rows[(size, tool)])

table = ["| buildings | roads | tool | wall s | CPU s (user+sys) | peak RSS MB |",
         "|---:|---:|---|---:|---:|---:|"]
ratios = ["| buildings | wall | CPU | peak RSS |", "|---:|---:|---:|---:|"]
for size in sorted({s for s, _ in rows}):
    for tool, label in (("kw", "kartenwerk-cli"), ("qgis", "QGIS")):
        table.append(f"| {size:,} | {size // 2:,} | {label} | {med(size, tool, 0):.2f} | "
                     f"{med(size, tool, 1):.2f} | {med(size, tool, 2):.0f} |")
    ratios.append(f"| {size:,} | " + " | ".join(
        f"{med(size, 'kw', i) / med(size, 'qgis', i):.2f}" for i in range(3)) + " |")
text = f"""# Render benchmark: kartenwerk-cli vs QGIS

Written by `tests/benchmarks/run_benchmarks.sh` on {os.environ['START']}.

- Machine: {os.environ['NPROC']} CPUs ({os.environ['CPU_MODEL']}), memory {os.environ['MEM']};
  load average (1/5/15 min) at start {os.environ['LOAD_START']}, at end {os.environ['LOAD_END']}
- kartenwerk {os.environ['KW_REV']} (Release), QGIS {os.environ['QGIS_VERSION']} (Debian, Qt 5), GDAL {os.environ['GDAL_VERSION']}
- 1920x1080 PNG, full extent, layers districts, buildings, roads; medians of {os.environ['REPS']} runs
  per tool after one untimed warm-up each, the two tools alternating; whole process with start-up.

{chr(10).join(table)}

Ratio kartenwerk / QGIS (below 1: kartenwerk needs less):

{chr(10).join(ratios)}
"""
open(sys.argv[1], "w").write(text)
print()
print(text)
PY
echo "results: $RESULTS"
