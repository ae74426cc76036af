// test_decide.cpp — the decision procedure of spec 6.1/6.2: every reason
// code, which rule ids are reported in each case, fail-closed evaluation
// errors, bad requests, and schema compatibility between bundles.
#include "mini.h"

#include <agentpol/engine.h>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace agentpol;
using namespace agentpol::test;

namespace {

// Rule `id` fires when its id is in context.ss; an "err" rule then reads the
// absent optional argument `o` (an evaluation error).
CodeImage fires_when_named(ImageBuilder& b, const std::string& id, bool err) {
  CodeWriter w;
  auto done = w.label();
  w.op(Op::CONST, b.k_str(id)).op(Op::CTX, cSS).op(Op::IN);
  if (err) w.jump(Op::JFK, done).op(Op::ARG, 2).op(Op::CONST, b.k_int(0)).op(Op::EQ);
  w.bind(done).op(Op::RET);
  return w.finish();
}

BundleImage policy() {
  ImageBuilder b = mini_schema();
  uint32_t a1 = b.add_agent("a1");
  uint32_t g_exp = b.add_agent("g_exp");
  b.im.agents[g_exp].expires = 1000;  // == now: expired
  uint32_t g_later = b.add_agent("g_later");
  b.im.agents[g_later].expires = 1001;
  b.add_agent("g_scoped", {1});
  b.add_agent("g_other");
  struct R { const char* id; Effect e; Side s; bool err; };
  const R rules[] = {
      {"af1", Effect::Forbid, Side::Agent, false}, {"af2", Effect::Forbid, Side::Agent, false},
      {"ae1", Effect::Escalate, Side::Agent, false}, {"ae2", Effect::Escalate, Side::Agent, false},
      {"ap1", Effect::Permit, Side::Agent, false}, {"ap2", Effect::Permit, Side::Agent, false},
      {"uf1", Effect::Forbid, Side::User, false}, {"ue1", Effect::Escalate, Side::User, false},
      {"up1", Effect::Permit, Side::User, false}, {"up2", Effect::Permit, Side::User, false},
      {"perr", Effect::Permit, Side::Agent, true}, {"ferr", Effect::Forbid, Side::Agent, true},
      {"eerr", Effect::Escalate, Side::Agent, true}, {"uperr", Effect::Permit, Side::User, true},
      {"uferr", Effect::Forbid, Side::User, true}};
  for (const R& r : rules) {  // the "err" rules read argument `o`, which only `act` has
    std::vector<uint32_t> actions = r.err ? std::vector<uint32_t>{0} : std::vector<uint32_t>{0, 1};
    b.rule(r.id, r.e, r.s, actions, fires_when_named(b, r.id, r.err));
  }
  b.rule("named", Effect::Permit, Side::Agent, {0}, fires_when_named(b, "named", false), {a1, g_later});
  b.im.rules.back().annotations = {{"owner", "sec"}};
  return b.im;
}

struct Outcome {
  std::string decision, reason;
  std::vector<std::string> rules;
  std::string message;
};

Outcome run(const std::shared_ptr<const Bundle>& bundle, std::vector<std::string> fired, const char* agent = "a1",
            bool user = true, const std::function<void(Request&)>& tweak = {}, bool revoked = false) {
  Request req(bundle);
  mini_request(req);
  if (!user) {  // same request without the user (user-typed values dropped)
    req.reset();
    req.set_now(1000);
    req.set_agent("a1");
    req.set_action("act");
    EntityRef r = req.entity("Res", "r1");
    req.set_arg("res", Value::entity(r));
    req.set_arg("i", Value::integer(5));
    req.set_arg("s", Value::string("x"));
    Value none[1];
    req.set_context("n", Value::integer(1));
    req.set_context("s", Value::string(""));
    req.set_context("m", Value::money(0, "EUR"));
    req.set_context("d", Value::duration(0));
    req.set_context("t", Value::time(0));
    req.set_context("c", Value::enumeration("red"));
    req.set_context("is", Value::set(none, 0));
    req.set_context("es", Value::set(none, 0));
    req.set_context("b", Value::boolean(false));
  }
  req.set_agent(agent);
  std::vector<Value> names;
  for (const std::string& f : fired) names.push_back(Value::string(f));
  req.set_context("ss", Value::set(names.data(), names.size()));
  if (tweak) tweak(req);
  DecideOptions opts;
  opts.revoked = revoked;
  Result r = decide(*bundle, req, opts);
  Outcome o{to_string(r.decision), to_string(r.reason), {}, std::string(r.message)};
  for (size_t i = 0; i < r.rule_count; ++i) o.rules.emplace_back(r.rule_id(i));
  std::sort(o.rules.begin(), o.rules.end());
  return o;
}

using V = std::vector<std::string>;

#define EXPECT(o, d, r, ...)                 \
  do {                                       \
    Outcome out_ = (o);                      \
    INFO(out_.message);                      \
    CHECK(out_.decision == (d));             \
    CHECK(out_.reason == (r));               \
    CHECK(out_.rules == V(__VA_ARGS__));     \
  } while (0)

}  // namespace

TEST_CASE("agent side alone: forbid > escalate > permit > no_permit", "[decide]") {
  auto b = load_or_die(policy());
  EXPECT(run(b, {}, "a1", false), "deny", "no_permit", {});
  EXPECT(run(b, {"ap1"}, "a1", false), "allow", "permitted", {"ap1"});
  EXPECT(run(b, {"ap1", "ap2"}, "a1", false), "allow", "permitted", {"ap1", "ap2"});
  EXPECT(run(b, {"ap1", "ae1"}, "a1", false), "escalate", "escalated", {"ae1"});
  EXPECT(run(b, {"ap1", "ae1", "ae2"}, "a1", false), "escalate", "escalated", {"ae1", "ae2"});
  EXPECT(run(b, {"ap1", "ae1", "af1", "af2"}, "a1", false), "deny", "forbidden", {"af1", "af2"});
  EXPECT(run(b, {"af2"}, "a1", false), "deny", "forbidden", {"af2"});
}

TEST_CASE("named-agent rules apply to their agents only", "[decide]") {
  auto b = load_or_die(policy());
  EXPECT(run(b, {"named"}, "a1", false), "allow", "permitted", {"named"});
  EXPECT(run(b, {"named"}, "g_later", false), "allow", "permitted", {"named"});
  EXPECT(run(b, {"named"}, "g_other", false), "deny", "no_permit", {});
}

TEST_CASE("delegation: the weaker side decides, with its rules", "[decide]") {
  auto b = load_or_die(policy());
  EXPECT(run(b, {"ap1", "up1"}), "allow", "permitted", {"ap1", "up1"});
  EXPECT(run(b, {"ap1", "ap2", "up1", "up2"}), "allow", "permitted", {"ap1", "ap2", "up1", "up2"});
  EXPECT(run(b, {"ap1"}), "deny", "user_no_permit", {});
  EXPECT(run(b, {"ap1", "up1", "uf1"}), "deny", "user_forbidden", {"uf1"});
  EXPECT(run(b, {"ap1", "ue1", "up1"}), "escalate", "user_escalated", {"ue1"});
  EXPECT(run(b, {"ae1", "up1"}), "escalate", "escalated", {"ae1"});
  EXPECT(run(b, {"ae1", "ae2", "ue1"}), "escalate", "escalated", {"ae1", "ae2", "ue1"});
  EXPECT(run(b, {"ae1"}), "deny", "user_no_permit", {});
  EXPECT(run(b, {"ae1", "uf1"}), "deny", "user_forbidden", {"uf1"});
  // both sides deny: the agent side's reason and rules
  EXPECT(run(b, {"af1", "uf1"}), "deny", "forbidden", {"af1"});
  EXPECT(run(b, {"uf1"}), "deny", "no_permit", {});
  EXPECT(run(b, {"af1", "up1"}), "deny", "forbidden", {"af1"});
}

TEST_CASE("evaluation errors fail closed", "[decide]") {
  auto b = load_or_die(policy());
  EXPECT(run(b, {"perr"}, "a1", false), "deny", "no_permit", {});
  EXPECT(run(b, {"perr", "ap1"}, "a1", false), "allow", "permitted", {"ap1"});
  EXPECT(run(b, {"ferr", "ap1"}, "a1", false), "deny", "forbidden", {"ferr"});
  EXPECT(run(b, {"eerr", "ap1"}, "a1", false), "escalate", "escalated", {"eerr"});
  EXPECT(run(b, {"ap1", "uperr"}), "deny", "user_no_permit", {});
  EXPECT(run(b, {"ap1", "up1", "uferr"}), "deny", "user_forbidden", {"uferr"});
}

TEST_CASE("inventory checks: revoked, unknown, expired, out of scope", "[decide]") {
  auto b = load_or_die(policy());
  EXPECT(run(b, {"ap1"}, "a1", false, {}, true), "deny", "revoked", {});
  EXPECT(run(b, {"ap1"}, "nobody", false), "deny", "unknown_agent", {});
  EXPECT(run(b, {"ap1"}, "g_exp", false), "deny", "agent_expired", {});
  EXPECT(run(b, {"ap1"}, "g_later", false), "allow", "permitted", {"ap1"});
  EXPECT(run(b, {"ap1"}, "g_scoped", false), "deny", "out_of_scope", {});
  // order: revoked before unknown, unknown before everything else
  EXPECT(run(b, {"ap1"}, "nobody", false, {}, true), "deny", "revoked", {});
  EXPECT(run(b, {"ap1", "af1"}, "g_exp", false), "deny", "agent_expired", {});
  // in scope for `other`
  EXPECT(run(b, {"ap1"}, "g_scoped", false, [](Request& r) { r.set_action("other"); }), "allow", "permitted", {"ap1"});
}

TEST_CASE("without declared agents any agent may act", "[decide]") {
  ImageBuilder b = mini_schema();
  b.rule("p", Effect::Permit, Side::Agent, {0}, fires_when_named(b, "p", false));
  auto bundle = load_or_die(b.im);
  EXPECT(run(bundle, {"p"}, "whoever", false), "allow", "permitted", {"p"});
}

TEST_CASE("bad requests are denied with a message", "[decide]") {
  auto b = load_or_die(policy());
  auto bad = [&](const std::function<void(Request&)>& tweak, const char* fragment) {
    Outcome o = run(b, {"ap1", "up1"}, "a1", true, tweak);
    INFO("message: " << o.message);
    CHECK(o.decision == "deny");
    CHECK(o.reason == "bad_request");
    CHECK(o.rules.empty());
    CHECK(o.message.find(fragment) != std::string::npos);
  };
  auto fresh = [](Request& r, bool now, bool agent, bool action) {
    r.reset();
    if (now) r.set_now(1);
    if (agent) r.set_agent("a1");
    if (action) r.set_action("other");
  };
  bad([&](Request& r) { fresh(r, false, true, true); }, "now");
  bad([&](Request& r) { fresh(r, true, false, true); }, "agent");
  bad([&](Request& r) { fresh(r, true, true, false); }, "action");
  bad([&](Request& r) { fresh(r, true, true, true); }, "context field `n`");
  bad([](Request& r) { r.set_action("delete_everything"); }, "unknown action `delete_everything`");
  bad([](Request& r) { r.set_arg("i", Value::null()); }, "argument `i`");
  bad([](Request& r) { r.set_arg("nope", Value::integer(1)); }, "unknown argument `nope`");
  bad([](Request& r) { r.set_arg("i", Value::string("5")); }, "expected Int, got String");
  bad([](Request& r) { r.set_context("m", Value::money(5, "USD")); }, "Money in USD");
  bad([](Request& r) { r.set_context("c", Value::enumeration("purple")); }, "unknown Color value `purple`");
  bad([](Request& r) { r.set_context("zz", Value::integer(1)); }, "unknown context field `zz`");
  bad([](Request& r) { r.set_attr(r.entity("User", "u2"), "nickname", Value::string("x")); }, "unknown attribute `nickname`");
  bad([](Request& r) { r.set_attr(r.entity("User", "u2"), "name", Value::string("Bo")); }, "missing attribute `tags` of User `u2`");
  bad([](Request& r) { r.set_arg("res", Value::entity(r.entity("User", "u2"))); }, "expected an entity of type Res");
  bad([](Request& r) { r.entity("Nope", "x"); }, "unknown entity type `Nope`");
  bad([](Request& r) {
    EntityRef u = r.entity("User", "u1");
    r.begin_attrs(u);
    r.set_attr(u, "name", Value::string("Someone else"));
    Value tags[] = {Value::string("y"), Value::string("x")};
    r.set_attr(u, "tags", Value::set(tags, 2));
    r.end_attrs(u);
  }, "two different values of `name`");
  // bad_request comes before the kill switch
  Outcome o = run(b, {"ap1"}, "a1", false, [](Request& r) { r.set_context("n", Value::null()); }, true);
  CHECK(o.reason == "bad_request");
}

TEST_CASE("the same entity given twice with equal attributes is fine", "[decide]") {
  auto b = load_or_die(policy());
  Outcome o = run(b, {"ap1", "up1"}, "a1", true, [](Request& r) {
    EntityRef u = r.entity("User", "u1");
    r.begin_attrs(u);
    r.set_attr(u, "name", Value::string("Ann"));
    Value tags[] = {Value::string("y"), Value::string("x"), Value::string("x")};  // same set
    r.set_attr(u, "tags", Value::set(tags, 3));
    r.end_attrs(u);
  });
  CHECK(o.decision == "allow");
  CHECK(o.message.empty());
}

TEST_CASE("requests move between bundles of the same schema only", "[decide]") {
  auto b1 = load_or_die(policy());
  BundleImage changed_rules = policy();
  changed_rules.rules[4].bodies = {{1, changed_rules.rules[4].bodies[1].code}};  // ap1 only for `other`
  auto b2 = load_or_die(changed_rules);
  BundleImage changed_schema = policy();
  changed_schema.context.push_back(slot("extra", Type::integer()));
  auto b3 = load_or_die(changed_schema);
  REQUIRE(b1->schema_hash() == b2->schema_hash());
  REQUIRE(b1->schema_hash() != b3->schema_hash());
  Request req(b1);
  mini_request(req);
  Value ap1[] = {Value::string("ap1"), Value::string("up1")};
  req.set_context("ss", Value::set(ap1, 2));
  CHECK(decide(*b1, req).decision == Decision::Allow);
  Result r2 = decide(*b2, req);
  CHECK(r2.reason == Reason::NoPermit);
  Result r3 = decide(*b3, req);
  CHECK(r3.reason == Reason::BadRequest);
  CHECK(std::string(r3.message).find("schema") != std::string::npos);
}

TEST_CASE("a policy without an Agent entity type still identifies agents", "[decide]") {
  ImageBuilder b = mini_schema();
  b.im.agent_type.reset();
  b.add_agent("bot");
  b.rule("p", Effect::Permit, Side::Agent, {1}, always(true));
  auto bundle = load_or_die(b.im);
  Request req(bundle);
  req.set_now(0);
  req.set_agent("bot");
  req.set_action("other");
  Value none[1];
  for (const char* f : {"ss", "is", "es"}) req.set_context(f, Value::set(none, 0));
  req.set_context("n", Value::integer(1));
  req.set_context("s", Value::string(""));
  req.set_context("m", Value::money(0, "EUR"));
  req.set_context("d", Value::duration(0));
  req.set_context("t", Value::time(0));
  req.set_context("c", Value::enumeration("red"));
  req.set_context("b", Value::boolean(false));
  Result r = decide(*bundle, req);
  INFO(std::string(r.message));
  CHECK(r.decision == Decision::Allow);
  req.set_agent("other_bot");
  CHECK(decide(*bundle, req).reason == Reason::UnknownAgent);
}
