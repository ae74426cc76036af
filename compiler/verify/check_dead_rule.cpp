// check_dead_rule.cpp — `dead-rule`: a rule whose condition can never hold
// (true, without error) for any request it applies to: one of its actions,
// an agent it names (a user present for `user` rules). Subject = rule id.
// A violation says why (a minimal contradicting subset of the condition's
// parts, dead_rule_reason.h) and gives a request in the rule's reach on which
// it does not match — preferably one whose decision it would have changed
// had it matched.
#include <algorithm>

#include <fmt/format.h>

#include "verify/checks.h"
#include "verify/dead_rule_reason.h"

namespace agentpol::verify {

namespace {

// The requests `rule` applies to on `m`'s action (declared agents: Session::find).
z3::expr reachOf(const RuleEntry& e, const sema::CheckedRule& rule, ActionModel& m) {
  z3::expr reach = e.applies;
  if (rule.subject == sema::Subject::User) reach = reach && m.req.hasUser;
  return reach;
}

// The decision of `m`'s action with rule `ri` forced to match.
DecisionTerms decisionIfMatched(const sema::CheckedPolicy& p, ActionModel& m, uint32_t ri) {
  z3::context& c = m.req.env().ctx();
  DecisionInputs in{&p.schema, m.action(), &m.req.agents(), m.req.agentSel, m.req.now, m.req.hasUser, {}};
  for (const RuleEntry& e : m.rules) {
    const sema::CheckedRule& r = p.rules[e.rule];
    in.rules.push_back(RuleTerm{e.rule, r.effect, r.subject == sema::Subject::User, e.applies,
                                e.rule == ri ? c.bool_val(true) : e.matchVar});
  }
  return encodeDecision(c, in);
}

const char* participle(int decision) {
  return decision == 2 ? "allowed" : decision == 1 ? "escalated" : "denied";
}

int evalInt(const z3::model& model, const z3::expr& e) { return model.eval(e, true).get_numeral_int(); }

// The reason over every action (actions with the same parts named once).
std::string reasonText(Session& s, uint32_t ri, CheckResult& r) {
  const sema::CheckedPolicy& p = s.policy();
  const sema::CheckedRule& rule = p.rules[ri];
  std::vector<ConditionPart> parts = conditionParts(rule);
  std::vector<std::pair<std::string, std::vector<std::string>>> texts;  // reason -> actions
  for (uint32_t a : rule.actions) {
    ActionModel& m = s.model(a);
    const RuleEntry* e = m.entry(ri);
    z3::expr reach = reachOf(*e, rule, m);
    if (!p.schema.agents.empty()) reach = reach && m.req.agentIsDeclared();
    DeadReason why = deadReason(m, rule, parts, reach, s.options().timeoutMs);
    r.millis += why.millis;
    std::string text = why.found ? describeReason(parts, why, s.options().sources)
                                 : "the contradicting parts could not be isolated: " + why.problem;
    auto it = std::find_if(texts.begin(), texts.end(), [&](const auto& t) { return t.first == text; });
    if (it == texts.end()) texts.push_back({text, {p.schema.actions[a].name}});
    else it->second.push_back(p.schema.actions[a].name);
  }
  if (texts.size() == 1) return texts[0].first;
  std::string out;
  for (const auto& [text, actions] : texts) {
    std::string on;
    for (const std::string& n : actions) on += (on.empty() ? "`" : ", `") + n + "`";
    out += (out.empty() ? "on " : "; on ") + on + ": " + text;
  }
  return out;
}

// A request in the rule's reach on which it does not match: first one whose
// decision it would have changed, else any. Appends what it shows to the message.
void attachExample(Session& s, uint32_t ri, CheckResult& r) {
  const sema::CheckedPolicy& p = s.policy();
  const sema::CheckedRule& rule = p.rules[ri];
  bool neverMatters = true;  // every "would have mattered" query was unsat on a complete model
  for (uint32_t a : rule.actions) {
    ActionModel& m = s.model(a);
    if (!m.complete()) {
      neverMatters = false;
      continue;
    }
    const RuleEntry* e = m.entry(ri);
    const DecisionTerms& d = *m.decision;
    DecisionTerms alt = decisionIfMatched(p, m, ri);
    z3::expr mattered = reachOf(*e, rule, m) && !e->matchVar && alt.decision != d.decision;
    QueryResult q = s.find(a, mattered, r, kCounterexample);
    if (q.kind != QueryResult::Kind::Sat) {
      if (q.kind == QueryResult::Kind::Unknown) neverMatters = false;
      continue;
    }
    int dv = evalInt(*q.model, d.decision), rv = evalInt(*q.model, d.reason), av = evalInt(*q.model, alt.decision);
    z3::expr claim = mattered && d.decision == dv && d.reason == rv && alt.decision == av;
    r.message += fmt::format("; example request (`{}`): {} ({}), but {} had the rule matched", m.req.actionInfo().name,
                             participle(dv), to_string(static_cast<Reason>(rv)), participle(av));
    s.attachCounterexample(a, q, claim, r);
    return;
  }
  std::string problem;
  for (uint32_t a : rule.actions) {
    ActionModel& m = s.model(a);
    const RuleEntry* e = m.entry(ri);
    const DecisionTerms& d = *m.decision;
    z3::expr unmatched = reachOf(*e, rule, m) && !e->matchVar;
    QueryResult q = s.find(a, unmatched, r, kCounterexample);
    if (q.kind != QueryResult::Kind::Sat) {
      if (q.kind == QueryResult::Kind::Unknown) problem = q.reason;
      continue;
    }
    int dv = evalInt(*q.model, d.decision), rv = evalInt(*q.model, d.reason);
    z3::expr claim = unmatched && d.decision == dv && d.reason == rv;
    if (neverMatters) r.message += "; it would change no decision even if it matched";
    r.message += fmt::format("; example request in its reach (`{}`): {} ({})", m.req.actionInfo().name,
                             participle(dv), to_string(static_cast<Reason>(rv)));
    s.attachCounterexample(a, q, claim, r);
    return;
  }
  r.message += problem.empty() ? "; no request in its reach leaves it unmatched (it matches by evaluation error)"
                               : "; no example request found: " + problem;
}

}  // namespace

std::vector<CheckResult> checkDeadRules(Session& s, RuleSpan span) {
  std::vector<CheckResult> out;
  const sema::CheckedPolicy& p = s.policy();
  uint32_t end = std::min<uint32_t>(span.end, static_cast<uint32_t>(p.rules.size()));
  for (uint32_t ri = span.begin; ri < end; ++ri) {
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
      z3::expr holds = reachOf(*e, rule, m) && e->cond->value && !e->cond->error;
      QueryResult q = s.find(a, holds, r, kExistence);
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
    if (live) {
      r.message = fmt::format("rule `{}` can match", rule.id);
    } else if (unknown) {
      r.message = "could not decide: " + why;
    } else {
      r.message = fmt::format("the condition of rule `{}` can never hold: {}", rule.id, reasonText(s, ri, r));
      attachExample(s, ri, r);
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace agentpol::verify
