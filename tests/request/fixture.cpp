// fixture.cpp — the kitchen and billing bundles, request templates patched
// per test, and run(): reader + Engine + audit hook.
#include "fixture.h"

#include <agentpol/engine.h>

#include <algorithm>
#include <stdexcept>
#include <nlohmann/json.hpp>

#include "image_builder.h"
#include "request/request_reader.h"

namespace agentpol::test {

std::shared_ptr<const Bundle> kitchenBundle() {
  static std::shared_ptr<const Bundle> b = [] {
    ImageBuilder ib;
    uint32_t color = ib.add_enum("Color", {"red", "green"});
    uint32_t agentT = ib.add_entity("Agent", {slot("model", Type::string())});
    uint32_t user = ib.add_entity("User", {});
    ib.im.entity_types[user].attrs = {slot("email", Type::string()), opt("nick", Type::string()),
                                      opt("manager", Type::entity(user)),
                                      slot("friends", Type::set_of(Type::entity(user)))};
    uint32_t item = ib.add_entity("Item", {slot("price", eur()), slot("color", Type::enumeration(color)),
                                           slot("count", Type::integer()), slot("active", Type::boolean()),
                                           slot("tags", Type::set_of(Type::string())), opt("note", Type::string()),
                                           slot("window.start", Type::time()), slot("window.length", Type::duration()),
                                           slot("owner", Type::entity(user))});
    ib.im.agent_type = agentT;
    ib.im.user_type = user;
    ib.im.context = {slot("channel", Type::string()), slot("token.issued_at", Type::time()),
                     slot("token.scopes", Type::set_of(Type::string())), opt("extra.level", Type::integer())};
    uint32_t buy = ib.add_action("buy", {slot("item", Type::entity(item))},
                                 {slot("qty", Type::integer()), slot("budget", eur()), slot("at", Type::time()),
                                  slot("wait", Type::duration()), slot("gift", Type::boolean()),
                                  slot("colors", Type::set_of(Type::enumeration(color)))});
    uint32_t look = ib.add_action("look", {slot("item", Type::entity(item))});
    ib.add_agent("shop_bot");
    ib.rule("agent-any", Effect::Permit, Side::Agent, {buy, look}, always(true));
    ib.rule("user-any", Effect::Permit, Side::User, {buy, look}, always(true));
    return load_or_die(ib.im);
  }();
  return b;
}

std::shared_ptr<const Bundle> billingBundle() {
  static std::shared_ptr<const Bundle> b = load_or_die(billing_image());
  return b;
}

Outcome run(const std::shared_ptr<const Bundle>& bundle, const std::string& json,
            const std::vector<std::string>& revoke) {
  Outcome out;
  Engine engine(bundle);
  for (const std::string& a : revoke) engine.revoke(a);
  engine.set_audit_hook([&](const AuditRecord& r) { audit_json(r, &out.audit); });
  request::RequestReader reader(bundle);
  Request req(bundle);
  if (reader.read(json, req, &out.error) == request::ReadStatus::Unreadable) {
    out.unreadable = true;
    return out;
  }
  Result r = engine.decide(req);
  out.decision = to_string(r.decision);
  out.reason = to_string(r.reason);
  out.message = std::string(r.message);
  for (size_t i = 0; i < r.rule_count; ++i) out.rules.emplace_back(r.rule_id(i));
  std::sort(out.rules.begin(), out.rules.end());
  return out;
}

namespace {

// Like RFC 7386 merge patch, but a null in the patch sets null (tests of
// null values need them; tests of absent fields erase the member instead).
void merge(nlohmann::ordered_json& into, const nlohmann::ordered_json& patch) {
  if (!patch.is_object() || !into.is_object()) {
    into = patch;
    return;
  }
  for (auto it = patch.begin(); it != patch.end(); ++it) merge(into[it.key()], it.value());
}

std::string patched(const char* base, const std::string& patch) {
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(base);
  merge(j, nlohmann::ordered_json::parse(patch));
  return j.dump();
}

}  // namespace

std::string edit(std::string json, const std::string& from, const std::string& to) {
  size_t at = json.find(from);
  if (at == std::string::npos) throw std::runtime_error("edit: `" + from + "` not found");
  return json.replace(at, from.size(), to);
}

std::string kitchen(const std::string& patch) {
  static const char* kBase = R"({
    "now": "2026-11-28T14:03:00Z",
    "agent": {"id": "shop_bot", "attrs": {"model": "m-1"}},
    "user": {"id": "u1", "attrs": {"email": "a@example.com", "friends": []}},
    "action": "buy",
    "args": {
      "item": {"id": "i1", "attrs": {"price": "5.00 EUR", "color": "red", "count": 3, "active": true,
               "tags": ["x", "y"], "window": {"start": "2026-01-01T00:00:00Z", "length": "2h"},
               "owner": {"id": "u1"}}},
      "qty": 2, "budget": "10.50 EUR", "at": "2026-11-28T15:00:00+01:00", "wait": "15m", "gift": false,
      "colors": ["red", "green", "red"]
    },
    "context": {"channel": "web", "token": {"issued_at": "2026-11-28T14:00:00Z", "scopes": ["a"]}}
  })";
  return patched(kBase, patch);
}

std::string billing(const std::string& patch) {
  static const char* kBase = R"({
    "now": "2026-11-28T14:03:00Z",
    "agent": {"id": "billing_assist_07", "attrs": {"model": "m-2026"}},
    "user": {"id": "4821", "attrs": {"roles": [], "refund_limit": "100.00 EUR", "region": "EU"}},
    "action": "refund",
    "args": {
      "order": {"id": "o-1", "attrs": {"customer": {"id": "4821"}, "total": "80.00 EUR"}},
      "amount": "32.00 EUR",
      "reason": "late delivery"
    },
    "context": {"intent": "refund",
                "token": {"issued_at": "2026-11-28T14:00:00Z", "expires_at": "2026-11-28T14:10:00Z", "scopes": []}}
  })";
  return patched(kBase, patch);
}

}  // namespace agentpol::test
