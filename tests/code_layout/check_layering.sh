#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# House rules from STYLE.md, checked on every test run:
#  1. src/core and src/cli never include Qt Widgets; kartenwerk-cli does not link Qt6Widgets.
#  2. core and app include no plugin header.
#  3. OGR/GDAL/PROJ/GEOS headers appear only in their wrappers.
# Usage: check_layering.sh SOURCE_DIR KARTENWERK_CLI
set -u
src=$1
cli=$2
fail=0
report() { echo "FAIL: $1"; echo "$2" | sed 's/^/    /'; fail=1; }

hits=$(grep -rnE '#\s*include\s*[<"](QtWidgets/|QWidget|QApplication|QMainWindow|QDialog|QGraphics|QMessageBox|QFileDialog)' \
       "$src/src/core" "$src/src/cli" 2>/dev/null)
[ -n "$hits" ] && report "src/core or src/cli includes Qt Widgets (move the code to src/app)" "$hits"

if readelf -d "$cli" | grep -q 'libQt6Widgets'; then
  report "kartenwerk-cli links Qt6Widgets (it must run without widgets)" "$(readelf -d "$cli" | grep Qt6Widgets)"
fi

hits=$(grep -rn '#include *"plugins/' "$src/src" 2>/dev/null)
[ -n "$hits" ] && report "core or app includes a plugin header (plugins are loaded through core/plugin interfaces)" "$hits"

# GDAL/OGR, PROJ and GEOS C headers only in their wrapper folders (and the analysis/geometry engines).
hits=$(grep -rnE '#\s*include\s*<(gdal|ogr_|cpl_|gdalwarper|gdal_utils)[a-z_]*\.h>' "$src/src" \
       | grep -vE 'src/core/data/gdal/|src/tools/' )
[ -n "$hits" ] && report "GDAL/OGR headers outside src/core/data/gdal (keep GDAL inside its wrapper)" "$hits"
hits=$(grep -rnE '#\s*include\s*<proj\.h>' "$src/src" | grep -vE 'src/core/crs/')
[ -n "$hits" ] && report "PROJ headers outside src/core/crs" "$hits"
hits=$(grep -rnE '#\s*include\s*<geos_c\.h>' "$src/src" | grep -vE 'src/core/(geometry|analysis)/|src/tools/')
[ -n "$hits" ] && report "GEOS headers outside src/core/geometry and src/core/analysis" "$hits"

if [ $fail -eq 0 ]; then echo "layering: ok"; fi
exit $fail
