#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up a fresh Debian 12 machine, builds Kartenwerk, renders the demo maps into out/ and, where a
# display exists, opens the desktop app on the demo data.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

kw_install_packages
kw_build OFF

OUT="$KW_ROOT/out"
mkdir -p "$OUT"
CLI="$KW_BUILD_DIR/src/cli/kartenwerk-cli"
DEMO="$KW_BUILD_DIR/demo"
GPKG="$DEMO/kaiserslautern.gpkg"

kw_log "Rendering the demo maps"
"$CLI" render "$GPKG" -o "$OUT/kaiserslautern.png" --size 1920x1080
"$CLI" render "$GPKG" -o "$OUT/kaiserslautern.pdf" --size 1123x794 --dpi 96
"$CLI" render "$GPKG" -o "$OUT/kaiserslautern.svg" --size 1600x1000
"$CLI" render "$GPKG" -o "$OUT/innenstadt.png" --size 1600x1200 --extent 409300,5477700,411700,5479500

kw_log "Exporting the council layout and the district atlas"
PROJECT="$DEMO/kaiserslautern.kwproj"
"$CLI" check "$PROJECT" --offline --quiet
"$CLI" export "$PROJECT" --layout "Ratsvorlage A4" -o "$OUT/ratsvorlage.pdf"
"$CLI" export "$PROJECT" --layout "Ratsvorlage A4" -o "$OUT/ratsvorlage.png" --dpi 150
rm -rf "$OUT/atlas"
"$CLI" atlas "$PROJECT" --layout "Stadtteile" -o "$OUT/atlas/{name}.pdf" --jobs "$KW_JOBS"

echo
echo "Demo maps:"
ls -1d "$OUT"/* | sed 's/^/  /'

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$KW_BUILD_DIR/src/app/kartenwerk" ]; then
  kw_log "Opening Kartenwerk"
  "$KW_BUILD_DIR/src/app/kartenwerk" "$GPKG" >/dev/null 2>&1 &
fi
