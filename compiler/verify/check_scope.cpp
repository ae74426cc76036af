// check_scope.cpp — `scope`: a permit or escalate agent rule that can match
// (fail-closed) a request of an action outside the `may` scope of an agent
// it names. One result per permit/escalate agent rule; subject = rule id.
#include <algorithm>

#include <fmt/format.h>

#include "verify/checks.h"

namespace agentpol::verify {

namespace {

bool inScope(const sema::AgentInfo& a, uint32_t action) {
  return !a.hasScope || std::find(a.may.begin(), a.may.end(), action) != a.may.end();
}

}  // namespace

std::vector<CheckResult> checkScope(Session& s) {
  std::vector<CheckResult> out;
  const sema::CheckedPolicy& p = s.policy();
  for (uint32_t ri = 0; ri < p.rules.size(); ++ri) {
    const sema::CheckedRule& rule = p.rules[ri];
    if (rule.subject == sema::Subject::User || rule.effect == ast::Effect::Forbid) continue;
    CheckResult r;
    r.name = r.kind = "scope";
    r.subject = rule.id;
    r.range = rule.range;
    Accumulator acc;
    for (uint32_t a : rule.actions) {
      for (uint32_t g = 0; g < p.schema.agents.size() && !acc.violated; ++g) {
        const sema::AgentInfo& agent = p.schema.agents[g];
        bool named = rule.subject == sema::Subject::AllAgents ||
                     std::find(rule.agents.begin(), rule.agents.end(), g) != rule.agents.end();
        if (!named || inScope(agent, a)) continue;
        ActionModel& m = s.model(a);
        const RuleEntry* e = m.entry(ri);
        z3::expr violation = m.req.agentIs(agent.name) && e->matchVar;
        QueryResult q = s.find(a, violation, r);
        if (q.kind == QueryResult::Kind::Unsat) {
          acc.unsat(q);
        } else if (q.kind == QueryResult::Kind::Sat && m.complete()) {
          acc.violated = true;
          r.message = fmt::format("rule `{}` can match `{}` for agent `{}`, outside its `may` scope", rule.id,
                                  p.schema.actions[a].name, agent.name);
          s.attachCounterexample(a, q, violation, r);
        } else {
          acc.fail(q.kind == QueryResult::Kind::Sat ? m.unsupported() : q.reason);
        }
      }
    }
    r.status = acc.status();
    if (r.status == Status::Proved) r.message = fmt::format("rule `{}` matches only within its agents' scopes", rule.id);
    if (r.status == Status::Unknown) r.message = "could not decide: " + acc.unknownWhy;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace agentpol::verify
