#!/usr/bin/env bash
# The test job: set up, build, and run every test (unit, golden, schema).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh
# bootstrap installs PostgreSQL, so the store tests must run on it: fail, not skip.
export FUHUA_REQUIRE_POSTGRES="${FUHUA_REQUIRE_POSTGRES:-1}"
ctest --test-dir build --output-on-failure -j2
