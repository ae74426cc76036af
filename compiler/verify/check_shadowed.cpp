// check_shadowed.cpp — `shadowed`: a permit or escalate rule that can match
// but every request it matches is also matched by a forbid of its own side
// (same agent, same action), so it never changes a decision. Subject = rule
// id; a violation names the covering forbids (unsat core) and gives an
// example request where the rule matches and is overruled.
#include <algorithm>

#include <fmt/format.h>

#include "verify/checks.h"

namespace agentpol::verify {

namespace {

// Some forbid of `rule`'s side applies and matches.
z3::expr forbidOfSide(const sema::CheckedPolicy& p, const ActionModel& m, const sema::CheckedRule& rule) {
  z3::expr any = m.req.now.ctx().bool_val(false);
  for (const RuleEntry& e : m.rules) {
    const sema::CheckedRule& f = p.rules[e.rule];
    if (f.effect != ast::Effect::Forbid) continue;
    if ((f.subject == sema::Subject::User) != (rule.subject == sema::Subject::User)) continue;
    any = any || (e.applies && e.matchVar);
  }
  return any;
}

}  // namespace

std::vector<CheckResult> checkShadowed(Session& s, const std::vector<CheckResult>& dead, RuleSpan span) {
  std::vector<CheckResult> out;
  const sema::CheckedPolicy& p = s.policy();
  uint32_t end = std::min<uint32_t>(span.end, static_cast<uint32_t>(p.rules.size()));
  for (uint32_t ri = span.begin; ri < end; ++ri) {
    const sema::CheckedRule& rule = p.rules[ri];
    if (rule.effect == ast::Effect::Forbid) continue;
    CheckResult r;
    r.name = r.kind = "shadowed";
    r.subject = rule.id;
    r.range = rule.range;
    bool isDead = false;
    for (const CheckResult& d : dead)
      if (d.subject == rule.id && d.status == Status::Violated) isDead = true;
    if (isDead) {
      r.status = Status::Proved;
      r.message = fmt::format("rule `{}` never matches (see dead-rule), so no forbid shadows it", rule.id);
      out.push_back(std::move(r));
      continue;
    }
    bool escapes = false;
    Accumulator acc;
    for (uint32_t a : rule.actions) {
      ActionModel& m = s.model(a);
      const RuleEntry* e = m.entry(ri);
      z3::expr matches = e->applies && e->matchVar;
      if (rule.subject == sema::Subject::User) matches = matches && m.req.hasUser;
      z3::expr escape = matches && !forbidOfSide(p, m, rule);
      // One named agent: only its own forbids (and `agent *`'s) stay in the cone.
      if (rule.subject == sema::Subject::Agents && rule.agents.size() == 1)
        escape = s.forAgent(a, escape, m.req.agents().indexOf(p.schema.agents[rule.agents[0]].name));
      QueryResult q = s.find(a, escape, r, kProofCore);
      if (q.kind == QueryResult::Kind::Sat && m.complete()) {
        escapes = true;
        break;
      }
      if (q.kind == QueryResult::Kind::Unsat) acc.unsat(q);
      else acc.fail(q.kind == QueryResult::Kind::Sat ? m.unsupported() : q.reason);
    }
    if (escapes) {
      r.status = Status::Proved;
      r.message = fmt::format("rule `{}` can decide a request no forbid covers", rule.id);
    } else if (acc.unknown) {
      r.status = Status::Unknown;
      r.message = "could not decide: " + acc.unknownWhy;
    } else {
      r.status = Status::Violated;
      std::vector<uint32_t> forbids;
      for (uint32_t c : acc.core)
        if (p.rules[c].effect == ast::Effect::Forbid) forbids.push_back(c);
      r.rules = s.ruleIds(forbids);
      r.message = fmt::format("every request rule `{}` matches is denied by a forbid", rule.id);
      // An example: the rule matches, and a forbid of its side overrules it.
      for (uint32_t a : rule.actions) {
        ActionModel& m = s.model(a);
        const RuleEntry* e = m.entry(ri);
        z3::expr example = e->applies && e->matchVar && forbidOfSide(p, m, rule);
        if (rule.subject == sema::Subject::User) example = example && m.req.hasUser;
        CheckResult scratch;
        QueryResult q = s.find(a, example, scratch, kCounterexample);
        r.millis += scratch.millis;
        if (q.kind != QueryResult::Kind::Sat) continue;
        s.attachCounterexample(a, q, example, r);
        break;
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace agentpol::verify
