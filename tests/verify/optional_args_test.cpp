// optional_args_test.cpp — optional action arguments in the Z3 encoding: each
// one is a free presence bit (`arg.NAME?`). Asserts that hang on presence
// are proved or violated, counterexamples leave absent arguments out and
// replay on the runtime VM; the bytecode proofs hold; diff compares presence
// and treats a change of optionality as a changed signature.
#include <catch2/catch.hpp>

#include "verify/bytecode/translation_validation.h"
#include "verify/diff.h"
#include "verify/verifier.h"
#include "verify_util.h"

using namespace agentpol;
using json = nlohmann::json;

namespace {

const char* kSchema = R"(
namespace t;
entity User { name: String }
entity Agent {}
entity File { owner: User }
record Span { start: Int, end?: Int }
action read_text_file(file: File) { path: String, head?: Int, span?: Span }
agent fs_bot { owner: "t", purpose: "p", reviewed: 2026-11-01 }
@id("user-owns") permit user to read_text_file when file.owner == user;
)";

std::string policy(const std::string& rules) { return std::string(kSchema) + rules; }

verify::VerifyReport run(const test::LoadedPolicy& p) {
  verify::VerifyOptions o;
  o.today = 1795824000;
  return verify::verifyPolicy(*p.policy, o);
}

const verify::CheckResult& assertNamed(const verify::VerifyReport& r, const std::string& name) {
  for (const verify::CheckResult& c : r.checks)
    if (c.kind == "assert" && c.name == name) return c;
  FAIL("no assert " << name);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("an assert about presence: violated by a request without the argument", "[verify][optional-args]") {
  auto p = vtest::load(policy(R"(
@id("small-head") permit agent fs_bot to read_text_file when !has head || head <= 100;
assert needs_head: for read_text_file: allowed => has head;
assert bounded: for read_text_file: allowed && has head => head <= 100;
assert tiny: for read_text_file: allowed && has head => head <= 10;
)"));
  REQUIRE(p->policy);
  verify::VerifyReport r = run(*p);

  const verify::CheckResult& needs = assertNamed(r, "needs_head");
  CHECK(needs.status == verify::Status::Violated);
  REQUIRE(needs.counterexample);
  CHECK(needs.confirmed);
  const json& ce = *needs.counterexample;
  CHECK_FALSE(ce["args"].contains("head"));  // absent: left out of the JSON
  vtest::Replayed d = vtest::replay(*p->policy, ce);
  CHECK(d.decision == "allow");

  const verify::CheckResult& bounded = assertNamed(r, "bounded");
  CHECK(bounded.status == verify::Status::Proved);
  CHECK(bounded.rules == std::vector<std::string>{"small-head"});

  const verify::CheckResult& tiny = assertNamed(r, "tiny");
  CHECK(tiny.status == verify::Status::Violated);
  REQUIRE(tiny.counterexample);
  CHECK(tiny.confirmed);
  const json& t = *tiny.counterexample;
  REQUIRE(t["args"].contains("head"));
  CHECK(t["args"]["head"].get<int64_t>() > 10);
  CHECK(t["args"]["head"].get<int64_t>() <= 100);
  CHECK(vtest::replay(*p->policy, t).decision == "allow");
}

TEST_CASE("an assert about presence: proved when every permit needs the argument", "[verify][optional-args]") {
  auto p = vtest::load(policy(R"(
@id("head-only") permit agent fs_bot to read_text_file when has head && head <= 100;
@id("span-window") permit agent fs_bot to read_text_file when has span && span has end && span.end - span.start <= 10;
assert needs_one: for read_text_file: allowed => has head || has span;
assert span_short: for read_text_file: allowed && !has head && has span => span has end && span.end - span.start <= 10;
assert never_span: for read_text_file: allowed => !has span;
)"));
  REQUIRE(p->policy);
  verify::VerifyReport r = run(*p);
  CHECK(assertNamed(r, "needs_one").status == verify::Status::Proved);
  CHECK(assertNamed(r, "span_short").status == verify::Status::Proved);
  const verify::CheckResult& never = assertNamed(r, "never_span");
  CHECK(never.status == verify::Status::Violated);
  REQUIRE(never.counterexample);
  CHECK(never.confirmed);
  const json& ce = *never.counterexample;
  REQUIRE(ce["args"].contains("span"));
  CHECK(ce["args"]["span"].contains("start"));
  CHECK(ce["args"]["span"].contains("end"));
  CHECK(vtest::replay(*p->policy, ce).decision == "allow");
  // The built-in checks see the presence bits too: no rule is dead.
  for (const verify::CheckResult& c : r.checks)
    if (c.kind == "dead-rule") CHECK(c.status == verify::Status::Proved);
}

TEST_CASE("bytecode: translation validation and delegation hold with optional arguments", "[verify][optional-args]") {
  auto p = vtest::load(policy(R"(
@id("small-head") permit agent fs_bot to read_text_file when !has head || head <= 100;
@id("span") escalate agent fs_bot to read_text_file when has span && (span has end || span.start > 5);
)"));
  REQUIRE(p->policy);
  std::shared_ptr<const Bundle> bundle = test::compileAndLoad(*p->policy);
  verify::bytecode::TranslationResult tv = verify::bytecode::validateTranslation(*p->policy, bundle, 10000);
  INFO(tv.message);
  CHECK(tv.status == verify::Status::Proved);
  verify::VerifyReport r = run(*p);
  bool sawDelegation = false;
  for (const verify::CheckResult& c : r.checks)
    if (c.kind == "delegation") {
      sawDelegation = true;
      INFO(c.message);
      CHECK(c.status == verify::Status::Proved);  // proved on the compiled bundle
    }
  CHECK(sawDelegation);
}

TEST_CASE("diff: presence matters, optionality is part of the signature", "[verify][optional-args][diff]") {
  auto o = vtest::load(policy(R"(@id("r") permit agent fs_bot to read_text_file when has head && head <= 100;)"));
  auto n = vtest::load(policy(R"(@id("r") permit agent fs_bot to read_text_file when !has head || head <= 100;)"));
  REQUIRE(o->policy);
  REQUIRE(n->policy);
  verify::DiffReport d = verify::diffPolicies(*o->policy, *n->policy, 10000);
  REQUIRE(d.actions.size() == 1);
  const verify::ActionDiff& a = d.actions[0];
  CHECK(a.state == "compared");
  const verify::DiffChange* allowed = nullptr;
  for (const auto& c : a.changes)
    if (c.kind == "newly_allowed") allowed = &c;
  REQUIRE(allowed);
  REQUIRE(allowed->status == verify::Status::Violated);
  REQUIRE(allowed->example);
  CHECK_FALSE((*allowed->example)["args"].contains("head"));
  CHECK(vtest::replay(*n->policy, *allowed->example).decision == "allow");
  CHECK(vtest::replay(*o->policy, *allowed->example).decision != "allow");

  std::string required = policy(R"(@id("r") permit agent fs_bot to read_text_file when head <= 100;)");
  required.replace(required.find("head?: Int"), 10, "head: Int");
  auto req = vtest::load(required);
  REQUIRE(req->policy);
  verify::DiffReport s = verify::diffPolicies(*req->policy, *o->policy, 10000);
  REQUIRE(s.actions.size() == 1);
  CHECK(s.actions[0].state == "signature_changed");
}
