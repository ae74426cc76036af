// reference_decide.cpp — spec 6.1 as written: the early denies (revoked,
// unknown_agent, agent_expired, out_of_scope), each side's forbid > escalate
// > permit > default deny with errors failing closed, and the combination of
// the agent and user sides with its reason and rule list.
#include <algorithm>

#include "reference_internal.h"

namespace agentpol::ref {
namespace {

enum class Verdict { Deny, Escalate, Allow };

struct Side {
  Verdict verdict = Verdict::Deny;
  bool forbidden = false;
  std::vector<std::string> rules;  // the matching rules of the deciding effect
};

// True when the rule matches: `when` (or true) holds and `unless` (or false)
// does not; an evaluation error matches a forbid/escalate, never a permit.
bool matches(const sema::CheckedPolicy& p, const Request& r, const sema::CheckedRule& rule, size_t k) {
  Evaluator ev(p, r, rule, k);
  try {
    bool when = !rule.when || ev.eval(rule.when.get()).n != 0;
    return when && !(rule.unless && ev.eval(rule.unless.get()).n != 0);
  } catch (const EvalError&) {
    return rule.effect != ast::Effect::Permit;
  }
}

bool applies(const sema::CheckedRule& rule, bool userSide, int64_t agent) {
  if (userSide) return rule.subject == sema::Subject::User;
  if (rule.subject == sema::Subject::AllAgents) return true;
  if (rule.subject == sema::Subject::User || agent < 0) return false;
  return std::find(rule.agents.begin(), rule.agents.end(), static_cast<uint32_t>(agent)) != rule.agents.end();
}

Side decideSide(const sema::CheckedPolicy& p, const Request& r, bool userSide, int64_t agent) {
  std::vector<std::string> hits[3];  // by ast::Effect
  for (const sema::CheckedRule& rule : p.rules) {
    if (!applies(rule, userSide, agent)) continue;
    auto at = std::find(rule.actions.begin(), rule.actions.end(), r.action);
    if (at == rule.actions.end()) continue;
    if (matches(p, r, rule, static_cast<size_t>(at - rule.actions.begin())))
      hits[static_cast<int>(rule.effect)].push_back(rule.id);
  }
  auto& forbids = hits[static_cast<int>(ast::Effect::Forbid)];
  auto& escalates = hits[static_cast<int>(ast::Effect::Escalate)];
  auto& permits = hits[static_cast<int>(ast::Effect::Permit)];
  if (!forbids.empty()) return Side{Verdict::Deny, true, forbids};
  if (!escalates.empty()) return Side{Verdict::Escalate, false, escalates};
  if (!permits.empty()) return Side{Verdict::Allow, false, permits};
  return Side{};
}

Decision make(const char* decision, const char* reason, std::vector<std::string> rules = {}) {
  std::sort(rules.begin(), rules.end());
  return Decision{decision, reason, std::move(rules)};
}

Decision combine(const Side& a, const Side* u) {
  if (a.verdict == Verdict::Deny) return make("deny", a.forbidden ? "forbidden" : "no_permit", a.forbidden ? a.rules : std::vector<std::string>{});
  if (!u) return a.verdict == Verdict::Allow ? make("allow", "permitted", a.rules) : make("escalate", "escalated", a.rules);
  if (u->verdict == Verdict::Deny)
    return make("deny", u->forbidden ? "user_forbidden" : "user_no_permit", u->forbidden ? u->rules : std::vector<std::string>{});
  std::vector<std::string> both = a.rules;
  both.insert(both.end(), u->rules.begin(), u->rules.end());
  if (a.verdict == Verdict::Allow && u->verdict == Verdict::Allow) return make("allow", "permitted", both);
  if (a.verdict == Verdict::Escalate && u->verdict == Verdict::Escalate) return make("escalate", "escalated", both);
  if (a.verdict == Verdict::Escalate) return make("escalate", "escalated", a.rules);
  return make("escalate", "user_escalated", u->rules);
}

}  // namespace

Decision decide(const sema::CheckedPolicy& p, const Request& r) {
  const sema::Schema& s = p.schema;
  if (r.revoked) return make("deny", "revoked");
  int64_t agent = -1;
  for (size_t i = 0; i < s.agents.size(); ++i)
    if (s.agents[i].name == r.agent) agent = static_cast<int64_t>(i);
  if (!s.agents.empty() && agent < 0) return make("deny", "unknown_agent");
  if (agent >= 0) {
    const sema::AgentInfo& info = s.agents[static_cast<size_t>(agent)];
    if (info.expires && *info.expires <= r.now) return make("deny", "agent_expired");
    if (info.hasScope && std::find(info.may.begin(), info.may.end(), r.action) == info.may.end())
      return make("deny", "out_of_scope");
  }
  Side a = decideSide(p, r, false, agent);
  if (a.verdict == Verdict::Deny || r.user < 0) return combine(a, nullptr);
  Side u = decideSide(p, r, true, agent);
  return combine(a, &u);
}

}  // namespace agentpol::ref
