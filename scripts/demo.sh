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
"$CLI" render "$DEMO/kaiserslautern.kwproj" -o "$OUT/kaiserslautern.png" --size 1920x1080
"$CLI" render "$DEMO/kaiserslautern.kwproj" -o "$OUT/kaiserslautern.pdf" --size 1123x794 --dpi 96
"$CLI" render "$DEMO/kaiserslautern.kwproj" -o "$OUT/kaiserslautern.svg" --size 1600x1000
"$CLI" render "$DEMO/kaiserslautern.kwproj" -o "$OUT/innenstadt.png" --size 1600x1200 --extent 409300,5477700,411700,5479500

kw_log "Sensors, time and analysis"
# Projects of the demo (resources/demo/*.kwproj) refer to their data by relative paths: they live next to it.
cp "$KW_ROOT"/resources/demo/*.kwproj "$DEMO/"
# The readings (long format) joined to the sensor sites, stored in the offline sensor cache.
"$CLI" sensors import "$DEMO/messwerte.csv" --sites "$GPKG:sensoren" --site-id-field sensor_id \
  -o "$DEMO/sensoren.gpkg" -q
# Mean NO2 over the 35 days per district (points in polygons), drawn as a choropleth.
"$CLI" aggregate --points "$DEMO/sensoren.gpkg" --property NO2 --polygons "$GPKG:stadtteile" --stat mean \
  -o "$DEMO/no2_stadtteile.gpkg"
"$CLI" render "$DEMO/no2_stadtteile.kwproj" -o "$OUT/no2_stadtteile.png" --size 1600x1200
# Time series around the festival in the centre (Friday 18 September 16:00 to Sunday 23:00).
"$CLI" chart "$DEMO/sensoren.gpkg" --property NO2 --from 2026-09-14 --to 2026-09-22 \
  --cursor 2026-09-18T17:00 -o "$OUT/no2_verlauf.png"
"$CLI" chart "$DEMO/sensoren.gpkg" --property Passanten --from 2026-09-16 --to 2026-09-22 \
  -o "$OUT/passanten_verlauf.svg"
# Sensor layers at the project's current time (18.09.2026 17:00) and the city's projects active in 2026.
"$CLI" render "$DEMO/luftqualitaet.kwproj" -o "$OUT/luftqualitaet_fest.png" --size 1600x1000
"$CLI" render "$DEMO/projekte.kwproj" -o "$OUT/projekte_2026.png" --size 1600x1200
# Animations: hourly frames of the festival weekend; as video and GIF when ffmpeg is installed (optional).
"$CLI" animate "$DEMO/luftqualitaet.kwproj" -o "$OUT/luftqualitaet_frames/" --size 960x600 -q
if command -v ffmpeg >/dev/null 2>&1; then
  "$CLI" animate "$DEMO/luftqualitaet.kwproj" -o "$OUT/luftqualitaet.mp4" --size 960x600 -q
  "$CLI" animate "$DEMO/projekte.kwproj" -o "$OUT/projekte.gif" --size 640x480 -q
else
  echo "ffmpeg is not installed: skipping the MP4 and GIF animations (PNG frames are in $OUT/luftqualitaet_frames/)"
fi
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
  "$KW_BUILD_DIR/src/app/kartenwerk" "$GPKG" "$DEMO/sensoren.gpkg" >/dev/null 2>&1 &
fi
