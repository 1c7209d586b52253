#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The app end to end as a planner starts it: open the demo project in German, write a snapshot, exit 0.
set -euo pipefail
app="$1" project="$2" out="$3"
rm -f "$out"
"$app" "$project" --snapshot "$out" --lang de
test -s "$out" || { echo "no snapshot written" >&2; exit 1; }
# A real picture of the window, not an empty image: PNG signature and a few kilobytes at least.
head -c 8 "$out" | od -An -tx1 | grep -q "89 50 4e 47" || { echo "not a PNG" >&2; exit 1; }
[ "$(stat -c %s "$out")" -gt 20000 ] || { echo "snapshot suspiciously small" >&2; exit 1; }
# A missing project is an input error (exit 2), not a hang.
set +e
"$app" /nonexistent/missing.kwproj --snapshot "$out.missing.png" --lang en
code=$?
set -e
[ "$code" -eq 2 ] || { echo "missing project: exit $code, expected 2" >&2; exit 1; }
echo "ok: $out"
