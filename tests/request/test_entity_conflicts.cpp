// test_entity_conflicts.cpp — spec 6.2: one entity given twice with two
// different sets of attribute values is a bad request, wherever the two
// copies stand. Every ordered pair of places an entity can appear (the
// `user` or `agent`, an argument, a nested attribute, `entities`), an entity
// inside its own attributes, same values accepted, `null` equal to absent.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fixture.h"
#include "image_builder.h"

using namespace agentpol;
using namespace agentpol::test;
using nlohmann::json;

namespace {

// User {email, nick?, manager?: User}, Agent {model, nick?, peer?: Agent},
// Doc {owner: User, bot: Agent}; action act(u, u2: User, a, a2: Agent, d: Doc);
// every request is allowed unless it is a bad request.
std::shared_ptr<const Bundle> conflictBundle() {
  static std::shared_ptr<const Bundle> b = [] {
    ImageBuilder ib;
    uint32_t user = ib.add_entity("User", {});
    uint32_t agent = ib.add_entity("Agent", {});
    ib.im.entity_types[user].attrs = {slot("email", Type::string()), opt("nick", Type::string()),
                                      opt("manager", Type::entity(user))};
    ib.im.entity_types[agent].attrs = {slot("model", Type::string()), opt("nick", Type::string()),
                                       opt("peer", Type::entity(agent))};
    uint32_t doc = ib.add_entity("Doc", {slot("owner", Type::entity(user)), slot("bot", Type::entity(agent))});
    ib.im.user_type = user;
    ib.im.agent_type = agent;
    uint32_t act = ib.add_action("act", {slot("u", Type::entity(user)), slot("u2", Type::entity(user)),
                                         slot("a", Type::entity(agent)), slot("a2", Type::entity(agent)),
                                         slot("d", Type::entity(doc))});
    ib.add_agent("bot");
    ib.rule("agent-any", Effect::Permit, Side::Agent, {act}, always(true));
    ib.rule("user-any", Effect::Permit, Side::User, {act}, always(true));
    return load_or_die(ib.im);
  }();
  return b;
}

// Every place stands for the other entities by reference.
json baseRequest() {
  return json::parse(R"({
    "now": "2026-11-28T14:03:00Z",
    "agent": {"id": "bot"},
    "user": {"id": "other-user"},
    "action": "act",
    "args": {"u": {"id": "other-user"}, "u2": {"id": "other-user"}, "a": {"id": "other-agent"},
             "a2": {"id": "other-agent"},
             "d": {"id": "d1", "attrs": {"owner": {"id": "other-user"}, "bot": {"id": "other-agent"}}}}
  })");
}

// Puts `value` (an entity {"id", "attrs"}) of `type` at `place`.
void put(json& r, const std::string& type, const std::string& place, const json& value) {
  bool user = type == "User";
  if (place == "subject") r[user ? "user" : "agent"] = value;
  else if (place == "arg") r["args"][user ? "u" : "a"] = value;
  else if (place == "arg2") r["args"][user ? "u2" : "a2"] = value;
  else if (place == "nested") r["args"]["d"]["attrs"][user ? "owner" : "bot"] = value;
  else {  // entities
    json e = value;
    e["type"] = type;
    r["entities"].push_back(e);
  }
}

struct Copies {
  std::string type, id;
  json withNick, withoutNick, withNullNick;
};

Copies copiesOf(const std::string& type) {
  std::string id = type == "User" ? "u1" : "bot";
  std::string req = type == "User" ? "email" : "model";
  Copies c{type, id, {}, {}, {}};
  c.withoutNick = {{"id", id}, {"attrs", {{req, "x"}}}};
  c.withNick = {{"id", id}, {"attrs", {{req, "x"}, {"nick", "al"}}}};
  c.withNullNick = {{"id", id}, {"attrs", {{req, "x"}, {"nick", nullptr}}}};
  return c;
}

Outcome twice(const Copies& c, const std::string& first, const json& a, const std::string& second, const json& b) {
  json r = baseRequest();
  put(r, c.type, first, a);
  put(r, c.type, second, b);
  return run(conflictBundle(), r.dump());
}

const char* const kPlaces[] = {"subject", "arg", "arg2", "nested", "entities"};

}  // namespace

TEST_CASE("conflicts: an optional attribute present in one copy and absent in the other, every pair of places",
          "[entities][conflicts]") {
  for (const char* type : {"User", "Agent"}) {
    Copies c = copiesOf(type);
    for (const char* p : kPlaces) {
      for (const char* q : kPlaces) {
        if (std::string(p) == q && std::string(p) != "entities") continue;  // one place holds one copy
        for (bool nickFirst : {true, false}) {
          Outcome o = twice(c, p, nickFirst ? c.withNick : c.withoutNick, q, nickFirst ? c.withoutNick : c.withNick);
          INFO(type << ": " << p << " then " << q << (nickFirst ? ", nick first" : ", nick second") << ": "
                    << o.decision << "/" << o.reason << " " << o.message);
          CHECK(o.decision == "deny");
          CHECK(o.reason == "bad_request");
          CHECK(o.message.find("entity " + c.type + " `" + c.id + "` is given with two different values of `nick`") !=
                std::string::npos);
        }
      }
    }
  }
}

TEST_CASE("conflicts: the same values in two places are one entity, null equals absent", "[entities][conflicts]") {
  for (const char* type : {"User", "Agent"}) {
    Copies c = copiesOf(type);
    for (const char* p : kPlaces) {
      for (const char* q : kPlaces) {
        if (std::string(p) == q && std::string(p) != "entities") continue;
        for (const json* second : {&c.withoutNick, &c.withNullNick}) {
          Outcome o = twice(c, p, c.withNullNick, q, *second);
          INFO(type << ": " << p << " then " << q << ": " << o.decision << "/" << o.reason << " " << o.message);
          CHECK(o.decision == "allow");
          CHECK(o.message.empty());
        }
        Outcome o = twice(c, p, c.withNick, q, c.withNick);
        INFO(type << ": " << p << " then " << q << " both with nick: " << o.message);
        CHECK(o.decision == "allow");
      }
    }
  }
}

TEST_CASE("conflicts: an entity inside its own attributes", "[entities][conflicts]") {
  auto self = [](const json& inner) {
    json r = baseRequest();
    r["user"] = {{"id", "u1"}, {"attrs", {{"email", "x"}, {"manager", inner}}}};
    return run(conflictBundle(), r.dump());
  };
  // A user who is their own manager, given once with and once without attributes.
  Outcome o = self({{"id", "u1"}});
  CHECK(o.decision == "allow");
  CHECK(o.message.empty());
  // The inner copy lacks `manager` (absent), the outer has it: different.
  o = self({{"id", "u1"}, {"attrs", {{"email", "x"}}}});
  CHECK(o.reason == "bad_request");
  CHECK(o.message == "user: entity User `u1` is given with two different values of `manager`");
  // The inner copy gives the same values (its manager a reference to itself).
  o = self({{"id", "u1"}, {"attrs", {{"email", "x"}, {"manager", {{"id", "u1"}}}}}});
  CHECK(o.message.empty());
  CHECK(o.decision == "allow");
  // Another email inside: different.
  o = self({{"id", "u1"}, {"attrs", {{"email", "y"}, {"manager", {{"id", "u1"}}}}}});
  CHECK(o.reason == "bad_request");
  CHECK(o.message.find("two different values of `email`") != std::string::npos);
  // Three levels: u1 -> u2 -> u1 again, the innermost copy of u1 without `manager`.
  o = self({{"id", "u2"}, {"attrs", {{"email", "z"}, {"manager", {{"id", "u1"}, {"attrs", {{"email", "x"}}}}}}}});
  CHECK(o.reason == "bad_request");
  CHECK(o.message.find("entity User `u1` is given with two different values of `manager`") != std::string::npos);
  // And the same three levels with agreeing copies.
  o = self({{"id", "u2"}, {"attrs", {{"email", "z"}, {"manager", {{"id", "u1"}, {"attrs", {{"email", "x"},
      {"manager", {{"id", "u2"}}}}}}}}}});
  CHECK(o.message.empty());
  CHECK(o.decision == "allow");
}

TEST_CASE("conflicts: an agent that is its own peer", "[entities][conflicts]") {
  json r = baseRequest();
  r["agent"] = {{"id", "bot"}, {"attrs", {{"model", "m"}, {"peer", {{"id", "bot"}, {"attrs", {{"model", "m"}}}}}}}};
  Outcome o = run(conflictBundle(), r.dump());
  CHECK(o.reason == "bad_request");
  CHECK(o.message == "agent: entity Agent `bot` is given with two different values of `peer`");
}
