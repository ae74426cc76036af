// slicing_test.cpp — query slicing and unsat-core shrinking in the Prover:
// the cone of a query is exactly the rules whose match variables it
// mentions (and a sliced query still uses their definitions); verify gives
// the same results with and without slicing on every policy set; and a
// proved check names exactly the rules its proof needs.
#include <catch2/catch.hpp>

#include <algorithm>

#include "verify/session.h"
#include "verify/verifier.h"
#include "verify_util.h"

using namespace agentpol;

namespace {

const char* kPolicy = R"(
namespace t;
entity User { limit: Int }
entity Agent { model: String }
action refund() { amount: Int, reason: String }
action read()
agent bot { owner: "t", purpose: "p", reviewed: 2026-11-01 }
agent helper { owner: "t", purpose: "p", reviewed: 2026-11-01 }
@id("small") permit agent bot to refund when amount <= 100 && reason like "late*";
@id("mid") permit agent * to refund when amount <= 500 && amount > 0;
@id("vip") escalate agent helper to refund when amount <= 5000;
@id("never") permit agent bot to refund when amount > 10 && amount < 5;
@id("huge") forbid agent * to refund when amount > 1000;
@id("mine") permit user to refund when has user && amount <= user.limit;
@id("reader") permit agent * to read;
)";

// The assert holds because `prod` is the only permit that can allow bot a
// production deploy: {prod} is the one minimal core (without prod's
// definition bot is allowed with any ticket; no forbid or escalate covers
// that). Z3's own core also names the user permit `u-ok`.
const char* kCorePolicy = R"(
namespace t;
enum Env { dev, staging, production }
entity User { roles: Set<String>, teams: Set<String> }
entity Agent { model: String }
entity Service { team: String, tier: Int }
action deploy(service: Service) { env: Env, ticket: String, replicas: Int }
agent bot { owner: "t", purpose: "p", reviewed: 2026-11-01 }
@id("f-untested") forbid agent * to deploy when replicas > 50 && env == Env.production;
@id("f-team") forbid agent * to deploy when has user && !(service.team in user.teams);
@id("f-tier") forbid agent bot to deploy when service.tier > 3 && ticket like "EMG-*";
@id("prod") permit agent bot to deploy when env == Env.production && ticket like "CHG-*";
@id("e-offhours") escalate agent bot to deploy when replicas > 10;
@id("u-eng") forbid user to deploy when has user && !("engineer" in user.roles) && env == Env.production;
@id("u-ok") permit user to deploy when has user;
assert prod_ticketed: for deploy: allowed && env == Env.production => ticket like "CHG-*";
)";

verify::VerifyOptions options(bool slice, bool minimize = true) {
  verify::VerifyOptions o;
  o.today = 1795824000;
  o.slice = slice;
  o.minimizeCores = minimize;
  return o;
}

uint32_t ruleIndex(const sema::CheckedPolicy& p, const std::string& id) {
  for (uint32_t i = 0; i < p.rules.size(); ++i)
    if (p.rules[i].id == id) return i;
  FAIL("no rule " << id);
  return 0;
}

}  // namespace

TEST_CASE("slicing: the cone is the rules the query mentions", "[verify][slicing]") {
  auto p = vtest::load(kPolicy);
  REQUIRE(p->policy);
  uint32_t refund = p->policy->schema.actionIndex.lookup("refund");
  verify::Session s(*p->policy, options(true));
  verify::ActionModel& m = s.model(refund);
  verify::CheckResult scratch;
  const verify::RuleEntry* never = m.entry(ruleIndex(*p->policy, "never"));
  const verify::RuleEntry* mid = m.entry(ruleIndex(*p->policy, "mid"));
  REQUIRE(never);
  REQUIRE(mid);

  // A condition used directly needs no definition.
  verify::QueryResult q = s.find(refund, never->cond->value && !never->cond->error, scratch, verify::kProofCore);
  CHECK(q.kind == verify::QueryResult::Kind::Unsat);
  CHECK(q.coneRules == 0);
  CHECK(q.coreRules.empty());

  // A match variable brings its own definition, and only that: without the
  // definition `never.match` would be a free Bool and this would be sat.
  q = s.find(refund, never->matchVar, scratch, verify::kProofCore);
  CHECK(q.kind == verify::QueryResult::Kind::Unsat);
  CHECK(q.coneRules == 1);
  CHECK(s.ruleIds(q.coreRules) == std::vector<std::string>{"never"});

  q = s.find(refund, mid->matchVar && m.req.agentIs("bot"), scratch, verify::kProofCore);
  CHECK(q.kind == verify::QueryResult::Kind::Sat);
  CHECK(q.coneRules == 1);

  // The decision mentions every rule of the action.
  q = s.find(refund, m.decision->allowed, scratch, verify::kProofCore);
  CHECK(q.kind == verify::QueryResult::Kind::Sat);
  CHECK(q.coneRules == m.rules.size());

  // Without slicing every query carries every rule.
  verify::Session all(*p->policy, options(false));
  verify::ActionModel& ma = all.model(refund);
  q = all.find(refund, ma.entry(ruleIndex(*p->policy, "never"))->matchVar, scratch, verify::kProofCore);
  CHECK(q.kind == verify::QueryResult::Kind::Unsat);
  CHECK(q.coneRules == ma.rules.size());
}

TEST_CASE("slicing: a proved check names exactly the rules its proof needs", "[verify][slicing]") {
  auto p = vtest::load(kCorePolicy);
  REQUIRE(p->policy);
  for (bool slice : {true, false}) {
    INFO("slice " << slice);
    verify::VerifyReport r = verify::verifyPolicy(*p->policy, options(slice));
    const verify::CheckResult* a = vtest::find(r, "assert", "prod_ticketed");
    REQUIRE(a);
    CHECK(a->status == verify::Status::Proved);
    REQUIRE(a->rules);
    CHECK(*a->rules == std::vector<std::string>{"prod"});
  }
  // The query itself: the shrunk core is minimal, and a subset of Z3's.
  uint32_t deploy = p->policy->schema.actionIndex.lookup("deploy");
  verify::Session s(*p->policy, options(true));
  verify::Session raw(*p->policy, options(true, false));
  verify::CheckResult scratch;
  auto query = [&](verify::Session& x) {
    verify::ActionModel& m = x.model(deploy);
    verify::SymValue body = m.encodeAssert(p->policy->asserts[0]);
    return x.find(deploy, !(body.value && !body.error), scratch, verify::kProofCore);
  };
  verify::QueryResult small = query(s), naive = query(raw);
  REQUIRE(small.kind == verify::QueryResult::Kind::Unsat);
  REQUIRE(naive.kind == verify::QueryResult::Kind::Unsat);
  CHECK(small.coreMinimal);
  CHECK(s.ruleIds(small.coreRules) == std::vector<std::string>{"prod"});
  for (uint32_t r : small.coreRules)
    CHECK(std::find(naive.coreRules.begin(), naive.coreRules.end(), r) != naive.coreRules.end());
}

TEST_CASE("slicing: verify gives the same results with and without slicing", "[verify][slicing]") {
  for (const std::string& set : vtest::policySets()) {
    SECTION(set) {
      auto p = test::loadPolicyFiles({set});
      if (!p->policy) {
        WARN("skipping " << set << " (does not compile)");
        continue;
      }
      verify::VerifyReport sliced = verify::verifyPolicy(*p->policy, options(true));
      verify::VerifyReport whole = verify::verifyPolicy(*p->policy, options(false));
      REQUIRE(sliced.checks.size() == whole.checks.size());
      for (size_t i = 0; i < sliced.checks.size(); ++i) {
        const verify::CheckResult& a = sliced.checks[i];
        const verify::CheckResult& b = whole.checks[i];
        INFO(set << ": " << a.kind << " " << a.name << " " << a.subject);
        CHECK(a.kind == b.kind);
        CHECK(a.name == b.name);
        CHECK(a.subject == b.subject);
        CHECK(statusName(a.status) == std::string(statusName(b.status)));
        CHECK(a.counterexample.has_value() == b.counterexample.has_value());
        CHECK(a.confirmed == b.confirmed);
        if (a.counterexample && b.counterexample) {
          // Both requests are real requests of the policy; the runtime must
          // treat them alike where the check pins the outcome.
          vtest::Replayed ra = vtest::replay(*p->policy, *a.counterexample);
          vtest::Replayed rb = vtest::replay(*p->policy, *b.counterexample);
          CHECK(ra.reason != "bad_request");
          CHECK(rb.reason != "bad_request");
          if (a.kind == "scope" || a.kind == "shadowed") CHECK(ra.reason == rb.reason);
        }
      }
    }
  }
}
