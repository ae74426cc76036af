// check_delegation.cpp — `delegation`: no request with a user is allowed
// (escalated) unless the user's own rules allow (allow or escalate) it.
// Proved on the compiled bytecode (spec 7, verify/bytecode/delegation.h),
// with the source-level proof kept as a secondary detail in the message;
// `delegationViolation` is the obligation both decision functions are held to.
#include "verify/bytecode/delegation.h"
#include "verify/checks.h"

namespace agentpol::verify {

z3::expr delegationViolation(const z3::expr& hasUser, const DecisionTerms& deciding, const SideTerms& userOwn) {
  return hasUser && ((deciding.allowed && userOwn.decision != 2) || (deciding.escalated && userOwn.decision == 0));
}

namespace {

CheckResult checkDelegationOnSource(Session& s) {
  CheckResult r;
  r.name = r.kind = "delegation";
  Accumulator acc;
  for (uint32_t a = 0; a < s.policy().schema.actions.size() && !acc.violated; ++a) {
    ActionModel& m = s.model(a);
    z3::expr violation = delegationViolation(m.req.hasUser, *m.decision, m.decision->user);
    QueryResult q = s.find(a, violation, r);
    if (q.kind == QueryResult::Kind::Unsat) {
      acc.unsat(q);
    } else if (q.kind == QueryResult::Kind::Sat && m.complete()) {
      acc.violated = true;
      r.message = "a request with a user gets more than the user's own rules give, action `" +
                  s.policy().schema.actions[a].name + "`";
      s.attachCounterexample(a, q, violation, r);
    } else {
      acc.fail(q.kind == QueryResult::Kind::Sat ? m.unsupported() : q.reason);
    }
  }
  r.status = acc.status();
  if (r.status == Status::Proved) {
    r.rules = s.ruleIds(acc.core);
    r.message = "no request with a user gets more than the user's own rules give";
  } else if (r.status == Status::Unknown) {
    r.message = "could not decide: " + acc.unknownWhy;
  }
  return r;
}

}  // namespace

CheckResult checkDelegation(Session& s) {
  CheckResult source = checkDelegationOnSource(s);
  CheckResult r = bytecode::proveDelegationOnBytecode(s);
  r.millis += source.millis;
  if (r.status == Status::Proved && source.status == Status::Proved) {
    r.message += " (also proved on the source)";
    if ((!r.rules || r.rules->empty()) && source.rules) r.rules = source.rules;
  } else if (source.status != Status::Proved) {
    r.message += std::string(" (on the source: ") + statusName(source.status) + ": " + source.message + ")";
    if (r.status == Status::Proved && source.status == Status::Violated) {
      // Cannot happen when codegen is correct; report the source's evidence.
      r.status = Status::Violated;
      r.counterexample = source.counterexample;
      r.confirmed = source.confirmed;
    }
  }
  return r;
}

}  // namespace agentpol::verify
