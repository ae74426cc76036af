// expressions_test.cpp — every expression typing rule of spec section 5,
// each error with its code and line, and the well-typed forms next to it.
// Sources are checked together with kSchema (sema_test_util.cpp).
#include <catch2/catch.hpp>

#include "sema_test_util.h"

using namespace agentpol;
using namespace agentpol::test;

namespace {

struct Case {
  const char* src;
  std::vector<std::string> codes;  // empty: checks clean
};

void run(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    auto r = checkWithSchema(c.src);
    INFO("source: " << c.src << "\n" << r->text());
    CHECK(r->codes() == c.codes);
    CHECK((r->policy != nullptr) == c.codes.empty());
  }
}

}  // namespace

TEST_CASE("money: same currency only, never with Int", "[expr]") {
  run({
      {"permit agent * to refund when amount <= 50 EUR;", {}},
      {"permit agent * to refund when amount <= 50;", {"E0301@test:1"}},
      {"permit agent * to refund when amount <= 50 USD;", {"E0301@test:1"}},
      {"permit agent * to refund when amount == 50 USD;", {"E0301@test:1"}},
      {"permit agent * to refund when amount + 1 USD > 0 EUR;", {"E0303@test:1"}},
      {"permit agent * to refund when amount + 1 > 0 EUR;", {"E0303@test:1"}},
      {"permit agent * to refund when amount - 1 EUR > order.total;", {}},
      {"permit agent * to transfer when amount > 10.50 USD;", {}},
  });
}

TEST_CASE("linear arithmetic: `*` only by an Int literal", "[expr]") {
  run({
      {"permit agent * to refund when amount * 2 <= order.total;", {}},
      {"permit agent * to refund when 2 * amount <= order.total;", {}},
      {"permit agent * to refund when amount * -2 <= order.total;", {}},
      {"permit agent * to transfer when count * count > 3;", {"E0304@test:1"}},
      {"permit agent * to transfer when count * amount > 3 USD;", {"E0304@test:1"}},
      {"permit agent * to * when context.deadline * 2 > now;", {"E0305@test:1"}},
      {"permit agent * to * when \"a\" * 2 == \"b\";", {"E0305@test:1"}},
      {"permit agent * to * when context.window * 3 > 1h;", {}},
  });
}

TEST_CASE("time and duration arithmetic table", "[expr]") {
  run({
      {"permit agent * to * when now + 1h > context.deadline;", {}},
      {"permit agent * to * when 1h + now > context.deadline;", {}},
      {"permit agent * to * when now - 1h < context.deadline;", {}},
      {"permit agent * to * when context.deadline - now <= 2d;", {}},
      {"permit agent * to * when 1h + 30m - 15s < context.window;", {}},
      {"permit agent * to * when now + now > now;", {"E0303@test:1"}},
      {"permit agent * to * when 1h - now > now;", {"E0303@test:1"}},
      {"permit agent * to * when now + 5 > now;", {"E0303@test:1"}},
      {"permit agent * to * when now < 1h;", {"E0301@test:1"}},
      {"permit agent * to * when now < 2026-01-01T10:00:00Z;", {}},
  });
}

TEST_CASE("unary minus on Int, Money and Duration only; `!` on Bool", "[expr]") {
  run({
      {"permit agent * to refund when -amount < 0 EUR && -context.count < 0 && -1h < 0s;", {}},
      {"permit agent * to * when -now < now;", {"E0306@test:1"}},
      {"permit agent * to * when -\"a\" == \"b\";", {"E0306@test:1"}},
      {"permit agent * to * when !context.count;", {"E0307@test:1"}},
      {"permit agent * to * when !(context.count > 1);", {}},
  });
}

TEST_CASE("conditions and `&&`/`||` operands must be Bool", "[expr]") {
  run({
      {"permit agent * to * when context.count;", {"E0307@test:1"}},
      {"permit agent * to * unless \"x\";", {"E0307@test:1"}},
      {"permit agent * to * when context.count && true;", {"E0307@test:1"}},
      {"permit agent * to * when true || now;", {"E0307@test:1"}},
      {"assert a: context.count;", {"E0307@test:1"}},
  });
}

TEST_CASE("equality on any type, same type only; ordering on Int/Money/Time/Duration", "[expr]") {
  run({
      {"permit agent * to * when context.token == context.token && context.intent != Intent.refund;", {}},
      {"permit agent * to * when context.tags == [\"a\"] && context.tags != [];", {}},
      {"permit agent * to * when context.intent == \"refund\";", {"E0301@test:1"}},
      {"permit agent * to refund when order == order.customer;", {"E0301@test:1"}},
      {"permit agent * to refund when reason < \"m\";", {"E0302@test:1"}},
      {"permit agent * to * when context.intent < Intent.payout;", {"E0302@test:1"}},
      {"permit agent * to * when true < false;", {"E0302@test:1"}},
      {"permit agent * to refund when order.total >= amount;", {}},
  });
}

TEST_CASE("sets: in, contains, containsAll, containsAny, isEmpty and literals", "[expr]") {
  run({
      {"permit agent * to * when \"a\" in context.tags && context.tags.contains(\"b\");", {}},
      {"permit agent * to * when context.tags.containsAll([\"a\", \"b\"]) && context.tags.containsAny([]);", {}},
      {"permit agent * to * when context.tags.isEmpty() && [].isEmpty();", {}},
      {"permit agent * to * when Intent.refund in [Intent.refund, Intent.payout];", {}},
      {"permit agent * to * when 1 in context.tags;", {"E0310@test:1"}},
      {"permit agent * to * when context.tags.contains(1);", {"E0310@test:1"}},
      {"permit agent * to * when context.tags.containsAll([1]);", {"E0310@test:1"}},
      {"permit agent * to * when \"a\" in context.count;", {"E0309@test:1"}},
      {"permit agent * to * when context.count.contains(1);", {"E0309@test:1"}},
      {"permit agent * to * when context.tags.containsAny(\"a\");", {"E0309@test:1"}},
      {"permit agent * to * when context.tags.size() > 1;", {"E0312@test:1"}},
      {"permit agent * to * when context.tags.contains(\"a\", \"b\");", {"E0313@test:1"}},
      {"permit agent * to * when context.tags.isEmpty(1);", {"E0313@test:1"}},
      {"permit agent * to * when \"a\" in [\"a\", 1];", {"E0311@test:1"}},
      {"permit agent * to * when context.token in [context.token];", {"E0204@test:1"}},
      {"permit agent * to * when [\"a\"] in [[\"a\"]];", {"E0204@test:1"}},
      {"permit agent * to * when 1 in [];", {}},
  });
}

TEST_CASE("like needs a String", "[expr]") {
  run({
      {"permit agent * to refund when reason like \"late*\";", {}},
      {"permit agent * to refund when amount like \"1*\";", {"E0314@test:1"}},
  });
}

TEST_CASE("enums: values by Type.value; unknown values and bare types are errors", "[expr]") {
  run({
      {"permit agent * to * when context.intent == Intent.payout;", {}},
      {"permit agent * to * when context.intent == Intent.refnd;", {"E0319@test:1"}},
      {"permit agent * to * when context.intent == Intent;", {"E0320@test:1"}},
      {"permit agent * to * when context.intent == Purpose.x;", {"E0103@test:1"}},
  });
}

TEST_CASE("records and entities: attributes, e.id, agent.id", "[expr]") {
  run({
      {"permit agent * to refund when order.id == \"o-1\" && agent.id == \"bot\" && agent.model == \"m\";", {}},
      {"permit agent * to refund when order.customer.region == \"EU\";", {}},
      {"permit agent * to refund when order.cost > 1 EUR;", {"E0315@test:1"}},
      {"permit agent * to * when context.token.id == \"t\";", {"E0315@test:1"}},
      {"permit agent * to * when context.nope;", {"E0315@test:1"}},
      {"permit agent * to * when context.count.x == 1;", {"E0316@test:1"}},
      {"permit agent * to * when context.count has x;", {"E0316@test:1"}},
      {"permit agent * to refund when order has cost;", {"E0315@test:1"}},
  });
}

TEST_CASE("if: Bool condition, branches of one type", "[expr]") {
  run({
      {"permit agent * to refund when amount <= if context.count > 1 then 10 EUR else 20 EUR;", {}},
      {"permit agent * to * when (if true then [] else [\"a\"]) == context.tags;", {}},
      {"permit agent * to refund when amount <= if context.count then 10 EUR else 20 EUR;", {"E0307@test:1"}},
      {"permit agent * to refund when amount <= if true then 10 EUR else 20;", {"E0308@test:1"}},
  });
}

TEST_CASE("names: unknown names, request keywords, decisions outside asserts", "[expr]") {
  run({
      {"permit agent * to refund when amout > 1 EUR;", {"E0103@test:1"}},
      {"permit agent * to * when allowed;", {"E0114@test:1"}},
      {"permit agent * to * when now > context.deadline;", {}},
      {"permit agent * to * when frob(1);", {"E0106@test:1"}},
  });
}

TEST_CASE("`=>` and decisions only in asserts", "[expr]") {
  run({
      {"assert a: for refund: allowed => amount <= 50 EUR;", {}},
      {"assert b: escalated || denied || !allowed;", {}},
      {"permit agent * to * when true => false;", {"E0405@test:1"}},
  });
}

TEST_CASE("all errors of a policy are reported in one run", "[expr]") {
  auto r = checkWithSchema(
      "permit agent * to refund when amount <= 50;\n"
      "permit agent * to refund when reason like \"x\" && amout > 1 EUR;\n"
      "forbid agent * to * when context.tags.size() > 0;\n"
      "escalate agent * to refund when 1 * amount > 2 * amount && order.cost == 1;\n");
  INFO(r->text());
  CHECK(r->codes() == std::vector<std::string>{"E0301@test:1", "E0103@test:2", "E0312@test:3", "E0315@test:4"});
  CHECK(r->policy == nullptr);
}

TEST_CASE("errors do not cascade through the error type", "[expr]") {
  run({
      // One unknown name, used in a comparison, an arithmetic and a set: one error.
      {"permit agent * to * when nope + 1 > 2 && nope in context.tags && -nope == nope.x;",
       {"E0103@test:1", "E0103@test:1", "E0103@test:1", "E0103@test:1"}},
      {"permit agent * to refund when order.cost.x.y > 1;", {"E0315@test:1"}},
  });
}
