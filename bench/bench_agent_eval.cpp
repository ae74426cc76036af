// bench_agent_eval.cpp — Google Benchmark of eval's JSON path on the agent
// workload (agent_workload.h: 110 rules, 4 actions, 1 001 agents, 20 000 JSON
// Lines requests of ~400 bytes). Stages are timed cumulatively, so each
// stage's share is the difference of two lines: Parse (simdjson's tape),
// +Read (the reader's checks into a reused Request), +Decide (Engine), Path (eval's own splitter
// and sink: split, parse, read, decide, print into a reused buffer), and
// Process (the real `agentpolc eval` binary on a prebuilt bundle and a
// request file, stdout to /dev/null: start-up, bundle load and I/O included).
// items_per_second is decisions per second; bytes_per_second is JSON in.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>

#include <agentpol/engine.h>
#include <benchmark/benchmark.h>

#include "agent_workload.h"
#include "compile_policy.h"
#include "driver/decision_json.h"
#include "driver/request_input.h"
#include "request/fast_json.h"
#include "request/request_reader.h"

extern char** environ;

using namespace agentpol;

namespace {

struct Workload {
  std::shared_ptr<const Bundle> bundle;
  std::vector<uint8_t> bundleBytes;
  std::string input;
  std::vector<std::string_view> lines;
};

const Workload& workload() {
  static Workload w = [] {
    Workload x;
    std::string policy = bench::agentWorkloadPolicy();
    x.bundleBytes = bench::compilePolicyBytes("agents.agentpol", policy);
    x.bundle = bench::compilePolicy("agents.agentpol", policy);
    x.input = bench::agentWorkloadRequests();
    for (size_t pos = 0; pos < x.input.size();) {
      size_t nl = x.input.find('\n', pos);
      x.lines.push_back(std::string_view(x.input).substr(pos, nl - pos));
      pos = nl + 1;
    }
    // What the workload decides, once on stderr (a workload of bad requests would measure nothing).
    if (x.bundle) {
      Engine engine(x.bundle);
      request::RequestReader reader(x.bundle);
      Request req(x.bundle);
      std::map<std::string, int> reasons;
      std::string error;
      for (std::string_view l : x.lines) {
        reader.read(l, req, &error);
        ++reasons[to_string(engine.decide(req).reason)];
      }
      std::fprintf(stderr, "agent workload: %zu requests, %zu bytes (%.0f per request):", x.lines.size(),
                   x.input.size(), double(x.input.size()) / double(x.lines.size()));
      for (const auto& [reason, n] : reasons) std::fprintf(stderr, " %s %d", reason.c_str(), n);
      std::fprintf(stderr, "\n");
    }
    return x;
  }();
  return w;
}

void counters(benchmark::State& state, const Workload& w) {
  state.SetItemsProcessed(static_cast<int64_t>(w.lines.size()) * state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(w.input.size()) * state.iterations());
}

// Stage 1: JSON text -> simdjson's tape (what RequestReader::read(text) reads).
void BM_AgentParse(benchmark::State& state) {
  const Workload& w = workload();
  request::FastJson json;
  for (auto _ : state)
    for (std::string_view l : w.lines) benchmark::DoNotOptimize(json.parse(l));
  counters(state, w);
}
BENCHMARK(BM_AgentParse)->Unit(benchmark::kMillisecond);

// Stages 1-2: + tree -> Request (every section 6.2 check).
void BM_AgentParseRead(benchmark::State& state) {
  const Workload& w = workload();
  if (!w.bundle) return state.SkipWithError("the workload policy does not compile");
  request::RequestReader reader(w.bundle);
  Request req(w.bundle);
  std::string error;
  for (auto _ : state)
    for (std::string_view l : w.lines) benchmark::DoNotOptimize(reader.read(l, req, &error));
  counters(state, w);
}
BENCHMARK(BM_AgentParseRead)->Unit(benchmark::kMillisecond);

// Stages 1-3: + the decision.
void BM_AgentParseReadDecide(benchmark::State& state) {
  const Workload& w = workload();
  if (!w.bundle) return state.SkipWithError("the workload policy does not compile");
  Engine engine(w.bundle);
  request::RequestReader reader(w.bundle);
  Request req(w.bundle);
  std::string error;
  for (auto _ : state)
    for (std::string_view l : w.lines) {
      reader.read(l, req, &error);
      benchmark::DoNotOptimize(engine.decide(req).decision);
    }
  counters(state, w);
}
BENCHMARK(BM_AgentParseReadDecide)->Unit(benchmark::kMillisecond);

// Stages 1-4 as eval runs them: its splitter over the input, read, decide,
// and the decision lines appended to one reused buffer.
class PrintSink : public driver::RequestSink {
 public:
  explicit PrintSink(const std::shared_ptr<const Bundle>& b) : engine_(b), reader_(b), req_(b) { out_.reserve(1 << 22); }
  void request(const request::JsonTree& t, uint32_t node) override {
    reader_.read(t, node, req_, &error_);
    driver::appendDecisionLine(engine_.decide(req_), &out_);
  }
  void line(std::string_view text, size_t) override {
    reader_.read(text, req_, &error_);
    driver::appendDecisionLine(engine_.decide(req_), &out_);
  }
  void badLine(const std::string&) override {}
  void idle() override {
    benchmark::DoNotOptimize(out_.data());
    out_.clear();
  }

 private:
  Engine engine_;
  request::RequestReader reader_;
  Request req_;
  std::string out_, error_;
};

void BM_AgentEvalPath(benchmark::State& state) {
  const Workload& w = workload();
  if (!w.bundle) return state.SkipWithError("the workload policy does not compile");
  PrintSink sink(w.bundle);
  request::JsonTree tree;
  std::string error;
  for (auto _ : state) {
    driver::RequestSplitter split("bench", tree, sink);
    for (size_t at = 0; at < w.input.size(); at += 1 << 18) split.feed(std::string_view(w.input).substr(at, 1 << 18));
    split.finish(&error);
    sink.idle();
  }
  counters(state, w);
}
BENCHMARK(BM_AgentEvalPath)->Unit(benchmark::kMillisecond);

// The whole process: `agentpolc eval agents.apb --request requests.jsonl`.
void BM_AgentEvalProcess(benchmark::State& state) {
  const Workload& w = workload();
  if (w.bundleBytes.empty()) return state.SkipWithError("the workload policy does not compile");
  std::string dir = "/tmp/agentpol_bench_agents_" + std::to_string(getpid());
  std::string mk = "mkdir -p " + dir;
  if (std::system(mk.c_str()) != 0) return state.SkipWithError("cannot make a scratch folder");
  std::string apb = dir + "/agents.apb", req = dir + "/requests.jsonl";
  std::ofstream(apb, std::ios::binary).write(reinterpret_cast<const char*>(w.bundleBytes.data()),
                                              static_cast<std::streamsize>(w.bundleBytes.size()));
  std::ofstream(req, std::ios::binary) << w.input;
  std::string program = AGENTPOLC;
  std::vector<char*> argv{program.data(), const_cast<char*>("eval"), apb.data(), const_cast<char*>("--request"),
                          req.data(), nullptr};
  posix_spawn_file_actions_t io;
  posix_spawn_file_actions_init(&io);
  posix_spawn_file_actions_addopen(&io, 1, "/dev/null", O_WRONLY, 0);
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    pid_t pid;
    int status = 0;
    if (posix_spawn(&pid, program.c_str(), &io, nullptr, argv.data(), environ) != 0 || waitpid(pid, &status, 0) != pid ||
        !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      state.SkipWithError("agentpolc eval failed");
      break;
    }
    state.SetIterationTime(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  posix_spawn_file_actions_destroy(&io);
  std::string rm = "rm -rf " + dir;
  if (std::system(rm.c_str()) != 0) state.SkipWithError("cannot remove the scratch folder");
  counters(state, w);
}
BENCHMARK(BM_AgentEvalProcess)->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
