#!/usr/bin/env bash
# The main job: set up, build, and extract every sample notice to out/*.json.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh
mkdir -p out
status=0
build/fuhua extract samples/*.txt samples/*.docx -o out/ || status=$?
echo "wrote $(ls out/*.json | wc -l) files to out/" >&2
exit $status
