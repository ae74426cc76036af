// conformance_test.cpp — the shared billing conformance policy and the
// examples of the spec (sections 3, 6 and 7) check clean, and the checked
// policy has the expected shape.
#include <catch2/catch.hpp>

#include "sema_test_util.h"

using namespace agentpol;
using namespace agentpol::test;

namespace {

const char* const kSpecSection3 = R"(namespace billing;
import std.identity;                // a module of the shipped stdlib/

enum Intent { refund, payout, question }

record Token { issued_at: Time, expires_at: Time, scopes: Set<String> }

entity User  { roles: Set<String>, refund_limit: Money<EUR>, region: String, manager?: User }
entity Agent { model: String }
entity Order { customer: User, total: Money<EUR> }
entity Account { holder: User }

action refund(order: Order) { amount: Money<EUR>, reason: String }
action read_invoice(order: Order)
action payout(account: Account) { amount: Money<EUR> }
action update_crm(account: Account)

context { intent: Intent, token: Token }

agent billing_assist_07 {
  owner: "team-billing",
  purpose: "answers billing questions, issues small refunds",
  reviewed: 2026-10-01,
  expires: 2027-01-01,
  may: [refund, read_invoice],
}

def token_fresh(t: Token, at: Time, max_ttl: Duration): Bool =
  at < t.expires_at && t.expires_at - t.issued_at <= max_ttl;
)";

const char* const kSpecSection6 = R"(@id("small-refunds")
permit agent billing_assist_07 to refund
  when amount <= 50 EUR && has user && order.customer == user
  unless context.intent != Intent.refund;

escalate agent * to refund when amount > 50 EUR;
forbid agent * to payout unless context.intent == Intent.payout;
forbid agent * to * unless token_fresh(context.token, now, 15m);

permit user to refund when order.customer == user && amount <= user.refund_limit;
permit user to payout when "billing_admin" in user.roles;

assert refunds_capped: for refund: allowed => amount <= 50 EUR;
assert no_unasked_payouts: for payout: allowed => context.intent == Intent.payout;
assert crm_untouchable: for update_crm: !allowed;
)";

}  // namespace

TEST_CASE("the billing conformance policy checks clean", "[conformance]") {
  std::string path = std::string(AGENTPOL_SHARED_DIR) + "/conformance/billing/policy.agentpol";
  std::string text = readFile(path);
  REQUIRE(!text.empty());
  auto c = checkFiles({{path, text}});
  INFO(c->text());
  REQUIRE(c->codes().empty());
  REQUIRE(c->policy);
  const sema::CheckedPolicy& p = *c->policy;
  CHECK(p.namespaceName == "billing");
  CHECK(p.schema.actions.size() == 3);
  CHECK(p.schema.agents.size() == 2);
  CHECK(p.rules.size() == 9);
  CHECK(p.asserts.size() == 2);
  const sema::CheckedRule* stale = c->rule("stale-token");
  REQUIRE(stale);
  CHECK(stale->allActions);
  CHECK(stale->actions.size() == 3);
  CHECK(stale->subject == sema::Subject::AllAgents);
  CHECK(stale->when == nullptr);
  // token_fresh(context.token, now, 15m) inlined.
  CHECK(dump(stale->unless.get()) ==
        "(&& (< now (. (. context token) expires_at)) "
        "(<= (- (. (. context token) expires_at) (. (. context token) issued_at)) 900s))");
  const sema::CheckedRule* small = c->rule("small-refunds");
  REQUIRE(small);
  CHECK(small->agents == std::vector<uint32_t>{p.schema.agentIndex.lookup("billing_assist_07")});
  CHECK(small->effect == ast::Effect::Permit);
  REQUIRE(small->names.size() == 3);  // order, amount, reason
  CHECK(small->names[1].name == "amount");
  CHECK(small->names[1].kind == ast::Binding::Kind::ActionArg);
  CHECK(small->names[1].type->str() == "Money<EUR>");
  CHECK(p.sourceHashHex().size() == 64);
  const sema::AgentInfo& bot = p.schema.agents[p.schema.agentIndex.lookup("billing_assist_07")];
  CHECK(bot.owner == "team-billing");
  CHECK(bot.hasScope);
  CHECK(bot.may.size() == 3);
  CHECK(bot.reviewed.value() == 1790812800);  // 2026-10-01T00:00:00Z
  CHECK_FALSE(bot.expires.has_value());
}

TEST_CASE("the spec's examples (sections 3, 6 and 7) check clean as one set", "[conformance]") {
  auto c = checkFiles({{"spec3.agentpol", kSpecSection3}, {"spec6.agentpol", kSpecSection6}});
  INFO(c->text());
  REQUIRE(c->codes().empty());
  REQUIRE(c->policy);
  // The user's token_fresh hides std.identity's one of the same name.
  const sema::CheckedRule* r = c->rule("spec6:8");
  REQUIRE(r);
  CHECK(dump(r->unless.get()) ==
        "(&& (< now (. (. context token) expires_at)) "
        "(<= (- (. (. context token) expires_at) (. (. context token) issued_at)) 900s))");
  CHECK(c->policy->modules == std::vector<std::string>{"std.identity"});
  CHECK(c->policy->asserts.size() == 3);
  CHECK(dump(c->policy->asserts[0].body.get()) == "(=> %allowed (<= $amount 5000EUR))");
}

TEST_CASE("the source hash is SHA-256 of the stems and texts, independent of file order", "[hash]") {
  auto a = checkFiles({{"dir/spec3.agentpol", kSpecSection3}, {"spec6.agentpol", kSpecSection6}});
  auto b = checkFiles({{"spec6.agentpol", kSpecSection6}, {"other/spec3.agentpol", kSpecSection3}});
  REQUIRE(a->policy);
  REQUIRE(b->policy);
  CHECK(a->policy->sourceHash == b->policy->sourceHash);
  auto d = checkFiles({{"spec3.agentpol", kSpecSection3}, {"spec7.agentpol", kSpecSection6}});
  REQUIRE(d->policy);
  CHECK(d->policy->sourceHash != a->policy->sourceHash);  // a stem changes default rule ids
}
