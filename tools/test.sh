#!/usr/bin/env bash
# The whole test suite, as CI runs it: install what is missing, build with
# gcc and run every test; then build again with clang under AddressSanitizer
# and UndefinedBehaviorSanitizer, run every test there too, and run each
# libFuzzer target briefly. Fails on the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-2}
FUZZ_SECONDS=${FUZZ_SECONDS:-20}

echo "== build (gcc)"
bash tools/build.sh
echo "== tests (gcc)"
ctest --test-dir build -j "$JOBS" --output-on-failure

if [ "${AGENTPOL_SKIP_SANITIZERS:-0}" != 1 ]; then
  echo "== build (clang, ASan + UBSan, fuzzers)"
  BUILD_DIR=build-asan CC=clang-14 CXX=clang++-14 bash tools/build.sh \
    -DAGENTPOL_SANITIZE=ON -DAGENTPOL_BUILD_FUZZ=ON
  echo "== tests (ASan + UBSan)"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan -j "$JOBS" --output-on-failure
  echo "== fuzz (${FUZZ_SECONDS}s per target)"
  for fuzzer in build-asan/fuzz/fuzz_*; do
    [ -x "$fuzzer" ] || continue
    name=$(basename "$fuzzer")
    corpus="fuzz/corpus/${name#fuzz_}"
    mkdir -p "build-asan/fuzz-work/$name"
    echo "-- $name"
    # Into a log, not a pipe: a crash report stays whole and the fuzzer's own
    # exit status decides.
    log="build-asan/fuzz-work/$name.log"
    if ! "$fuzzer" -max_total_time="$FUZZ_SECONDS" -max_len=8192 -timeout=10 \
        "build-asan/fuzz-work/$name" $( [ -d "$corpus" ] && echo "$corpus" ) > "$log" 2>&1; then
      tail -n 60 "$log"
      echo "fuzz: $name failed (whole log: $log)"
      exit 1
    fi
    tail -n 3 "$log"
  done
fi
echo "== all tests passed"
