// check_inventory.cpp — `inventory`: every agent has a `reviewed` date no
// older than --max-review-age before --today. Subject = agent. The dates
// decide the status (no solver); a violation then shows what the unreviewed
// agent can still do: a request by it that the policy allows (else
// escalates; else any request by it, which is denied).
#include <optional>

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

// A request by `agent` of one of `actions` satisfying `want(decision)`.
// `exact`: only on actions whose rules are all encoded (a Sat elsewhere may
// be spurious). `unsure` keeps why the first undecided query was not decided.
template <class Want>
std::optional<Found> findRequest(Session& s, const sema::AgentInfo& agent, const std::vector<uint32_t>& actions,
                                 Want want, bool exact, CheckResult& r, std::string& unsure) {
  for (uint32_t a : actions) {
    ActionModel& m = s.model(a);
    z3::expr query = m.req.agentIs(agent.name) && want(*m.decision);
    QueryResult q = s.find(a, query, r, kCounterexample);
    if (q.kind == QueryResult::Kind::Unsat) continue;
    if (q.kind == QueryResult::Kind::Unknown || (exact && !m.complete())) {
      if (unsure.empty()) unsure = q.kind == QueryResult::Kind::Unknown ? q.reason : m.unsupported();
      continue;
    }
    return Found{a, q, query};
  }
  return std::nullopt;
}

// What the unreviewed agent can still do: appended to r.message, with the
// example request as the counterexample.
void attachExample(Session& s, const sema::AgentInfo& agent, CheckResult& r) {
  const sema::CheckedPolicy& p = s.policy();
  std::vector<uint32_t> actions = actionsOf(p, agent);
  auto name = [&](const Found& f) { return p.schema.actions[f.action].name; };
  std::string allowUnsure, escalateUnsure;
  if (auto f = findRequest(s, agent, actions, [](const DecisionTerms& d) { return d.allowed; }, true, r, allowUnsure)) {
    r.message += fmt::format("; it can still be allowed to `{}`", name(*f));
    s.attachCounterexample(f->action, f->q, f->claim, r);
    return;
  }
  std::string undecided =
      allowUnsure.empty() ? "" : " (whether it can be allowed could not be decided: " + allowUnsure + ")";
  if (auto f = findRequest(s, agent, actions, [](const DecisionTerms& d) { return d.escalated; }, true, r,
                           escalateUnsure)) {
    r.message += allowUnsure.empty()
                     ? fmt::format("; it cannot be allowed anything, but can still be escalated on `{}`", name(*f))
                     : fmt::format("; it can still be escalated on `{}`{}", name(*f), undecided);
    s.attachCounterexample(f->action, f->q, f->claim, r);
    return;
  }
  // Nothing allowed or escalated: any request by the agent (all actions when
  // its scope is empty) shows the denial.
  if (actions.empty()) actions = actionsOf(p, sema::AgentInfo{});
  std::string anyUnsure;
  auto any = [](const DecisionTerms& d) { return d.decision.ctx().bool_val(true); };
  std::optional<Found> f = findRequest(s, agent, actions, any, false, r, anyUnsure);
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

}  // namespace

std::vector<CheckResult> checkInventory(Session& s) {
  std::vector<CheckResult> out;
  const VerifyOptions& o = s.options();
  for (const sema::AgentInfo& a : s.policy().schema.agents) {
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
    if (r.status == Status::Violated) attachExample(s, a, r);
    out.push_back(std::move(r));
  }
  return out;
}

SourceRange ruleRange(const sema::CheckedPolicy& p, uint32_t rule) { return p.rules[rule].range; }

}  // namespace agentpol::verify
