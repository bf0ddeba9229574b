#!/usr/bin/env bash
# The main job: set up, build, extract every sample notice to out/*.json,
# ingest the samples into the consolidated store out/fuhua.db (SQLite),
# linking carriers across notices, and export the store as the Excel workbook
# out/fuhua.xlsx and the Frictionless data package out/datapackage/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh
mkdir -p out
status=0
build/fuhua extract samples/*.txt samples/*.docx -o out/ || status=$?
echo "wrote $(ls out/*.json | wc -l) files to out/" >&2
build/fuhua ingest samples/ --db out/fuhua.db || status=$?
build/fuhua export --db out/fuhua.db --format xlsx -o out/fuhua.xlsx || status=$?
build/fuhua export --db out/fuhua.db --format datapackage -o out/datapackage || status=$?
exit $status
