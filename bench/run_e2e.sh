#!/usr/bin/env bash
# End-to-end throughput of the `parley` binary on one core: builds a plain-text corpus of about
# SIZE_MB megabytes (default 20) from the raw sentences of UD English EWT (../shared) or, when
# that is absent, from samples/, then times `parley segment` and `parley annotate` over it and
# prints MB/s, sentences/s and tokens/s. Usage: bench/run_e2e.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
size_mb=${SIZE_MB:-20}
parley="$build/parley"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

shared=../shared/data/ud-english-ewt/en_ewt-ud-train.conllu
if [ -f "$shared" ]; then
  # One document per EWT "newdoc", paragraphs kept, from the # text lines.
  awk '/^# newdoc/ { if (n++) printf "\n\n" } /^# text = / { sub(/^# text = /, ""); printf "%s ", $0 }' \
    "$shared" > "$work/unit.txt"
else
  cat samples/*.txt > "$work/unit.txt"
fi
: > "$work/corpus.txt"
while [ "$(stat -c %s "$work/corpus.txt")" -lt $((size_mb * 1000000)) ]; do
  cat "$work/unit.txt" >> "$work/corpus.txt"
done
bytes=$(stat -c %s "$work/corpus.txt")
echo "corpus: $bytes bytes ($(nproc) cores on this machine; parley runs on one)"

run() {  # name, command...
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  "$@" > "$work/$name.out" 2> "$work/$name.err"
  end=$(date +%s.%N)
  echo "$name: $(awk -v s="$start" -v e="$end" -v b="$bytes" 'BEGIN { printf "%.2f s, %.1f MB/s", e - s, b / (e - s) / 1e6 }')"
  tail -n 3 "$work/$name.err" | sed 's/^/  /'
}

run segment taskset -c 0 "$parley" segment --input-format text "$work/corpus.txt"

# The full pipeline Parley has so far (text + tag + lemma + parse + actor lookup) on a tenth
# of the corpus: sentences/s and tokens/s, load time included.
head -c $((bytes / 10)) "$work/corpus.txt" > "$work/annotate.txt"
start=$(date +%s.%N)
taskset -c 0 "$parley" annotate --input-format text --date 2024-01-01 "$work/annotate.txt" \
  > "$work/annotate.out" 2> "$work/annotate.err"
end=$(date +%s.%N)
sentences=$(grep -o '"actors":' "$work/annotate.out" | wc -l)
tokens=$(grep -o '"deprel":' "$work/annotate.out" | wc -l)
awk -v s="$start" -v e="$end" -v t="$tokens" -v n="$sentences" -v b="$((bytes / 10))" \
  'BEGIN { d = e - s; printf "annotate (read, clean, segment, tokenize, tag, lemmatize, parse, actors): %d bytes, %d sentences, %d tokens in %.2f s: %.0f sentences/s, %.0f tokens/s\n", b, n, t, d, n / d, t / d }'
