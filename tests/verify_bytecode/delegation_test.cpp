// delegation_test.cpp — the delegation check proved on the compiled
// bytecode: it holds for the conformance set and every policy set; a bundle
// whose user rule is miscompiled to "always true" violates it with a
// counterexample that the VM, on the mutated bundle, allows (or escalates)
// while the original bundle — the user's own rules — does not.
#include <catch2/catch.hpp>

#include "bc_util.h"
#include "verify/bytecode/bundle_mutation.h"
#include "verify/bytecode/delegation.h"
#include "verify_util.h"

using namespace agentpol;
using verify::Status;

TEST_CASE("bytecode: delegation is proved on the bytecode of the conformance set", "[verify_bytecode][delegation]") {
  auto f = bctest::fixture(test::loadPolicyFiles({AGENTPOL_SHARED_DIR "/conformance/billing"}));
  verify::CheckResult r = verify::bytecode::proveDelegationOnBytecode(*f->bytecode);
  INFO(r.message);
  CHECK(r.status == Status::Proved);
  CHECK(r.kind == "delegation");
  REQUIRE(r.rules);
}

TEST_CASE("bytecode: delegation is proved on the bytecode of every policy set", "[verify_bytecode][delegation]") {
  for (const std::vector<std::string>& set : bctest::policySets()) {
    SECTION(bctest::setName(set)) {
      auto loaded = test::loadPolicyFiles(set);
      if (!loaded->policy) continue;
      verify::VerifyOptions o;
      verify::Session s(*loaded->policy, o);
      verify::CheckResult r = verify::bytecode::proveDelegationOnBytecode(s);
      INFO(bctest::setName(set) << ": " << r.message);
      CHECK(r.status == Status::Proved);
    }
  }
}

namespace {

void checkBroken(const std::string& set) {
  auto loaded = test::loadPolicyFiles({set});
  REQUIRE(loaded->policy);
  std::shared_ptr<const Bundle> original = test::compileAndLoad(*loaded->policy);
  std::optional<BundleImage> image =
      verify::bytecode::mutateBundle(*original, verify::bytecode::Mutation::UserRuleAlwaysTrue);
  REQUIRE(image);
  std::shared_ptr<const Bundle> mutated = bctest::loadImage(*image);
  auto f = bctest::fixture(std::move(loaded), mutated);
  verify::CheckResult r = verify::bytecode::proveDelegationOnBytecode(*f->bytecode);
  INFO(set << ": " << r.message);
  REQUIRE(r.status == Status::Violated);
  REQUIRE(r.counterexample);
  CHECK(r.confirmed);
  INFO("counterexample " << r.counterexample->dump());
  CHECK_FALSE((*r.counterexample)["user"].is_null());
  bctest::VmDecision onMutated = bctest::decideJson(mutated, *r.counterexample);
  bctest::VmDecision onOriginal = bctest::decideJson(original, *r.counterexample);
  CHECK((onMutated.decision == "allow" || onMutated.decision == "escalate"));
  // The user's own rules (the correct bundle's user side) give less.
  CHECK(onOriginal.decision != onMutated.decision);
  CHECK(onOriginal.decision != "allow");
}

}  // namespace

TEST_CASE("bytecode: a miscompiled user rule breaks delegation with a replayable counterexample",
          "[verify_bytecode][delegation]") {
  checkBroken(AGENTPOL_SHARED_DIR "/conformance/billing");
  checkBroken(AGENTPOL_SOURCE_DIR "/tests/verify_bytecode/policies/opcodes.agentpol");
}
