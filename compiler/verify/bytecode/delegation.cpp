// delegation.cpp — per action: is there a request (declared agent, a user)
// that the bytecode's decision allows while the source's user rules do not
// allow it, or escalates while they deny it? Unsat for every action =
// proved (rules: the union of the unsat cores); a satisfying request is the
// counterexample, rendered and confirmed by the source Session.
#include "verify/bytecode/delegation.h"

#include "verify/bytecode/concrete_outcome.h"
#include "verify/checks.h"

namespace agentpol::verify::bytecode {

namespace {

CheckResult unknownResult(const std::string& why) {
  CheckResult r;
  r.name = r.kind = "delegation";
  r.status = Status::Unknown;
  r.message = "could not decide on the bytecode: " + why;
  return r;
}

// The rendered request may be approximate (a set the model left unreadable);
// replaying the request itself through both encodings still confirms it.
void confirmByReplay(ActionModel& m, BytecodeModel& bc, unsigned timeoutMs, CheckResult& r) {
  BothDecisions both = decideBoth(m, bc, *r.counterexample, timeoutMs);
  int d = both.bytecodeDecisionCode, user = both.sourceUserDecision;
  bool violates = both.userPresent && ((d == 2 && user != 2) || (d == 1 && user == 0));
  if (!both.determined || !both.error.empty() || !violates) return;
  r.confirmed = true;
  size_t note = r.message.find(" (counterexample");
  if (note == std::string::npos) note = r.message.find(" (the counterexample");
  if (note != std::string::npos) r.message.erase(note);
}

}  // namespace

CheckResult proveDelegationOnBytecode(BundleSession& b) {
  if (!b.matches()) return unknownResult("the bundle does not match the policy: " + b.mismatch());
  Session& s = b.source();
  CheckResult r;
  r.name = r.kind = "delegation";
  Accumulator acc;
  for (uint32_t a = 0; a < s.policy().schema.actions.size() && !acc.violated; ++a) {
    ActionModel& m = s.model(a);
    BytecodeModel& bc = b.model(a);
    z3::expr violation = bc.facts() && delegationViolation(m.req.hasUser, *bc.decision, m.decision->user);
    QueryResult q = s.find(a, violation && bc.witnesses(), r);
    if (q.kind == QueryResult::Kind::Unsat) {
      acc.unsat(q);
    } else if (q.kind == QueryResult::Kind::Sat && m.complete() && bc.complete()) {
      acc.violated = true;
      r.message = "the compiled bundle gives a request with a user more than the user's own rules give, action `" +
                  s.policy().schema.actions[a].name + "`";
      s.attachCounterexample(a, q, violation, r);
      if (!r.confirmed && r.counterexample) confirmByReplay(m, bc, s.options().timeoutMs, r);
    } else {
      acc.fail(q.kind != QueryResult::Kind::Sat ? q.reason : !bc.complete() ? bc.unsupported() : m.unsupported());
    }
  }
  r.status = acc.status();
  if (r.status == Status::Proved) {
    r.rules = s.ruleIds(acc.core);
    r.message = "proved on the compiled bytecode: no request with a user gets more than the user's own rules give";
  } else if (r.status == Status::Unknown) {
    r.message = "could not decide on the bytecode: " + acc.unknownWhy;
  }
  return r;
}

CheckResult proveDelegationOnBytecode(Session& source) {
  std::string error;
  std::shared_ptr<const Bundle> bundle = compileAndLoadBundle(source.policy(), error);
  if (!bundle) return unknownResult(error);
  BundleSession b(source, bundle);
  return proveDelegationOnBytecode(b);
}

}  // namespace agentpol::verify::bytecode
