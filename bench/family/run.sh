#!/usr/bin/env bash
# The family benchmark: render N seeded documents of the form family, convert them with the extractor,
# score every contract field. See bench/family/README.md.
#
#   bench/family/run.sh [N] [--holdout] [--extractor PATH] [--out DIR]
#   bench/family/run.sh --sample K --floor PCT [--extractor PATH]      (CI: exit 1 under the floor)
#
# Tune documents use seeds 1..N and tune forms; holdout documents use seeds 1000001..1000000+N and
# holdout forms. Renderings are cached by seed in OUT/docs (default bench/family/out, ignored by git):
# a document is rendered again only when its seed, the corpus forms it draws from or the generator's
# code changed. Markdown report on stdout; JSON figures in OUT/family-SPLIT-N.json.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MAIN=$(cd "$HERE/../.." && pwd)
PY=/usr/bin/python3          # Debian's Python: python3-openpyxl and python3-docx
export PYTHONDONTWRITEBYTECODE=1
N=300
HOLDOUT=0
EXTRACTOR=""
OUT="$HERE/out"
SAMPLE=""
FLOOR=""

while [ $# -gt 0 ]; do
  case "$1" in
    --holdout) HOLDOUT=1 ;;
    --extractor) EXTRACTOR=$2; shift ;;
    --out) OUT=$2; shift ;;
    --sample) SAMPLE=$2; shift ;;
    --floor) FLOOR=$2; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    [0-9]*) N=$1 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
if [ -n "$SAMPLE" ]; then
  N=$SAMPLE
  HOLDOUT=0
fi

SPLIT=tune
FIRST=1
if [ "$HOLDOUT" = 1 ]; then
  SPLIT=holdout
  FIRST=1000001
fi
LAST=$((FIRST + N - 1))
DOCS="$OUT/docs"
RUN="$OUT/run-$SPLIT-$N"
mkdir -p "$DOCS"

if [ -z "$EXTRACTOR" ]; then
  echo "publishing the extractor to $OUT/extractor" >&2
  dotnet publish "$MAIN/src/Extractor.Cli" -c Release -o "$OUT/extractor" -v quiet -nologo >&2
  EXTRACTOR="$OUT/extractor/extractor"
fi

echo "rendering seeds $FIRST-$LAST ($SPLIT) into $DOCS" >&2
GEN_ARGS=(--seeds "$FIRST-$LAST" --out "$DOCS")
[ "$HOLDOUT" = 1 ] && GEN_ARGS+=(--holdout)
(cd "$MAIN/fixtures/family" && "$PY" generate.py "${GEN_ARGS[@]}") >&2 || true

rm -rf "$RUN"
mkdir -p "$RUN/input"
: > "$RUN/names.txt"
for seed in $(seq "$FIRST" "$LAST"); do
  name=$(printf 'family-%07d' "$seed")
  [ -f "$DOCS/$name.meta.json" ] || continue
  echo "$name" >> "$RUN/names.txt"
  [ -f "$DOCS/$name.pdf" ] && ln -s "$DOCS/$name.pdf" "$RUN/input/$name.pdf"
done

echo "converting $(ls "$RUN/input" | wc -l) PDFs with $EXTRACTOR" >&2
"$EXTRACTOR" batch "$RUN/input" -o "$RUN/results" -j 2 --quiet > "$RUN/batch.log" 2>&1 || true

SCORE_ARGS=(--docs "$DOCS" --results "$RUN/results" --names "$RUN/names.txt" --json "$OUT/family-$SPLIT-$N.json"
            --batch-log "$RUN/batch.log")
[ -n "$FLOOR" ] && SCORE_ARGS+=(--floor "$FLOOR")
"$PY" "$HERE/score.py" "${SCORE_ARGS[@]}"
