// status_golden_test.cpp — `verify`'s statuses and subjects on every policy
// set the verify suites use (vtest::policySets, plus a small agent workload
// of bench/verify_workload.h shape) equal the goldens in status_goldens/:
// one line per check, `kind name subject status confirmed`. The goldens were
// written before the verifier was made faster (issue 11); a change in them
// is a change in what verify reports, not in how fast (`confirmed` is part
// of the line: examples/deploy's deploys_within_team has an approximate
// counterexample today). Each confirmed counterexample must replay on the
// runtime VM without bad_request. AGENTPOL_UPDATE_GOLDENS=1 rewrites them.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "policy_load.h"
#include "verify/verifier.h"
#include "verify_util.h"
#include "verify_workload.h"

using namespace agentpol;

namespace {

std::string slug(const std::string& path) {
  std::string s = path.substr(path.find_last_of('/') + 1);
  std::string parent = path.substr(0, path.find_last_of('/'));
  return parent.substr(parent.find_last_of('/') + 1) + "_" + s;
}

std::string statusLines(const verify::VerifyReport& r) {
  std::string out;
  for (const verify::CheckResult& c : r.checks)
    out += c.kind + " " + c.name + " " + (c.subject.empty() ? "-" : c.subject) + " " + statusName(c.status) + " " +
           (c.confirmed ? "confirmed" : "-") + "\n";
  return out;
}

void compare(const std::string& name, const sema::CheckedPolicy& policy) {
  verify::VerifyOptions o;
  o.today = 1796083200;  // 2026-12-01
  verify::VerifyReport r = verify::verifyPolicy(policy, o);
  std::string got = statusLines(r);
  std::string path = std::string(AGENTPOL_SOURCE_DIR) + "/tests/verify/status_goldens/" + name + ".txt";
  if (std::getenv("AGENTPOL_UPDATE_GOLDENS")) std::ofstream(path) << got;
  std::ifstream in(path);
  REQUIRE(in.good());
  std::stringstream want;
  want << in.rdbuf();
  CHECK(got == want.str());
  for (const verify::CheckResult& c : r.checks) {
    if (c.status != verify::Status::Violated || !c.counterexample || !c.confirmed) continue;
    INFO(name << ": " << c.kind << " " << c.subject);
    CHECK(vtest::replay(policy, *c.counterexample).reason != "bad_request");
  }
}

}  // namespace

TEST_CASE("status goldens: statuses and subjects of every verify policy set", "[verify][golden]") {
  for (const std::string& set : vtest::policySets()) {
    SECTION(set) {
      auto p = test::loadPolicyFiles({set});
      if (!p->policy) continue;  // sets that do not compile are other suites' business
      compare(slug(set), *p->policy);
    }
  }
  SECTION("agent workload") {
    // 60 agents (a third without `may`), 30 named rules (one named agent
    // each; agents 30..59 named by no rule) and the 10 shared rules.
    auto p = test::loadPolicyText(bench::verifyWorkload(30, 60));
    REQUIRE(p->policy);
    compare("agent_workload", *p->policy);
  }
}
