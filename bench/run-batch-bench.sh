#!/usr/bin/env bash
# Batch benchmark: builds a corpus by copying fixture files under new names, runs `extractor batch -j 2`
# and `pdftotext -bbox-layout` (2 at a time, via xargs -P 2) on the same files under /usr/bin/time -v,
# and prints wall time, pages/s, peak RSS and the wall-time ratio (ours / poppler's).
#
#   bench/run-batch-bench.sh [--kind pdf|txt|auto] [--files "300 3000"] [--jobs 2] [--fixtures DIR] [--keep]
#
# --kind pdf   copies the PDFs found under fixtures/ (the real benchmark; poppler runs on them too)
# --kind txt   copies the .txt fixtures (row text): our side only, poppler has nothing to read
# --kind auto  pdf when fixtures/ holds PDFs, else txt (the default)
# --files      corpus sizes; each size is a separate corpus and run, so peak memory can be compared
# --fixtures   where to take the files from (default: fixtures/forms and fixtures/variants: the
#              self-evaluation forms with a text layer; the PDF-reader corpus holds no forms and the
#              scans need OCR, which pdftotext does not do)
# --keep       keep the JSON outputs in bench/results/out-KIND-N
# Needs: the .NET SDK, GNU time (/usr/bin/time), and for PDFs poppler-utils (pdftotext, pdfinfo).
# Corpora go to bench/corpus/, outputs and logs to bench/results/ (both ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

kind=auto
sizes="300 3000"
jobs=2
keep=0
fixtures="fixtures/forms fixtures/variants"
while [ $# -gt 0 ]; do
  case "$1" in
    --kind) kind=$2; shift 2 ;;
    --files) sizes=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --fixtures) fixtures=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 3; }

# shellcheck disable=SC2086  # several folders may be given, separated by spaces
mapfile -d '' pdfs < <(find $fixtures -type f -iname '*.pdf' -print0 | sort -z)
# shellcheck disable=SC2086
mapfile -d '' texts < <(find $fixtures -type f -iname '*.txt' -print0 | sort -z)
if [ "$kind" = auto ]; then
  if [ ${#pdfs[@]} -gt 0 ]; then kind=pdf; else kind=txt; fi
fi
case "$kind" in
  pdf) sources=("${pdfs[@]}"); ext=pdf
       command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null || { echo "needs poppler-utils (pdftotext, pdfinfo)" >&2; exit 3; } ;;
  txt) sources=("${texts[@]}"); ext=txt ;;
  *) echo "--kind takes pdf, txt or auto" >&2; exit 2 ;;
esac
[ ${#sources[@]} -gt 0 ] || { echo "no .$ext fixtures under fixtures/" >&2; exit 3; }

results=$root/bench/results
mkdir -p "$results"
echo "building extractor (Release)…" >&2
# ReadyToRun: the code is compiled ahead for this machine's runtime identifier, so a batch does not
# spend its first seconds in the JIT.
rid=$(dotnet --info | awk '$1 == "RID:" {print $2; exit}')
dotnet publish src/Extractor.Cli -c Release -o "$results/extractor" -r "$rid" --self-contained false \
  -p:PublishReadyToRun=true -v quiet -nologo >/dev/null
extractor=$results/extractor/extractor

# Pages of one source file: pdfinfo for PDFs; for row text, pages are separated by blank lines, which
# the batch counts for us (its summary's "pages" line), so this is only used for PDFs.
pages_of() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2; exit}'; }

# "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:01.23" → seconds
wall_seconds() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%f", (b > 0 ? a / b : 0) }'; }
peak_mb() { awk '/Maximum resident set size/ {printf "%.1f", $NF/1024}' "$1"; }

printf '\n%-8s %-6s %8s %8s %10s %10s %12s\n' tool files pages "wall s" "pages/s" "files/s" "peak RSS MB"
for n in $sizes; do
  corpus=$root/bench/corpus/$ext-$n
  # The corpus is rebuilt when the fixtures it was made from change.
  stamp=$(printf '%s\n' "${sources[@]}" | xargs -d '\n' sha256sum | sha256sum | cut -c1-16)
  if [ "$(cat "$corpus/.complete" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$corpus"
    for ((i = 0; i < n; i++)); do
      src=${sources[$((i % ${#sources[@]}))]}
      dir=$corpus/d$((i / 100))
      mkdir -p "$dir"
      cp "$src" "$dir/$(printf 'f%05d' "$i").$ext"
    done
    echo "$stamp" > "$corpus/.complete"
  fi

  pages=0
  if [ "$ext" = pdf ]; then
    declare -A cache=()
    for ((i = 0; i < n; i++)); do
      src=${sources[$((i % ${#sources[@]}))]}
      [ -n "${cache[$src]:-}" ] || cache[$src]=$(pages_of "$src" || echo 0)
      pages=$((pages + ${cache[$src]:-0}))
    done
    unset cache
  fi

  out=$results/out-$ext-$n
  rm -rf "$out"
  /usr/bin/time -v "$extractor" batch "$corpus" -o "$out" -j "$jobs" 2> "$results/ours-$ext-$n.log" || true
  [ "$ext" = pdf ] || pages=$(awk '/^  pages/ {print $2; exit}' "$results/ours-$ext-$n.log")
  ours_wall=$(wall_seconds "$results/ours-$ext-$n.log")
  ours_peak=$(peak_mb "$results/ours-$ext-$n.log")
  failed=$(awk '/^  failed/ {print $2; exit}' "$results/ours-$ext-$n.log")
  printf '%-8s %-6s %8s %8.2f %10.1f %10.1f %12s\n' extractor "$n" "$pages" "$ours_wall" \
    "$(div "$pages" "$ours_wall")" "$(div "$n" "$ours_wall")" "$ours_peak"
  [ "${failed:-0}" = 0 ] || echo "  ($failed of $n inputs failed, so the figures above do not measure conversion; see $results/ours-$ext-$n.log)"

  if [ "$ext" = pdf ]; then
    # pdftotext writes NAME.html beside each input; they are removed after the run.
    find "$corpus" -type f -name '*.pdf' -print0 \
      | /usr/bin/time -v xargs -0 -P 2 -n 1 pdftotext -q -bbox-layout 2> "$results/poppler-$ext-$n.log" || true
    find "$corpus" -type f -name '*.html' -delete
    pop_wall=$(wall_seconds "$results/poppler-$ext-$n.log")
    pop_peak=$(peak_mb "$results/poppler-$ext-$n.log")
    printf '%-8s %-6s %8s %8.2f %10.1f %10.1f %12s\n' pdftotext "$n" "$pages" "$pop_wall" \
      "$(div "$pages" "$pop_wall")" "$(div "$n" "$pop_wall")" "$pop_peak"
    printf '%-8s %-6s wall-time ratio extractor/pdftotext = %.2f (target ≤ 1.0)\n' ratio "$n" "$(div "$ours_wall" "$pop_wall")"
  fi
  [ "$keep" = 1 ] || rm -rf "$out"
done
echo
echo "peak RSS of pdftotext is that of its largest single process; ours is the whole batch in one process." >&2
