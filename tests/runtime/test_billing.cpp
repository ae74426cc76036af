// test_billing.cpp — the billing conformance cases (shared/conformance/billing)
// decided by the runtime on the hand-lowered billing bundle, through Engine
// (revocations included), plus the bundle-size budget.
#include "image_builder.h"
#include "json_request.h"

#include <agentpol/engine.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

using namespace agentpol;
using nlohmann::json;

namespace {

json load_cases() {
  std::ifstream in(std::string(AGENTPOL_SHARED_DIR) + "/conformance/billing/cases.json");
  REQUIRE(in.good());
  return json::parse(in);
}

}  // namespace

TEST_CASE("billing bundle fits in 4 KiB", "[billing]") {
  std::vector<uint8_t> bytes = serialize(test::billing_image());
  INFO("size " << bytes.size());
  CHECK(bytes.size() <= 4096);
  CHECK(load_bundle(bytes));
}

TEST_CASE("billing conformance cases", "[billing]") {
  auto bundle = test::load_or_die(test::billing_image());
  json cases = load_cases();
  REQUIRE(cases.size() >= 10);
  for (const json& c : cases) {
    Engine engine(bundle);
    if (c.contains("revoke"))
      for (const json& a : c["revoke"]) engine.revoke(a.get<std::string>());
    Request req(bundle);
    test::fill_request(req, c["request"]);
    Result r = engine.decide(req);
    INFO(c["name"].get<std::string>() << " -> " << to_string(r.decision) << "/" << to_string(r.reason)
                                      << " " << std::string(r.message));
    CHECK(to_string(r.decision) == c["expect"].get<std::string>());
    if (c.contains("reason")) CHECK(to_string(r.reason) == c["reason"].get<std::string>());
    if (c.contains("rules")) {
      std::vector<std::string> got, want = c["rules"].get<std::vector<std::string>>();
      for (size_t i = 0; i < r.rule_count; ++i) got.emplace_back(r.rule_id(i));
      std::sort(got.begin(), got.end());
      std::sort(want.begin(), want.end());
      CHECK(got == want);
    }
    if (r.reason == Reason::BadRequest) CHECK(!r.message.empty());
  }
}

TEST_CASE("a request object is reusable across decisions", "[billing]") {
  auto bundle = test::load_or_die(test::billing_image());
  json cases = load_cases();
  Engine engine(bundle);
  Request req(bundle);
  for (int round = 0; round < 3; ++round) {
    for (const json& c : cases) {
      if (c.contains("revoke")) continue;
      req.reset();
      test::fill_request(req, c["request"]);
      Result r = engine.decide(req);
      CHECK(to_string(r.decision) == c["expect"].get<std::string>());
    }
  }
}
