#!/usr/bin/env bash
# The main job: set up, build, extract every sample notice to out/*.json, and
# ingest the samples into the consolidated store out/fuhua.db (SQLite),
# linking carriers across notices.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh
mkdir -p out
status=0
build/fuhua extract samples/*.txt samples/*.docx -o out/ || status=$?
echo "wrote $(ls out/*.json | wc -l) files to out/" >&2
build/fuhua ingest samples/ --db out/fuhua.db || status=$?
exit $status
