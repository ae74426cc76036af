// test_accepts.cpp — every accepted form of spec section 8: time offsets,
// dates, dropped fractions, negative Money, null/absent user and optional
// fields, sets with duplicates, int64 bounds; decoded values are checked
// through the audit record, and the billing conformance requests decide.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include "fixture.h"

using namespace agentpol::test;
using nlohmann::json;

namespace {

json auditArgs(const Outcome& o) { return json::parse(o.audit).at("args"); }

void allowed(const Outcome& o) {
  INFO(o.error << o.message);
  REQUIRE_FALSE(o.unreadable);
  CHECK(o.decision == "allow");
  CHECK(o.reason == "permitted");
}

}  // namespace

TEST_CASE("the kitchen request is read whole and allowed", "[accepts]") {
  Outcome o = run(kitchenBundle(), kitchen());
  allowed(o);
  CHECK(o.rules == std::vector<std::string>{"agent-any", "user-any"});
  json a = auditArgs(o);
  CHECK(a["qty"] == 2);
  CHECK(a["budget"] == "10.50 EUR");
  CHECK(a["at"] == "2026-11-28T14:00:00Z");  // +01:00 converted to UTC
  CHECK(a["wait"] == "15m");
  CHECK(a["gift"] == false);
  CHECK(a["colors"] == json::array({"red", "green"}));  // a set: once each, in enum order (docs/bytecode.md)
  json rec = json::parse(o.audit);
  CHECK(rec["time"] == "2026-11-28T14:03:00Z");
  CHECK(rec["agent"] == "shop_bot");
  CHECK(rec["user"] == "u1");
  CHECK(rec["resources"]["item"] == "i1");
}

TEST_CASE("times: any offset to UTC, fractions dropped, a date alone", "[accepts]") {
  CHECK(auditArgs(run(kitchenBundle(), kitchen(R"({"args": {"at": "2026-11-28T14:00:00.75Z"}})")))["at"] ==
        "2026-11-28T14:00:00Z");
  CHECK(auditArgs(run(kitchenBundle(), kitchen(R"({"args": {"at": "2026-11-28T09:30:59.999-04:30"}})")))["at"] ==
        "2026-11-28T14:00:59Z");
  CHECK(auditArgs(run(kitchenBundle(), kitchen(R"({"args": {"at": "2026-10-01"}})")))["at"] == "2026-10-01T00:00:00Z");
  allowed(run(kitchenBundle(), kitchen(R"({"now": "2026-11-28"})")));
  allowed(run(kitchenBundle(), kitchen(R"({"now": "2026-11-28T23:03:00+09:00"})")));
}

TEST_CASE("Money: negative, whole, one decimal, and Durations in every unit", "[accepts]") {
  CHECK(auditArgs(run(kitchenBundle(), kitchen(R"({"args": {"budget": "-3.5 EUR"}})")))["budget"] == "-3.50 EUR");
  CHECK(auditArgs(run(kitchenBundle(), kitchen(R"({"args": {"budget": "7 EUR"}})")))["budget"] == "7.00 EUR");
  for (const char* d : {"30s", "15m", "2h", "7d"}) {
    Outcome o = run(kitchenBundle(), kitchen(std::string(R"({"args": {"wait": ")") + d + "\"}}"));
    allowed(o);
    CHECK(auditArgs(o)["wait"] == d);
  }
}

TEST_CASE("Int at the int64 bounds and negative zero", "[accepts]") {
  CHECK(auditArgs(run(kitchenBundle(), kitchen(R"({"args": {"qty": 9223372036854775807}})")))["qty"] ==
        INT64_MAX);
  CHECK(auditArgs(run(kitchenBundle(), kitchen(R"({"args": {"qty": -9223372036854775808}})")))["qty"] ==
        INT64_MIN);
  CHECK(auditArgs(run(kitchenBundle(), kitchen(R"({"args": {"qty": -0}})")))["qty"] == 0);
}

TEST_CASE("user absent or null: the agent side decides alone", "[accepts]") {
  for (const char* patch : {R"({"user": null})", R"({"user": null, "args": {"item": {"attrs": {"owner": {"id": "u9"}}}}})"}) {
    Outcome o = run(kitchenBundle(), kitchen(patch));
    allowed(o);
    CHECK(o.rules == std::vector<std::string>{"agent-any"});
    CHECK(json::parse(o.audit)["user"].is_null());
  }
  json j = json::parse(kitchen());
  j.erase("user");
  Outcome o = run(kitchenBundle(), j.dump());
  allowed(o);
  CHECK(o.rules == std::vector<std::string>{"agent-any"});
}

TEST_CASE("optional attributes and optional records: absent or null", "[accepts]") {
  allowed(run(kitchenBundle(), kitchen(R"({"args": {"item": {"attrs": {"note": null}}}})")));
  allowed(run(kitchenBundle(), kitchen(R"({"args": {"item": {"attrs": {"note": "gift wrap"}}}})")));
  allowed(run(kitchenBundle(), kitchen(R"({"user": {"attrs": {"nick": null, "manager": null}}})")));
  allowed(run(kitchenBundle(), kitchen(R"({"user": {"attrs": {"manager": {"id": "boss"}}}})")));
  allowed(run(kitchenBundle(), kitchen(R"({"context": {"extra": null}})")));
  allowed(run(kitchenBundle(), kitchen(R"({"context": {"extra": {"level": 3}}})")));
  allowed(run(kitchenBundle(), kitchen(R"({"context": {"extra": {}}})")));
  allowed(run(kitchenBundle(), kitchen(R"({"context": {"extra": {"level": null}}})")));
}

TEST_CASE("sets as arrays: empty, duplicates, sets of entities", "[accepts]") {
  allowed(run(kitchenBundle(), kitchen(R"({"args": {"colors": []}})")));
  allowed(run(kitchenBundle(), kitchen(R"({"args": {"item": {"attrs": {"tags": ["a", "a", "a"]}}}})")));
  allowed(run(kitchenBundle(),
              kitchen(R"({"user": {"attrs": {"friends": [{"id": "u2"}, {"id": "u3", "attrs": {"email": "c", "friends": []}}, {"id": "u2"}]}}})")));
}

TEST_CASE("an agent without attrs, an action without arguments", "[accepts]") {
  allowed(run(kitchenBundle(), kitchen(R"({"agent": {"attrs": null}})")));
  json j = json::parse(kitchen());
  j["action"] = "look";
  j["args"] = {{"item", {{"id", "i1"}}}};
  allowed(run(kitchenBundle(), j.dump()));
}

TEST_CASE("entity values may repeat their own type", "[accepts]") {
  allowed(run(kitchenBundle(), kitchen(R"({"args": {"item": {"type": "Item"}}})")));
}

TEST_CASE("billing conformance requests decide as their cases say", "[accepts]") {
  std::ifstream in(std::string(AGENTPOL_SHARED_DIR) + "/conformance/billing/cases.json");
  REQUIRE(in.good());
  json cases = json::parse(in);
  REQUIRE(cases.size() >= 10);
  for (const json& c : cases) {
    std::vector<std::string> revoke = c.value("revoke", std::vector<std::string>{});
    Outcome o = run(billingBundle(), c["request"].dump(), revoke);
    INFO(c["name"] << ": " << o.decision << "/" << o.reason << " " << o.message);
    REQUIRE_FALSE(o.unreadable);
    CHECK(o.decision == c["expect"]);
    CHECK(o.reason == c["reason"]);
    if (c.contains("rules")) {
      std::vector<std::string> want = c["rules"];
      std::sort(want.begin(), want.end());
      CHECK(o.rules == want);
    }
  }
}
