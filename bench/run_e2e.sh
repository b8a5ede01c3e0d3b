#!/usr/bin/env bash
# End-to-end throughput of the `parley` binary on one core: builds a plain-text corpus of about
# SIZE_MB megabytes (default 20) from the raw sentences of UD English EWT (../shared) or, when
# that is absent, from samples/, then times `parley segment` and `parley annotate` over it and
# prints MB/s, sentences/s and tokens/s; then times `parley code` (the main job) on news-like
# text on one and two threads. Usage: bench/run_e2e.sh [build-dir]
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
# one JSONL document per EWT document (blank-line separated), so that no document is cut
python3 -c '
import json, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
for i, part in enumerate(p for p in text.split("\n\n") if p.strip()):
    print(json.dumps({"id": "web-%d" % i, "date": "2024-01-01", "text": part}))
' "$work/annotate.txt" > "$work/annotate.jsonl"
start=$(date +%s.%N)
taskset -c 0 "$parley" annotate --threads 1 "$work/annotate.jsonl" \
  > "$work/annotate.out" 2> "$work/annotate.err"
end=$(date +%s.%N)
sentences=$(grep -o '"actors":' "$work/annotate.out" | wc -l)
tokens=$(grep -o '"deprel":' "$work/annotate.out" | wc -l)
awk -v s="$start" -v e="$end" -v t="$tokens" -v n="$sentences" -v b="$((bytes / 10))" \
  'BEGIN { d = e - s; printf "annotate (read, clean, segment, tokenize, tag, lemmatize, parse, actors): %d bytes, %d sentences, %d tokens in %.2f s: %.0f sentences/s, %.0f tokens/s\n", b, n, t, d, n / d, t / d }'

# The main job on the same web text as annotate (few political actors: most sentences are
# skipped before tagging), for comparison with the news-like figures below.
start=$(date +%s.%N)
taskset -c 0 "$parley" code --threads 1 "$work/annotate.jsonl" \
  > "$work/code-web.out" 2> "$work/code-web.err"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v n="$sentences" -v t="$tokens" \
  'BEGIN { d = e - s; printf "code --threads 1 on the web text: %d sentences, %d tokens in %.2f s: %.0f sentences/s, %.0f tokens/s\n", n, t, d, n / d, t / d }'
grep "sentence(s)" "$work/code-web.err" | sed 's/^/  /'

# The main job, raw text to JSONL events, on news-like text: the team-written news sentences of
# tests/golden/events and the samples, grouped into dated JSONL documents of ten sentences and
# repeated to CODE_SENTENCES sentences (default 40,000). Reports sentences/s and tokens/s on
# one and on two threads, and the peak resident memory (load included in every figure).
code_sentences=${CODE_SENTENCES:-40000}
python3 - "$work/news.jsonl" "$code_sentences" <<'PY'
import glob, json, re, sys
out, target = sys.argv[1], int(sys.argv[2])
sentences = []
for path in sorted(glob.glob("tests/golden/events/*.txt")):
    for line in open(path, encoding="utf-8"):
        if line.startswith(">"):
            sentences.append(line[1:].strip())
for path in sorted(glob.glob("samples/*.txt")):
    text = open(path, encoding="utf-8").read()
    sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\u201c])", text) if len(s.split()) > 5]
with open(out, "w", encoding="utf-8") as f:
    n = doc = 0
    while n < target:
        body = " ".join(sentences[(n + k) % len(sentences)] for k in range(10))
        f.write(json.dumps({"id": f"news-{doc}", "date": "2024-03-01", "text": body}) + "\n")
        n += 10
        doc += 1
PY
news_tokens=$("$parley" segment --input-format jsonl "$work/news.jsonl" 2>/dev/null | grep -o '"form":' | wc -l)
for threads in 1 2; do
  cpus=0
  [ "$threads" = 2 ] && cpus=0,1
  start=$(date +%s.%N)
  taskset -c "$cpus" /usr/bin/time -f "%M" -o "$work/code.mem" "$parley" code --threads "$threads" \
    "$work/news.jsonl" > "$work/code.out" 2> "$work/code.err"
  end=$(date +%s.%N)
  events=$(wc -l < "$work/code.out")
  mem=$(cat "$work/code.mem")
  awk -v s="$start" -v e="$end" -v n="$code_sentences" -v t="$news_tokens" -v ev="$events" \
    -v th="$threads" -v m="$mem" 'BEGIN { d = e - s; printf "code --threads %d (raw JSONL -> JSONL events): %d sentences, %d tokens (%.1f a sentence), %d events in %.2f s: %.0f sentences/s, %.0f tokens/s (%.0f sentences/s at 25 tokens a sentence); peak RSS %.0f MB\n", th, n, t, t / n, ev, d, n / d, t / d, t / d / 25, m / 1024 }'
  grep "sentence(s)" "$work/code.err" | sed 's/^/  /'
done
