// differential_test.cpp — the VM against the reference evaluator: for every
// policy set (examples/, tests/semantics/, the conformance billing set and
// tests/codegen/policies/), thousands of seeded random requests must get the
// same decision, reason and rule set from runtime decide() on the compiled
// bundle and from ref::decide() on the checked AST.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <iostream>
#include <map>

#include <agentpol/decide.h>

#include "ir/dump.h"
#include "ir/lower.h"
#include "policy_load.h"
#include "reference_eval.h"
#include "request_gen.h"

namespace agentpol {
namespace {

constexpr int kRequestsPerSet = 4000;

std::vector<std::vector<std::string>> policySets() {
  return test::checkedPolicySets(AGENTPOL_SOURCE_DIR, AGENTPOL_SHARED_DIR);
}

ref::Decision vmDecision(const Bundle& b, Request& req, bool revoked) {
  Result r = decide(b, req, DecideOptions{revoked});
  ref::Decision d{to_string(r.decision), to_string(r.reason), {}};
  for (size_t i = 0; i < r.rule_count; ++i) d.rules.emplace_back(r.rule_id(i));
  std::sort(d.rules.begin(), d.rules.end());
  if (r.reason == Reason::BadRequest) d.rules.push_back("message: " + std::string(r.message));
  return d;
}

std::string show(const ref::Decision& d) {
  std::string out = d.decision + "/" + d.reason + " [";
  for (const std::string& r : d.rules) out += r + " ";
  return out + "]";
}

}  // namespace

TEST_CASE("VM and reference evaluator agree on random requests", "[codegen][differential]") {
  size_t total = 0;
  for (const std::vector<std::string>& set : policySets()) {
    auto loaded = test::loadPolicyFiles(set);
    INFO("policy set " << set[0] << "\n" << loaded->diagnostics());
    REQUIRE(loaded->policy);
    const sema::CheckedPolicy& policy = *loaded->policy;
    std::shared_ptr<const Bundle> bundle = test::compileAndLoad(policy);
    ref::RequestGenerator gen(policy, 0x5eed0000u + total);
    Request req(bundle);
    std::map<std::string, int> outcomes;
    for (int i = 0; i < kRequestsPerSet; ++i) {
      ref::Request r = gen.next();
      ref::buildRequest(policy, r, req);
      ref::Decision want = ref::decide(policy, r), got = vmDecision(*bundle, req, r.revoked);
      ++outcomes[want.decision + "/" + want.reason];
      if (!(want == got)) {
        ir::Program prog = ir::lower(policy);
        FAIL_CHECK("request " << i << ":\n" << ref::describe(policy, r) << "reference: " << show(want)
                              << "\nvm:        " << show(got) << "\nIR:\n" << ir::dump(prog, policy));
        break;
      }
    }
    total += kRequestsPerSet;
    std::string summary;
    for (const auto& [k, n] : outcomes) summary += k + "=" + std::to_string(n) + " ";
    INFO("outcomes " << summary);
    if (std::getenv("AGENTPOL_DIFF_STATS")) std::cout << set[0] << ": " << summary << "\n";
    // The generator must make the rules decide, not only the early denies.
    CHECK(outcomes.size() >= 3);
  }
  CHECK(total >= 20 * kRequestsPerSet);
}

}  // namespace agentpol
