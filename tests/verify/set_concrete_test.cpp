// set_concrete_test.cpp — concrete decisions of the Z3 encoding on a policy
// whose conditions and reporting rules hang on sets (Z3 models may leave set
// terms unreduced, so every value must be asked of the solver): `in` on
// Set<String>/Set<Entity>/Set<Enum>/Set<Int>, literals `x in [A, B]` (with
// computed elements), containsAll/containsAny/isEmpty, set ==/!=, sets in
// records, entity attributes and `has`-guarded optional attributes, empty
// sets. Hand-written and seeded random requests are decided by the VM and by
// ConcreteEvaluator: same decision, reason and reporting rules, always
// determined; the hand-written ones also through decideBoth (source and
// bytecode). Also: the forced-value helper on open and set-valued terms.
// Regression, honestly: the old ConcreteEvaluator (bare model evaluation)
// also passes the source part on Z3 4.8.12 — each rule's match is a named
// Bool (ActionModel's matchVar), so its model value is the solver's own
// assignment; ~1500 instrumented requests gave no non-literal read. The
// bytecode part is where it bites: evaluating a compound set term in the
// model (`doc.groups.containsAny(user.groups)`, rule p-grp) gave the wrong
// literal on 2 hand-written requests, so a reader trusting model values
// fails here (an intermediate version of this change did); the old
// decideBoth read probe constants and passed. ForcedValues proves every
// value and reads again from the solver alone when the model misreads.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "request/request_reader.h"
#include "request_gen.h"
#include "verify/bytecode/bundle_session.h"
#include "verify/bytecode/concrete_outcome.h"
#include "verify/concrete_request.h"
#include "verify/forced_value.h"
#include "verify/session.h"
#include "verify_util.h"

using namespace agentpol;
using json = nlohmann::json;

namespace {

const char* kSetPolicy = R"(
namespace sets_heavy;
enum Tier { bronze, silver, gold }
entity Agent { skills: Set<String> }
entity User  { roles: Set<String>, groups: Set<Group>, extra?: Set<String>, boss?: User }
entity Group { tags: Set<String> }
entity Doc   { owner: User, labels: Set<String>, readers: Set<User>, groups: Set<Group>, secret?: Set<String> }
record Grant { scopes: Set<String>, tiers: Set<Tier>, holders: Set<User>, note?: Set<String> }

action read(doc: Doc)  { grant: Grant, tags: Set<String>, tier: Tier, picks: Set<Int> }
action write(doc: Doc) { grant: Grant, tags: Set<String> }
context { flags: Set<String>, grant?: Grant, zones: Set<Int> }

agent a1 { owner: "o", purpose: "p", may: [read, write] }
agent a2 { owner: "o", purpose: "p" }

@id("p-in-lit") permit agent * to read when tier in [Tier.silver, Tier.gold] && "r" in grant.scopes;
@id("p-all") permit agent * to read when grant.scopes.containsAll(tags) && !tags.isEmpty();
@id("p-any") permit agent a1 to [read, write] when tags.containsAny(doc.labels);
@id("p-eq") permit agent * to read when tags == doc.labels;
@id("p-ent") permit agent * to read when has user && user in doc.readers;
@id("p-grp") permit agent * to read when has user && doc.groups.containsAny(user.groups);
@id("p-opt") permit agent * to read when doc has secret && doc.secret.containsAll(tags);
@id("p-ctx") permit agent * to [read, write] when context has grant && context.grant.tiers.contains(Tier.gold)
  && context.grant.holders.containsAll(grant.holders);
@id("p-int") permit agent * to read when picks.containsAny(context.zones) && 3 in picks;
@id("p-empty") permit agent * to write when tags.containsAll([]) && grant.scopes != [];
@id("p-note") permit agent a2 to write when grant has note && grant.note == tags;
@id("e-skill") escalate agent * to [read, write] when agent.skills.containsAny(["risky", "admin"]);
@id("e-flag") escalate agent * to read when "review" in context.flags && !grant.tiers.isEmpty();
@id("f-secret") forbid agent * to [read, write] when doc has secret && doc.secret.containsAny(context.flags);
@id("f-owner") forbid agent * to write when [doc.owner].containsAny(grant.holders) && !("owner-ok" in tags);
@id("u-role") permit user to [read, write] when user.roles.containsAny(grant.scopes);
@id("u-grp") permit user to read when user.groups.containsAny(doc.groups) && doc.owner in grant.holders;
@id("u-esc") escalate user to [read, write] when user has extra && user.extra.contains("esc");
@id("u-boss") escalate user to write when user has boss && user.boss in doc.readers;
@id("u-forbid") forbid user to write when user.roles.isEmpty() && [user, doc.owner] != grant.holders;
)";

// Each request costs the solver about 0.1 s on this policy (set
// extensionality), so fewer than the differential test's 2000.
constexpr int kRandomRequests = 400;

json user(const std::string& id, json roles, json groups, json extra = nullptr, json boss = nullptr) {
  json attrs{{"roles", roles}, {"groups", groups}};
  if (!extra.is_null()) attrs["extra"] = extra;
  if (!boss.is_null()) attrs["boss"] = boss;
  return {{"id", id}, {"attrs", attrs}};
}

json doc(json owner, json labels, json readers, json groups, json secret = nullptr) {
  json attrs{{"owner", owner}, {"labels", labels}, {"readers", readers}, {"groups", groups}};
  if (!secret.is_null()) attrs["secret"] = secret;
  return {{"id", "d1"}, {"attrs", attrs}};
}

json grant(json scopes, json tiers, json holders, json note = nullptr) {
  json g{{"scopes", scopes}, {"tiers", tiers}, {"holders", holders}};
  if (!note.is_null()) g["note"] = note;
  return g;
}

json request(const std::string& action, const std::string& agent, json skills, json usr, json args, json ctx) {
  json r{{"now", "2026-11-28T12:00:00Z"},
         {"agent", {{"id", agent}, {"attrs", {{"skills", skills}}}}},
         {"action", action},
         {"args", args},
         {"context", ctx},
         {"entities", json::array({{{"type", "Group"}, {"id", "g1"}, {"attrs", {{"tags", {"t"}}}}},
                                   {{"type", "Group"}, {"id", "g2"}, {"attrs", {{"tags", json::array()}}}}})}};
  if (!usr.is_null()) r["user"] = usr;
  return r;
}

// Requests aimed at each rule, alone and in combination (reporting of
// several rules of one side, user side consulted or not, empty sets).
std::vector<json> handWritten() {
  json E = json::array();
  json g1 = {{"id", "g1"}}, g2 = {{"id", "g2"}};
  // A set holding one json value is spelled json::array({v}): `{v}` alone
  // is a copy of v under one compiler and a one-element array under another.
  json u1 = user("u1", {"r", "w"}, json::array({g1})), u2 = user("u2", E, E);
  json u3 = user("u3", {"x"}, json::array({g2}), {"esc"}, {{"id", "u1"}});
  json ctx = {{"flags", E}, {"zones", E}};
  json ctxG = {{"flags", {"review", "s"}}, {"zones", {1, 3}}, {"grant", grant(E, {"gold"}, {{{"id", "u1"}}})}};
  std::vector<json> out;
  auto read = [&](std::string agent, json skills, json usr, json d, json g, json tags, std::string tier, json picks,
                  json c) {
    out.push_back(request("read", agent, skills, usr,
                          {{"doc", d}, {"grant", g}, {"tags", tags}, {"tier", tier}, {"picks", picks}}, c));
  };
  auto write = [&](std::string agent, json skills, json usr, json d, json g, json tags, json c) {
    out.push_back(request("write", agent, skills, usr, {{"doc", d}, {"grant", g}, {"tags", tags}}, c));
  };
  json dPlain = doc(u1, {"a", "b"}, {{{"id", "u1"}}}, json::array({g1}));
  json dEmpty = doc(u2, E, E, E);
  json dSecret = doc(u1, {"a"}, E, json::array({g2}), {"a", "s"});
  // read: the agent side alone, every permit in turn and all at once
  read("a1", E, nullptr, dEmpty, grant(E, E, E), E, "bronze", E, ctx);
  read("a1", E, nullptr, dEmpty, grant({"r"}, E, E), E, "gold", E, ctx);
  read("a2", E, nullptr, dPlain, grant({"r", "a", "b"}, {"silver"}, E), {"a", "b"}, "silver", {3}, ctxG);
  read("a1", E, u1, dPlain, grant({"r"}, E, {{{"id", "u1"}}}), {"a"}, "bronze", {2}, ctx);
  read("a1", E, u1, dSecret, grant({"a"}, E, E), {"a"}, "gold", {3, 1}, ctxG);
  read("a1", E, u3, dSecret, grant({"x"}, E, E), E, "silver", {3}, ctx);
  read("a2", E, u2, dEmpty, grant(E, {"bronze"}, E), E, "bronze", E, ctxG);
  read("a1", {"risky"}, u1, dPlain, grant({"r"}, {"gold"}, {{{"id", "u1"}}}), {"b"}, "gold", {3}, ctxG);
  read("a1", {"admin", "x"}, u3, dPlain, grant({"x", "r"}, E, E), {"a", "b"}, "gold", E, ctx);
  read("zz", E, nullptr, dPlain, grant({"r"}, E, E), E, "gold", E, ctx);
  // write: forbids from a set literal with a computed element, user side
  write("a1", E, nullptr, dPlain, grant({"r"}, E, {{{"id", "u1"}}}), E, ctx);
  write("a1", E, nullptr, dPlain, grant({"r"}, E, {{{"id", "u1"}}}), {"owner-ok"}, ctx);
  write("a2", E, u2, dEmpty, grant({"n"}, E, E, {"k"}), {"k"}, ctx);
  write("a2", E, u2, dEmpty, grant(E, E, {{{"id", "u2"}}}, E), E, ctxG);
  write("a1", E, u3, dPlain, grant({"x"}, E, E), {"a"}, ctx);
  write("a1", {"risky"}, u3, dPlain, grant({"x"}, E, E), {"a"}, ctx);
  write("a1", {"risky"}, u1, dSecret, grant({"r"}, {"gold"}, E), E, ctxG);
  write("a2", E, u1, dSecret, grant({"r"}, {"gold"}, E, E), E, ctx);
  return out;
}

struct Outcome {
  std::string decision, reason;
  std::vector<std::string> rules;
};

Outcome vmDecide(std::shared_ptr<const Bundle> bundle, const json& j) {
  request::RequestReader reader(bundle);
  Request req(bundle);
  std::string error;
  if (reader.read(j.dump(), req, &error) != request::ReadStatus::Ok) throw std::runtime_error(error);
  Result r = decide(*bundle, req);
  Outcome out{to_string(r.decision), to_string(r.reason), {}};
  for (size_t k = 0; k < r.rule_count; ++k) out.rules.emplace_back(r.rule_id(k));
  std::sort(out.rules.begin(), out.rules.end());
  return out;
}

std::string show(const std::vector<std::string>& rules) {
  std::string s;
  for (const std::string& r : rules) s += r + " ";
  return s;
}

// Compares one request; returns false (with a failed check) on a difference.
bool agree(verify::ConcreteEvaluator& ev, const Outcome& vm, const json& j) {
  verify::ConcreteDecision z = ev.decide(j);
  bool same = z.determined && z.decision == vm.decision && z.reason == vm.reason && z.rules == vm.rules;
  if (!same)
    FAIL_CHECK("request " << j.dump() << "\n  vm: " << vm.decision << "/" << vm.reason << " [" << show(vm.rules)
                          << "]\n  z3: " << (z.determined ? "" : "(not determined) ") << z.decision << "/" << z.reason
                          << " [" << show(z.rules) << "] " << z.error);
  return same;
}

}  // namespace

TEST_CASE("set-heavy policy: the encoding decides like the VM, every value forced", "[verify][sets]") {
  auto p = vtest::load(kSetPolicy);
  const sema::CheckedPolicy& policy = *p->policy;
  std::shared_ptr<const Bundle> bundle = test::compileAndLoad(policy);
  verify::VerifyOptions o;
  verify::Session session(policy, o);
  std::map<std::string, std::unique_ptr<verify::ConcreteEvaluator>> evals;
  auto evaluator = [&](const std::string& action) -> verify::ConcreteEvaluator& {
    auto& ev = evals[action];
    for (uint32_t a = 0; !ev && a < policy.schema.actions.size(); ++a)
      if (policy.schema.actions[a].name == action) ev = std::make_unique<verify::ConcreteEvaluator>(session.model(a));
    return *ev;
  };
  std::set<std::string> reported;  // rule ids the VM reported at least once
  std::set<std::string> decisions;

  SECTION("hand-written requests") {
    int mismatches = 0;
    for (const json& j : handWritten()) {
      Outcome vm = vmDecide(bundle, j);
      for (const std::string& r : vm.rules) reported.insert(r);
      decisions.insert(vm.decision + "/" + vm.reason);
      if (!agree(evaluator(j["action"]), vm, j)) ++mismatches;
    }
    CHECK(mismatches == 0);
    INFO("reasons seen: " << show({decisions.begin(), decisions.end()}));
    for (const char* r : {"permitted", "escalated", "user_escalated", "forbidden", "user_forbidden"}) {
      bool seen = false;
      for (const std::string& d : decisions) seen = seen || d.find(std::string("/") + r) != std::string::npos;
      CHECK(seen);
    }
  }

  SECTION("seeded random requests") {
    ref::RequestGenerator gen(policy, 20261128);
    int compared = 0, mismatches = 0;
    for (int i = 0; i < kRandomRequests && mismatches < 5; ++i) {
      ref::Request r = gen.next();
      json j;
      if (r.revoked || !vtest::toJson(policy, r, j)) continue;
      Outcome vm = vmDecide(bundle, j);
      if (vm.reason == "bad_request") continue;
      for (const std::string& id : vm.rules) reported.insert(id);
      ++compared;
      if (!agree(evaluator(j["action"]), vm, j)) ++mismatches;
    }
    CHECK(mismatches == 0);
    CHECK(compared > kRandomRequests / 2);
    // Every rule was reported by the VM on some request, so each rule's hit
    // (and the user side's decision) was read back and compared.
    for (const sema::CheckedRule& r : policy.rules) {
      INFO("rule " << r.id << " never reported");
      CHECK(reported.count(r.id) == 1);
    }
  }
}

TEST_CASE("set-heavy policy: source and bytecode decided on a request (decideBoth) like the VM", "[verify][sets]") {
  auto p = vtest::load(kSetPolicy);
  const sema::CheckedPolicy& policy = *p->policy;
  std::shared_ptr<const Bundle> bundle = test::compileAndLoad(policy);
  verify::VerifyOptions o;
  verify::Session session(policy, o);
  verify::bytecode::BundleSession bytecode(session, bundle);
  REQUIRE(bytecode.matches());
  for (const json& j : handWritten()) {
    uint32_t a = 0;
    while (policy.schema.actions[a].name != j["action"]) ++a;
    Outcome vm = vmDecide(bundle, j);
    verify::bytecode::BothDecisions both = verify::bytecode::decideBoth(session.model(a), bytecode.model(a), j, 10000);
    INFO("request " << j.dump() << "\n  vm: " << vm.decision << "/" << vm.reason << " " << both.error);
    REQUIRE(both.determined);
    CHECK(both.error.empty());
    CHECK(both.source == vm.decision + "/" + vm.reason);
    CHECK(both.bytecode == both.source);
    for (const verify::bytecode::RuleOutcome& r : both.rules) {
      INFO("rule " << r.id);
      CHECK(r.source == r.bytecode);
      if (std::count(vm.rules.begin(), vm.rules.end(), r.id)) CHECK(r.source == 1);
    }
  }
}

TEST_CASE("forced values: set terms read through the solver, open terms named", "[verify][sets]") {
  z3::context c;
  z3::sort ints = c.int_sort();
  z3::expr a = c.constant("a", c.array_sort(ints, c.bool_sort()));
  z3::expr b = c.constant("b", c.array_sort(ints, c.bool_sort()));
  z3::expr x = c.int_const("x");
  z3::expr empty = z3::const_array(ints, c.bool_val(false));
  z3::solver s(c);
  s.add(a == z3::store(z3::store(empty, 1, c.bool_val(true)), 2, c.bool_val(true)));
  s.add(b == z3::store(empty, 2, c.bool_val(true)));
  std::string error;
  std::vector<std::optional<int64_t>> got;
  auto readSets = [&](verify::ForcedValues& f) {
    got.clear();
    got.push_back(f.boolean(z3::set_subset(b, a), "b ⊆ a"));
    got.push_back(f.boolean(z3::set_subset(a, b), "a ⊆ b"));
    got.push_back(f.boolean(z3::set_member(x, z3::set_intersect(a, b)), "x ∈ a ∩ b"));
    got.push_back(f.boolean(z3::set_union(a, b) == a, "a ∪ b = a"));
    got.push_back(f.integer(z3::ite(z3::set_member(x, a), c.int_val(2), c.int_val(1)), "x ∈ a ? 2 : 1", 0, 3));
  };

  SECTION("set operations on pinned sets are forced, with or without a model") {
    s.add(x == 1);
    std::vector<std::optional<int64_t>> expect{1, 0, 0, 1, 2};
    CHECK(verify::readForced(s, readSets, error));
    CHECK(error.empty());
    CHECK(got == expect);
    verify::ForcedValues solverOnly(s, std::nullopt);
    readSets(solverOnly);
    CHECK(solverOnly.confirm());
    CHECK(got == expect);
  }

  SECTION("a term the assertions leave open is not forced, and is named") {
    s.add(x >= 1 && x <= 2);
    auto readOpen = [&](verify::ForcedValues& f) {
      f.boolean(z3::set_member(x, a), "x ∈ a");
      f.boolean(z3::set_member(x, b), "x ∈ b");
    };
    CHECK_FALSE(verify::readForced(s, readOpen, error));
    CHECK(error == "the encoding leaves x ∈ b open");
    verify::ForcedValues solverOnly(s, std::nullopt);
    readOpen(solverOnly);
    CHECK_FALSE(solverOnly.confirm());
    CHECK(solverOnly.error() == "the encoding leaves x ∈ b open");
  }

  SECTION("a value the model misreads is read again from the solver") {
    s.add(x == 2);
    z3::model wrong = [&] {  // a model of other assertions: x = 1
      z3::solver t(c);
      t.add(x == 1);
      REQUIRE(t.check() == z3::sat);
      return t.get_model();
    }();
    verify::ForcedValues f(s, wrong);
    CHECK(f.integer(x, "x", 0, 3) == 1);
    CHECK_FALSE(f.confirm());
    CHECK(f.misread());
    CHECK(f.error() == "the model misread x");
  }

  SECTION("an Int outside its range, an unsatisfiable request") {
    s.add(x == 7);
    CHECK_FALSE(verify::readForced(s, [&](verify::ForcedValues& f) { f.integer(x, "x", 0, 3); }, error));
    CHECK(error == "x has no possible value in its range");
    s.add(x == 8);
    CHECK_FALSE(verify::readForced(s, [&](verify::ForcedValues&) {}, error));
    CHECK(error == "the pinned request is not satisfiable");
  }
}
