// check_dead_rule.cpp — `dead-rule`: a rule whose condition can never hold
// (true, without error) for any request it applies to: one of its actions,
// an agent it names (a user present for `user` rules). Subject = rule id.
// A dead rule has no witness request, so its violation has no counterexample.
#include <fmt/format.h>

#include "verify/checks.h"

namespace agentpol::verify {

std::vector<CheckResult> checkDeadRules(Session& s) {
  std::vector<CheckResult> out;
  const sema::CheckedPolicy& p = s.policy();
  for (uint32_t ri = 0; ri < p.rules.size(); ++ri) {
    const sema::CheckedRule& rule = p.rules[ri];
    CheckResult r;
    r.name = r.kind = "dead-rule";
    r.subject = rule.id;
    r.range = rule.range;
    bool live = false, unknown = false;
    std::string why;
    for (uint32_t a : rule.actions) {
      ActionModel& m = s.model(a);
      const RuleEntry* e = m.entry(ri);
      if (!e->cond) {
        unknown = true;
        why = e->unsupported;
        continue;
      }
      z3::expr holds = e->applies && e->cond->value && !e->cond->error;
      if (rule.subject == sema::Subject::User) holds = holds && m.req.hasUser;
      QueryResult q = s.find(a, holds, r, false);
      if (q.kind == QueryResult::Kind::Sat) {
        live = true;
        break;
      }
      if (q.kind == QueryResult::Kind::Unknown) {
        unknown = true;
        why = q.reason;
      }
    }
    r.status = live ? Status::Proved : unknown ? Status::Unknown : Status::Violated;
    if (live) r.message = fmt::format("rule `{}` can match", rule.id);
    else if (unknown) r.message = "could not decide: " + why;
    else r.message = fmt::format("the condition of rule `{}` can never hold", rule.id);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace agentpol::verify
