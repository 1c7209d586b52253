#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the real kartenwerk-cli under LC_ALL=de_DE.UTF-8, where printf-style formatting writes decimal
# commas: `info` must still print extents with decimal points, `info --json` must be valid JSON, and
# `render --extent` must read decimal points. Skips (exit 77, reported as skipped by CTest) when the locale is not installed; it cannot
# be generated from a test (that needs root and locale-gen).
# Usage: cli_locale_test.sh PATH/TO/kartenwerk-cli PATH/TO/nc.gpkg
set -u
cli=$1
nc=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

if ! locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; then
  echo "SKIP: locale de_DE.UTF-8 is not installed (locale -a); generate it with locale-gen to run this test"
  exit 77
fi
export LC_ALL=de_DE.UTF-8
# Make sure the locale really is in effect, or the checks below prove nothing.
[ "$(locale decimal_point 2>/dev/null)" = "," ] || fail "LC_ALL=de_DE.UTF-8 does not give decimal commas in this shell"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$cli" info "$nc" >"$tmp/info.txt" 2>"$tmp/info.err" || fail "info exited with $?: $(cat "$tmp/info.err")"
extent=$(grep '^  Extent: ' "$tmp/info.txt") || fail "no Extent line in: $(cat "$tmp/info.txt")"
[ "$extent" = "  Extent: -84.323900, 33.882000 - -75.457000, 36.589600" ] || fail "extent is '$extent'"
if grep -E '[0-9],[0-9]' "$tmp/info.txt"; then
  fail "decimal commas in info output (lines above)"
fi

"$cli" info --json "$nc" >"$tmp/info.json" 2>"$tmp/json.err" || fail "info --json exited with $?: $(cat "$tmp/json.err")"
python3 -m json.tool "$tmp/info.json" >/dev/null || fail "info --json is not valid JSON: $(cat "$tmp/info.json")"
python3 - "$tmp/info.json" <<'PY' || fail "unexpected JSON content"
import json, sys
layer = json.load(open(sys.argv[1]))["layers"][0]
assert layer["feature_count"] == 100, layer["feature_count"]
assert [round(v, 6) for v in layer["extent"]] == [-84.3239, 33.882, -75.457, 36.5896], layer["extent"]
PY

"$cli" render "$nc" -o "$tmp/map.png" --size 200x100 --dpi 96.0 --extent -84.5,33.75,-75.25,36.75 \
  >"$tmp/render.txt" 2>&1 || fail "render with a decimal-point --extent failed: $(cat "$tmp/render.txt")"
[ -s "$tmp/map.png" ] || fail "render wrote no file"
echo "PASS: info, info --json and render --extent under de_DE.UTF-8"
