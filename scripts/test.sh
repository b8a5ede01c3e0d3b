#!/usr/bin/env bash
# Runs Parley's whole test suite: checks the layering (no module includes one above it),
# builds (warnings are errors), runs every ctest label
# (unit, golden, slow), then each libFuzzer target for a short time under ASan/UBSan.
# FUZZ_SECONDS (default 10) sets the time per fuzz target; 0 skips fuzzing. The fuzzers run
# with a fixed seed so that CI is repeatable; longer exploratory runs: see docs/ARCHITECTURE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

python3 scripts/check_layers.py --self-test
python3 scripts/check_layers.py
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DPARLEY_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j1)

fuzz_seconds=${FUZZ_SECONDS:-10}
if [ "$fuzz_seconds" != "0" ] && ls fuzz/*_fuzz.cc >/dev/null 2>&1; then
  CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARLEY_BUILD_FUZZ=ON \
    -DPARLEY_BUILD_TESTS=OFF -DPARLEY_BUILD_BENCH=OFF \
    -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined" \
    >/dev/null
  targets=$(for src in fuzz/*_fuzz.cc; do basename "$src" .cc; done)
  # shellcheck disable=SC2086  # one word per target
  cmake --build build-fuzz -j"$jobs" --target $targets
  for f in build-fuzz/fuzz/*_fuzz; do
    name=$(basename "$f")
    corpus=(build-fuzz/corpus/"$name")
    mkdir -p "${corpus[0]}"
    [ -d "fuzz/seeds/${name%_fuzz}" ] && corpus+=("fuzz/seeds/${name%_fuzz}")
    echo "fuzz: $name for ${fuzz_seconds}s"
    "$f" -max_total_time="$fuzz_seconds" -seed=1 -rss_limit_mb=2048 -print_final_stats=0 \
      "${corpus[@]}" 2>"build-fuzz/$name.log" || { tail -50 "build-fuzz/$name.log"; exit 1; }
  done
fi
echo "all tests passed"
