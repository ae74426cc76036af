// cli_test.cpp — agentpolc verify/diff/inventory exit codes and formats:
// 0 holds, 1 fails or compile errors, 2 usage, 3 unknown (checks_test).
#include <catch2/catch.hpp>

#include "verify_util.h"

using namespace agentpol;
using json = nlohmann::json;

TEST_CASE("cli: verify exit codes and formats", "[verify][cli]") {
  std::string bad = vtest::writeTemp("bad.agentpol", R"(entity Agent {}
action a() { n: Int }
agent g { owner: "o", purpose: "p", reviewed: 2026-11-01, may: [] }
@id("wide") permit agent g to a when n > 3;
)");
  CHECK(vtest::runCli("verify " + bad + " --today 2026-11-28").exit == 1);
  vtest::CliResult j = vtest::runCli("verify " + bad + " --today 2026-11-28 --format json");
  CHECK(j.exit == 1);
  json parsed = json::parse(j.out);
  CHECK(parsed["checks"].is_array());
  vtest::CliResult s = vtest::runCli("verify " + bad + " --today 2026-11-28 --format sarif");
  CHECK(json::parse(s.out)["version"] == "2.1.0");
  std::string broken = vtest::writeTemp("syntax.agentpol", "permit agent * to ;");
  CHECK(vtest::runCli("verify " + broken).exit == 1);
  CHECK(vtest::runCli("verify " + bad + " --format xml").exit == 2);
  CHECK(vtest::runCli("verify " + bad + " --today yesterday").exit == 2);
  CHECK(vtest::runCli("verify " + bad + " --timeout forever").exit == 2);
  CHECK(vtest::runCli("verify").exit == 2);
  // The review limit is an option.
  CHECK(vtest::runCli("verify " + std::string(vtest::kBillingPolicy) + " --today 2027-06-01").exit == 1);
  CHECK(vtest::runCli("verify " + std::string(vtest::kBillingPolicy) + " --today 2027-06-01 --max-review-age 400d").exit == 0);
  CHECK(vtest::runCli("inventory " + bad + " --format yaml").exit == 2);
  CHECK(vtest::runCli("inventory " + broken).exit == 1);
}
