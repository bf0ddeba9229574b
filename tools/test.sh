#!/usr/bin/env bash
# The test job: set up, build, and run every test (unit, golden, schema).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh
ctest --test-dir build --output-on-failure -j2
