// differential_test.cpp — the Z3 encoding against the runtime VM: for every
// policy set under examples/ and tests/semantics/ and the conformance set,
// seeded random requests (tests/support/request_gen) are decided by the
// compiled bundle on the VM and by the encoding pinned to the same request;
// decision, reason and reported rules must agree. Revoked requests are
// skipped (verification assumes no revocation). AGENTPOL_DIFF_REQUESTS sets
// the number of requests per set (default 2000).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>

#include "request_gen.h"
#include "verify/concrete_request.h"
#include "verify/session.h"
#include "verify_util.h"

using namespace agentpol;

namespace {

int requestCount() {
  const char* env = std::getenv("AGENTPOL_DIFF_REQUESTS");
  return env ? std::atoi(env) : 2000;
}

}  // namespace

TEST_CASE("differential: encoding and VM agree on random requests", "[verify][differential]") {
  for (const std::string& set : vtest::policySets()) {
    SECTION(set) {
      auto p = test::loadPolicyFiles({set});
      if (!p->policy) {
        WARN("skipping " << set << " (does not compile):\n" << p->diagnostics());
        continue;
      }
      std::shared_ptr<const Bundle> bundle = test::compileAndLoad(*p->policy);
      verify::VerifyOptions o;
      verify::Session session(*p->policy, o);
      std::map<uint32_t, std::unique_ptr<verify::ConcreteEvaluator>> evals;
      ref::RequestGenerator gen(*p->policy, 20261128);
      Request vmReq(bundle);
      int compared = 0, skipped = 0, mismatches = 0;
      for (int i = 0; i < requestCount(); ++i) {
        ref::Request r = gen.next();
        nlohmann::json j;
        if (r.revoked || !vtest::toJson(*p->policy, r, j)) {
          ++skipped;
          continue;
        }
        ref::buildRequest(*p->policy, r, vmReq);
        Result vm = decide(*bundle, vmReq);
        if (vm.reason == Reason::BadRequest) {
          ++skipped;
          continue;
        }
        std::vector<std::string> vmRules;
        for (size_t k = 0; k < vm.rule_count; ++k) vmRules.emplace_back(vm.rule_id(k));
        std::sort(vmRules.begin(), vmRules.end());
        auto& ev = evals[r.action];
        if (!ev) ev = std::make_unique<verify::ConcreteEvaluator>(session.model(r.action));
        verify::ConcreteDecision z = ev->decide(j);
        ++compared;
        bool same = z.determined && z.decision == to_string(vm.decision) && z.reason == to_string(vm.reason) &&
                    z.rules == vmRules;
        if (!same && ++mismatches <= 5) {
          std::string zr, vr;
          for (const auto& s : z.rules) zr += s + " ";
          for (const auto& s : vmRules) vr += s + " ";
          FAIL_CHECK("request " << j.dump() << "\n  vm: " << to_string(vm.decision) << "/" << to_string(vm.reason)
                                << " [" << vr << "]\n  z3: " << z.decision << "/" << z.reason << " [" << zr << "] "
                                << z.error);
        }
      }
      INFO(set << ": " << compared << " compared, " << skipped << " skipped");
      CHECK(mismatches == 0);
      CHECK(compared > requestCount() / 2);
    }
  }
}
