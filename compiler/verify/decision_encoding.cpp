// decision_encoding.cpp — steps 2-7 of spec 6.1 over rule match terms:
// unknown agent, expiry, scope, then each side forbid > escalate > permit >
// no_permit, the weaker of the two sides, and the reason code.
#include "verify/decision_encoding.h"

namespace agentpol::verify {

z3::expr ruleApplies(z3::context& c, const sema::Schema& schema, const sema::CheckedRule& rule,
                     const AgentDomain& agents, const z3::expr& agentSel) {
  if (rule.subject != sema::Subject::Agents) return c.bool_val(true);
  z3::expr any = c.bool_val(false);
  for (uint32_t a : rule.agents) {
    int i = agents.indexOf(schema.agents[a].name);
    if (i >= 0) any = any || agentSel == i;
  }
  return any.simplify();
}

namespace {

SideTerms side(z3::context& c, const std::vector<RuleTerm>& rules, bool userSide) {
  z3::expr f = c.bool_val(false), e = c.bool_val(false), p = c.bool_val(false);
  for (const RuleTerm& r : rules) {
    if (r.userSide != userSide) continue;
    z3::expr hit = r.applies && r.matches;
    if (r.effect == ast::Effect::Forbid) f = f || hit;
    else if (r.effect == ast::Effect::Escalate) e = e || hit;
    else p = p || hit;
  }
  z3::expr d = z3::ite(f, c.int_val(0), z3::ite(e, c.int_val(1), z3::ite(p, c.int_val(2), c.int_val(0))));
  return SideTerms{f, e, p, d};
}

z3::expr code(z3::context& c, Reason r) { return c.int_val(static_cast<int>(r)); }

}  // namespace

DecisionTerms encodeDecision(z3::context& c, const DecisionInputs& in) {
  const sema::Schema& s = *in.schema;
  z3::expr known = c.bool_val(s.agents.empty());
  z3::expr expired = c.bool_val(false), inScope = c.bool_val(true);
  for (const sema::AgentInfo& a : s.agents) {
    int i = in.agents->indexOf(a.name);
    if (i < 0) continue;
    z3::expr is = in.agentSel == i;
    known = known || is;
    if (a.expires) expired = expired || (is && in.now >= c.int_val(*a.expires));
    bool mayAct = !a.hasScope;
    for (uint32_t m : a.may) mayAct = mayAct || m == in.action;
    if (!mayAct) inScope = inScope && !is;
  }
  SideTerms ag = side(c, in.rules, false);
  SideTerms us = side(c, in.rules, true);
  z3::expr zero = c.int_val(0);
  z3::expr gateOk = known && !expired && inScope;
  z3::expr agentDeny = ag.decision == zero;
  z3::expr userDeny = us.decision == zero;
  z3::expr withUser = z3::ite(ag.decision <= us.decision, ag.decision, us.decision);
  z3::expr decision = z3::ite(!gateOk || agentDeny, zero, z3::ite(in.hasUser, withUser, ag.decision));
  auto R = [&](Reason r) { return code(c, r); };
  z3::expr sideReason = z3::ite(
      agentDeny, z3::ite(ag.forbid, R(Reason::Forbidden), R(Reason::NoPermit)),
      z3::ite(!in.hasUser, z3::ite(ag.decision == 2, R(Reason::Permitted), R(Reason::Escalated)),
              z3::ite(userDeny, z3::ite(us.forbid, R(Reason::UserForbidden), R(Reason::UserNoPermit)),
                      z3::ite(ag.decision == 2 && us.decision == 1, R(Reason::UserEscalated),
                              z3::ite(ag.decision == 1, R(Reason::Escalated), R(Reason::Permitted))))));
  z3::expr reason = z3::ite(!known, R(Reason::UnknownAgent),
                            z3::ite(expired, R(Reason::AgentExpired),
                                    z3::ite(!inScope, R(Reason::OutOfScope), sideReason)));
  return DecisionTerms{known.simplify(), expired.simplify(), inScope.simplify(), ag, us, decision, reason,
                       decision == 2, decision == 1, decision == zero};
}

}  // namespace agentpol::verify
