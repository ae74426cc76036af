// bench_decide.cpp — Google Benchmark of embedded decision latency through
// the C++ API (Engine::decide, one reused Request): the billing conformance
// policy (allow, escalate, forbid, user_no_permit) and synthetic policy sets
// of 10..10 000 rules compiled from source; p50/p99 counters; bundle load;
// the same decisions with the debug table loaded, and traced (coverage/explain).
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <agentpol/engine.h>
#include <agentpol/trace.h>

#include "compile_policy.h"
#include "latency.h"
#include "synth_policy.h"

using namespace agentpol;
using namespace agentpol::bench;

namespace {

constexpr int64_t kNow = 1795874580;  // 2026-11-28T14:03:00Z

// ---- billing (the conformance policy, compiled by the real compiler)

std::shared_ptr<const Bundle> billing(bool debug = false) {
  static std::shared_ptr<const Bundle> b[2];
  if (!b[debug])
    b[debug] = compilePolicy("billing", readFile(std::string(AGENTPOL_SHARED_DIR) + "/conformance/billing/policy.agentpol"),
                             debug);
  return b[debug];
}

enum class Billing { Allow, Escalate, Forbid, UserNoPermit };

void billingToken(Request& req, const char* intent) {
  req.set_context("intent", Value::enumeration(intent));
  req.set_context("token.issued_at", Value::time(kNow - 180));
  req.set_context("token.expires_at", Value::time(kNow + 420));
  Value scopes[] = {Value::string("billing:write")};
  req.set_context("token.scopes", Value::set(scopes, 1));
}

// billing_assist_07 for user 4821 (refund limit 100 EUR, or 10 EUR for
// UserNoPermit whose order also belongs to another customer).
void buildBilling(Request& req, Billing kind) {
  req.reset();
  req.set_now(kNow);
  EntityRef a = req.set_agent("billing_assist_07");
  req.set_attr(a, "model", Value::string("m-2026"));
  EntityRef u = req.set_user("4821");
  Value roles[] = {Value::string("customer")};
  req.set_attr(u, "roles", Value::set(roles, 1));
  req.set_attr(u, "refund_limit", Value::money(kind == Billing::UserNoPermit ? 1000 : 10000, "EUR"));
  req.set_attr(u, "region", Value::string("EU"));
  if (kind == Billing::Forbid) {  // a payout the user did not ask for
    req.set_action("payout");
    EntityRef acc = req.entity("Account", "acc-9");
    req.set_attr(acc, "holder", Value::entity(u));
    req.set_arg("account", Value::entity(acc));
    req.set_arg("amount", Value::money(5000, "EUR"));
    billingToken(req, "refund");
    return;
  }
  req.set_action("refund");
  EntityRef o = req.entity("Order", "o-1");
  EntityRef owner = kind == Billing::UserNoPermit ? req.entity("User", "77") : u;
  req.set_attr(o, "customer", Value::entity(owner));
  req.set_attr(o, "total", Value::money(12000, "EUR"));
  req.set_arg("order", Value::entity(o));
  req.set_arg("amount", Value::money(kind == Billing::Escalate ? 8000 : 3200, "EUR"));
  req.set_arg("reason", Value::string("late delivery"));
  billingToken(req, "refund");
}

void BM_Billing(benchmark::State& state, Billing kind, const char* expect) {
  auto bundle = billing();
  if (!bundle) return state.SkipWithError("the billing policy does not compile");
  Engine engine(bundle);
  Request req(bundle);
  buildBilling(req, kind);
  Result r = engine.decide(req);
  if (std::string(to_string(r.reason)) != expect) return state.SkipWithError(to_string(r.reason));
  timeDecisions(state, [&] { benchmark::DoNotOptimize(engine.decide(req).decision); });
}
BENCHMARK_CAPTURE(BM_Billing, allow, Billing::Allow, "permitted");
BENCHMARK_CAPTURE(BM_Billing, escalate, Billing::Escalate, "escalated");
BENCHMARK_CAPTURE(BM_Billing, forbid, Billing::Forbid, "forbidden");
BENCHMARK_CAPTURE(BM_Billing, user_no_permit, Billing::UserNoPermit, "user_no_permit");

// The four requests above, one Request each.
std::vector<Request> billingMix(const std::shared_ptr<const Bundle>& bundle) {
  std::vector<Request> reqs;
  for (Billing k : {Billing::Allow, Billing::Escalate, Billing::Forbid, Billing::UserNoPermit}) {
    reqs.emplace_back(bundle);
    buildBilling(reqs.back(), k);
  }
  return reqs;
}

// The four requests above in turn (four Requests, one Engine).
void BM_BillingMix(benchmark::State& state) {
  auto bundle = billing();
  if (!bundle) return state.SkipWithError("the billing policy does not compile");
  Engine engine(bundle);
  std::vector<Request> reqs = billingMix(bundle);
  size_t i = 0;
  timeDecisions(state, [&] { benchmark::DoNotOptimize(engine.decide(reqs[i++ & 3]).decision); });
}
BENCHMARK(BM_BillingMix);

// Coverage and explain cost nothing when not asked for: the same four
// decisions on the bundle `agentpolc build` writes (with its debug table)
// take what BM_BillingMix takes — decide() runs the VM instantiation
// without a probe and never reads the table. BM_BillingTraceMix is what
// `test --coverage` / `eval --explain` pay per request: the decision plus
// every applicable rule run again under the probe.
void BM_BillingMixDebugTable(benchmark::State& state) {
  auto bundle = billing(true);
  if (!bundle || bundle->image().debug.empty()) return state.SkipWithError("no billing bundle with a debug table");
  Engine engine(bundle);
  std::vector<Request> reqs = billingMix(bundle);
  size_t i = 0;
  timeDecisions(state, [&] { benchmark::DoNotOptimize(engine.decide(reqs[i++ & 3]).decision); });
}
BENCHMARK(BM_BillingMixDebugTable);

void BM_BillingTraceMix(benchmark::State& state) {
  auto bundle = billing(true);
  if (!bundle || bundle->image().debug.empty()) return state.SkipWithError("no billing bundle with a debug table");
  std::vector<Request> reqs = billingMix(bundle);
  size_t i = 0;
  Result r;
  timeDecisions(state, [&] { benchmark::DoNotOptimize(trace_decision(*bundle, reqs[i++ & 3], DecideOptions{}, &r).size()); });
}
BENCHMARK(BM_BillingTraceMix);

// ---- synthetic policy sets

std::shared_ptr<const Bundle> synth(int rules) {
  static std::map<int, std::shared_ptr<const Bundle>> cache;
  auto& b = cache[rules];
  if (!b) b = compilePolicy("synth" + std::to_string(rules), synthPolicy(rules));
  return b;
}

// Agent g (user u1, document d-1 owned by u1) performs action a with values
// under which no guardrail or forbid of the generator matches.
void buildSynth(Request& req, int g, int a) {
  std::string team = "t" + std::to_string(g % 10);
  req.reset();
  req.set_now(kNow);
  EntityRef ag = req.set_agent("ag" + std::to_string(g));
  req.set_attr(ag, "model", Value::string("m-2026"));
  req.set_attr(ag, "team", Value::string(team));
  EntityRef u = req.set_user("u1");
  Value roles[] = {Value::string("customer"), Value::string("staff")};
  req.set_attr(u, "roles", Value::set(roles, 2));
  req.set_attr(u, "limit", Value::money(10000, "EUR"));
  req.set_attr(u, "region", Value::string("R9"));
  req.set_attr(u, "tier", Value::enumeration("pro"));
  req.set_action("act" + std::to_string(a));
  EntityRef d = req.entity("Doc", "d-1");
  req.set_attr(d, "owner", Value::entity(u));
  req.set_attr(d, "total", Value::money(8000, "EUR"));
  Value tags[] = {Value::string("tag3"), Value::string("finance")};
  req.set_attr(d, "tags", Value::set(tags, 2));
  req.set_attr(d, "path", Value::string("/" + team + "/invoices/7"));
  req.set_arg("doc", Value::entity(d));
  req.set_arg("amount", Value::money(3000, "EUR"));
  req.set_arg("note", Value::string("ticket-42"));
  req.set_context("intent", Value::enumeration("refund"));
  req.set_context("token.issued_at", Value::time(kNow - 180));
  req.set_context("token.expires_at", Value::time(kNow + 420));
  req.set_context("token.scopes", Value::set(nullptr, 0));
  req.set_context("channel", Value::string("web"));
}

// Rule bodies that apply to (agent g, action a): `agent *`, agent g, user.
size_t applicable(const BundleImage& im, int g, int a) {
  size_t n = 0;
  for (const RuleImage& r : im.rules)
    for (const RuleBody& b : r.bodies) {
      if (b.action != static_cast<uint32_t>(a)) continue;
      bool named = std::find(r.agents.begin(), r.agents.end(), static_cast<uint32_t>(g)) != r.agents.end();
      if (r.side == Side::User || r.all_agents || named) ++n;
    }
  return n;
}

// Typical: 64 requests of pseudo-random agents, each on an action it may
// perform, decided in turn. Worst: the (agent, action) pair with the most
// applicable rules; no forbid or escalate matches, so every one is evaluated.
void BM_Synth(benchmark::State& state, bool worst) {
  int rules = static_cast<int>(state.range(0));
  auto bundle = synth(rules);
  if (!bundle) return state.SkipWithError("the synthetic policy does not compile");
  Engine engine(bundle);
  std::vector<Request> reqs;
  size_t evaluated = 0;
  if (worst) {
    int bg = 0, ba = synthMay(0, 0);
    size_t best = 0;
    for (int g = 0; g < kSynthAgents; ++g)
      for (int k = 0; k < kSynthMay; ++k) {
        size_t n = applicable(bundle->image(), g, synthMay(g, k));
        if (n > best) best = n, bg = g, ba = synthMay(g, k);
      }
    reqs.emplace_back(bundle);
    buildSynth(reqs.back(), bg, ba);
    evaluated = best;
  } else {
    uint32_t x = 12345;
    for (int i = 0; i < 64; ++i) {
      x = x * 1103515245u + 12345u;
      int g = static_cast<int>((x >> 8) % kSynthAgents), a = synthMay(g, static_cast<int>((x >> 20) % kSynthMay));
      reqs.emplace_back(bundle);
      buildSynth(reqs.back(), g, a);
      evaluated += applicable(bundle->image(), g, a);
    }
    evaluated /= reqs.size();
  }
  std::map<std::string, int> reasons;
  for (Request& q : reqs) {
    Result r = engine.decide(q);
    if (r.reason == Reason::BadRequest) return state.SkipWithError(std::string(r.message).c_str());
    ++reasons[to_string(r.reason)];
  }
  size_t mask = reqs.size() - 1, i = 0;
  timeDecisions(state, [&] { benchmark::DoNotOptimize(engine.decide(reqs[i++ & mask]).decision); });
  state.counters["rules_applicable"] = static_cast<double>(evaluated);
  state.counters["bundle_bytes"] = static_cast<double>(compilePolicyBytes("s", synthPolicy(rules)).size());
  std::string label;
  for (auto& [k, v] : reasons) label += (label.empty() ? "" : ",") + k + "=" + std::to_string(v);
  state.SetLabel(label);
}
BENCHMARK_CAPTURE(BM_Synth, typical, false)->Arg(10)->Arg(100)->Arg(1000)->Arg(10000);
BENCHMARK_CAPTURE(BM_Synth, worst, true)->Arg(10)->Arg(100)->Arg(1000)->Arg(10000);

// ---- loading (parse, validate, type-check, link) a bundle

void BM_Load(benchmark::State& state) {
  int rules = static_cast<int>(state.range(0));
  std::vector<uint8_t> bytes =
      rules == 0 ? compilePolicyBytes("billing", readFile(std::string(AGENTPOL_SHARED_DIR) +
                                                           "/conformance/billing/policy.agentpol"))
                 : compilePolicyBytes("synth", synthPolicy(rules));
  if (bytes.empty()) return state.SkipWithError("does not compile");
  for (auto _ : state) benchmark::DoNotOptimize(load_bundle(bytes).bundle);
  state.counters["bundle_bytes"] = static_cast<double>(bytes.size());
}
// Arg 0 is the billing policy.
BENCHMARK(BM_Load)->Arg(0)->Arg(10)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
