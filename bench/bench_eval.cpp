// bench_eval.cpp — Google Benchmark of `agentpolc eval`'s path on JSON
// requests: JSON Lines of the billing conformance requests split, parsed,
// read into one reused Request, decided through an Engine and rendered as
// decision lines (no file I/O). items_per_second is decisions per second.
#include <fstream>
#include <sstream>

#include <agentpol/engine.h>
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "driver/bundle_source.h"
#include "driver/decision_json.h"
#include "driver/request_input.h"
#include "request/request_reader.h"

using namespace agentpol;

namespace {

std::shared_ptr<const Bundle> billing() {
  static std::shared_ptr<const Bundle> b =
      driver::loadBundleOrCompile({std::string(AGENTPOL_SHARED_DIR) + "/conformance/billing/policy.agentpol"}).bundle;
  return b;
}

// `copies` rounds of the conformance requests, one compact object per line.
std::string billingLines(int copies) {
  std::ifstream in(std::string(AGENTPOL_SHARED_DIR) + "/conformance/billing/cases.json");
  nlohmann::json cases = nlohmann::json::parse(in);
  std::string one;
  for (const auto& c : cases) one += c["request"].dump() + "\n";
  std::string all;
  for (int i = 0; i < copies; ++i) all += one;
  return all;
}

// eval's splitter hands each line to this sink: read, decide, render.
class DecideSink : public driver::RequestSink {
 public:
  DecideSink(const Engine& e, request::RequestReader& r, Request& q, std::string& out) : e_(e), r_(r), q_(q), out_(out) {}
  void request(const request::JsonTree& t, uint32_t node) override {
    r_.read(t, node, q_, &error_);
    driver::appendDecisionLine(e_.decide(q_), &out_);
    ++decided;
  }
  void line(std::string_view text, size_t) override {
    r_.read(text, q_, &error_);
    driver::appendDecisionLine(e_.decide(q_), &out_);
    ++decided;
  }
  void badLine(const std::string&) override {}
  size_t decided = 0;

 private:
  const Engine& e_;
  request::RequestReader& r_;
  Request& q_;
  std::string& out_;
  std::string error_;
};

void BM_EvalJsonLines(benchmark::State& state) {
  auto bundle = billing();
  if (!bundle) return state.SkipWithError("the billing policy does not compile");
  std::string input = billingLines(64);
  Engine engine(bundle);
  request::RequestReader reader(bundle);
  Request req(bundle);
  request::JsonTree tree;
  std::string out, error;
  DecideSink sink(engine, reader, req, out);
  for (auto _ : state) {
    out.clear();
    driver::RequestSplitter split("bench", tree, sink);
    split.feed(input);
    split.finish(&error);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(sink.decided));
  state.SetBytesProcessed(static_cast<int64_t>(input.size()) * state.iterations());
}
BENCHMARK(BM_EvalJsonLines)->Unit(benchmark::kMillisecond);

// One request text read and decided (the first conformance case: allow).
void BM_EvalOneRequest(benchmark::State& state) {
  auto bundle = billing();
  if (!bundle) return state.SkipWithError("the billing policy does not compile");
  std::string text = billingLines(1);
  text = text.substr(0, text.find('\n'));
  Engine engine(bundle);
  request::RequestReader reader(bundle);
  Request req(bundle);
  std::string error;
  for (auto _ : state) {
    reader.read(text, req, &error);
    benchmark::DoNotOptimize(engine.decide(req).decision);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EvalOneRequest);

}  // namespace

BENCHMARK_MAIN();
