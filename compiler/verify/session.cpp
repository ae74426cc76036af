// session.cpp — lazily built per-action models and provers, timing, and
// counterexample rendering with confirmation through concrete_request.
#include "verify/session.h"

#include <algorithm>

#include "verify/concrete_request.h"

namespace agentpol::verify {

Status VerifyReport::overall() const {
  Status s = Status::Proved;
  for (const CheckResult& c : checks) {
    if (c.status == Status::Violated) return Status::Violated;
    if (c.status == Status::Unknown) s = Status::Unknown;
  }
  return s;
}

Session::Session(const sema::CheckedPolicy& policy, const VerifyOptions& options)
    : policy_(policy), options_(options), agents_(AgentDomain::of(policy.schema)), vm_(policy) {}

ActionModel& Session::model(uint32_t action) {
  auto& slot = models_[action];
  if (!slot) slot = std::make_unique<ActionModel>(env_, policy_, action, agents_);
  return *slot;
}

Prover& Session::prover(uint32_t action) {
  auto& slot = provers_[action];
  if (!slot) {
    ProverOptions o{options_.timeoutMs, options_.slice, options_.minimizeCores, std::nullopt};
    if (options_.today != 0) o.preferredNow = preferredNowFor(options_.today);
    slot = std::make_unique<Prover>(env_, o);
    slot->add(model(action));
  }
  return *slot;
}

QueryResult Session::find(uint32_t action, const z3::expr& query, CheckResult& result, FindOptions want) {
  auto start = std::chrono::steady_clock::now();
  ActionModel& m = model(action);
  // Checks range over declared agents only (spec 7: "every declared agent").
  z3::expr q = query && (policy_.schema.agents.empty() ? env_.ctx().bool_val(true) : m.req.agentIsDeclared());
  QueryResult r = prover(action).find(q, want);
  result.millis += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return r;
}

void Session::attachCounterexample(uint32_t action, const QueryResult& q, const z3::expr& violation,
                                   CheckResult& result) {
  ActionModel& m = model(action);
  RenderedRequest r = renderRequest(m.req, *q.model);
  result.counterexample = r.request;
  try {
    result.confirmed = r.exact && confirm(action, r.request, violation);
  } catch (const BadConcreteRequest&) {
    result.confirmed = false;
  }
  if (!result.confirmed)
    result.message += r.exact ? " (the counterexample could not be confirmed by replaying it)"
                              : " (counterexample approximate: " + r.problem + ")";
}

// Replays a counterexample: the pinned request and the negated violation
// must be unsat with the encoding (the action's prover: domain constraints,
// and the definitions of the rules in the query's cone). The pinned agent is
// substituted into the violation first, so rules that do not name it drop
// out of the cone — a confirmation costs what the agent's own rules cost,
// not what the whole action's do (docs/verification.md, "Confirming").
bool Session::confirm(uint32_t action, const nlohmann::json& request, const z3::expr& violation) {
  ActionModel& m = model(action);
  if (!m.complete()) return false;
  std::vector<z3::expr> pins = pinRequest(m.req, request);  // may add domain constraints
  int agent = static_cast<int>(agents_.names.size());  // "another name" unless a declared one
  if (request.contains("agent") && request["agent"].is_object() && request["agent"].contains("id") &&
      request["agent"]["id"].is_string()) {
    int i = agents_.indexOf(request["agent"]["id"].get<std::string>());
    if (i >= 0) agent = i;
  }
  z3::expr query = forAgent(action, !violation, agent);
  for (const z3::expr& pin : pins) query = query && pin;
  return prover(action).find(query, kExistence).kind == QueryResult::Kind::Unsat;
}

z3::expr Session::forAgent(uint32_t action, const z3::expr& query, int agent) {
  z3::context& c = env_.ctx();
  ActionModel& m = model(action);
  z3::expr_vector from(c), to(c);
  from.push_back(m.req.agentSel);
  to.push_back(c.int_val(agent));
  return m.req.agentSel == agent && z3::expr(query).substitute(from, to).simplify();
}

std::vector<std::string> Session::ruleIds(const std::vector<uint32_t>& rules) const {
  std::vector<uint32_t> sorted = rules;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::vector<std::string> out;
  for (uint32_t r : sorted) out.push_back(policy_.rules[r].id);
  return out;
}

}  // namespace agentpol::verify
