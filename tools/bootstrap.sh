#!/usr/bin/env bash
# Installs every Debian package fuhua needs to build, test and run, and only
# those that are missing. Idempotent and quiet when everything is there.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config git        # toolchain
  libpoco-dev libicu-dev libre2-dev           # Poco (JSON, Foundation, Zip, Data), ICU, RE2
  libpq-dev                                   # libpq headers: CMake's FindPostgreSQL, for
                                              # Poco::DataPostgreSQL (libpoco-dev lacks them)
  postgresql                                  # server for the store tests (tests/pg_server.cc
                                              # starts a private one; the system one is unused)
  libpugixml-dev libxlsxwriter-dev            # OOXML and Excel (later readers/exporters)
  libgtest-dev                                # unit tests
  python3 python3-jsonschema                  # output schema validation in the tests
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "bootstrap: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
