// sym_exec_test.cpp — the symbolic executor against the VM on concrete
// requests: for every policy set, seeded random requests (tests/support's
// generator) are decided by the VM; every code block of the request's action
// is also run on the VM and compared with the executor's terms evaluated on
// the same request (true / false / error), and the bytecode decision function
// (encodeDecision over those terms) must give the VM's decision, reason and
// rules. A coverage case checks that the sets exercise every opcode.
// AGENTPOL_BC_REQUESTS sets the requests per set (default 200).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <set>

#include "bc_util.h"
#include "request_gen.h"
#include "verify_util.h"

using namespace agentpol;

namespace {

int requestCount() {
  const char* env = std::getenv("AGENTPOL_BC_REQUESTS");
  return env ? std::atoi(env) : 200;
}

uint32_t codeOf(const Bundle& b, const std::string& ruleId, uint32_t bundleAction) {
  for (const RuleImage& r : b.image().rules)
    if (r.id == ruleId)
      for (const RuleBody& body : r.bodies)
        if (body.action == bundleAction) return body.code;
  throw std::runtime_error("no block for rule " + ruleId);
}

std::string names(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += x + " ";
  return s;
}

}  // namespace

TEST_CASE("bytecode: every block and decision agrees with the VM on random requests", "[verify_bytecode][differential]") {
  for (const std::vector<std::string>& set : bctest::policySets()) {
    SECTION(bctest::setName(set)) {
      auto loaded = test::loadPolicyFiles(set);
      if (!loaded->policy) {
        WARN("skipping " << bctest::setName(set) << " (does not compile)");
        continue;
      }
      auto f = bctest::fixture(std::move(loaded));
      REQUIRE(f->bytecode->matches());
      const sema::CheckedPolicy& p = f->policy();
      ref::RequestGenerator gen(p, 20261128);
      Request vmReq(f->bundle);
      int compared = 0, mismatches = 0;
      for (int i = 0; i < requestCount(); ++i) {
        ref::Request r = gen.next();
        nlohmann::json j;
        if (r.revoked || !vtest::toJson(p, r, j)) continue;
        ref::buildRequest(p, r, vmReq);
        Result vm = decide(*f->bundle, vmReq);
        if (vm.reason == Reason::BadRequest) continue;
        bctest::ConcreteBytecode z = bctest::evalBytecode(*f, r.action, j);
        std::vector<std::string> vmRules;
        for (size_t k = 0; k < vm.rule_count; ++k) vmRules.emplace_back(vm.rule_id(k));
        std::sort(vmRules.begin(), vmRules.end());
        bool same = z.determined && z.decision == to_string(vm.decision) && z.reason == to_string(vm.reason) &&
                    z.rules == vmRules;
        std::string blockDiff;
        uint32_t ba = f->bundle->action(p.schema.actions[r.action].name).index;
        for (const bctest::BlockOutcome& b : z.blocks) {
          int onVm = bctest::runBlockOnVm(*f->bundle, vmReq, codeOf(*f->bundle, b.id, ba));
          if (onVm != b.value) blockDiff += b.id + ": vm " + std::to_string(onVm) + " sym " + std::to_string(b.value) + "; ";
        }
        ++compared;
        if ((!same || !blockDiff.empty()) && ++mismatches <= 5)
          FAIL_CHECK("request " << j.dump() << "\n  vm:  " << to_string(vm.decision) << "/" << to_string(vm.reason)
                                << " [" << names(vmRules) << "]\n  sym: " << z.decision << "/" << z.reason << " ["
                                << names(z.rules) << "] " << (z.determined ? "" : "(not determined) ") << z.error
                                << "\n  blocks: " << blockDiff);
      }
      INFO(bctest::setName(set) << ": " << compared << " requests compared");
      CHECK(mismatches == 0);
      CHECK(compared >= requestCount() / 5);
    }
  }
}

TEST_CASE("bytecode: the tested bundles use every opcode", "[verify_bytecode][coverage]") {
  std::set<int> seen;
  for (const std::vector<std::string>& set : bctest::policySets()) {
    auto loaded = test::loadPolicyFiles(set);
    if (!loaded->policy) continue;
    std::shared_ptr<const Bundle> b = test::compileAndLoad(*loaded->policy);
    for (const detail::CodeBlock& block : detail::bundle_data(*b).code)
      for (const detail::Insn& in : block.insns) seen.insert(static_cast<int>(in.op));
  }
  std::string missing;
  for (unsigned op = 0; op < kOpCount; ++op)
    if (!seen.count(static_cast<int>(op))) missing += std::string(op_info(static_cast<Op>(op)).name) + " ";
  INFO("opcodes no tested bundle uses: " << missing);
  CHECK(missing.empty());
}
