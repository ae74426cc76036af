// decision_encoding.h — the decision procedure of spec 6.1/6.2 as Z3 terms,
// built from per-rule match terms. The terms may come from the source
// encoding (action_model.cpp) or from anywhere else — e.g. symbolic
// execution of a compiled bundle's code blocks over the same RequestEncoding
// — so two decision functions can be built over one request and compared.
// Revocation (the runtime kill switch) is not modelled: the agent is taken
// as not revoked. Entry point: encodeDecision.
#pragma once

#include <string>
#include <vector>

#include <agentpol/decide.h>
#include <z3++.h>

#include "sema/checked_policy.h"
#include "verify/request_encoding.h"

namespace agentpol::verify {

// The encoding's Int codes are the runtime's enums (agentpol/decide.h):
// `decision` is an agentpol::Decision (0 deny, 1 escalate, 2 allow), `reason`
// an agentpol::Reason up to Reason::BadRequest; names by agentpol::to_string.
using agentpol::Decision;
using agentpol::Reason;

// One rule's contribution to a request of one action.
struct RuleTerm {
  uint32_t rule = 0;      // index in CheckedPolicy::rules
  ast::Effect effect = ast::Effect::Permit;
  bool userSide = false;  // a `user` rule
  z3::expr applies;       // the rule names the acting agent (true for `agent *` and user rules)
  z3::expr matches;       // fail-closed match: a permit's condition is true without error;
                          // a forbid's/escalate's is true or errors
};

// What the decision depends on besides the rules.
struct DecisionInputs {
  const sema::Schema* schema = nullptr;  // the deciding policy's inventory
  uint32_t action = 0;                   // in schema->actions
  const AgentDomain* agents = nullptr;
  z3::expr agentSel, now, hasUser;
  std::vector<RuleTerm> rules;           // rules of this action (others are ignored)
};

// One side (agent rules, or user rules) decided alone.
struct SideTerms {
  z3::expr forbid, escalate, permit;  // some matching rule of that effect
  z3::expr decision;                  // Int: 0 deny, 1 escalate, 2 allow
};

struct DecisionTerms {
  z3::expr known, expired, inScope;  // gate of steps 2-4
  SideTerms agent, user;
  z3::expr decision;  // Int: 0 deny, 1 escalate, 2 allow (final)
  z3::expr reason;    // Int: an agentpol::Reason
  z3::expr allowed, escalated, denied;
};

DecisionTerms encodeDecision(z3::context& c, const DecisionInputs& in);

// The agent-subject test of a source rule: true for user rules and `agent *`.
z3::expr ruleApplies(z3::context& c, const sema::Schema& schema, const sema::CheckedRule& rule,
                     const AgentDomain& agents, const z3::expr& agentSel);

}  // namespace agentpol::verify
