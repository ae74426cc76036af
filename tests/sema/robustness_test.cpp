// robustness_test.cpp — sema never crashes on partial ASTs: every prefix of
// the conformance policy (most of them syntax errors) and a set of broken
// sources go through parse + sema, which must report errors, not crash.
#include <catch2/catch.hpp>

#include "sema_test_util.h"

using namespace agentpol::test;

TEST_CASE("every prefix of the billing policy checks without crashing", "[robust]") {
  std::string text = readFile(std::string(AGENTPOL_SHARED_DIR) + "/conformance/billing/policy.agentpol");
  REQUIRE(text.size() > 100);
  size_t clean = 0;
  for (size_t n = 0; n <= text.size(); n += 7) {
    auto c = checkFiles({{"p.agentpol", text.substr(0, n)}});
    if (c->codes().empty()) ++clean;
    // A policy is returned exactly when nothing was reported.
    CHECK((c->policy != nullptr) == c->codes().empty());
  }
  CHECK(clean > 0);
}

TEST_CASE("broken sources give diagnostics, not crashes", "[robust]") {
  const char* sources[] = {
      "permit agent * to",
      "permit agent * to refund when",
      "permit agent * to refund when amount <=",
      "def f(: Int): Bool = ;",
      "def f(x: ): = x;",
      "entity { a: Int }",
      "record R { a: }",
      "action (o: ) { : Int }",
      "agent { owner: }",
      "assert : for : ;",
      "@id() permit user to * when user.;",
      "context { a: Set<> }",
      "import ;",
      "permit agent * to refund when f(f(f(f(;",
      "permit agent * to refund when if then else;",
      "permit agent * to refund when [1, , 2] == [];",
  };
  for (const char* src : sources) {
    auto c = checkWithSchema(src);
    INFO(src << "\n" << c->text());
    CHECK_FALSE(c->codes().empty());
    CHECK(c->policy == nullptr);
  }
}

TEST_CASE("long operator chains check in linear time and are not an inlining error", "[robust]") {
  // 500 operands each proving and using a fact, and a chain of 4000 `&&`
  // (the parser allows 4096 operators per declaration): the fact cache keeps
  // this fast (asking every `&&` for its left side's facts is linear), and
  // the inlining depth bound counts only levels that def bodies add.
  std::string src = "entity Agent {}\nentity U { a?: Int }\naction act(u: U)\n@id(\"r\") permit agent * to act when ";
  for (int i = 0; i < 500; ++i) src += (i ? " && " : "") + std::string("(!(u has a) || u.a > 1)");
  src += ";\n@id(\"s\") permit agent * to act when true";
  for (int i = 0; i < 4000; ++i) src += " && true";
  src += ";\n";
  auto c = checkFiles({{"chain.agentpol", src}});
  INFO(c->text().substr(0, 2000));
  CHECK(c->codes().empty());
  REQUIRE(c->policy);
}
