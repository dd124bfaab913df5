#!/usr/bin/env bash
# The scan sweep: scan the born-digital fixtures (and family renderings) under every condition, convert
# them in one batch, score every contract field per condition and time every page. See bench/README.md.
#
#   bench/scans/run.sh [--extractor PATH] [--out DIR] [--sources LIST] [--conditions LIST]
#                      [--family N] [--family-docs DIR] [-j JOBS]
#
# Without --extractor the CLI is published once, ReadyToRun, to OUT/extractor. Scans are cached in
# OUT/input (made again only when a condition or a source changes); results in OUT/results, the batch's
# JSON log in OUT/batch.log, its peak memory in OUT/time.txt, the figures in OUT/sweep.json; the table on
# stdout.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/out"
EXTRACTOR=""
JOBS=2
MAKE_ARGS=()
FAMILY_DOCS="$ROOT/bench/family/out/docs"
FAMILY=0

while [ $# -gt 0 ]; do
  case "$1" in
    --extractor) EXTRACTOR=$2; shift ;;
    --out) OUT=$2; shift ;;
    --sources) MAKE_ARGS+=(--sources "$2"); shift ;;
    --conditions) MAKE_ARGS+=(--conditions "$2"); shift ;;
    --family) FAMILY=$2; shift ;;
    --family-docs) FAMILY_DOCS=$2; shift ;;
    -j) JOBS=$2; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
if [ "$FAMILY" -gt 0 ]; then
  MAKE_ARGS+=(--family "$FAMILY" --family-docs "$FAMILY_DOCS")
fi
mkdir -p "$OUT"

if [ -z "$EXTRACTOR" ]; then
  echo "publishing the extractor (ReadyToRun) to $OUT/extractor" >&2
  dotnet publish "$ROOT/src/Extractor.Cli" -c Release -r linux-x64 --self-contained false \
    -p:PublishReadyToRun=true -o "$OUT/extractor" -v quiet -nologo >&2
  EXTRACTOR="$OUT/extractor/extractor"
fi

echo "making the scans in $OUT/input" >&2
python3 "$HERE/sweep.py" make --out "$OUT" "${MAKE_ARGS[@]}"

echo "converting $(find "$OUT/input" -type f | wc -l) files with $EXTRACTOR -j $JOBS" >&2
rm -rf "$OUT/results" "$OUT/batch.log"
/usr/bin/time -v -o "$OUT/time.txt" "$EXTRACTOR" batch "$OUT/input" -o "$OUT/results" -j "$JOBS" \
  --log "$OUT/batch.log" --quiet > "$OUT/batch.out" 2>&1 || true
grep -E "Maximum resident|Elapsed \(wall" "$OUT/time.txt" >&2 || true

python3 "$HERE/sweep.py" score --out "$OUT" --log "$OUT/batch.log" --json "$OUT/sweep.json"
