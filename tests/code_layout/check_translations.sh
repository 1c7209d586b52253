#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every text the app shows has a German translation (and an English plural form): lupdate reads the
# sources into a copy of each committed .ts file; a message it adds or leaves unfinished fails the check.
# The UI ships in German; without this, new texts silently appeared in English until someone ran
# `cmake --build build --target update_translations` and resources/translations/fill_translations.py.
# Usage: check_translations.sh SOURCE_DIR LUPDATE CMAKE GENERATE_LUPDATE_PROJECT_SCRIPT LUPDATE_PROJECT_CMAKE
# qt_add_translations writes LUPDATE_PROJECT_CMAKE (sources, include paths) at configure time; the JSON
# lupdate reads is made from it only when the update_translations target runs, which would rewrite the
# committed .ts files. So the JSON is made here, with Qt's own script, into a temporary directory.
set -u
src=$1
lupdate=$2
cmake=$3
generator=$4
project_in=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
project=$work/project.json
if ! "$cmake" -DIN_FILE="$project_in" -DOUT_FILE="$project" -P "$generator" >"$work/generate.log" 2>&1; then
  echo "FAIL: cannot make the lupdate project from $project_in"; cat "$work/generate.log"; exit 1
fi
for lang in de en; do
  cp "$src/resources/translations/kartenwerk_$lang.ts" "$work/"
  # The same sources and options as qt_add_translations in src/app/CMakeLists.txt.
  if ! "$lupdate" -silent -no-obsolete -locations none -project "$project" \
       -ts "$work/kartenwerk_$lang.ts" >"$work/lupdate.log" 2>&1; then
    echo "FAIL: lupdate failed"; cat "$work/lupdate.log"; exit 1
  fi
  missing=$(python3 - "$work/kartenwerk_$lang.ts" <<'PY'
import sys, xml.etree.ElementTree as ET
for m in ET.parse(sys.argv[1]).getroot().iter('message'):
    t = m.find('translation')
    if t is not None and t.get('type') == 'unfinished':
        print(repr(m.findtext('source')))
PY
)
  if [ -n "$missing" ]; then
    echo "FAIL: kartenwerk_$lang.ts lacks these texts of the sources (run the update_translations target,"
    echo "      add the German to resources/translations/fill_translations.py and run it):"
    echo "$missing" | sed 's/^/    /'
    fail=1
  fi
done
[ $fail -eq 0 ] && echo "every text of the app is translated"
exit $fail
