// report_test.cpp — the three renderings of a verify report: spec 7 JSON
// (field set and values), SARIF 2.1.0 structure with source locations, and
// the text report's marks and counterexample.
#include <catch2/catch.hpp>

#include <set>

#include "verify/report.h"
#include "verify/verifier.h"
#include "verify_util.h"

using namespace agentpol;
using json = nlohmann::json;

namespace {
const char* kPolicy = R"(entity User {}
entity Agent {}
action a() { n: Int }
agent g { owner: "o", purpose: "p", reviewed: 2026-11-01, may: [] }
@id("wide") permit agent g to a when n > 3;
assert small: for a: allowed => n < 100;
)";
}

TEST_CASE("report: json has exactly the spec 7 fields", "[verify][report]") {
  auto p = vtest::load(kPolicy);
  verify::VerifyOptions o;
  o.today = 1795824000;
  verify::VerifyReport r = verify::verifyPolicy(*p->policy, o);
  json j = verify::renderJson(r);
  REQUIRE(j.contains("checks"));
  bool sawScope = false, sawAssert = false;
  for (const json& c : j["checks"]) {
    for (auto it = c.begin(); it != c.end(); ++it) {
      static const std::set<std::string> allowed{"name", "kind", "status", "rules", "subject", "counterexample"};
      CHECK(allowed.count(it.key()) == 1);
    }
    CHECK((c["status"] == "proved" || c["status"] == "violated" || c["status"] == "unknown"));
    if (c["kind"] == "scope") {
      sawScope = true;
      CHECK(c["status"] == "violated");
      CHECK(c["subject"] == "wide");
      CHECK(c["counterexample"]["action"] == "a");
      CHECK(c["counterexample"]["args"]["n"].get<int64_t>() > 3);
    }
    if (c["kind"] == "assert") {
      sawAssert = true;
      CHECK(c["name"] == "small");
      CHECK(c["status"] == "proved");
    }
  }
  CHECK(sawScope);
  CHECK(sawAssert);
}

TEST_CASE("report: sarif 2.1.0 with rule ids and locations", "[verify][report]") {
  auto p = vtest::load(kPolicy);
  verify::VerifyOptions o;
  o.today = 1795824000;
  verify::VerifyReport r = verify::verifyPolicy(*p->policy, o);
  json s = verify::renderSarif(r, p->sm);
  CHECK(s["version"] == "2.1.0");
  const json& run = s["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "agentpolc verify");
  REQUIRE(run["results"].size() >= 1);
  const json& res = run["results"][0];
  CHECK(res["ruleId"] == "scope");
  CHECK(res["level"] == "error");
  const json& region = res["locations"][0]["physicalLocation"]["region"];
  CHECK(region["startLine"] == 5);
  CHECK(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "test.agentpol");
}

TEST_CASE("report: text marks and counterexample", "[verify][report]") {
  auto p = vtest::load(kPolicy);
  verify::VerifyOptions o;
  o.today = 1795824000;
  std::string t = verify::renderText(verify::verifyPolicy(*p->policy, o), p->sm);
  CHECK(t.find("✗ scope [wide] violated: test.agentpol:5:") != std::string::npos);
  CHECK(t.find("✓ assert small proved") != std::string::npos);
  CHECK(t.find("counterexample:") != std::string::npos);
  CHECK(t.find("violated, 0 unknown") != std::string::npos);
}
