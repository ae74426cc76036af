// bench_verify.cpp — Google Benchmark: `verify` time (every built-in check)
// on synthetic policy sets of 10, 100 and 1000 rules, from a generator that
// spreads permits/forbids/escalates over agents and actions with arithmetic,
// string, set and `has` conditions; and on the agent workload of
// verify_workload.h (1 001 unreviewed agents, 110 and 1 010 rules), the
// Z3 context kept at the end as `agentpolc verify` does, with --jobs 1 and 2
// (wall time: UseRealTime). Counters: the number of checks and the time each
// kind of check reports (its solver queries, CheckResult::millis).
// `bench_verify --write-workload N FILE` writes the agent workload with N
// named rules to FILE (to run `agentpolc verify` or perf on it).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <string>

#include <fmt/format.h>

#include "diag/diagnostic.h"
#include "diag/source_manager.h"
#include "parse/parser.h"
#include "sema/sema.h"
#include "verify/verifier.h"
#include "verify_workload.h"

namespace {

using namespace agentpol;

// A policy of `rules` rules over 8 actions and 6 agents.
std::string syntheticPolicy(int rules) {
  std::string s = R"(namespace bench;
enum Intent { read, write, admin }
entity User { roles: Set<String>, limit: Int, region: String, manager?: User }
entity Agent { model: String }
entity Doc { owner: User, size: Int, tags: Set<String> }
context { intent: Intent, budget: Int }
)";
  for (int a = 0; a < 8; ++a) s += fmt::format("action act{}(doc: Doc) {{ n: Int, note: String }}\n", a);
  for (int g = 0; g < 6; ++g)
    s += fmt::format("agent ag{} {{ owner: \"team\", purpose: \"bench\", reviewed: 2026-11-01, may: [act{}, act{}, act{}] }}\n",
                     g, g % 8, (g + 1) % 8, (g + 3) % 8);
  const char* effects[] = {"permit", "permit", "forbid", "escalate"};
  for (int r = 0; r < rules; ++r) {
    int a = r % 8, g = (r / 8) % 6;
    std::string cond;
    switch (r % 5) {
      case 0: cond = fmt::format("n <= {} && context.budget > {}", 10 * r + 5, r); break;
      case 1: cond = fmt::format("note like \"r{}*\" && doc.size < {}", r, 1000 + r); break;
      case 2: cond = fmt::format("\"role{}\" in doc.tags || context.intent == Intent.read", r % 7); break;
      case 3: cond = fmt::format("has user && doc.owner == user && n + {} < user.limit", r); break;
      default: cond = fmt::format("has user && user has manager && user.manager.region == \"r{}\"", r % 3); break;
    }
    if (r % 9 == 8) s += fmt::format("@id(\"r{}\") permit user to act{} when {};\n", r, a, cond);
    else s += fmt::format("@id(\"r{}\") {} agent ag{} to act{} when {};\n", r, effects[r % 4], g, a, cond);
  }
  return s;
}

void runVerify(benchmark::State& state, const std::string& text, bool keepSolver, unsigned jobs = 1) {
  diag::SourceManager sm;
  diag::DiagnosticEngine diags;
  FileId id = sm.addFile("bench.agentpol", text);
  std::vector<ast::File> files;
  files.push_back(parse::parseFile(sm, id, diags));
  auto policy = sema::check(std::move(files), sm, diags);
  if (!policy || diags.hasErrors()) {
    state.SkipWithError("the synthetic policy does not compile");
    return;
  }
  verify::VerifyOptions o;
  o.today = 1795824000;
  o.releaseSolver = !keepSolver;
  o.jobs = jobs;
  size_t checks = 0;
  std::map<std::string, double> perKind;  // solver time (CheckResult::millis) by check kind
  for (auto _ : state) {
    verify::VerifyReport r = verify::verifyPolicy(*policy, o);
    checks = r.checks.size();
    perKind.clear();
    for (const verify::CheckResult& c : r.checks) perKind[c.kind] += c.millis;
    benchmark::DoNotOptimize(r);
  }
  state.counters["checks"] = static_cast<double>(checks);
  for (const auto& [kind, ms] : perKind) state.counters[kind + "_ms"] = ms;
}

void BM_Verify(benchmark::State& state) { runVerify(state, syntheticPolicy(static_cast<int>(state.range(0))), false); }

// Args: named rules (100 -> the 110-rule set, 1000 -> the 1 010-rule set),
// then --jobs.
void BM_VerifyAgents(benchmark::State& state) {
  runVerify(state, bench::verifyWorkload(static_cast<int>(state.range(0))), true,
            static_cast<unsigned>(state.range(1)));
}

}  // namespace

BENCHMARK(BM_Verify)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_VerifyAgents)
    ->ArgNames({"rules", "jobs"})
    ->Args({100, 1})
    ->Args({100, 2})
    ->Args({1000, 1})
    ->Args({1000, 2})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "--write-workload") {
    std::ofstream out(argv[3]);
    out << bench::verifyWorkload(std::atoi(argv[2]));
    return out ? 0 : 1;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
