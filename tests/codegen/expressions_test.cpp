// expressions_test.cpp — every expression form of spec 5, compiled to a
// bundle and decided by the VM on one fixed request, as true, false or an
// evaluation error (told apart by deciding it in a forbid and in a permit).
#include <catch2/catch.hpp>

#include <agentpol/decide.h>

#include "policy_load.h"

namespace agentpol {
namespace {

const char* const kSchema = R"(
enum Level { low, high }
record Win { lo: Time, hi: Time, label?: String }
entity User { name: String, boss?: User, roles: Set<String> }
entity Agent { model: String }
entity Doc { owner: User, level: Int, note?: String, win: Win }
action act(doc: Doc, other: Doc) { n: Int, m: Money<EUR>, d: Duration, t: Time, s: String, tags: Set<String>, flag: Bool, w: Win }
context { lvl: Level, win: Win, big: Int }
agent bot { owner: "o", purpose: "p" }
)";

constexpr int64_t kNow = 1795000000;

enum class Outcome { True, False, Error };

// Decides `policy` on the fixed request: d0 has attributes, d1 is given by
// reference only; user u1 is d0's owner.
Result decideFixed(const std::string& rules, std::shared_ptr<const Bundle>& keep, Request*& out) {
  auto loaded = test::loadPolicyText(std::string(kSchema) + rules);
  INFO(loaded->diagnostics());
  REQUIRE(loaded->policy);
  keep = test::compileAndLoad(*loaded->policy);
  out = new Request(keep);
  Request& r = *out;
  r.set_now(kNow);
  EntityRef agent = r.set_agent("bot");
  r.begin_attrs(agent);
  r.set_attr(agent, "model", Value::string("gpt-5"));
  r.end_attrs(agent);
  EntityRef user = r.set_user("u1");
  Value roles[] = {Value::string("admin"), Value::string("dev")};
  r.begin_attrs(user);
  r.set_attr(user, "name", Value::string("ann"));
  r.set_attr(user, "roles", Value::set(roles, 2));
  r.end_attrs(user);
  r.set_action("act");
  EntityRef d0 = r.entity("Doc", "d0"), d1 = r.entity("Doc", "d1");
  r.begin_attrs(d0);
  r.set_attr(d0, "owner", Value::entity(user));
  r.set_attr(d0, "level", Value::integer(3));
  r.set_attr(d0, "win.lo", Value::time(kNow - 100));
  r.set_attr(d0, "win.hi", Value::time(kNow + 100));
  r.end_attrs(d0);
  Value tags[] = {Value::string("a"), Value::string("b")};
  r.set_arg("doc", Value::entity(d0));
  r.set_arg("other", Value::entity(d1));
  r.set_arg("n", Value::integer(5));
  r.set_arg("m", Value::money(1000, "EUR"));
  r.set_arg("d", Value::duration(900));
  r.set_arg("t", Value::time(kNow - 60));
  r.set_arg("s", Value::string("hello"));
  r.set_arg("tags", Value::set(tags, 2));
  r.set_arg("flag", Value::boolean(true));
  r.set_arg("w.lo", Value::time(kNow - 100));
  r.set_arg("w.hi", Value::time(kNow + 100));
  r.set_context("lvl", Value::enumeration("high"));
  r.set_context("win.lo", Value::time(kNow - 100));
  r.set_context("win.hi", Value::time(kNow + 100));
  r.set_context("win.label", Value::string("L"));
  r.set_context("big", Value::integer(9223372036854775807));
  return decide(*keep, r);
}

Outcome evaluate(const std::string& expr) {
  std::shared_ptr<const Bundle> b1, b2;
  Request *r1 = nullptr, *r2 = nullptr;
  Result asForbid = decideFixed("forbid agent * to act when " + expr + ";\npermit agent * to act;\npermit user to act;\n", b1, r1);
  Result asPermit = decideFixed("permit agent * to act when " + expr + ";\npermit user to act;\n", b2, r2);
  INFO(expr << ": " << to_string(asForbid.reason) << " / " << to_string(asPermit.reason) << " " << asForbid.message);
  REQUIRE(asForbid.reason != Reason::BadRequest);
  bool forbidMatched = asForbid.reason == Reason::Forbidden, permitMatched = asPermit.reason == Reason::Permitted;
  delete r1;
  delete r2;
  REQUIRE(!(permitMatched && !forbidMatched));
  return permitMatched ? Outcome::True : forbidMatched ? Outcome::Error : Outcome::False;
}

}  // namespace

TEST_CASE("every expression form decides true, false or error as the spec says", "[codegen][expressions]") {
  struct Case { const char* expr; Outcome want; };
  const Case cases[] = {
      {"true", Outcome::True}, {"false", Outcome::False}, {"flag && n == 5", Outcome::True},
      {"!flag || n != 5", Outcome::False}, {"n < 6 && n <= 5 && n > 4 && n >= 5", Outcome::True},
      {"n + 1 == 6 && n - 6 == -1", Outcome::True}, {"n * 3 == 15 && 2 * n == 10", Outcome::True},
      {"-n == -5", Outcome::True}, {"m * 2 == 20 EUR && m + 1 EUR > m", Outcome::True},
      {"t + d > now && now - t == 1m && d - 5m == 10m", Outcome::True},
      {"context.big + 1 > 0", Outcome::Error}, {"context.big * 2 > 0", Outcome::Error},
      {"-context.big - 2 < 0", Outcome::Error}, {"false && context.big + 1 > 0", Outcome::False},
      {"true || context.big + 1 > 0", Outcome::True}, {"context.big - 1 > 0", Outcome::True},
      {"s == \"hello\" && s != \"x\"", Outcome::True}, {"s like \"he*o\" && s like \"*ll*\"", Outcome::True},
      {"s like \"h*x\"", Outcome::False}, {"\"a*b\" like \"a\\*b\"", Outcome::True},
      {"\"a\" in tags && tags.contains(\"b\") && !(\"c\" in tags)", Outcome::True},
      {"tags.containsAll([\"a\"]) && tags.containsAny([\"z\", \"b\"]) && !tags.isEmpty()", Outcome::True},
      {"tags == [\"b\", \"a\", \"a\"] && tags != [\"a\"]", Outcome::True},
      {"[s, \"x\"].contains(\"hello\") && [n, 7] == [5, 7]", Outcome::True},
      {"[] == [] && [].isEmpty()", Outcome::True},
      {"doc.level == 3 && has user && doc.owner == user && user.name == \"ann\"", Outcome::True},
      {"doc has note", Outcome::False}, {"doc has note && doc.note == \"x\"", Outcome::False},
      {"other.level == 3", Outcome::Error}, {"other has note", Outcome::Error},
      {"other.id == \"d1\" && doc.id == \"d0\" && other != doc", Outcome::True},
      {"agent.id == \"bot\" && agent.model like \"gpt*\"", Outcome::True},
      {"has user && user has boss", Outcome::False}, {"has user && \"admin\" in user.roles", Outcome::True},
      {"context.lvl == Level.high && context.lvl != Level.low", Outcome::True},
      {"w == context.win", Outcome::False}, {"w.lo == context.win.lo && w.hi == doc.win.hi", Outcome::True},
      {"doc.win == w", Outcome::True}, {"context.win has label && context.win.label == \"L\"", Outcome::True},
      {"w has label", Outcome::False}, {"other.win == w", Outcome::Error},
      {"(if flag then w else context.win) == doc.win", Outcome::True},
      {"(if n > 9 then 1 else 2) == 2 && (if flag then s else \"x\") == \"hello\"", Outcome::True},
      {"if flag then context.big + 1 > 0 else true", Outcome::Error},
      {"if !flag then context.big + 1 > 0 else true", Outcome::True},
  };
  for (const Case& c : cases) {
    INFO(c.expr);
    CHECK(evaluate(c.expr) == c.want);
  }
}

}  // namespace agentpol
