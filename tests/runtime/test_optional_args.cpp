// test_optional_args.cpp — optional action arguments through the Request API
// (absent, Null, given, Null over a given value), the required-argument check
// next to them, a rule guarded by HAS_ARG, and the audit record leaving out
// an optional argument that was not given.
#include "mini.h"

#include <agentpol/engine.h>

#include <catch2/catch.hpp>

using namespace agentpol;
using namespace agentpol::test;

namespace {

// `permit agent * to act when !has o || o <= 10;` (argument 2 of act is `o?: Int`).
std::shared_ptr<const Bundle> guarded_bundle() {
  ImageBuilder b = mini_schema();
  b.add_agent("a1");
  b.rule("small-o", Effect::Permit, Side::Agent, {0}, absent_or_at_most(b, 2, 10));
  b.rule("user-ok", Effect::Permit, Side::User, {0}, always(true));
  return load_or_die(b.im);
}

struct Audited {
  Result result;
  std::string line;
};

Audited decide_audited(const std::shared_ptr<const Bundle>& bundle, const std::function<void(Request&)>& tweak) {
  Engine engine(bundle);
  Audited out{};
  engine.set_audit_hook([&](const AuditRecord& rec) {
    out.line.clear();
    audit_json(rec, &out.line);
  });
  static thread_local std::unique_ptr<Request> req;
  req = std::make_unique<Request>(bundle);
  mini_request(*req);
  tweak(*req);
  out.result = engine.decide(*req);
  return out;
}

}  // namespace

TEST_CASE("an optional argument may be left out or set to null; given, it is read", "[optional-args]") {
  auto bundle = guarded_bundle();
  Audited absent = decide_audited(bundle, [](Request&) {});
  CHECK(absent.result.decision == Decision::Allow);
  CHECK(absent.line.find("\"args\":{\"i\":5,\"s\":\"hello\"}") != std::string::npos);

  Audited null = decide_audited(bundle, [](Request& r) { r.set_arg("o", Value::null()); });
  CHECK(null.result.decision == Decision::Allow);
  CHECK(null.line.find("\"args\":{\"i\":5,\"s\":\"hello\"}") != std::string::npos);

  Audited small = decide_audited(bundle, [](Request& r) { r.set_arg("o", Value::integer(10)); });
  CHECK(small.result.decision == Decision::Allow);
  CHECK(small.line.find("\"args\":{\"i\":5,\"s\":\"hello\",\"o\":10}") != std::string::npos);

  Audited big = decide_audited(bundle, [](Request& r) { r.set_arg("o", Value::integer(11)); });
  CHECK(big.result.decision == Decision::Deny);
  CHECK(big.result.reason == Reason::NoPermit);

  // Null after a value clears it again.
  Audited cleared = decide_audited(bundle, [](Request& r) {
    r.set_arg("o", Value::integer(11));
    r.set_arg("o", Value::null());
  });
  CHECK(cleared.result.decision == Decision::Allow);
}

TEST_CASE("optional arguments do not relax the required ones", "[optional-args]") {
  auto bundle = guarded_bundle();
  Audited null = decide_audited(bundle, [](Request& r) { r.set_arg("i", Value::null()); });
  CHECK(null.result.reason == Reason::BadRequest);
  CHECK(std::string(null.result.message) == "argument `i` of `act`: is required but null");

  Audited missing = decide_audited(bundle, [](Request& r) {
    r.set_action("act");  // a fresh action: its arguments are cleared
    r.set_arg("res", Value::entity(r.entity("Res", "r1")));
    r.set_arg("s", Value::string("x"));
    r.set_arg("o", Value::integer(1));
  });
  CHECK(missing.result.reason == Reason::BadRequest);
  CHECK(std::string(missing.result.message) == "missing argument `i` of `act`");
  // The bad request's record shows the missing required argument as null.
  CHECK(missing.line.find("\"args\":{\"i\":null,\"s\":\"x\",\"o\":1}") != std::string::npos);

  Audited wrong = decide_audited(bundle, [](Request& r) { r.set_arg("o", Value::string("3")); });
  CHECK(wrong.result.reason == Reason::BadRequest);
}

TEST_CASE("reading an absent optional argument is an evaluation error (fails closed)", "[optional-args]") {
  auto unguarded = [](ImageBuilder& b, CodeWriter& w) { w.op(Op::ARG, 2).op(Op::CONST, b.k_int(10)).op(Op::LE); };
  CHECK(eval(unguarded) == Tri::Error);
  CHECK(eval(unguarded, [](Request& r) { r.set_arg("o", Value::integer(3)); }) == Tri::True);
  CHECK(eval([](ImageBuilder&, CodeWriter& w) { w.op(Op::HAS_ARG, 2); },
             [](Request& r) { r.set_arg("o", Value::null()); }) == Tri::False);
}
