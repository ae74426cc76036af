// defs_test.cpp — defs: body checked once where declared, call arity and
// argument types, result type, recursion (direct and mutual), call-by-name
// inlining (an unused argument never appears in the inlined tree) and the
// bounds on inlined size, depth and call nesting.
#include <catch2/catch.hpp>

#include "sema/inliner.h"
#include "sema_test_util.h"

using namespace agentpol;
using namespace agentpol::test;

namespace {

std::unique_ptr<Checked> clean(const std::string& src) {
  auto r = checkWithSchema(src);
  INFO("source: " << src << "\n" << r->text());
  REQUIRE(r->codes().empty());
  REQUIRE(r->policy);
  return r;
}

void expectCodes(const std::string& src, std::vector<std::string> codes) {
  REQUIRE_FALSE(codes.empty());
  checkCodes(*checkWithSchema(src), src, codes);
}

}  // namespace

TEST_CASE("calls are inlined into typed trees bound to the rule's names", "[defs]") {
  auto r = clean(
      "def cap(a: Money<EUR>, limit: Money<EUR>): Bool = a <= limit;\n"
      "@id(\"r\") permit agent * to refund when cap(amount, 50 EUR);");
  const sema::CheckedRule* rule = r->rule("r");
  REQUIRE(rule);
  CHECK(dump(rule->when.get()) == "(<= $amount 5000EUR)");
  CHECK(rule->when->type->str() == "Bool");
  auto* cmp = llvm::cast<ast::BinaryExpr>(rule->when.get());
  auto* amount = llvm::cast<ast::NameExpr>(cmp->lhs.get());
  CHECK(amount->binding.kind == ast::Binding::Kind::ActionArg);
  CHECK(rule->names[amount->binding.index].name == "amount");
  CHECK(amount->type->str() == "Money<EUR>");
}

TEST_CASE("call by name: an unused argument is never evaluated, a reused one is copied", "[defs]") {
  auto r = clean(
      "def first(a: Bool, b: Bool): Bool = a;\n"
      "def twice(x: Int): Int = x + x;\n"
      "@id(\"r1\") permit agent * to refund when first(amount > 1 EUR, reason == \"never\");\n"
      "@id(\"r2\") permit agent * to * when twice(context.count * 3) > 1;");
  CHECK(dump(r->rule("r1")->when.get()) == "(> $amount 100EUR)");
  CHECK(dump(r->rule("r2")->when.get()) == "(> (+ (* (. context count) 3) (* (. context count) 3)) 1)");
}

TEST_CASE("defs calling defs inline transitively, across argument environments", "[defs]") {
  auto r = clean(
      "def pos(x: Int): Bool = x > 0;\n"
      "def both(a: Int, b: Int): Bool = pos(a) && pos(b - a);\n"
      "@id(\"r\") permit agent * to transfer when both(count, context.count);");
  CHECK(dump(r->rule("r")->when.get()) == "(&& (> $count 0) (> (- (. context count) $count) 0))");
}

TEST_CASE("a def body sees only its parameters", "[defs]") {
  expectCodes("def f(x: Int): Bool = amount > 1 EUR;", {"E0103@test:1"});
  expectCodes("def f(x: Int): Bool = now > now;", {"E0113@test:1", "E0113@test:1"});
  expectCodes("def f(x: Int): Bool = agent.id == \"a\";", {"E0113@test:1"});
  expectCodes("def f(x: Int): Bool = has user;", {"E0113@test:1"});
  expectCodes("def f(x: Int): Bool = context.count > x;", {"E0113@test:1"});
  // Enums and other defs are global.
  clean("def g(i: Intent): Bool = i == Intent.refund;\ndef f(i: Intent): Bool = g(i) || i == Intent.payout;");
}

TEST_CASE("def results, arity and argument types", "[defs]") {
  expectCodes("def f(x: Int): Bool = x + 1;", {"E0501@test:1"});
  expectCodes("def f(x: Int): Bool = x > 1;\npermit agent * to * when f(1, 2);", {"E0502@test:2"});
  expectCodes("def f(x: Int): Bool = x > 1;\npermit agent * to * when f();", {"E0502@test:2"});
  expectCodes("def f(x: Int): Bool = x > 1;\npermit agent * to refund when f(amount);", {"E0503@test:2"});
  expectCodes("def f(x: Int): Int = x;\npermit agent * to * when f(1);", {"E0307@test:2"});
  // `[]` takes its type from the parameter.
  auto r = clean("def e(s: Set<String>): Bool = s.isEmpty();\n@id(\"r\") permit agent * to * when e([]);");
  auto* m = llvm::cast<ast::MethodCallExpr>(r->rule("r")->when.get());
  CHECK(m->object->type->str() == "Set<String>");
}

TEST_CASE("a def's body is checked once, where it is declared", "[defs]") {
  // The body error is reported once although the def is called three times.
  expectCodes(
      "def f(x: Int): Bool = x > \"a\";\n"
      "permit agent * to * when f(1) && f(2);\n"
      "permit agent * to * when f(3);",
      {"E0301@test:1"});
}

TEST_CASE("recursion, direct and mutual, is an error naming the cycle", "[defs]") {
  auto r = checkWithSchema("def f(x: Int): Bool = f(x);");
  CHECK(r->codes() == std::vector<std::string>{"E0504@test:1"});
  CHECK(r->diags.all().front().message == "`f` is recursive: `f` calls `f`");
  r = checkWithSchema(
      "def a(x: Int): Bool = b(x);\n"
      "def b(x: Int): Bool = c(x) || x > 0;\n"
      "def c(x: Int): Bool = a(x + 1);\n"
      "permit agent * to * when a(1);");
  CHECK(r->codes() == std::vector<std::string>{"E0504@test:1"});
  CHECK(r->diags.all().front().message == "`a` is recursive: `a` calls `b` calls `c` calls `a`");
  CHECK(r->policy == nullptr);
}

TEST_CASE("inlining growth is bounded: a doubling chain gives one diagnostic", "[defs]") {
  std::string src = "def d0(x: Int): Bool = x > 0;\n";
  for (int i = 1; i <= 40; ++i)
    src += "def d" + std::to_string(i) + "(x: Int): Bool = d" + std::to_string(i - 1) + "(x) && d" +
           std::to_string(i - 1) + "(x + 1);\n";
  src += "permit agent * to * when d40(context.count);\n";
  auto r = checkWithSchema(src);
  INFO(r->text());
  REQUIRE(r->codes().size() == 1);
  CHECK(r->codes()[0].rfind("E0505@test:", 0) == 0);
  CHECK(r->policy == nullptr);
}

TEST_CASE("inlining bounds call nesting and tree depth", "[defs]") {
  std::string chain = "def c0(x: Int): Bool = x > 0;\n";
  int n = sema::kMaxCallDepth + 1;
  for (int i = 1; i <= n; ++i)
    chain += "def c" + std::to_string(i) + "(x: Int): Bool = c" + std::to_string(i - 1) + "(x);\n";
  auto r = checkWithSchema(chain);
  CHECK(r->codes() == std::vector<std::string>{"E0506@test:" + std::to_string(n + 1)});
  // Exactly kMaxCallDepth nested calls (the rule's call included) are fine.
  chain = "def c0(x: Int): Bool = x > 0;\n";
  for (int i = 1; i < n - 1; ++i)
    chain += "def c" + std::to_string(i) + "(x: Int): Bool = c" + std::to_string(i - 1) + "(x);\n";
  chain += "@id(\"r\") permit agent * to * when c" + std::to_string(n - 2) + "(context.count);\n";
  auto ok = checkWithSchema(chain);
  INFO(ok->text());
  CHECK(ok->codes().empty());
  REQUIRE(ok->rule("r"));
  CHECK(dump(ok->rule("r")->when.get()) == "(> (. context count) 0)");

  // Each def nests 200 `!`: n6 adds 6 x 200 levels through calls, over the bound.
  std::string deep = "def n0(x: Bool): Bool = " + std::string(200, '!') + "x;\n";
  for (int i = 1; i <= 6; ++i)
    deep += "def n" + std::to_string(i) + "(x: Bool): Bool = " + std::string(200, '!') + "n" +
            std::to_string(i - 1) + "(x);\n";
  auto d = checkWithSchema(deep);
  INFO(d->text());
  CHECK(d->codes() == std::vector<std::string>{"E0506@test:7"});
}
