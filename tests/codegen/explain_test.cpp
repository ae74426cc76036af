// explain_test.cpp — the traces behind `eval --explain` and `test --coverage`
// agree with the decision: on every policy set of the differential test,
// 4000 seeded random requests each (well over 10 000 in all), the rules
// trace_decision reports as matching, fed through spec 6.1 by hand, give
// exactly decide()'s decision, reason and rule set; and each traced rule's
// part outcomes explain it (a non-matching rule has a false `when` part or
// an `unless` that held, an error sits in some part). Also: the debug table
// survives serialization, and a bundle without one still traces rules.
#include <catch2/catch.hpp>

#include <algorithm>

#include <agentpol/trace.h>

#include "codegen/codegen.h"
#include "policy_load.h"
#include "reference_eval.h"
#include "request_gen.h"

namespace agentpol {
namespace {

constexpr int kRequestsPerSet = 4000;

std::vector<std::vector<std::string>> policySets() {
  return test::checkedPolicySets(AGENTPOL_SOURCE_DIR, AGENTPOL_SHARED_DIR);
}

struct Side {
  std::vector<std::string> forbid, escalate, permit;
  // forbid > escalate > permit > deny: decision and the deciding rules.
  std::pair<Decision, const std::vector<std::string>*> decide() const {
    if (!forbid.empty()) return {Decision::Deny, &forbid};
    if (!escalate.empty()) return {Decision::Escalate, &escalate};
    if (!permit.empty()) return {Decision::Allow, &permit};
    return {Decision::Deny, nullptr};
  }
};

// Spec 6.1 steps 5-7 over the traced matches.
std::string fromTraces(const Bundle& b, const std::vector<RuleTrace>& traces, bool hasUser) {
  Side agent, user;
  for (const RuleTrace& t : traces) {
    if (!t.matched) continue;
    const RuleImage& r = b.image().rules[t.rule];
    Side& s = r.side == agentpol::Side::User ? user : agent;
    (r.effect == Effect::Forbid ? s.forbid : r.effect == Effect::Escalate ? s.escalate : s.permit).push_back(r.id);
  }
  auto show = [](const char* d, const char* reason, std::vector<std::string> rules) {
    std::sort(rules.begin(), rules.end());
    std::string out = std::string(d) + "/" + reason;
    for (const std::string& r : rules) out += " " + r;
    return out;
  };
  auto [ad, arules] = agent.decide();
  std::vector<std::string> none;
  if (ad == Decision::Deny) return show("deny", arules ? "forbidden" : "no_permit", arules ? *arules : none);
  if (!hasUser) return show(to_string(ad), ad == Decision::Allow ? "permitted" : "escalated", *arules);
  auto [ud, urules] = user.decide();
  if (ud == Decision::Deny) return show("deny", urules ? "user_forbidden" : "user_no_permit", urules ? *urules : none);
  if (ad == Decision::Allow && ud == Decision::Escalate) return show("escalate", "user_escalated", *urules);
  if (ad == Decision::Escalate && ud == Decision::Allow) return show("escalate", "escalated", *arules);
  std::vector<std::string> both = *arules;
  both.insert(both.end(), urules->begin(), urules->end());
  return show(to_string(ad), ad == Decision::Allow ? "permitted" : "escalated", both);
}

std::string fromResult(const Result& r) {
  std::vector<std::string> rules;
  for (size_t i = 0; i < r.rule_count; ++i) rules.emplace_back(r.rule_id(i));
  std::sort(rules.begin(), rules.end());
  std::string out = std::string(to_string(r.decision)) + "/" + to_string(r.reason);
  for (const std::string& id : rules) out += " " + id;
  return out;
}

bool early(Reason r) {
  return r == Reason::BadRequest || r == Reason::Revoked || r == Reason::UnknownAgent ||
         r == Reason::AgentExpired || r == Reason::OutOfScope;
}

// The part outcomes account for the rule's result; "" or what is wrong.
std::string partsExplain(const RuleDebugImage& dbg, const RuleTrace& t, Effect effect) {
  if (dbg.parts.empty()) return t.matched || t.error ? "" : "an unconditional rule did not match";
  bool whenFalse = false, unlessHeld = false, anyError = false, unlessSeen = false;
  for (size_t i = 0; i < dbg.parts.size(); ++i) {
    anyError |= t.parts[i] == PartOutcome::Error;
    if (!dbg.parts[i].in_unless) whenFalse |= t.parts[i] == PartOutcome::False;
    if (dbg.parts[i].in_unless) {
      unlessHeld = unlessSeen ? unlessHeld && t.parts[i] == PartOutcome::True : t.parts[i] == PartOutcome::True;
      unlessSeen = true;
    }
  }
  if (t.error) return anyError ? "" : "an error outside every part";
  if (anyError) return "a part errored but the rule did not";
  (void)effect;  // without an error, every effect matches exactly when its condition holds
  bool matched = t.matched;
  if (matched && (whenFalse || unlessHeld)) return "matched with a false `when` part or an `unless` that held";
  if (!matched && !whenFalse && !unlessHeld) return "did not match, but no part says why";
  return "";
}

}  // namespace

TEST_CASE("explain traces agree with the decision on random requests", "[codegen][explain]") {
  size_t total = 0, traced = 0;
  for (const std::vector<std::string>& set : policySets()) {
    auto loaded = test::loadPolicyFiles(set);
    INFO("policy set " << set[0] << "\n" << loaded->diagnostics());
    REQUIRE(loaded->policy);
    const sema::CheckedPolicy& policy = *loaded->policy;
    LoadResult lr = load_bundle(codegen::compileBundleBytes(policy, nullptr, &loaded->sm));
    REQUIRE(lr);
    const Bundle& bundle = *lr.bundle;
    REQUIRE(bundle.image().debug.size() == bundle.image().rules.size());
    ref::RequestGenerator gen(policy, 0xe4a1a000u + total);
    Request req(lr.bundle);
    for (int i = 0; i < kRequestsPerSet; ++i) {
      ref::Request r = gen.next();
      ref::buildRequest(policy, r, req);
      Result res;
      std::vector<RuleTrace> traces = trace_decision(bundle, req, DecideOptions{r.revoked}, &res);
      INFO("request " << i << ":\n" << ref::describe(policy, r));
      std::string decided = fromResult(res);
      if (early(res.reason)) {
        REQUIRE(traces.empty());
        continue;
      }
      REQUIRE(std::is_sorted(traces.begin(), traces.end(),
                             [](const RuleTrace& a, const RuleTrace& b) { return a.rule < b.rule; }));
      REQUIRE(fromTraces(bundle, traces, r.user >= 0) == decided);
      for (const RuleTrace& t : traces) {
        const RuleImage& rule = bundle.image().rules[t.rule];
        INFO("rule " << rule.id);
        REQUIRE(t.parts.size() == bundle.image().debug[t.rule].parts.size());
        REQUIRE(partsExplain(bundle.image().debug[t.rule], t, rule.effect) == "");
      }
      traced += traces.size();
    }
    total += kRequestsPerSet;
  }
  CHECK(total >= 10000);
  CHECK(traced > total);  // most requests reach the rules
}

TEST_CASE("the debug table round-trips and is optional", "[codegen][explain]") {
  auto loaded = test::loadPolicyFiles({std::string(AGENTPOL_SOURCE_DIR) + "/examples/billing"});
  REQUIRE(loaded->policy);
  BundleImage with = codegen::compileBundle(*loaded->policy, nullptr, &loaded->sm);
  BundleImage without = codegen::compileBundle(*loaded->policy);
  CHECK(without.debug.empty());
  REQUIRE(with.debug.size() == with.rules.size());
  CHECK(with.code == without.code);  // the debug table changes no code
  BundleImage back;
  std::string error;
  std::vector<uint8_t> bytes = serialize(with);
  REQUIRE(parse_image(bytes.data(), bytes.size(), &back, &error));
  CHECK(back == with);
  CHECK(bytes.size() < 4096);  // the billing bundle stays within 4 KB with its debug table
  const RuleDebugImage& small = with.debug[1];  // small-refunds
  CHECK(with.rules[1].id == "small-refunds");
  REQUIRE(small.parts.size() == 2);
  CHECK(small.parts[0].text == "amount <= 50 EUR");
  CHECK(small.parts[0].line == 14);
  CHECK(small.parts[0].column == 8);
  CHECK(small.parts[1].text == "context.intent == Intent.refund");
  CHECK(small.file.find("rules.agentpol") != std::string::npos);
  CHECK(small.line == 13);
}

}  // namespace agentpol
