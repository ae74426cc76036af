// checks_test.cpp — each built-in check and an assert, each on a policy that
// breaks it: the check fails with a counterexample, which is replayed
// through the compiled bundle on the runtime VM and shown to violate.
#include <catch2/catch.hpp>

#include "verify/checks.h"
#include "verify/concrete_request.h"
#include "verify/verifier.h"
#include "verify_util.h"

using namespace agentpol;
using json = nlohmann::json;

namespace {

const char* kSchema = R"(
namespace t;
enum Intent { refund, payout, question }
record Token { issued_at: Time, expires_at: Time, scopes: Set<String> }
entity User { roles: Set<String>, refund_limit: Money<EUR>, region: String, manager?: User }
entity Agent { model: String }
entity Order { customer: User, total: Money<EUR> }
action refund(order: Order) { amount: Money<EUR>, reason: String }
action read_invoice(order: Order)
context { intent: Intent, token: Token }
agent bot { owner: "t", purpose: "p", reviewed: 2026-11-01, may: [read_invoice] }
agent helper { owner: "t", purpose: "p", reviewed: 2026-11-01 }
)";

std::string policy(const std::string& rules) { return std::string(kSchema) + rules; }

}  // namespace

TEST_CASE("scope: a permit beyond an agent's may fails, replay is out_of_scope", "[verify][checks]") {
  std::string text = policy(R"(@id("wide") permit agent * to refund when amount <= 100 EUR && reason like "late*";)");
  auto p = vtest::load(text);
  verify::VerifyOptions o;
  o.today = 1795824000;
  auto r = verify::verifyPolicy(*p->policy, o);
  const verify::CheckResult* c = vtest::find(r, "scope", "wide");
  REQUIRE(c);
  CHECK(c->status == verify::Status::Violated);
  REQUIRE(c->counterexample);
  CHECK(c->confirmed);
  const json& ce = *c->counterexample;
  CHECK(ce["agent"]["id"] == "bot");
  CHECK(ce["action"] == "refund");
  vtest::Replayed d = vtest::replay(*p->policy, ce);
  CHECK(d.decision == "deny");
  CHECK(d.reason == "out_of_scope");
  // Without the scope, the same request is allowed by the rule.
  std::string unscoped = text;
  unscoped.replace(unscoped.find(", may: [read_invoice]"), std::string(", may: [read_invoice]").size(), "");
  auto p2 = vtest::load(unscoped);
  vtest::Replayed d2 = vtest::replay(*p2->policy, ce);
  CHECK(d2.decision == "allow");
  CHECK(d2.rules == std::vector<std::string>{"wide"});
}

TEST_CASE("dead-rule: an impossible condition fails", "[verify][checks]") {
  auto r = vtest::verifyText(policy(R"(
@id("dead") permit agent helper to refund when amount > 10 EUR && amount < 5 EUR;
@id("alive") permit agent helper to refund when amount > 10 EUR;
@id("dead-by-agent") permit agent helper to refund when agent.id == "bot";
)"));
  const verify::CheckResult* dead = vtest::find(r, "dead-rule", "dead");
  REQUIRE(dead);
  CHECK(dead->status == verify::Status::Violated);
  CHECK(dead->counterexample);  // a request it does not match (counterexample_checks_test.cpp)
  CHECK(vtest::find(r, "dead-rule", "alive")->status == verify::Status::Proved);
  CHECK(vtest::find(r, "dead-rule", "dead-by-agent")->status == verify::Status::Violated);
  // A dead rule is not also reported as shadowed.
  CHECK(vtest::find(r, "shadowed", "dead")->status == verify::Status::Proved);
}

TEST_CASE("shadowed: a permit covered by a forbid fails, replay shows the forbid", "[verify][checks]") {
  std::string text = policy(R"(
@id("no-eu") forbid agent helper to read_invoice unless order.customer.region == "EU";
@id("us-only") permit agent helper to read_invoice when order.customer.region == "US";
@id("eu") permit agent helper to read_invoice when order.customer.region == "EU";
)");
  auto p = vtest::load(text);
  verify::VerifyOptions o;
  o.today = 1795824000;
  auto r = verify::verifyPolicy(*p->policy, o);
  const verify::CheckResult* c = vtest::find(r, "shadowed", "us-only");
  REQUIRE(c);
  CHECK(c->status == verify::Status::Violated);
  REQUIRE(c->rules);
  CHECK(*c->rules == std::vector<std::string>{"no-eu"});
  REQUIRE(c->counterexample);
  CHECK(c->confirmed);
  vtest::Replayed d = vtest::replay(*p->policy, *c->counterexample);
  CHECK(d.decision == "deny");
  CHECK(d.reason == "forbidden");
  CHECK(d.rules == std::vector<std::string>{"no-eu"});
  CHECK(vtest::find(r, "shadowed", "eu")->status == verify::Status::Proved);
}

TEST_CASE("inventory: a missing or stale review fails", "[verify][checks]") {
  auto r = vtest::verifyText(R"(
entity Agent {}
action a()
agent old { owner: "o", purpose: "p", reviewed: 2026-01-01 }
agent never { owner: "o", purpose: "p" }
agent fresh { owner: "o", purpose: "p", reviewed: 2026-11-20 }
)");
  CHECK(vtest::find(r, "inventory", "old")->status == verify::Status::Violated);
  CHECK(vtest::find(r, "inventory", "never")->status == verify::Status::Violated);
  CHECK(vtest::find(r, "inventory", "fresh")->status == verify::Status::Proved);
}

TEST_CASE("assert: a violated assert gives a request the VM allows against the claim", "[verify][checks]") {
  std::string text = policy(R"(
@id("refunds") permit agent helper to refund when amount <= 80 EUR && context.intent == Intent.refund;
@id("u") permit user to refund when order.customer == user && amount <= user.refund_limit;
assert capped: for refund: allowed => amount <= 50 EUR;
assert with_user: for refund: allowed => has user;
)");
  auto p = vtest::load(text);
  verify::VerifyOptions o;
  o.today = 1795824000;
  auto r = verify::verifyPolicy(*p->policy, o);
  const verify::CheckResult* c = vtest::find(r, "assert", "capped");
  REQUIRE(c);
  CHECK(c->status == verify::Status::Violated);
  REQUIRE(c->counterexample);
  CHECK(c->confirmed);
  const json& ce = *c->counterexample;
  vtest::Replayed d = vtest::replay(*p->policy, ce);
  CHECK(d.decision == "allow");
  int64_t minor = verify::parseMoney(ce["args"]["amount"].get<std::string>(), "EUR");
  CHECK(minor > 5000);
  CHECK(vtest::find(r, "assert", "with_user")->status == verify::Status::Violated);
  vtest::Replayed d2 = vtest::replay(*p->policy, *vtest::find(r, "assert", "with_user")->counterexample);
  CHECK(d2.decision == "allow");
}

TEST_CASE("assert: errors fail closed (unsupplied attrs, overflow) and are proved safe", "[verify][checks]") {
  auto r = vtest::verifyText(policy(R"(
@id("big") permit agent helper to refund when order.total + amount > 100 EUR;
@id("f") forbid agent helper to refund when amount * 2 > 1000000 EUR;
assert never_on_error: for refund: allowed => amount * 2 <= 1000000 EUR;
)"));
  CHECK(vtest::find(r, "assert", "never_on_error")->status == verify::Status::Proved);
}

TEST_CASE("delegation: a decision function that ignores the user side is caught", "[verify][checks]") {
  // The source decision is correct by construction; plug in a broken one
  // (as a bytecode-level encoding would be plugged in) built from the same
  // rule terms but with no user side, and hold it to the obligation.
  auto p = vtest::load(policy(R"(
@id("a") permit agent helper to refund;
@id("u") permit user to refund when amount <= user.refund_limit;
)"));
  verify::VerifyOptions o;
  o.today = 1795824000;
  verify::Session s(*p->policy, o);
  uint32_t refund = p->policy->schema.actionIndex.lookup("refund");
  verify::ActionModel& m = s.model(refund);
  verify::DecisionInputs in{&p->policy->schema, refund, &m.req.agents(), m.req.agentSel, m.req.now,
                            m.req.now.ctx().bool_val(false), {}};
  for (const verify::RuleEntry& e : m.rules) {
    const sema::CheckedRule& rule = p->policy->rules[e.rule];
    in.rules.push_back(verify::RuleTerm{e.rule, rule.effect, rule.subject == sema::Subject::User, e.applies, e.matchVar});
  }
  verify::DecisionTerms broken = verify::encodeDecision(m.req.env().ctx(), in);  // hasUser := false
  z3::expr violation = verify::delegationViolation(m.req.hasUser, broken, m.decision->user);
  verify::CheckResult res;
  verify::QueryResult q = s.find(refund, violation, res);
  REQUIRE(q.kind == verify::QueryResult::Kind::Sat);
  s.attachCounterexample(refund, q, violation, res);
  REQUIRE(res.counterexample);
  CHECK(res.confirmed);
  const json& ce = *res.counterexample;
  CHECK_FALSE(ce["user"].is_null());
  // The real runtime respects delegation: the user's own rules deny it.
  vtest::Replayed d = vtest::replay(*p->policy, ce);
  CHECK(d.decision == "deny");
  CHECK(d.reason == "user_no_permit");
  // And the source-level check proves the real decision.
  CHECK(verify::checkDelegation(s).status == verify::Status::Proved);
}

TEST_CASE("unknown: a tiny timeout on a hard query is unknown, never proved", "[verify][unknown]") {
  std::string text = policy(R"(
@id("p1") permit agent helper to refund when reason like "*a*b*c*d*e*" && order.customer.region like "*x*y*z*";
@id("f1") forbid agent helper to refund when reason like "*e*d*c*b*a*" && amount + order.total > 3 EUR;
assert hard: for refund: allowed => (reason like "*a*b*" || amount * 3 + order.total * 7 != 11 EUR);
)");
  auto p = vtest::load(text);
  verify::VerifyOptions o;
  o.today = 1795824000;
  o.timeoutMs = 1;
  auto r = verify::verifyPolicy(*p->policy, o);
  CHECK(r.overall() == verify::Status::Unknown);
  bool anyUnknown = false;
  for (const verify::CheckResult& c : r.checks) anyUnknown = anyUnknown || c.status == verify::Status::Unknown;
  CHECK(anyUnknown);
  std::string path = vtest::writeTemp("hard.agentpol", text);
  CHECK(vtest::runCli("verify " + path + " --today 2026-11-28 --timeout 1ms").exit == 3);
}
