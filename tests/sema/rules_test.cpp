// rules_test.cpp — rules and asserts: ids (explicit and `<stem>:<line>`,
// unique across the set), annotations, subjects and actions, the scope of
// multi-action rules, and the User/Agent entity requirements.
#include <catch2/catch.hpp>

#include "sema_test_util.h"

using namespace agentpol;
using namespace agentpol::test;

namespace {

void expectCodes(const std::string& src, std::vector<std::string> codes) {
  checkCodes(*checkWithSchema(src), src, codes);
}

}  // namespace

TEST_CASE("default rule ids are <file stem>:<line of the effect keyword>", "[rules]") {
  auto r = checkFiles({{"schema.agentpol", kSchema},
                       {"policies/refunds.agentpol", "\n@note(\"n\")\n\nforbid agent * to refund\n  when false;\n"}});
  INFO(r->text());
  REQUIRE(r->policy);
  REQUIRE(r->policy->rules.size() == 1);
  const sema::CheckedRule& rule = r->policy->rules[0];
  CHECK(rule.id == "refunds:4");
  CHECK_FALSE(rule.explicitId);
  CHECK(rule.effect == ast::Effect::Forbid);
  REQUIRE(rule.annotations.size() == 1);
  CHECK(rule.annotations[0].key.name == "note");
  CHECK(rule.annotations[0].value == "n");
}

TEST_CASE("rule ids are unique across the set, explicit and default alike", "[rules]") {
  auto r = checkFiles({{"schema.agentpol", kSchema},
                       {"a.agentpol", "@id(\"x\") permit agent * to *;\npermit agent * to *;"},
                       {"b.agentpol", "@id(\"x\") forbid agent * to *;\n@id(\"a:2\") forbid agent * to *;"}});
  CHECK(r->codes() == std::vector<std::string>{"E0401@b:1", "E0401@b:2"});
  const auto& all = r->diags.sorted();
  REQUIRE(all.size() == 2);
  REQUIRE(all[0].notes.size() == 1);
  CHECK(r->sm.path(all[0].notes[0].range.file) == "a.agentpol");
  expectCodes("@id(\"\") permit agent * to *;", {"E0404@test:1"});
  expectCodes("@id(\"a\") @id(\"b\") permit agent * to *;", {"E0403@test:1"});
}

TEST_CASE("annotations are only allowed on rules", "[rules]") {
  expectCodes("@id(\"x\") assert a: true;", {"E0402@test:1"});
  expectCodes("@doc(\"x\") def f(x: Int): Bool = x > 1;", {"E0402@test:1"});
  expectCodes("@doc(\"x\") agent b2 { owner: \"o\", purpose: \"p\" }", {"E0402@test:1"});
}

TEST_CASE("subjects: declared agents, lists, `*`, `user`", "[rules]") {
  auto r = checkWithSchema("@id(\"r\") permit agent [bot, helper] to [refund, read_invoice];");
  REQUIRE(r->policy);
  const sema::CheckedRule* rule = r->rule("r");
  CHECK(rule->subject == sema::Subject::Agents);
  CHECK(rule->agents.size() == 2);
  CHECK(rule->actions.size() == 2);
  CHECK_FALSE(rule->allActions);
  expectCodes("permit agent robo to refund;", {"E0105@test:1"});
  expectCodes("permit agent [bot, bot] to refund;", {"E0108@test:1"});
  expectCodes("permit agent [] to refund;", {"E0406@test:1"});
  expectCodes("permit agent * to refnd;", {"E0104@test:1"});
  expectCodes("permit agent * to [refund, refund];", {"E0108@test:1"});
  expectCodes("permit agent * to [];", {"E0406@test:1"});
  auto u = checkWithSchema("@id(\"u\") permit user to payout when \"admin\" in user.roles;");
  REQUIRE(u->policy);
  CHECK(u->rule("u")->subject == sema::Subject::User);
}

TEST_CASE("multi-action rules see only the names all actions share with one type", "[rules]") {
  // refund and payout share `amount: Money<EUR>`; transfer's amount is USD.
  auto r = checkWithSchema("@id(\"r\") permit agent * to [refund, payout] when amount <= 10 EUR;");
  INFO(r->text());
  REQUIRE(r->policy);
  const sema::CheckedRule* rule = r->rule("r");
  REQUIRE(rule->names.size() == 1);
  CHECK(rule->names[0].name == "amount");
  CHECK(rule->names[0].indexInAction == std::vector<uint32_t>{0, 0});
  expectCodes("permit agent * to [refund, payout] when order.total > 1 EUR;", {"E0112@test:1"});
  expectCodes("permit agent * to [payout, transfer] when amount > 1 EUR;", {"E0112@test:1"});
  expectCodes("permit agent * to [payout, transfer] when account.holder.region == \"EU\";", {});
  expectCodes("permit agent * to * when account.id == \"a\";", {"E0112@test:1"});
  expectCodes("permit agent * to * when context.count > 1;", {});
  // Index of a shared name differs per action.
  auto multi = checkFiles({{"s.agentpol",
                            "entity Agent {}\nentity Doc {}\n"
                            "action a(d: Doc) { x: Int, y: Int }\naction b(d: Doc) { y: Int }\n"
                            "@id(\"r\") permit agent * to [a, b] when y > 1;\n"}});
  INFO(multi->text());
  REQUIRE(multi->policy);
  CHECK(multi->rule("r")->names.size() == 2);  // d, y
  CHECK(multi->rule("r")->names[1].indexInAction == std::vector<uint32_t>{1, 0});
}

TEST_CASE("User and Agent entities must be declared when used", "[rules]") {
  auto r = checkFiles({{"t.agentpol", "action a()\npermit agent * to a;\npermit user to a;\n"}});
  CHECK(r->codes() == std::vector<std::string>{"E0107@t:2", "E0107@t:3"});
  r = checkFiles({{"t.agentpol", "entity Agent {}\naction a()\npermit agent * to a when has user;\n"}});
  CHECK(r->codes() == std::vector<std::string>{"E0107@t:3"});
  r = checkFiles({{"t.agentpol", "entity User {}\naction a()\nassert x: agent.id == \"b\";\n"}});
  CHECK(r->codes() == std::vector<std::string>{"E0107@t:3"});
  r = checkFiles({{"t.agentpol", "entity User {}\nentity Agent {}\naction a()\npermit agent * to a;\n"}});
  CHECK(r->codes().empty());
}

TEST_CASE("asserts: unique names, declared actions, the rule scope plus decisions", "[rules]") {
  auto r = checkWithSchema(
      "assert a: for [refund, payout]: allowed => amount <= 10 EUR;\n"
      "assert b: denied || escalated || allowed;");
  INFO(r->text());
  REQUIRE(r->policy);
  REQUIRE(r->policy->asserts.size() == 2);
  CHECK(r->policy->asserts[0].actions.size() == 2);
  CHECK(r->policy->asserts[1].allActions);
  CHECK(r->policy->asserts[1].actions.size() == r->policy->schema.actions.size());
  // In asserts `allowed` is the decision, even where an argument has that name.
  auto shadow = checkAlone(
      "entity Agent {}\naction a() { allowed: Bool }\n@id(\"r\") permit agent * to a when allowed;\n"
      "assert x: for a: allowed => !allowed;");
  INFO(shadow->text());
  REQUIRE(shadow->policy);
  CHECK(dump(shadow->rule("r")->when.get()) == "$allowed");
  CHECK(dump(shadow->policy->asserts[0].body.get()) == "(=> %allowed (! %allowed))");
  expectCodes("assert a: true;\nassert a: false;", {"E0101@test:2"});
  expectCodes("assert a: for crm: !allowed;", {"E0104@test:1"});
}

TEST_CASE("the rules of several files form one set", "[rules]") {
  auto r = checkFiles({{"rules.agentpol", "@id(\"r\") permit agent bot to refund when amount <= cap;"},
                       {"defs.agentpol", "def unused(x: Int): Bool = x > 0;"},
                       {"schema.agentpol", kSchema},
                       {"more.agentpol", "action refund2(order: Order) { cap: Money<EUR> }"}});
  // `cap` is not an argument of refund: one error, in rules.agentpol.
  CHECK(r->codes() == std::vector<std::string>{"E0103@rules:1"});
}
