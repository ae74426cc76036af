// conformance_test.cpp — the shared billing conformance set: every built-in
// check and both asserts are proved, quickly, with the rules behind them.
#include <catch2/catch.hpp>

#include <chrono>

#include "verify/verifier.h"
#include "verify_util.h"

using namespace agentpol;

TEST_CASE("billing conformance: every check and both asserts proved", "[verify][conformance]") {
  auto p = test::loadPolicyFiles({vtest::kBillingPolicy});
  REQUIRE(p->policy);
  verify::VerifyOptions o;
  o.today = 1795824000;  // 2026-11-28
  auto start = std::chrono::steady_clock::now();
  verify::VerifyReport r = verify::verifyPolicy(*p->policy, o);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  for (const verify::CheckResult& c : r.checks) {
    INFO(c.kind << " " << c.name << " " << c.subject << ": " << c.message);
    CHECK(c.status == verify::Status::Proved);
  }
  CHECK(r.overall() == verify::Status::Proved);
  const verify::CheckResult* capped = vtest::find(r, "assert", "refunds_capped");
  REQUIRE(capped);
  REQUIRE(capped->rules);
  CHECK(std::find(capped->rules->begin(), capped->rules->end(), "small-refunds") != capped->rules->end());
  REQUIRE(vtest::find(r, "assert", "payouts_asked_for"));
  // One entry per subject for each built-in check.
  CHECK(vtest::find(r, "inventory", "support_bot"));
  CHECK(vtest::find(r, "dead-rule", "user-payout"));
  CHECK(vtest::find(r, "scope", "payout-agent"));
  CHECK(vtest::find(r, "shadowed", "user-invoice"));
  CHECK(vtest::find(r, "delegation", ""));
  WARN("billing verify took " << ms << " ms for " << r.checks.size() << " checks");
  CHECK(ms < 5000);  // budget 1 s on an idle machine; generous here for loaded CI
}

TEST_CASE("billing conformance: agentpolc verify exits 0", "[verify][conformance][cli]") {
  vtest::CliResult r = vtest::runCli(std::string("verify ") + vtest::kBillingPolicy + " --today 2026-11-28");
  CHECK(r.exit == 0);
  CHECK(r.out.find("0 violated, 0 unknown") != std::string::npos);
}
