// action_model.cpp — builds the per-action model: rule conditions encoded
// from source, tracked match definitions, and the decision over them.
#include "verify/action_model.h"

#include <algorithm>

namespace agentpol::verify {

std::vector<uint32_t> rulesOfAction(const sema::CheckedPolicy& policy, uint32_t action) {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < policy.rules.size(); ++i) {
    const auto& acts = policy.rules[i].actions;
    if (std::find(acts.begin(), acts.end(), action) != acts.end()) out.push_back(i);
  }
  return out;
}

ActionModel::ActionModel(Z3Env& env, const sema::CheckedPolicy& policy, uint32_t action,
                         const AgentDomain& agents, const std::string& tag)
    : req(env, policy, action, agents) {
  z3::context& c = env.ctx();
  const sema::Type* boolType = policy.types->boolean();
  DecisionInputs in{&policy.schema, action, &req.agents(), req.agentSel, req.now, req.hasUser, {}};
  for (uint32_t ri : rulesOfAction(policy, action)) {
    const sema::CheckedRule& r = policy.rules[ri];
    std::string base = tag + "rule[" + r.id + "]@" + policy.schema.actions[action].name;
    RuleEntry e{ri, ruleApplies(c, policy.schema, r, req.agents(), req.agentSel), std::nullopt,
                c.bool_const((base + ".match").c_str()), c.bool_val(true),
                c.bool_const((base + ".track").c_str()), ""};
    try {
      ExprEncoder enc(req, sharedNameValues(req, r.names, r.actions));
      SymValue cond = encodeCondition(enc, r.when.get(), r.unless.get(), c, boolType);
      z3::expr m = r.effect == ast::Effect::Permit ? (cond.value && !cond.error) : (cond.value || cond.error);
      e.definition = e.matchVar == m;
      e.cond.emplace(cond);
    } catch (const Unsupported& u) {
      e.unsupported = u.what();
      if (unsupported_.empty()) unsupported_ = "rule `" + r.id + "`: " + u.what();
    }
    bool userSide = r.subject == sema::Subject::User;
    in.rules.push_back(RuleTerm{ri, r.effect, userSide, e.applies, e.matchVar});
    rules.push_back(std::move(e));
  }
  decision.emplace(encodeDecision(c, in));
}

const RuleEntry* ActionModel::entry(uint32_t rule) const {
  for (const RuleEntry& e : rules)
    if (e.rule == rule) return &e;
  return nullptr;
}

SymValue ActionModel::encodeAssert(const sema::CheckedAssert& a) {
  const DecisionTerms& d = *decision;
  std::array<z3::expr, 3> names{d.allowed, d.escalated, d.denied};
  ExprEncoder enc(req, sharedNameValues(req, a.names, a.actions), names);
  return enc.encode(*a.body);
}

}  // namespace agentpol::verify
