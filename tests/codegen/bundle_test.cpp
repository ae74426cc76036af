// bundle_test.cpp — compiled bundles: every example and semantics set loads,
// the billing conformance bundle stays within 4 KB, identical blocks are
// stored once, output is deterministic, tables are copied from the policy,
// and a condition beyond the runtime's stack limit is a reported error.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "codegen/codegen.h"
#include "policy_load.h"

namespace agentpol {
namespace {

std::unique_ptr<test::LoadedPolicy> billing() {
  return test::loadPolicyFiles({std::string(AGENTPOL_SHARED_DIR) + "/conformance/billing/policy.agentpol"});
}

}  // namespace

TEST_CASE("the billing conformance bundle is at most 4 KB", "[codegen][bundle]") {
  auto p = billing();
  REQUIRE(p->policy);
  std::vector<uint8_t> bytes = codegen::compileBundleBytes(*p->policy);
  CHECK(bytes.size() <= 4096);
  CHECK(load_bundle(bytes));
}

TEST_CASE("every example and semantics policy set compiles to a loadable bundle", "[codegen][bundle]") {
  std::string src = AGENTPOL_SOURCE_DIR;
  size_t sets = 0;
  for (const std::string& root : {src + "/examples", src + "/tests/semantics"}) {
    for (const std::string& folder : test::policySetFolders(root)) {
      auto p = test::loadPolicyFiles({folder});
      INFO(folder << "\n" << p->diagnostics());
      REQUIRE(p->policy);
      CHECK_NOTHROW(test::compileAndLoad(*p->policy));
      ++sets;
    }
  }
  CHECK(sets >= 3);
}

TEST_CASE("bundles copy the policy's tables and share identical blocks", "[codegen][bundle]") {
  auto p = billing();
  REQUIRE(p->policy);
  BundleImage im = codegen::compileBundle(*p->policy);
  CHECK(im.source_hash == p->policy->sourceHash);
  CHECK(im.ns == "billing");
  REQUIRE(im.agents.size() == 2);
  CHECK(im.agents[0].name == "billing_assist_07");
  CHECK(im.agents[0].reviewed == p->policy->schema.agents[0].reviewed);
  CHECK(im.context.size() == 4);
  CHECK(im.context[1].name == "token.issued_at");
  REQUIRE(im.rules.size() == 9);
  CHECK(im.rules[0].id == "stale-token");
  REQUIRE(im.rules[0].bodies.size() == 3);  // forbid … to *: one block shared by all three actions
  CHECK(im.rules[0].bodies[0].code == im.rules[0].bodies[1].code);
  CHECK(im.rules[0].bodies[1].code == im.rules[0].bodies[2].code);
  CHECK(im.rules[6].side == Side::User);
  CHECK(im.rules[1].agents == std::vector<uint32_t>{0});
  CHECK_FALSE(im.rules[1].all_agents);
  CHECK(codegen::compileBundleBytes(*p->policy) == serialize(im));  // deterministic
}

TEST_CASE("annotations besides @id are kept on rules", "[codegen][bundle]") {
  auto p = test::loadPolicyText(
      "entity Agent {}\naction a()\n@id(\"r\") @owner(\"team-x\") @ticket(\"T-1\")\npermit agent * to a;\n");
  REQUIRE(p->policy);
  BundleImage im = codegen::compileBundle(*p->policy);
  REQUIRE(im.rules.size() == 1);
  using Pair = std::pair<std::string, std::string>;
  CHECK(im.rules[0].annotations == std::vector<Pair>{{"owner", "team-x"}, {"ticket", "T-1"}});
}

TEST_CASE("a condition deeper than the runtime's stack is a limit error, not a bad bundle", "[codegen][bundle]") {
  std::string expr = "n", close;
  for (int i = 0; i < 140; ++i) {
    expr = "n + (" + expr;
    close += ")";
  }
  auto p = test::loadPolicyText("entity Agent {}\naction a() { n: Int }\n@id(\"deep\") permit agent * to a when " +
                                expr + close + " > 0;\n");
  INFO(p->diagnostics());
  REQUIRE(p->policy);
  std::vector<codegen::LimitError> errors;
  codegen::compileBundle(*p->policy, &errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].ruleId == "deep");
  CHECK_THROWS_AS(codegen::compileBundle(*p->policy), std::runtime_error);
}

}  // namespace agentpol
