// check_inventory.cpp — `inventory`: every agent has a `reviewed` date no
// older than --max-review-age before --today. Subject = agent. The dates
// decide the status (no solver); a violation then shows what the unreviewed
// agent can still do: a request by it that the policy allows (else
// escalates; else any request by it, which is denied).
//
// The search for "allowed" (then "escalated") runs for all violated agents
// together, action by action in each agent's order (docs/verification.md,
// "Inventory at scale"): a request found for one agent is tried for the
// others on the runtime VM with their name put in (a replay: confirmed when
// the VM decides it as wanted), and one query over the agents still left either finds a
// request for one of them or proves that none of them can get it.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "verify/checks.h"

namespace agentpol::verify {

namespace {

// The agent's actions: its `may` scope in order, or every action without one.
std::vector<uint32_t> actionsOf(const sema::CheckedPolicy& p, const sema::AgentInfo& agent) {
  if (agent.hasScope) return agent.may;
  std::vector<uint32_t> all;
  for (uint32_t a = 0; a < p.schema.actions.size(); ++a) all.push_back(a);
  return all;
}

struct Found {
  uint32_t action = 0;
  QueryResult q;
  z3::expr claim;
};

enum class Tier { Allowed, Escalated };

z3::expr wanted(const DecisionTerms& d, Tier t) { return t == Tier::Allowed ? d.allowed : d.escalated; }
Decision wantedDecision(Tier t) { return t == Tier::Allowed ? Decision::Allow : Decision::Escalate; }

// One violated agent's search for a request of one tier.
struct Pending {
  const sema::AgentInfo* agent = nullptr;
  CheckResult* result = nullptr;  // the agent's inventory result (its solver time)
  std::vector<uint32_t> actions;
  std::optional<uint32_t> found;  // the action a request was found on
  CheckResult example;            // found: counterexample, confirmed, message suffix
  std::string unsure;             // why the first undecided action was not decided
};

class TierSearch {
 public:
  TierSearch(Session& s, Tier tier) : s_(s), tier_(tier) {}

  void run(std::vector<Pending>& work) {
    size_t longest = 0;
    for (const Pending& w : work) longest = std::max(longest, w.actions.size());
    for (size_t pos = 0; pos < longest; ++pos) {
      std::map<uint32_t, std::vector<Pending*>> byAction;
      for (Pending& w : work)
        if (!w.found && pos < w.actions.size()) byAction[w.actions[pos]].push_back(&w);
      for (auto& [action, group] : byAction) searchAction(action, group);
    }
  }

 private:
  z3::expr claim(ActionModel& m, const Pending& w) { return m.req.agentIs(w.agent->name) && wanted(*m.decision, tier_); }

  // The original per-agent query (incomplete models, undecided group queries).
  void alone(uint32_t a, Pending& w) {
    ActionModel& m = s_.model(a);
    z3::expr query = claim(m, w);
    QueryResult q = s_.find(a, query, *w.result, kCounterexample);
    if (q.kind == QueryResult::Kind::Unsat) return;
    if (q.kind == QueryResult::Kind::Unknown || !m.complete()) {
      if (w.unsure.empty()) w.unsure = q.kind == QueryResult::Kind::Unknown ? q.reason : m.unsupported();
      return;
    }
    take(a, w, q, query);
  }

  void take(uint32_t a, Pending& w, const QueryResult& q, const z3::expr& query) {
    s_.attachCounterexample(a, q, query, w.example);
    w.found = a;
    if (w.example.confirmed) candidates_[a].push_back(*w.example.counterexample);
  }

  // Tries the requests found so far on `a` for each agent left: the renamed
  // request is confirmed when the runtime VM (what `agentpolc eval` runs)
  // decides it as wanted.
  void tryCandidates(uint32_t a, std::vector<Pending*>& left, size_t& tried) {
    std::vector<nlohmann::json>& cands = candidates_[a];
    for (; tried < cands.size() && !left.empty(); ++tried) {
      nlohmann::json cand = cands[tried];  // a copy: take() may grow the list
      std::vector<Pending*> still;
      for (Pending* w : left) {
        nlohmann::json req = withAgent(cand, w->agent->name);
        std::optional<VmOutcome> o = s_.vm().decide(req);
        if (o && o->decision == wantedDecision(tier_)) {  // replayed: the runtime decides it so
          w->example.counterexample = std::move(req);
          w->example.confirmed = true;
          w->found = a;
        } else {
          still.push_back(w);
        }
      }
      left = std::move(still);
    }
  }

  // A request that no rule naming particular agents matches: when it gets
  // the wanted decision it likely does so for every agent (each is tried).
  void generic(uint32_t a, std::vector<Pending*>& left) {
    if (!genericTried_.insert(a).second) return;
    ActionModel& m = s_.model(a);
    z3::expr none = m.req.now.ctx().bool_val(true);
    for (const RuleEntry& e : m.rules)
      if (s_.policy().rules[e.rule].subject == sema::Subject::Agents) none = none && !e.matchVar;
    z3::expr query = anyOf(m, left) && wanted(*m.decision, tier_) && none;
    CheckResult scratch;
    QueryResult q = s_.find(a, query, scratch, kCounterexample);
    left.front()->result->millis += scratch.millis;
    if (q.kind != QueryResult::Kind::Sat) return;
    RenderedRequest r = renderRequest(m.req, *q.model);
    if (r.exact) candidates_[a].push_back(r.request);
  }

  z3::expr anyOf(ActionModel& m, const std::vector<Pending*>& left) {
    z3::expr any = m.req.now.ctx().bool_val(false);
    for (const Pending* w : left) any = any || m.req.agentIs(w->agent->name);
    return any;
  }

  void searchAction(uint32_t a, std::vector<Pending*> left) {
    ActionModel& m = s_.model(a);
    if (!m.complete()) {
      for (Pending* w : left) alone(a, *w);
      return;
    }
    size_t tried = 0;
    tryCandidates(a, left, tried);
    if (!left.empty()) generic(a, left);
    while (!left.empty()) {
      tryCandidates(a, left, tried);
      if (left.empty()) break;
      QueryResult q = s_.find(a, anyOf(m, left) && wanted(*m.decision, tier_), *left.front()->result, kCounterexample);
      if (q.kind == QueryResult::Kind::Unsat) return;  // none of them can get it on `a`
      if (q.kind == QueryResult::Kind::Unknown) {
        for (Pending* w : left) alone(a, *w);
        return;
      }
      int sel = q.model->eval(m.req.agentSel, true).get_numeral_int();
      auto it = std::find_if(left.begin(), left.end(),
                             [&](const Pending* w) { return m.req.agents().indexOf(w->agent->name) == sel; });
      if (it == left.end()) {  // cannot happen: the query names only these agents
        for (Pending* w : left) alone(a, *w);
        return;
      }
      take(a, **it, q, claim(m, **it));
      left.erase(it);
    }
  }

  Session& s_;
  Tier tier_;
  std::map<uint32_t, std::vector<nlohmann::json>> candidates_;  // per action: confirmed requests
  std::set<uint32_t> genericTried_;
};

// A request by `agent` of one of `actions` satisfying `want(decision)`.
// `unsure` keeps why the first undecided query was not decided.
template <class Want>
std::optional<Found> findRequest(Session& s, const sema::AgentInfo& agent, const std::vector<uint32_t>& actions,
                                 Want want, CheckResult& r, std::string& unsure) {
  for (uint32_t a : actions) {
    ActionModel& m = s.model(a);
    z3::expr query = m.req.agentIs(agent.name) && want(*m.decision);
    QueryResult q = s.find(a, query, r, kCounterexample);
    if (q.kind == QueryResult::Kind::Unsat) continue;
    if (q.kind == QueryResult::Kind::Unknown) {
      if (unsure.empty()) unsure = q.reason;
      continue;
    }
    return Found{a, q, query};
  }
  return std::nullopt;
}

void adopt(CheckResult& r, Pending& w) {
  r.counterexample = std::move(w.example.counterexample);
  r.confirmed = w.example.confirmed;
  r.message += w.example.message;
  r.millis += w.example.millis;
}

// Nothing allowed or escalated: any request by the agent (all actions when
// its scope is empty) shows the denial.
void attachDenied(Session& s, const sema::AgentInfo& agent, const std::string& allowUnsure,
                  const std::string& escalateUnsure, CheckResult& r) {
  const sema::CheckedPolicy& p = s.policy();
  std::vector<uint32_t> actions = actionsOf(p, agent);
  auto name = [&](const Found& f) { return p.schema.actions[f.action].name; };
  if (actions.empty()) actions = actionsOf(p, sema::AgentInfo{});
  std::string anyUnsure;
  auto any = [](const DecisionTerms& d) { return d.decision.ctx().bool_val(true); };
  std::optional<Found> f = findRequest(s, agent, actions, any, r, anyUnsure);
  bool sure = allowUnsure.empty() && escalateUnsure.empty();
  std::string what = sure ? "it cannot be allowed or escalated anything"
                          : "no request by it was found allowed or escalated (the solver could not decide: " +
                                (allowUnsure.empty() ? escalateUnsure : allowUnsure) + ")";
  if (!f) {
    r.message += "; " + what + (actions.empty() ? "; the policy declares no action" : "; no example request found: " + anyUnsure);
    return;
  }
  const DecisionTerms& d = *s.model(f->action).decision;
  int dv = f->q.model->eval(d.decision, true).get_numeral_int();
  int rv = f->q.model->eval(d.reason, true).get_numeral_int();
  f->claim = f->claim && d.decision == dv && d.reason == rv;
  r.message += fmt::format("; {}; example request (`{}`) is {} ({})", what, name(*f),
                           dv == 0 ? "denied" : dv == 1 ? "escalated" : "allowed",
                           to_string(static_cast<Reason>(rv)));
  s.attachCounterexample(f->action, f->q, f->claim, r);
}

// What each unreviewed agent can still do: appended to its message, with
// the example request as the counterexample.
void attachExamples(Session& s, std::vector<std::pair<const sema::AgentInfo*, CheckResult*>>& violated) {
  const sema::CheckedPolicy& p = s.policy();
  std::vector<Pending> allow;
  for (auto& [agent, r] : violated) allow.push_back(Pending{agent, r, actionsOf(p, *agent), {}, {}, {}});
  TierSearch(s, Tier::Allowed).run(allow);
  std::vector<Pending> escalate;
  for (Pending& w : allow) {
    if (w.found) {
      w.result->message += fmt::format("; it can still be allowed to `{}`", p.schema.actions[*w.found].name);
      adopt(*w.result, w);
    } else {
      escalate.push_back(Pending{w.agent, w.result, w.actions, {}, {}, {}});
    }
  }
  TierSearch(s, Tier::Escalated).run(escalate);
  size_t next = 0;
  for (Pending& w : allow) {
    if (w.found) continue;
    Pending& e = escalate[next++];
    if (e.found) {
      std::string name = p.schema.actions[*e.found].name;
      w.result->message +=
          w.unsure.empty()
              ? fmt::format("; it cannot be allowed anything, but can still be escalated on `{}`", name)
              : fmt::format("; it can still be escalated on `{}` (whether it can be allowed could not be decided: {})",
                            name, w.unsure);
      adopt(*w.result, e);
    } else {
      attachDenied(s, *w.agent, w.unsure, e.unsure, *w.result);
    }
  }
}

}  // namespace

std::vector<CheckResult> checkInventory(Session& s) {
  std::vector<CheckResult> out;
  const VerifyOptions& o = s.options();
  const std::vector<sema::AgentInfo>& agents = s.policy().schema.agents;
  out.reserve(agents.size());
  std::vector<std::pair<const sema::AgentInfo*, CheckResult*>> violated;
  for (const sema::AgentInfo& a : agents) {
    CheckResult r;
    r.name = r.kind = "inventory";
    r.subject = a.name;
    r.range = a.range;
    if (!a.reviewed) {
      r.status = Status::Violated;
      r.message = fmt::format("agent `{}` has no `reviewed` date", a.name);
    } else {
      int64_t age = o.today - *a.reviewed;
      bool stale = age > o.maxReviewAge;
      r.status = stale ? Status::Violated : Status::Proved;
      r.message = fmt::format("agent `{}` was reviewed {} days ago (limit {} days)", a.name, age / 86400,
                              o.maxReviewAge / 86400);
    }
    out.push_back(std::move(r));
  }
  for (size_t i = 0; i < agents.size(); ++i)
    if (out[i].status == Status::Violated) violated.push_back({&agents[i], &out[i]});
  attachExamples(s, violated);
  return out;
}

SourceRange ruleRange(const sema::CheckedPolicy& p, uint32_t rule) { return p.rules[rule].range; }

}  // namespace agentpol::verify
