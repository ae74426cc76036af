// check_delegation.cpp — `delegation`: no request with a user is allowed
// (escalated) unless the user's own rules allow (allow or escalate) it. At
// source level over every action; `delegationViolation` is the obligation
// any other decision function (e.g. the compiled bytecode) can be held to.
#include "verify/checks.h"

namespace agentpol::verify {

z3::expr delegationViolation(const z3::expr& hasUser, const DecisionTerms& deciding, const SideTerms& userOwn) {
  return hasUser && ((deciding.allowed && userOwn.decision != 2) || (deciding.escalated && userOwn.decision == 0));
}

CheckResult checkDelegation(Session& s) {
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
  r.status = acc.violated ? Status::Violated : acc.unknown ? Status::Unknown : Status::Proved;
  if (r.status == Status::Proved) {
    r.rules = s.ruleIds(acc.core);
    r.message = "no request with a user gets more than the user's own rules give";
  } else if (r.status == Status::Unknown) {
    r.message = "could not decide: " + acc.unknownWhy;
  }
  return r;
}

}  // namespace agentpol::verify
