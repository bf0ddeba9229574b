#!/usr/bin/env bash
# Installs every Debian package fuhua needs to build, test and run, and only
# those that are missing. Idempotent and quiet when everything is there.
# usage: tools/bootstrap.sh [--bench]   (--bench: also the optional tools the
#        benchmark compares fuhua with, pandoc and python3-docx; tools/bench.sh)
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config git        # toolchain
  libpoco-dev libicu-dev libre2-dev           # Poco (JSON, Foundation, Zip, Data), ICU, RE2
  libpq-dev                                   # libpq headers: CMake's FindPostgreSQL, for
                                              # Poco::DataPostgreSQL (libpoco-dev lacks them)
  postgresql                                  # server for the store tests (tests/pg_server.cc
                                              # starts a private one; the system one is unused)
  libpugixml-dev libxlsxwriter-dev            # OOXML and Excel (later readers/exporters)
  libssl-dev                                  # OpenSSL's libcrypto: SHA-256 of input files
  libdeflate-dev                              # inflate + CRC-32 of .docx parts
  libgoogle-perftools-dev                     # tcmalloc, the program's allocator (CMakeLists.txt)
  libgtest-dev                                # unit tests
  libbenchmark-dev                            # Google Benchmark: bench/hot_bench.cc
  python3 python3-jsonschema                  # output schema validation in the tests
  python3-openpyxl                            # reads the Excel export back in the tests
                                              # (tests/check_xlsx.py)
  "libreoffice-calc-nogui|libreoffice-calc"   # headless Calc: the tests convert the Excel
                                              # export with LibreOffice (the -nogui variant,
                                              # no X libraries; a full libreoffice-calc,
                                              # which it conflicts with, counts as present)
)
# Side-by-side comparisons of bench/fuhua_bench.cc (optional: large, and not
# needed to build or test).
BENCH_PACKAGES=(
  pandoc                                      # docx -> plain, one process per file
  python3-docx                                # bench/python_docx_read.py
)
[ "${1:-}" = "--bench" ] && PACKAGES+=("${BENCH_PACKAGES[@]}")

missing=()
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for p in "${PACKAGES[@]}"; do
  # "a|b": either will do; a is installed when neither is.
  found=""
  IFS='|' read -ra alternatives <<<"$p"
  for a in "${alternatives[@]}"; do if installed "$a"; then found=1; fi; done
  [ -n "$found" ] || missing+=("${alternatives[0]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "bootstrap: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
