#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the committed inputs of the render and CLI tests in tests/data/render/ (see
# tests/data/README.md). Needs gdal-bin and python3. Run from anywhere; the outputs are deterministic
# except for timestamps inside the GeoTIFF/MBTiles containers.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=$(cd "$here/.." && pwd)
shared=$(cd "$data/../../../shared/data" && pwd)
out=$data/render
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
export GDAL_PAM_ENABLED=NO # no .aux.xml side files

python3 "$here/synthetic.py" "$tmp"
cp "$tmp"/*.geojson "$out/"

# DEM: Float32, deflate with the floating-point predictor, internal overviews 2x and 4x.
rm -f "$out/dem_25832.tif"
gdal_translate -q -ot Float32 -a_srs EPSG:25832 -a_nodata -9999 \
  -co COMPRESS=DEFLATE -co PREDICTOR=3 -co TILED=YES -co BLOCKXSIZE=128 -co BLOCKYSIZE=128 \
  "$tmp/dem.asc" "$out/dem_25832.tif"
gdaladdo -q -r average --config COMPRESS_OVERVIEW DEFLATE --config PREDICTOR_OVERVIEW 3 \
  "$out/dem_25832.tif" 2 4

# RGB quadrants in EPSG:4326 over Kaiserslautern: 7.70..7.86 E, 49.40..49.48 N.
rm -f "$out/quadrants_4326.tif"
gdal_translate -q -of GTiff -a_srs EPSG:4326 -a_ullr 7.70 49.48 7.86 49.40 -co COMPRESS=DEFLATE \
  -co PHOTOMETRIC=RGB "$tmp/quadrants.ppm" "$out/quadrants_4326.tif"
gdaladdo -q -r nearest "$out/quadrants_4326.tif" 2

# NO2 stations: the real EEA stations of the shared CSV as GeoJSON points (WGS84), 3 attributes.
rm -f "$out/no2_stations.geojson"
ogr2ogr -f GeoJSON -oo X_POSSIBLE_NAMES=station_longitude_deg -oo Y_POSSIBLE_NAMES=station_latitude_deg \
  -oo KEEP_GEOM_COLUMNS=NO -a_srs EPSG:4326 -select station_european_code,station_name,NO2 \
  -lco COORDINATE_PRECISION=6 -nln no2_stations \
  "$out/no2_stations.geojson" "$shared/air/no2_germany_rural_background.csv"

# Basemap of Vaduz rasterized from the real OSM extract (independently of Kartenwerk's renderer):
# Web Mercator, 9.54 m pixels (zoom 14), then MBTiles (zoom 14, 8-bit PNG tiles) with overview levels.
pbf=$shared/osm/liechtenstein-2013-08-03.osm.pbf
ogr2ogr -q -f GPKG -t_srs EPSG:3857 -spat 9.49 47.115 9.555 47.17 "$tmp/osm.gpkg" "$pbf" multipolygons lines
read -r xmin ymin xmax ymax <<<"1057535.163 5962501.175 1062544.540 5968229.361" # 9.50 47.125 9.545 47.16
gdal_create -q -of GTiff -outsize 525 600 -bands 3 -ot Byte -burn 242 -burn 239 -burn 233 \
  -a_srs EPSG:3857 -a_ullr $xmin $ymax $xmax $ymin "$tmp/basemap.tif"
burn() { # layer where r g b
  gdal_rasterize -q -l "$1" -where "$2" -b 1 -b 2 -b 3 -burn "$3" -burn "$4" -burn "$5" "$tmp/osm.gpkg" "$tmp/basemap.tif"
}
burn multipolygons "landuse IN ('forest') OR \"natural\" IN ('wood', 'scrub')" 173 209 158
burn multipolygons "landuse IN ('residential', 'commercial', 'industrial')" 224 223 223
burn multipolygons "\"natural\" = 'water' OR landuse IN ('basin', 'reservoir')" 120 170 230
burn multipolygons "building IS NOT NULL" 190 170 160
burn lines "waterway IS NOT NULL" 120 170 230
burn lines "highway IN ('primary', 'secondary', 'tertiary', 'residential', 'unclassified')" 230 120 40
rm -f "$out/vaduz_basemap.mbtiles"
gdal_translate -q -of MBTILES -co TILE_FORMAT=PNG8 -co ZOOM_LEVEL_STRATEGY=LOWER -co NAME=vaduz \
  "$tmp/basemap.tif" "$out/vaduz_basemap.mbtiles"
gdaladdo -q -r average "$out/vaduz_basemap.mbtiles" 2 4

ls -l "$out"
