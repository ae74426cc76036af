#!/usr/bin/env bash
# ab_runtime.sh REF [BENCH_FILTER] — A/B of the runtime hot path: builds
# bench/bench_runtime.cpp twice with identical flags (-O2 -DNDEBUG), once on
# REF's runtime sources (git archive) and once on the working tree's, then
# runs the two alternately (3 rounds, median of 3 repetitions each). Compare
# the CPU column. Used to show that a change to the VM costs decisions
# nothing (docs/performance.md, "Coverage and explain cost nothing").
set -euo pipefail
ref=${1:?usage: bench/ab_runtime.sh REF [FILTER]}
filter=${2:-BM_BillingRefundEngine|BM_BillingReadDecide}
src=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/a" "$work/b"
git -C "$src" archive "$ref" runtime tests/runtime bench | tar -x -C "$work/a"
(cd "$src" && tar -c runtime tests/runtime bench) | tar -x -C "$work/b"
for side in a b; do
  cd "$work/$side"
  objs=()
  for s in runtime/bundle/*.cpp runtime/loader/*.cpp runtime/vm/*.cpp runtime/api/*.cpp \
           tests/runtime/image_builder.cpp tests/runtime/json_request.cpp tests/runtime/mini.cpp \
           tests/runtime/billing_request.cpp; do
    o="$work/$side/$(echo "$s" | tr / _).o"
    ${CXX:-g++} -Iruntime/include -Iruntime -Itests/runtime -O2 -DNDEBUG -std=c++17 \
      -DAGENTPOL_SHARED_DIR="\"$src/../shared\"" -c "$s" -o "$o"
    objs+=("$o")
  done
  ${CXX:-g++} -Iruntime/include -Iruntime -Itests/runtime -O2 -DNDEBUG -std=c++17 bench/bench_runtime.cpp \
    "${objs[@]}" -lbenchmark -lpthread -o bench_runtime_ab
done
uptime
for round in 1 2 3; do
  for side in a b; do
    echo "== round $round: $([ $side = a ] && echo "$ref" || echo "working tree")"
    "$work/$side/bench_runtime_ab" --benchmark_filter="$filter" --benchmark_repetitions=3 \
      --benchmark_report_aggregates_only=true 2>/dev/null | grep median
  done
done
