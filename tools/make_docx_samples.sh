#!/usr/bin/env bash
# Makes samples/*.docx from samples/*.txt with LibreOffice (see
# tools/make_docx_samples.py for the recipe). Installs libreoffice-writer from
# Debian when soffice is missing, then converts and checks every sample.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v soffice >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    libreoffice-writer >/dev/null
fi
exec python3 tools/make_docx_samples.py "$@"
