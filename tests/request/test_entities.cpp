// test_entities.cpp — entities across a request: references resolved from
// `entities` or from another place (both directions), reference-only
// entities (an evaluation error, never an allow), one entity given twice
// (same decoded values accepted, different ones a bad request), the entity cap.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fixture.h"

using namespace agentpol::test;
using nlohmann::json;

TEST_CASE("a reference takes its attrs from another place in the request", "[entities]") {
  // The order's customer is a reference; the user carries the attrs.
  Outcome o = run(billingBundle(), billing());
  CHECK(o.decision == "allow");
  CHECK(o.rules == std::vector<std::string>{"small-refunds", "user-refund"});
  // The other way round: the user is a reference, the customer carries them.
  o = run(billingBundle(), billing(R"({"user": {"attrs": null},
      "args": {"order": {"attrs": {"customer": {"id": "4821", "attrs": {"roles": [], "refund_limit": "100.00 EUR", "region": "EU"}}}}}})"));
  CHECK(o.message == "");
  CHECK(o.decision == "allow");
}

TEST_CASE("a reference takes its attrs from `entities`", "[entities]") {
  Outcome o = run(billingBundle(), billing(R"({"user": {"attrs": null},
      "entities": [{"type": "User", "id": "4821", "attrs": {"roles": [], "refund_limit": "100.00 EUR", "region": "EU"}}]})"));
  CHECK(o.decision == "allow");
  CHECK(o.rules == std::vector<std::string>{"small-refunds", "user-refund"});
}

TEST_CASE("a reference-only entity is accepted and reading it never allows", "[entities]") {
  // user-refund reads user.refund_limit: an evaluation error, so that permit does not match.
  Outcome o = run(billingBundle(), billing(R"({"user": {"attrs": null}})"));
  CHECK(o.decision == "deny");
  CHECK(o.reason == "user_no_permit");
  CHECK(o.message == "");
}

TEST_CASE("one entity given twice with the same decoded values", "[entities]") {
  Outcome o = run(billingBundle(), billing(R"({"entities": [
      {"type": "User", "id": "4821", "attrs": {"roles": [], "refund_limit": "100 EUR", "region": "EU"}}]})"));
  CHECK(o.decision == "allow");
  o = run(kitchenBundle(), kitchen(R"({"user": {"attrs": {"friends": [{"id": "a"}, {"id": "b"}, {"id": "a"}]}},
      "entities": [{"type": "User", "id": "u1", "attrs": {"email": "a@example.com", "nick": null, "friends": [{"id": "b"}, {"id": "a"}]}}]})"));
  CHECK(o.message == "");
  CHECK(o.decision == "allow");
  o = run(kitchenBundle(), kitchen(R"({"args": {"item": {"attrs": {"window": {"start": "2026-01-01T01:00:00+01:00"}}}},
      "entities": [{"type": "Item", "id": "i1", "attrs": {"price": "5 EUR", "color": "red", "count": 3, "active": true,
          "tags": ["y", "x", "y"], "window": {"start": "2026-01-01", "length": "120m"}, "owner": {"id": "u1"}}}]})"));
  CHECK(o.message == "");
  CHECK(o.decision == "allow");
}

TEST_CASE("one entity given twice with different values is a bad request", "[entities]") {
  Outcome o = run(billingBundle(), billing(R"({"entities": [
      {"type": "User", "id": "4821", "attrs": {"roles": [], "refund_limit": "100.01 EUR", "region": "EU"}}]})"));
  CHECK(o.decision == "deny");
  CHECK(o.reason == "bad_request");
  CHECK(o.message == "entities[0]: entity User `4821` is given with two different values of `refund_limit`");
  // The audit record still names the request.
  json a = json::parse(o.audit);
  CHECK(a["agent"] == "billing_assist_07");
  CHECK(a["user"] == "4821");
  CHECK(a["action"] == "refund");

  o = run(billingBundle(), billing(R"({"args": {"order": {"attrs": {"customer": {"id": "4821",
      "attrs": {"roles": ["admin"], "refund_limit": "100.00 EUR", "region": "EU"}}}}}})"));
  CHECK(o.message == "args.order.attrs.customer: entity User `4821` is given with two different values of `roles`");
  // An optional attribute present once and absent once differs too.
  o = run(kitchenBundle(), kitchen(R"({"entities": [{"type": "User", "id": "u1", "attrs": {"email": "a@example.com", "nick": "al", "friends": []}}]})"));
  CHECK(o.message == "entities[0]: entity User `u1` is given with two different values of `nick`");
}

TEST_CASE("more than the entity cap is a bad request", "[entities]") {
  std::string friends;
  for (int i = 0; i < 1100; ++i) friends += std::string(i ? "," : "") + "{\"id\": \"f" + std::to_string(i) + "\"}";
  Outcome o = run(kitchenBundle(), kitchen(R"({"user": {"attrs": {"friends": [)" + friends + "]}}}"));
  CHECK(o.reason == "bad_request");
  CHECK(o.message.find("user.attrs.friends[") == 0);
  CHECK(o.message.find("more than 1024 entities in one request") != std::string::npos);
}
