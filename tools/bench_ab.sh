#!/usr/bin/env bash
# Before/after on a shared, noisy machine: runs `fuhua ingest` of one folder
# with two builds alternately (old, new, old, new, ...) into a fresh SQLite
# file each time, and prints each build's runs and medians: CPU (user+sys) and
# wall seconds. The machine's speed drifts between minutes; alternating keeps
# that drift out of the comparison.
# usage: tools/bench_ab.sh OLD_FUHUA NEW_FUHUA DIR [JOBS=1] [RUNS=5]
#   a DIR of copies: build/bench/fuhua_bench --docs 1000 --formats docx \
#                    --commands extract --no-compare --work /tmp/c --keep
#                    (then DIR=/tmp/c/corpus-docx)
set -euo pipefail
[ $# -ge 3 ] || { sed -n '2,10p' "$0"; exit 2; }
old=$1 new=$2 dir=$3 jobs=${4:-1} runs=${5:-5}
db=$(mktemp -d)/ab.db
trap 'rm -rf "$(dirname "$db")"' EXIT
for _ in $(seq "$runs"); do
  for which in old new; do
    bin=$old; [ "$which" = new ] && bin=$new
    rm -f "$db" "$db-wal" "$db-shm"
    /usr/bin/time -f "$which %U %S %e" "$bin" ingest "$dir" --db "$db" --jobs "$jobs" --quiet \
      2>&1 >/dev/null | grep -E "^(old|new) "
  done
done | awk '
  { cpu[$1] = cpu[$1] " " ($2 + $3); wall[$1] = wall[$1] " " $4 }
  function median(list,   n, v, i, j, t) {
    n = split(list, v, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  END { for (b in cpu) printf "%s  cpu:%s  (median %.2f)  wall:%s  (median %.2f)\n", b, cpu[b], median(cpu[b]), wall[b], median(wall[b]) }'
