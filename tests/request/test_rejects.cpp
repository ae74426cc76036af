// test_rejects.cpp — every bad_request kind of spec 6.2, each with the exact
// message (naming the JSON path), and the inputs that are unreadable (not
// JSON, not an object). A bad request is denied before any other step.
#include <agentpol/decide.h>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fixture.h"
#include "image_builder.h"
#include "request/request_reader.h"

using namespace agentpol;
using namespace agentpol::test;

namespace {

std::string bad(const std::string& request, const std::shared_ptr<const Bundle>& b = kitchenBundle()) {
  Outcome o = run(b, request);
  INFO(request);
  REQUIRE_FALSE(o.unreadable);
  CHECK(o.decision == "deny");
  CHECK(o.reason == "bad_request");
  CHECK(o.rules.empty());
  return o.message;
}
std::string badK(const char* patch) { return bad(kitchen(patch)); }
std::string without(const std::string& request, const char* pointer) {
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(request);
  nlohmann::ordered_json::json_pointer p(pointer);
  j[p.parent_pointer()].erase(p.back());
  return j.dump();
}

// A policy without User and Agent entities.
std::shared_ptr<const Bundle> bareBundle() {
  static std::shared_ptr<const Bundle> b = [] {
    ImageBuilder ib;
    uint32_t a = ib.add_action("ping", {});
    ib.rule("ok", Effect::Permit, Side::Agent, {a}, always(true));
    return load_or_die(ib.im);
  }();
  return b;
}

}  // namespace

TEST_CASE("unknown action, unknown top-level field", "[rejects]") {
  CHECK(badK(R"({"action": "delete_everything"})") == "action: unknown action \"delete_everything\"");
  CHECK(badK(R"({"action": 3})") == "action: expected an action name, got 3");
  CHECK(badK(R"({"extra": 1})") ==
        "extra: unknown top-level field (expected now, agent, user, action, args, context, entities)");
  CHECK(bad(R"({"now": "2026-01-01", "now": "2026-01-02", "agent": {"id": "a"}, "action": "look"})") ==
        "now: given twice");
}

TEST_CASE("missing now, agent, action", "[rejects]") {
  CHECK(bad(without(kitchen(), "/now")) == "now: missing (the time of the request)");
  CHECK(badK(R"({"now": null})") == "now: missing (the time of the request)");
  CHECK(bad(without(kitchen(), "/agent")) == "agent: missing (the acting agent)");
  CHECK(badK(R"({"agent": null})") == "agent: missing (the acting agent)");
  CHECK(bad(without(kitchen(), "/action")) == "action: missing (the name of a declared action)");
}

TEST_CASE("missing required argument, attribute or context field", "[rejects]") {
  CHECK(bad(without(kitchen(), "/args/budget")) == "args.budget: missing (a required argument of `buy`)");
  CHECK(bad(without(kitchen(), "/args/item")) == "args.item: missing (a required argument of `buy`)");
  CHECK(bad(without(kitchen(), "/args")) == "args.item: missing (a required argument of `buy`)");
  CHECK(bad(without(kitchen(), "/args/item/attrs/price")) ==
        "args.item.attrs.price: missing (a required attribute of Item)");
  CHECK(bad(without(kitchen(), "/args/item/attrs/window/length")) ==
        "args.item.attrs.window.length: missing (a required attribute of Item)");
  CHECK(bad(without(kitchen(), "/user/attrs/email")) == "user.attrs.email: missing (a required attribute of User)");
  CHECK(bad(without(kitchen(), "/agent/attrs/model")) == "agent.attrs.model: missing (a required attribute of Agent)");
  CHECK(bad(without(kitchen(), "/context/channel")) == "context.channel: missing (a required context field)");
  CHECK(bad(without(kitchen(), "/context/token")) == "context.token: missing (a required context field)");
  CHECK(bad(without(kitchen(), "/context/token/scopes")) == "context.token.scopes: missing (a required context field)");
  CHECK(bad(without(kitchen(), "/context")) == "context.channel: missing (a required context field)");
}

TEST_CASE("a required field given as null", "[rejects]") {
  CHECK(badK(R"({"args": {"item": {"attrs": {"price": null}}}})") == "args.item.attrs.price: is required and cannot be null");
  CHECK(badK(R"({"args": {"budget": null}})") == "args.budget: is required and cannot be null");
  CHECK(badK(R"({"context": {"token": null}})") == "context.token: is required and cannot be null");
}

TEST_CASE("arguments, attributes and fields the schema does not declare", "[rejects]") {
  CHECK(badK(R"({"args": {"tip": "1.00 EUR"}})") == "args.tip: unknown argument of `buy`");
  CHECK(badK(R"({"args": {"item": {"attrs": {"weight": 3}}}})") == "args.item.attrs.weight: unknown attribute of Item");
  CHECK(badK(R"({"context": {"mood": "ok"}})") == "context.mood: unknown context field");
  CHECK(badK(R"({"context": {"token": {"aud": "x"}}})") == "context.token.aud: unknown context field");
  CHECK(badK(R"({"args": {"item": {"name": "x"}}})") == "args.item.name: unknown field of an entity (expected id, attrs)");
  CHECK(badK(R"({"agent": {"name": "x"}})") == "agent.name: unknown field of the agent (expected id, attrs)");
  CHECK(bad(R"({"now": "2026-01-01", "agent": {"id": "a", "attrs": {"model": "x"}}, "action": "ping"})", bareBundle()) ==
        "agent.attrs.model: unknown attribute: the policy declares no `Agent` entity, so agents have no attributes");
  CHECK(bad(R"({"now": "2026-01-01", "agent": {"id": "a"}, "user": {"id": "u"}, "action": "ping"})", bareBundle()) ==
        "user: the policy declares no `User` entity, so a request cannot have a user");
}

TEST_CASE("values of the wrong JSON type", "[rejects]") {
  CHECK(badK(R"({"args": {"qty": "2"}})") == "args.qty: expected Int, got \"2\"");
  CHECK(badK(R"({"args": {"gift": 1}})") == "args.gift: expected Bool, got 1");
  CHECK(badK(R"({"args": {"budget": 10}})") == "args.budget: expected Money in EUR, got 10");
  CHECK(badK(R"({"args": {"at": 1795874580}})") == "args.at: expected Time, got 1795874580");
  CHECK(badK(R"({"args": {"wait": 900}})") == "args.wait: expected Duration, got 900");
  CHECK(badK(R"({"args": {"colors": "red"}})") == "args.colors: expected Set<Color>, got \"red\"");
  CHECK(badK(R"({"args": {"colors": ["red", null]}})") == "args.colors[1]: expected Color, got null");
  CHECK(badK(R"({"args": {"item": {"attrs": {"tags": ["a", 1]}}}})") == "args.item.attrs.tags[1]: expected String, got 1");
  CHECK(badK(R"({"args": {"item": "i1"}})") ==
        "args.item: expected an entity of type Item ({\"id\": …, \"attrs\": {…}}), got \"i1\"");
  CHECK(badK(R"({"args": {"item": {"attrs": {"owner": "u1"}}}})") ==
        "args.item.attrs.owner: expected an entity of type User ({\"id\": …, \"attrs\": {…}}), got \"u1\"");
  CHECK(badK(R"({"args": {"item": {"attrs": {"window": "soon"}}}})") == "args.item.attrs.window: expected an object, got \"soon\"");
  CHECK(badK(R"({"args": {"item": {"attrs": []}}})") == "args.item.attrs: expected an object of attributes, got an array");
  CHECK(badK(R"({"args": [1]})") == "args: expected an object, got an array");
  CHECK(badK(R"({"context": "web"})") == "context: expected an object, got \"web\"");
  CHECK(badK(R"({"agent": "shop_bot"})") == "agent: expected an agent {\"id\": …, \"attrs\": {…}}, got \"shop_bot\"");
  CHECK(badK(R"({"context": {"channel": {"a": 1}}})") == "context.channel: expected String, got an object");
}

TEST_CASE("entity ids are non-empty strings", "[rejects]") {
  CHECK(badK(R"({"user": {"id": 4821}})") == "user.id: expected a string id, got 4821");
  CHECK(badK(R"({"user": {"id": ""}})") == "user.id: empty id");
  CHECK(badK(R"({"agent": {"id": null}})") == "agent.id: expected a string id, got null");
  CHECK(badK(R"({"args": {"item": {"id": null, "attrs": null}}})") == "args.item.id: expected a string id, got null");
  CHECK(bad(without(kitchen(), "/args/item/id")) == "args.item: missing `id`");
  CHECK(badK(R"({"args": {"item": {"type": "User"}}})") == "args.item.type: expected Item here, got \"User\"");
}

TEST_CASE("Int given as a float or out of the int64 range", "[rejects]") {
  auto qty = [](const char* n) { return bad(edit(kitchen(), "\"qty\":2", std::string("\"qty\":") + n)); };
  CHECK(qty("5.0") == "args.qty: expected Int (a JSON integer), got the float 5.0");
  CHECK(qty("1e2") == "args.qty: expected Int (a JSON integer), got the float 1e2");
  CHECK(qty("-0.0") == "args.qty: expected Int (a JSON integer), got the float -0.0");
  CHECK(qty("9223372036854775808") == "args.qty: 9223372036854775808 is out of the Int range (64-bit signed)");
  CHECK(qty("-9223372036854775809") == "args.qty: -9223372036854775809 is out of the Int range (64-bit signed)");
  CHECK(qty("123456789012345678901234567890") ==
        "args.qty: 123456789012345678901234567890 is out of the Int range (64-bit signed)");
}

TEST_CASE("Money in another currency, malformed, too precise, overflowing", "[rejects]") {
  CHECK(badK(R"({"args": {"item": {"attrs": {"price": "5.00 USD"}}}})") ==
        "args.item.attrs.price: expected Money in EUR, got \"5.00 USD\"");
  CHECK(bad(billing(R"({"args": {"amount": "32.00 USD"}})"), billingBundle()) ==
        "args.amount: expected Money in EUR, got \"32.00 USD\"");
  CHECK(badK(R"({"args": {"budget": "ten EUR"}})") == "args.budget: invalid Money in EUR \"ten EUR\": malformed amount");
  CHECK(badK(R"({"args": {"budget": "10.505 EUR"}})") ==
        "args.budget: invalid Money in EUR \"10.505 EUR\": Money has at most 2 decimals");
  CHECK(badK(R"({"args": {"budget": "92233720368547758.08 EUR"}})") ==
        "args.budget: invalid Money in EUR \"92233720368547758.08 EUR\": amount out of range");
  CHECK(badK(R"({"args": {"budget": "10"}})") ==
        "args.budget: invalid Money in EUR \"10\": expected an amount and a currency such as \"32.00 EUR\"");
}

TEST_CASE("unknown enum names", "[rejects]") {
  CHECK(badK(R"({"args": {"colors": ["red", "blue"]}})") ==
        "args.colors[1]: unknown Color value \"blue\" (expected one of red, green)");
  CHECK(bad(billing(R"({"context": {"intent": "Intent.refund"}})"), billingBundle()) ==
        "context.intent: unknown Intent value \"Intent.refund\" (expected one of refund, payout, question)");
}

TEST_CASE("malformed times and durations", "[rejects]") {
  CHECK(badK(R"({"now": "2026-13-01"})") == "now: invalid Time \"2026-13-01\": month 13 is out of range (01-12)");
  CHECK(badK(R"({"now": "2026-02-29T10:00:00Z"})") ==
        "now: invalid Time \"2026-02-29T10:00:00Z\": day 29 is out of range (February 2026 has 28 days)");
  CHECK(badK(R"({"now": "2026-11-28T14:03:00"})") ==
        "now: invalid Time \"2026-11-28T14:03:00\": missing the offset (`Z` or `+hh:mm`)");
  CHECK(badK(R"({"args": {"at": "yesterday"}})").find("args.at: invalid Time \"yesterday\": expected an RFC 3339 time") == 0);
  CHECK(badK(R"({"args": {"wait": "15"}})") ==
        "args.wait: invalid Duration \"15\": expected a Duration such as \"15m\" (an integer and one of s, m, h, d)");
  CHECK(badK(R"({"args": {"wait": "1h30m"}})").find("args.wait: invalid Duration") == 0);
  CHECK(badK(R"({"args": {"item": {"attrs": {"window": {"length": "99999999999999999d"}}}}})") ==
        "args.item.attrs.window.length: invalid Duration \"99999999999999999d\": Duration out of range");
}

TEST_CASE("entities list: shape and types", "[rejects]") {
  CHECK(badK(R"({"entities": {"type": "User"}})") == "entities: expected an array of entities, got an object");
  CHECK(badK(R"({"entities": [{"id": "x"}]})") == "entities[0]: missing `type`");
  CHECK(badK(R"({"entities": [{"type": "Robot", "id": "x"}]})") == "entities[0].type: unknown entity type \"Robot\"");
  CHECK(badK(R"({"entities": [{"type": "User", "id": "u7", "attrs": {"email": 1}}]})") ==
        "entities[0].attrs.email: expected String, got 1");
  CHECK(badK(R"({"entities": [7]})").find("entities[0]: expected an entity {\"type\"") == 0);
}

TEST_CASE("duplicate keys are refused", "[rejects]") {
  std::string j = kitchen();
  j.replace(j.find("\"qty\":2"), 7, "\"qty\":2,\"qty\":3");
  CHECK(bad(j) == "args.qty: given twice");
}

TEST_CASE("long values are cut in messages at a UTF-8 boundary", "[rejects]") {
  std::string s = std::string(59, 'a') + "\xc3\xa9" + std::string(40, 'b');
  std::string m = badK((R"({"args": {"qty": ")" + s + "\"}}").c_str());
  CHECK(m == "args.qty: expected Int, got \"" + std::string(59, 'a') + "…\"");
}

TEST_CASE("a bad request is denied before revocation", "[rejects]") {
  Outcome o = run(kitchenBundle(), kitchen(R"({"args": {"qty": "x"}})"), {"shop_bot"});
  CHECK(o.reason == "bad_request");
  o = run(kitchenBundle(), kitchen(), {"shop_bot"});
  CHECK(o.reason == "revoked");
}

TEST_CASE("not JSON, or not an object: unreadable", "[rejects]") {
  for (const char* s : {"[1]", "5", "null", "\"x\"", "[]"}) {
    Outcome o = run(kitchenBundle(), s);
    CHECK(o.unreadable);
    CHECK(o.error == "a request must be a JSON object");
  }
  for (const char* s : {"", "{", "{\"now\": }", "{} {}", "{\"a\": \"\xc0\xaf\"}"}) {
    Outcome o = run(kitchenBundle(), s);
    CHECK(o.unreadable);
    CHECK(o.error.find("not JSON: ") == 0);
  }
  Outcome o = run(kitchenBundle(), std::string(100000, '[') + std::string(100000, ']'));
  CHECK(o.unreadable);
  CHECK(o.error == "not JSON: nesting deeper than 128 levels");
}

TEST_CASE("a reader and a request are reusable after a bad request", "[rejects]") {
  request::RequestReader reader(kitchenBundle());
  Request req(kitchenBundle());
  std::string err;
  for (int i = 0; i < 3; ++i) {
    REQUIRE(reader.read(kitchen(R"({"args": {"qty": 1.5}})"), req, &err) == request::ReadStatus::Ok);
    CHECK_FALSE(req.ok());
    REQUIRE(reader.read(kitchen(), req, &err) == request::ReadStatus::Ok);
    CHECK(req.ok());
    CHECK(decide(*kitchenBundle(), req).decision == Decision::Allow);
  }
}
