#!/usr/bin/env bash
# Runs the whole test suite: `dotnet test`, then a seeded sample of the family benchmark (documents of
# the form family rendered by LibreOffice, Chromium and ghostscript) that must stay above a floor of
# fields right. Installs the Debian packages the tests use (poppler-utils, qpdf, npm for the OCR models,
# chromium, and the family generator's producers and fonts) when they are missing: with apt-get when running
# as root, otherwise it says what to install and stops.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf      >/dev/null 2>&1 || need+=(qpdf)
command -v npm       >/dev/null 2>&1 || need+=(npm)
# The family generator (fixtures/family): its producers, its fonts and its Python libraries.
command -v soffice   >/dev/null 2>&1 || need+=(libreoffice-calc libreoffice-writer)
# chromium also renders review.html in the review page's browser test (tests/Extractor.Cli.Tests/Review).
command -v chromium  >/dev/null 2>&1 || need+=(chromium)
command -v gs        >/dev/null 2>&1 || need+=(ghostscript)
command -v fc-list   >/dev/null 2>&1 || need+=(fontconfig)
for font in fonts-noto-cjk fonts-wqy-zenhei fonts-wqy-microhei fonts-arphic-uming python3-openpyxl python3-docx; do
  dpkg -s "$font" >/dev/null 2>&1 || need+=("$font")
done

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

# The family sample: seeded renderings converted and scored; under the floor fails the run.
bash bench/family/run.sh --sample 8 --floor 95 --out "${TMPDIR:-/tmp}/extractor-family-sample"
