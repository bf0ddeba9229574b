#!/usr/bin/env bash
# Throughput and memory of `fuhua extract` on N copies of the samples, in one
# process (what a bulk run does). Prints ms per document and peak RSS.
# usage: tools/bench.sh [COPIES] [EXT]   (default 200 copies of each samples/*.txt;
#        EXT=docx measures the LibreOffice .docx renditions instead)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-200}
ext=${2:-txt}
[ -x build/fuhua ] || bash tools/build.sh
inputs=()
for _ in $(seq "$copies"); do inputs+=(samples/*."$ext"); done
n=${#inputs[@]}
log=$(mktemp)
/usr/bin/time -f "%e %M" -o "$log" build/fuhua extract --format jsonl "${inputs[@]}" -o /dev/null
read -r seconds rss_kb <"$log"
rm -f "$log"
awk -v n="$n" -v s="$seconds" -v kb="$rss_kb" 'BEGIN {
  printf "documents: %d\nwall: %.2f s\nper document: %.3f ms\npeak RSS: %.1f MiB\n", n, s, 1000 * s / n, kb / 1024 }'
