// schema_test.cpp — declarations: duplicates with a note at the first,
// order independence, written types, records that contain themselves,
// action parameters and arguments, and the agent inventory.
#include <catch2/catch.hpp>

#include "sema_test_util.h"

using namespace agentpol;
using namespace agentpol::test;

namespace {

void expectCodes(const std::string& src, std::vector<std::string> codes) {
  checkCodes(*checkAlone(src), src, codes);
}

}  // namespace

TEST_CASE("declaration order does not matter", "[schema]") {
  auto r = checkAlone(
      "permit agent * to pay when order.customer.region == \"EU\" && context.i == I.a;\n"
      "context { i: I }\naction pay(order: Order)\nentity Order { customer: User }\n"
      "entity User { region: String }\nentity Agent {}\nenum I { a, b }\n");
  INFO(r->text());
  CHECK(r->codes().empty());
}

TEST_CASE("duplicates are errors with a note at the first declaration", "[schema]") {
  auto r = checkFiles({{"a.agentpol", "record T { x: Int }\n"}, {"b.agentpol", "\nenum T { a }\n"}});
  REQUIRE(r->codes() == std::vector<std::string>{"E0101@b:2"});
  const auto d = r->diags.sorted()[0];
  CHECK(d.message == "type `T` is already declared");
  REQUIRE(d.notes.size() == 1);
  CHECK(r->sm.path(d.notes[0].range.file) == "a.agentpol");
  expectCodes("action a()\naction a()", {"E0101@test:2"});
  expectCodes("def f(x: Int): Bool = true;\ndef f(y: Int): Bool = false;", {"E0101@test:2"});
  expectCodes("record Int { }", {"E0101@test:1"});
  expectCodes("context { a: Int }\ncontext { b: Int }", {"E0109@test:2"});
  expectCodes("enum E { a, b, a }", {"E0108@test:1"});
  expectCodes("record R { a: Int, a: String }", {"E0108@test:1"});
  expectCodes("entity Doc {}\naction a(d: Doc) { d: Int }", {"E0108@test:2"});
  expectCodes("def f(x: Int, x: Int): Bool = true;", {"E0108@test:1"});
  expectCodes("namespace a;\nnamespace b;", {"E0110@test:2"});
  expectCodes("namespace a.b;\nnamespace a.b;", {});
}

TEST_CASE("written types: builtins, Money currencies, Set elements, names", "[schema]") {
  expectCodes("record R { a: Money<EUR>, b: Set<Money<USD>>, c: Set<E>, d: Set<U>, e: Duration, f: Time }\n"
              "enum E { x }\nentity U {}",
              {});
  expectCodes("record R { a: Money }", {"E0201@test:1"});
  expectCodes("record R { a: Set }", {"E0201@test:1"});
  expectCodes("record R { a: Int<EUR> }", {"E0202@test:1"});
  expectCodes("record R { a: Money<eur> }", {"E0203@test:1"});
  expectCodes("record R { a: Money<EURO> }", {"E0203@test:1"});
  expectCodes("record R { a: Set<R2> }\nrecord R2 { }", {"E0204@test:1"});
  expectCodes("record R { a: Set<Set<Int>> }", {"E0204@test:1"});
  expectCodes("record R { a: Strin }", {"E0102@test:1"});
  expectCodes("entity E { id: String }", {"E0111@test:1"});
  expectCodes("record R { id: String }", {});
}

TEST_CASE("records may not contain themselves; entities refer by id", "[schema]") {
  expectCodes("record A { a: A }", {"E0208@test:1"});
  expectCodes("record A { b: B }\nrecord B { c: C }\nrecord C { a: A }", {"E0208@test:3"});
  expectCodes("entity U { boss?: U, team: Set<U> }", {});
}

TEST_CASE("action parameters are required entities, arguments non-entity values that may be optional",
          "[schema]") {
  expectCodes("entity Doc {}\naction a(d: Doc) { n: Int, s: Set<String> }", {});
  expectCodes("action a(n: Int)", {"E0205@test:1"});
  expectCodes("entity Doc {}\naction a() { d: Doc }", {"E0206@test:2"});
  expectCodes("entity Doc {}\naction a() { d?: Doc }", {"E0206@test:2"});
  auto r = checkAlone("record R { x: Int }\naction a() { n?: Int, m: Int, r?: R }");
  REQUIRE(r->policy);
  const auto& args = r->policy->schema.actions[0].args;
  REQUIRE(args.size() == 3);
  CHECK(args[0].optional);
  CHECK_FALSE(args[1].optional);
  CHECK(args[2].optional);
  expectCodes("entity Doc {}\naction a(d?: Doc)", {"E0209@test:2"});
  expectCodes("def f(x?: Int): Bool = true;", {"E0209@test:1"});
}

TEST_CASE("agent inventory: required and typed properties, may names actions", "[schema]") {
  auto r = checkAlone(
      "action a()\naction b()\n"
      "agent x { owner: \"team\", purpose: \"does a\", reviewed: 2026-10-01, expires: 2027-01-01T12:00:00Z,"
      " may: [b, a], }\nagent y { owner: \"o\", purpose: \"p\", may: [] }\nagent z { owner: \"o\", purpose: \"p\" }");
  INFO(r->text());
  REQUIRE(r->policy);
  const auto& agents = r->policy->schema.agents;
  REQUIRE(agents.size() == 3);
  CHECK(agents[0].owner == "team");
  CHECK(agents[0].purpose == "does a");
  CHECK(agents[0].reviewed.value() == 1790812800);
  CHECK(agents[0].expires.value() == 1798804800);
  CHECK(agents[0].may == std::vector<uint32_t>{1, 0});
  CHECK(agents[1].hasScope);
  CHECK(agents[1].may.empty());
  CHECK_FALSE(agents[2].hasScope);
  expectCodes("agent x { owner: \"o\" }", {"E0116@test:1"});
  expectCodes("agent x { }", {"E0116@test:1", "E0116@test:1"});
  expectCodes("agent x { owner: \"o\", purpose: \"p\", colour: \"red\" }", {"E0115@test:1"});
  expectCodes("agent x { owner: 1, purpose: \"p\" }", {"E0117@test:1"});
  expectCodes("agent x { owner: \"o\", purpose: \"p\", reviewed: \"2026-01-01\" }", {"E0117@test:1"});
  expectCodes("agent x { owner: \"o\", purpose: \"p\", may: \"a\" }", {"E0117@test:1"});
  expectCodes("agent x { owner: \"o\", purpose: \"p\", may: [nope] }", {"E0104@test:1"});
  expectCodes("action a()\nagent x { owner: \"o\", purpose: \"p\", may: [a, a] }", {"E0108@test:2"});
  expectCodes("agent x { owner: \"o\", owner: \"p\", purpose: \"p\" }", {"E0108@test:1"});
  expectCodes("agent x { owner: \"o\", purpose: \"p\" }\nagent x { owner: \"o\", purpose: \"p\" }", {"E0101@test:2"});
}
