#!/usr/bin/env bash
# The long fuzz run: every crafted case and N mutated cases (seeds FIRST … FIRST+N-1), each converted in a
# worker process under the default per-file limit (a case that kills its process is recorded as a crash and
# the run goes on; one that overruns is recorded as a hang and its worker replaced), and a sample of them
# also through `extractor convert` and one `extractor batch`. Prints the report; exit code 1 if any case failed.
#
#   tools/fuzz-long.sh [--cases 10000] [--seed 1] [--timeout 120] [--cli-sample 100] [--ocr never]
#
# The tool is built into bench/results/fuzz/bin (so that builds made while it runs do not touch it);
# the report, the journal (one JSON line a case) and the inputs of failing cases go to bench/results/fuzz/.
# Needs: the .NET SDK and GNU time (/usr/bin/time), for the peak memory of the run and its workers.
set -euo pipefail
cd "$(dirname "$0")/.."

cases=10000
seed=1
timeout=120
cli=100
ocr=never
while [ $# -gt 0 ]; do
  case "$1" in
    --cases) cases=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --cli-sample) cli=$2; shift 2 ;;
    --ocr) ocr=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

out=bench/results/fuzz
rm -rf "$out"
mkdir -p "$out"
dotnet build tools/Extractor.Fuzz -c Release -o "$out/bin" -v quiet -nologo >/dev/null

set +e
/usr/bin/time -v -o "$out/time.txt" "$out/bin/extractor-fuzz" \
  --cases "$cases" --seed "$seed" --timeout "$timeout" --margin 30 --ocr "$ocr" \
  --isolate --cli-sample "$cli" \
  --journal "$out/journal.jsonl" --report "$out/report.md" --save-failures "$out/failures"
status=$?
set -e

wall=$(grep 'Elapsed (wall clock)' "$out/time.txt" | sed 's/.*: //')
rss=$(grep 'Maximum resident set size' "$out/time.txt" | sed 's/.*: //')
echo
echo "wall clock $wall; peak RSS of the run and its workers $((rss / 1024)) MB"
exit $status
