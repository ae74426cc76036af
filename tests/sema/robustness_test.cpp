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
