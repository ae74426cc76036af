// jobs_test.cpp — `verify --jobs N`: the report is the same for N = 1, 2 and
// 4 on every policy set the verify suites use (vtest::policySets) and on an
// agent workload of bench/verify_workload.h shape, in process (the JSON
// report, timings zeroed) and through agentpolc (the text report of each
// example, timings taken out): every check, subject, status, message, rule
// list and counterexample, in the same order. The solver's time limits are
// wall clock (a timeout; the readability re-solve gets a tenth of it), so
// on a loaded machine a limit can bite in one run and not in another, at
// any --jobs; the runs here get a 60 s limit so that they compare --jobs,
// not the machine's load (docs/verification.md, "Several cores").
#include <catch2/catch.hpp>

#include <regex>

#include "policy_load.h"
#include "verify/report.h"
#include "verify/verifier.h"
#include "verify_util.h"
#include "verify_workload.h"

using namespace agentpol;

namespace {

std::string reportWith(const sema::CheckedPolicy& policy, unsigned jobs) {
  verify::VerifyOptions o;
  o.today = 1796083200;  // 2026-12-01
  o.jobs = jobs;
  o.timeoutMs = 60000;
  verify::VerifyReport r = verify::verifyPolicy(policy, o);
  for (verify::CheckResult& c : r.checks) c.millis = 0;
  return verify::renderJson(r).dump(2);
}

void sameForEveryJobs(const sema::CheckedPolicy& policy) {
  std::string one = reportWith(policy, 1);
  CHECK(one.find("\"checks\"") != std::string::npos);
  for (unsigned jobs : {2u, 4u}) {
    INFO("--jobs " << jobs);
    CHECK(reportWith(policy, jobs) == one);
  }
}

// The text report without its timings (`(12 ms)`), which differ run to run.
std::string untimed(const std::string& text) { return std::regex_replace(text, std::regex(R"( \(\d+ ms\))"), ""); }

}  // namespace

TEST_CASE("jobs: the report is the same for every --jobs", "[verify][jobs]") {
  for (const std::string& set : vtest::policySets()) {
    SECTION(set) {
      auto p = test::loadPolicyFiles({set});
      if (!p->policy) continue;  // sets that do not compile are other suites' business
      sameForEveryJobs(*p->policy);
    }
  }
  SECTION("agent workload") {
    auto p = test::loadPolicyText(bench::verifyWorkload(30, 60));
    REQUIRE(p->policy);
    sameForEveryJobs(*p->policy);
  }
}

TEST_CASE("jobs: agentpolc verify --jobs prints the same report", "[verify][jobs][cli]") {
  for (const char* example : {"billing", "deploy", "mcp_filesystem", "mcp_gateway"}) {
    std::string args =
        std::string("verify ") + AGENTPOL_SOURCE_DIR + "/examples/" + example + " --today 2026-12-01 --timeout 60s";
    vtest::CliResult one = vtest::runCli(args + " --jobs 1");
    CHECK(one.out.find("proved,") != std::string::npos);
    for (const char* jobs : {"2", "4"}) {
      INFO(example << " --jobs " << jobs);
      vtest::CliResult r = vtest::runCli(args + " --jobs " + jobs);
      CHECK(r.exit == one.exit);
      CHECK(untimed(r.out) == untimed(one.out));
    }
  }
}
