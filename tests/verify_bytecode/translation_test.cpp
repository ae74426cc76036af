// translation_test.cpp — translation validation: every policy set's own
// bundle is proved to decide exactly like its source; mutated bundles (a
// flipped comparison, a bumped constant, a user rule made always true) are
// caught with a counterexample request that, replayed through the request
// reader and the VM, is decided differently by the mutated and the original
// bundle — exactly as the two encodings said.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>

#include "bc_util.h"
#include "verify/bytecode/bundle_mutation.h"
#include "verify/bytecode/translation_validation.h"
#include "verify_util.h"

using namespace agentpol;
using verify::Status;
using verify::bytecode::Mutation;

namespace {

std::string outcome(const bctest::VmDecision& d) { return d.decision + "/" + d.reason; }

// Mutates the policy's bundle, validates it, and replays the counterexample.
void checkCaught(const std::vector<std::string>& set, Mutation m) {
  auto loaded = test::loadPolicyFiles(set);
  REQUIRE(loaded->policy);
  std::shared_ptr<const Bundle> original = test::compileAndLoad(*loaded->policy);
  std::string what;
  std::optional<BundleImage> image = verify::bytecode::mutateBundle(*original, m, &what);
  REQUIRE(image);
  std::shared_ptr<const Bundle> mutated = bctest::loadImage(*image);
  verify::bytecode::TranslationResult r = verify::bytecode::validateTranslation(*loaded->policy, mutated, 20000);
  INFO(bctest::setName(set) << " mutated (" << what << "): " << r.message);
  REQUIRE(r.status == Status::Violated);
  REQUIRE(r.counterexample);
  CHECK(r.confirmed);
  CHECK_FALSE(r.action.empty());
  INFO("counterexample " << r.counterexample->dump());
  bctest::VmDecision onMutated = bctest::decideJson(mutated, *r.counterexample);
  bctest::VmDecision onOriginal = bctest::decideJson(original, *r.counterexample);
  CHECK(onMutated.reason != "bad_request");
  // The VM shows the difference: another decision, reason or rule set, or
  // (when the rule's side is not consulted) the named rule's block itself.
  bool decisionDiffers = outcome(onMutated) != outcome(onOriginal) || onMutated.rules != onOriginal.rules;
  if (!decisionDiffers) {
    REQUIRE_FALSE(r.rule.empty());
    int onMut = bctest::ruleBlockOnVm(mutated, *r.counterexample, r.rule);
    int onOrig = bctest::ruleBlockOnVm(original, *r.counterexample, r.rule);
    INFO("rule " << r.rule << " block: mutated " << onMut << ", original " << onOrig);
    CHECK(onMut != onOrig);
  }
  if (r.sourceDecision != r.bytecodeDecision) {
    CHECK(outcome(onMutated) == r.bytecodeDecision);
    CHECK(outcome(onOriginal) == r.sourceDecision);
  } else {
    CHECK_FALSE(r.rule.empty());  // only a rule's match differs: it is named
  }
}

}  // namespace

TEST_CASE("bytecode: translation validation proves every policy set's bundle equal to its source",
          "[verify_bytecode][translation]") {
  for (const std::vector<std::string>& set : bctest::policySets()) {
    SECTION(bctest::setName(set)) {
      auto loaded = test::loadPolicyFiles(set);
      if (!loaded->policy) {
        WARN("skipping " << bctest::setName(set) << " (does not compile)");
        continue;
      }
      std::shared_ptr<const Bundle> bundle = test::compileAndLoad(*loaded->policy);
      verify::bytecode::TranslationResult r = verify::bytecode::validateTranslation(*loaded->policy, bundle, 30000);
      INFO(bctest::setName(set) << ": " << r.message << " ("
                                << (r.counterexample ? r.counterexample->dump() : std::string("-")) << ")");
      CHECK(r.status == Status::Proved);
      CHECK(r.actions == loaded->policy->schema.actions.size());
    }
  }
}

TEST_CASE("bytecode: a flipped comparison is caught and replays on the VM", "[verify_bytecode][translation]") {
  checkCaught({AGENTPOL_SHARED_DIR "/conformance/billing"}, Mutation::FlipComparison);
  checkCaught({AGENTPOL_SOURCE_DIR "/examples/deploy"}, Mutation::FlipComparison);
}

TEST_CASE("bytecode: a changed constant is caught and replays on the VM", "[verify_bytecode][translation]") {
  checkCaught({AGENTPOL_SHARED_DIR "/conformance/billing"}, Mutation::BumpConstant);
  checkCaught({AGENTPOL_SOURCE_DIR "/tests/codegen/policies/arithmetic.agentpol"}, Mutation::BumpConstant);
}

TEST_CASE("bytecode: a user rule made always true is caught", "[verify_bytecode][translation]") {
  checkCaught({AGENTPOL_SHARED_DIR "/conformance/billing"}, Mutation::UserRuleAlwaysTrue);
}

TEST_CASE("bytecode: a bundle of another policy is refused", "[verify_bytecode][translation]") {
  auto billing = test::loadPolicyFiles({AGENTPOL_SHARED_DIR "/conformance/billing"});
  auto deploy = test::loadPolicyFiles({AGENTPOL_SOURCE_DIR "/examples/deploy"});
  REQUIRE(billing->policy);
  REQUIRE(deploy->policy);
  verify::bytecode::TranslationResult r =
      verify::bytecode::validateTranslation(*billing->policy, test::compileAndLoad(*deploy->policy), 10000);
  CHECK(r.status == Status::Violated);
  CHECK(r.message.find("differ from the policy") != std::string::npos);
}

TEST_CASE("bytecode: a tiny timeout on a hard query is unknown, never proved", "[verify_bytecode][unknown]") {
  const char* text = R"(
entity Agent {}
entity User { region: String }
entity Order { customer: User, total: Money<EUR> }
action refund(order: Order) { amount: Money<EUR>, reason: String }
@id("p1") permit agent * to refund
  when (if reason like "*a*b*c*d*e*" then amount else order.total) * 3 + order.total * 7 != 11 EUR
    && (if order.customer.region like "*x*y*z*" then reason else order.customer.region) like "*q*r*";
)";
  auto loaded = test::loadPolicyText(text);
  REQUIRE(loaded->policy);
  std::shared_ptr<const Bundle> bundle = test::compileAndLoad(*loaded->policy);
  verify::bytecode::TranslationResult r = verify::bytecode::validateTranslation(*loaded->policy, bundle, 1);
  INFO(r.message);
  CHECK(r.status == Status::Unknown);
  CHECK_FALSE(r.counterexample);
  std::string path = vtest::writeTemp("bc_hard.agentpol", text);
  std::string out = "/tmp/agentpol_bc_hard.apb";
  std::remove(out.c_str());
  CHECK(vtest::runCli("build " + path + " -o " + out + " --verify --timeout 1ms").exit == 3);
  CHECK_FALSE(std::ifstream(out).good());
  // With time, the same bundle is proved equal.
  CHECK(verify::bytecode::validateTranslation(*loaded->policy, bundle, 30000).status == Status::Proved);
}
