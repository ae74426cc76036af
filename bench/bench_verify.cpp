// bench_verify.cpp — Google Benchmark: `verify` time (every built-in check)
// on synthetic policy sets of 10, 100 and 1000 rules, from a generator that
// spreads permits/forbids/escalates over agents and actions with arithmetic,
// string, set and `has` conditions. Counters: the number of checks and the
// time each kind of check reports (its solver queries, CheckResult::millis).
#include <benchmark/benchmark.h>

#include <map>
#include <string>

#include <fmt/format.h>

#include "diag/diagnostic.h"
#include "diag/source_manager.h"
#include "parse/parser.h"
#include "sema/sema.h"
#include "verify/verifier.h"

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

void BM_Verify(benchmark::State& state) {
  std::string text = syntheticPolicy(static_cast<int>(state.range(0)));
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

}  // namespace

BENCHMARK(BM_Verify)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
