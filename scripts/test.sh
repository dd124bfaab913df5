#!/usr/bin/env bash
# Runs the whole test suite. Installs the Debian packages the tests use as a reference
# (poppler-utils, qpdf, tesseract with Chinese data, chromium) when they are missing: with apt-get when
# running as root, otherwise it says what to install and stops.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf      >/dev/null 2>&1 || need+=(qpdf)
command -v npm       >/dev/null 2>&1 || need+=(npm)
# The review page's browser test renders review.html in headless Chromium.
{ command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; } || need+=(chromium)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx chi_sim; } || need+=(tesseract-ocr-chi-sim)
{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx eng; } || need+=(tesseract-ocr-eng)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing: ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "the tests need these Debian packages: ${need[*]}" >&2
    echo "install them with: sudo apt-get install ${need[*]}" >&2
    exit 3
  fi
fi

# The OCR engine's models (checked by SHA-256; nothing is downloaded when they are already there).
bash scripts/install-models.sh

dotnet test Extractor.sln -c Release "$@"
