// latency.h — bench-only: per-decision wall-clock latency percentiles inside
// a Google Benchmark loop. One decision per iteration; the steady clock is
// read every kBatch decisions, so a sample is the mean of kBatch decisions.
#pragma once
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <vector>

namespace agentpol::bench {

constexpr int kBatch = 8;

// Runs `once()` per iteration; sets counters p50_ns, p99_ns (wall clock,
// per decision, from batch means) besides Google Benchmark's mean CPU time.
template <class F>
void timeDecisions(benchmark::State& state, F&& once) {
  using Clock = std::chrono::steady_clock;
  std::vector<double> samples;
  samples.reserve(1u << 20);
  int n = 0;
  Clock::time_point t0 = Clock::now();
  for (auto _ : state) {
    once();
    if (++n == kBatch) {
      Clock::time_point t1 = Clock::now();
      if (samples.size() < samples.capacity())
        samples.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count() / kBatch);
      n = 0;
      t0 = t1;
    }
  }
  if (samples.empty()) return;
  auto pct = [&](double p) {
    size_t k = static_cast<size_t>(p * static_cast<double>(samples.size() - 1));
    std::nth_element(samples.begin(), samples.begin() + static_cast<long>(k), samples.end());
    return samples[k];
  };
  state.counters["p50_ns"] = pct(0.50);
  state.counters["p99_ns"] = pct(0.99);
  state.SetItemsProcessed(state.iterations());
}

}  // namespace agentpol::bench
