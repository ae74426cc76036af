// counterexample_checks_test.cpp — the counterexamples of `dead-rule` and
// `inventory`: for policies that break them, the violation comes with a
// confirmed request that is replayed through the compiled bundle on the
// runtime VM and shown to be what the message says (the dead rule does not
// match and, when it would have mattered, its forcing changes the decision;
// the stale agent's request is decided as stated), and a dead rule's message
// names exactly the parts of its condition that contradict.
#include <algorithm>

#include <catch2/catch.hpp>

#include "verify/verifier.h"
#include "verify_util.h"

using namespace agentpol;
using json = nlohmann::json;

namespace {

const char* kSchema = R"(
namespace t;
enum Intent { refund, payout, question }
entity User { roles: Set<String>, refund_limit: Money<EUR>, region: String }
entity Agent { model: String }
entity Order { customer: User, total: Money<EUR> }
action refund(order: Order) { amount: Money<EUR>, reason: String }
action read_invoice(order: Order)
context { intent: Intent }
agent bot { owner: "t", purpose: "p", reviewed: 2026-11-01, may: [read_invoice] }
agent helper { owner: "t", purpose: "p", reviewed: 2026-11-01 }
)";

// A policy and its report, verified with the sources at hand (messages quote them).
struct Run {
  std::unique_ptr<test::LoadedPolicy> p;
  verify::VerifyReport report;
  const verify::CheckResult& check(const std::string& kind, const std::string& subject) const {
    const verify::CheckResult* c = vtest::find(report, kind, subject);
    if (!c) throw std::runtime_error("no " + kind + " check for " + subject);
    return *c;
  }
};

Run run(const std::string& text) {
  Run r;
  r.p = vtest::load(text);
  verify::VerifyOptions o;
  o.today = 1795824000;  // 2026-11-28
  o.sources = &r.p->sm;
  r.report = verify::verifyPolicy(*r.p->policy, o);
  return r;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

bool reports(const vtest::Replayed& d, const std::string& rule) {
  return std::find(d.rules.begin(), d.rules.end(), rule) != d.rules.end();
}

// A violated check with a confirmed counterexample, replayed on the VM.
vtest::Replayed replayViolation(const Run& r, const verify::CheckResult& c) {
  INFO(c.message);
  CHECK(c.status == verify::Status::Violated);
  REQUIRE(c.counterexample);
  CHECK(c.confirmed);
  return vtest::replay(*r.p->policy, *c.counterexample);
}

// `text` with the first occurrence of `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("no `" + from + "` in the policy");
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("dead-rule: a dead permit's request is denied no_permit and the rule would allow it", "[verify][dead-rule]") {
  std::string text = std::string(kSchema) + R"(
@id("dead") permit agent helper to refund when reason like "late*" && amount > 100 EUR && amount < 50 EUR;
@id("small") permit agent helper to refund when amount <= 10 EUR;
)";
  Run r = run(text);
  const verify::CheckResult& c = r.check("dead-rule", "dead");
  vtest::Replayed d = replayViolation(r, c);
  const json& ce = *c.counterexample;
  CHECK(ce["agent"]["id"] == "helper");
  CHECK(ce["action"] == "refund");
  CHECK(d.decision == "deny");
  CHECK(d.reason == "no_permit");
  CHECK_FALSE(reports(d, "dead"));
  CHECK(contains(c.message, "denied (no_permit), but allowed had the rule matched"));
  // The minimal core: the two bounds, not the unrelated `like`.
  CHECK(contains(c.message, "`amount > 100 EUR` and `amount < 50 EUR` cannot both hold"));
  CHECK_FALSE(contains(c.message, "late"));
  // Had the rule matched (its condition dropped), the VM allows the same request by it.
  Run live = run(replaced(text, R"(when reason like "late*" && amount > 100 EUR && amount < 50 EUR)", ""));
  vtest::Replayed forced = vtest::replay(*live.p->policy, ce);
  CHECK(forced.decision == "allow");
  CHECK(reports(forced, "dead"));
}

TEST_CASE("dead-rule: a dead forbid's request is allowed despite it", "[verify][dead-rule]") {
  std::string text = std::string(kSchema) + R"(
@id("f") forbid agent * to refund when amount < 0 EUR && context.intent == Intent.refund && amount > 0 EUR;
@id("p") permit agent * to refund;
)";
  Run r = run(text);
  const verify::CheckResult& c = r.check("dead-rule", "f");
  vtest::Replayed d = replayViolation(r, c);
  // `bot` may not refund (out of scope): only `helper` shows the forbid mattering.
  CHECK((*c.counterexample)["agent"]["id"] == "helper");
  CHECK(d.decision == "allow");
  CHECK(d.rules == std::vector<std::string>{"p"});
  CHECK(contains(c.message, "allowed (permitted), but denied had the rule matched"));
  CHECK(contains(c.message, "`amount < 0 EUR` and `amount > 0 EUR` cannot both hold"));
  CHECK_FALSE(contains(c.message, "intent"));
  Run live = run(replaced(text, "when amount < 0 EUR && context.intent == Intent.refund && amount > 0 EUR", ""));
  vtest::Replayed forced = vtest::replay(*live.p->policy, *c.counterexample);
  CHECK(forced.decision == "deny");
  CHECK(forced.rules == std::vector<std::string>{"f"});
}

TEST_CASE("dead-rule: a dead escalate's request is not escalated", "[verify][dead-rule]") {
  Run r = run(std::string(kSchema) + R"(
@id("e") escalate agent helper to refund when context.intent == Intent.payout && context.intent == Intent.refund;
@id("p") permit agent helper to refund when amount <= 50 EUR;
)");
  const verify::CheckResult& c = r.check("dead-rule", "e");
  vtest::Replayed d = replayViolation(r, c);
  // Allowed by `p`, or denied for want of a permit: either way not escalated.
  CHECK(d.decision != "escalate");
  CHECK_FALSE(reports(d, "e"));
  std::string stated = (d.decision == "allow" ? "allowed (" : "denied (") + d.reason + ")";
  CHECK(contains(c.message, stated + ", but escalated had the rule matched"));
  CHECK(contains(c.message, "`context.intent == Intent.payout` and `context.intent == Intent.refund` cannot both hold"));
}

TEST_CASE("dead-rule: a dead user rule's request has a user and is denied user_no_permit", "[verify][dead-rule]") {
  Run r = run(std::string(kSchema) + R"(
@id("u") permit user to refund when amount > user.refund_limit && order.customer == user && amount <= user.refund_limit;
@id("a") permit agent helper to refund;
)");
  const verify::CheckResult& c = r.check("dead-rule", "u");
  vtest::Replayed d = replayViolation(r, c);
  CHECK_FALSE((*c.counterexample)["user"].is_null());
  CHECK(d.decision == "deny");
  CHECK(d.reason == "user_no_permit");
  CHECK_FALSE(reports(d, "u"));
  CHECK(contains(c.message, "denied (user_no_permit), but allowed had the rule matched"));
  CHECK(contains(c.message, "`amount > user.refund_limit` and `amount <= user.refund_limit` cannot both hold"));
  CHECK_FALSE(contains(c.message, "order.customer"));
}

TEST_CASE("dead-rule: an `unless` that always holds is named alone", "[verify][dead-rule]") {
  Run r = run(std::string(kSchema) + R"(
@id("x") permit agent helper to refund when amount > 5 EUR unless context.intent == Intent.question || reason like "*";
@id("y") permit agent helper to refund when amount > 100 EUR unless amount > 50 EUR || reason == "vip";
)");
  const verify::CheckResult& x = r.check("dead-rule", "x");
  vtest::Replayed dx = replayViolation(r, x);
  CHECK(dx.decision == "deny");
  CHECK_FALSE(reports(dx, "x"));
  CHECK(contains(x.message, R"(`reason like "*"` (the `unless` part) always holds)"));
  CHECK_FALSE(contains(x.message, "amount > 5 EUR"));
  CHECK_FALSE(contains(x.message, "question"));
  // A `when` part and a negated `unless` part together.
  const verify::CheckResult& y = r.check("dead-rule", "y");
  vtest::Replayed dy = replayViolation(r, y);
  CHECK_FALSE(reports(dy, "y"));
  CHECK(contains(y.message, "`amount > 100 EUR` and not `amount > 50 EUR` cannot both hold"));
  CHECK_FALSE(contains(y.message, "vip"));
}

TEST_CASE("dead-rule: dead by its reach and a rule that could never matter says so", "[verify][dead-rule]") {
  Run r = run(std::string(kSchema) + R"(
@id("wrong-agent") permit agent helper to read_invoice when agent.id == "bot";
@id("moot") forbid agent helper to refund when amount > 10 EUR && amount < 5 EUR;
)");
  const verify::CheckResult& w = r.check("dead-rule", "wrong-agent");
  vtest::Replayed dw = replayViolation(r, w);
  CHECK((*w.counterexample)["agent"]["id"] == "helper");
  CHECK((*w.counterexample)["action"] == "read_invoice");
  CHECK(dw.decision == "deny");
  CHECK(contains(w.message, R"(`agent.id == "bot"` can never hold)"));
  // No permit for refund: the forbid could never change a decision (deny either way).
  const verify::CheckResult& m = r.check("dead-rule", "moot");
  vtest::Replayed dm = replayViolation(r, m);
  CHECK(dm.decision == "deny");
  CHECK(dm.reason == "no_permit");
  CHECK_FALSE(reports(dm, "moot"));
  CHECK(contains(m.message, "it would change no decision even if it matched"));
  CHECK(contains(m.message, "example request in its reach (`refund`): denied (no_permit)"));
}

TEST_CASE("dead-rule: the solver's core is shrunk to a minimal contradicting set", "[verify][dead-rule]") {
  // Z3's own core here holds all three parts; two of them already contradict.
  Run r = run(std::string(kSchema) + R"(
@id("s") permit agent helper to refund when reason == "a" && reason like "b*" && reason == "b";
)");
  const verify::CheckResult& c = r.check("dead-rule", "s");
  vtest::Replayed d = replayViolation(r, c);
  CHECK_FALSE(reports(d, "s"));
  CHECK(contains(c.message, R"(`reason == "a"` and `reason == "b"` cannot both hold)"));
  CHECK_FALSE(contains(c.message, "like"));
}

TEST_CASE("dead-rule: without sources the parts are named by position", "[verify][dead-rule]") {
  auto r = vtest::verifyText(std::string(kSchema) + R"(
@id("d") permit agent helper to refund when reason == "a" && amount > 9 EUR unless amount > 3 EUR;
)");
  const verify::CheckResult* c = vtest::find(r, "dead-rule", "d");
  REQUIRE(c);
  CHECK(c->status == verify::Status::Violated);
  CHECK(contains(c->message, "`when` part 2 and not `unless` part 1 cannot both hold"));
}

TEST_CASE("inventory: an agent without a review that can still be allowed", "[verify][inventory]") {
  Run r = run(std::string(kSchema) + R"(
agent never { owner: "o", purpose: "p", may: [read_invoice, refund] }
@id("small") permit agent never to refund when amount <= 5 EUR;
@id("inv") permit agent * to read_invoice when order.customer.region == "EU";
)");
  const verify::CheckResult& c = r.check("inventory", "never");
  vtest::Replayed d = replayViolation(r, c);
  // `may` order first: read_invoice is tried before refund.
  CHECK((*c.counterexample)["agent"]["id"] == "never");
  CHECK((*c.counterexample)["action"] == "read_invoice");
  CHECK(d.decision == "allow");
  CHECK(contains(c.message, "has no `reviewed` date; it can still be allowed to `read_invoice`"));
  // Reviewed agents have no counterexample.
  const verify::CheckResult& fresh = r.check("inventory", "helper");
  CHECK(fresh.status == verify::Status::Proved);
  CHECK_FALSE(fresh.counterexample);
}

TEST_CASE("inventory: a stale agent allowed on its second action", "[verify][inventory]") {
  Run r = run(std::string(kSchema) + R"(
agent old { owner: "o", purpose: "p", reviewed: 2026-01-01 }
@id("f") forbid agent old to refund;
@id("inv") permit agent * to read_invoice when order.customer.region == "EU";
)");
  const verify::CheckResult& c = r.check("inventory", "old");
  vtest::Replayed d = replayViolation(r, c);
  CHECK((*c.counterexample)["agent"]["id"] == "old");
  CHECK((*c.counterexample)["action"] == "read_invoice");
  CHECK(d.decision == "allow");
  CHECK(d.rules == std::vector<std::string>{"inv"});
  CHECK(contains(c.message, "reviewed 331 days ago (limit 90 days); it can still be allowed to `read_invoice`"));
}

TEST_CASE("inventory: a stale agent that can only be escalated or nothing at all", "[verify][inventory]") {
  Run r = run(std::string(kSchema) + R"(
agent esc { owner: "o", purpose: "p", reviewed: 2026-01-01, may: [refund] }
agent none { owner: "o", purpose: "p", reviewed: 2026-01-01, may: [refund] }
agent empty { owner: "o", purpose: "p", reviewed: 2026-01-01, may: [] }
@id("ask") escalate agent esc to refund when amount > 10 EUR;
@id("p") permit agent [esc, none] to refund when amount > 10 EUR && amount < 5 EUR;
)");
  const verify::CheckResult& e = r.check("inventory", "esc");
  vtest::Replayed de = replayViolation(r, e);
  CHECK((*e.counterexample)["agent"]["id"] == "esc");
  CHECK(de.decision == "escalate");
  CHECK(de.rules == std::vector<std::string>{"ask"});
  CHECK(contains(e.message, "it cannot be allowed anything, but can still be escalated on `refund`"));

  const verify::CheckResult& n = r.check("inventory", "none");
  vtest::Replayed dn = replayViolation(r, n);
  CHECK((*n.counterexample)["agent"]["id"] == "none");
  CHECK(dn.decision == "deny");
  CHECK(dn.reason == "no_permit");
  CHECK(contains(n.message, "it cannot be allowed or escalated anything; example request (`refund`) is denied (no_permit)"));

  // An empty scope: any action shows the denial.
  const verify::CheckResult& m = r.check("inventory", "empty");
  vtest::Replayed dm = replayViolation(r, m);
  CHECK((*m.counterexample)["agent"]["id"] == "empty");
  CHECK(dm.decision == "deny");
  CHECK(dm.reason == "out_of_scope");
  CHECK(contains(m.message, "is denied (out_of_scope)"));
}
