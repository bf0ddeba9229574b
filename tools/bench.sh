#!/usr/bin/env bash
# Builds and runs the end-to-end benchmark, build/bench/fuhua_bench
# (bench/fuhua_bench.cc): `fuhua extract` and `fuhua ingest` on N copies of
# samples/ (.docx and .txt), beside the unzip+pugixml floor, pandoc and
# python-docx (installed here by bootstrap --bench), with ratios.
# usage: tools/bench.sh [fuhua_bench options]     e.g. --docs 1000 --repeat 3,
#                                                 --scaling 1000,10000, --help
#        tools/bench.sh --hot [benchmark options] the hot-function microbenchmarks
#                                                 (build/bench/fuhua_hot_bench)
#        tools/bench.sh COPIES [txt|docx]         the old form: COPIES copies of each
#                                                 sample of one format, no comparisons
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/bootstrap.sh --bench
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2 --target fuhua fuhua_bench fuhua_hot_bench >/dev/null
if [ "${1:-}" = "--hot" ]; then
  shift
  exec build/bench/fuhua_hot_bench "$@"
fi
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  ext=${2:-txt}
  samples=(samples/*."$ext")
  exec build/bench/fuhua_bench --docs $(($1 * ${#samples[@]})) --formats "$ext" --no-compare
fi
exec build/bench/fuhua_bench "$@"
