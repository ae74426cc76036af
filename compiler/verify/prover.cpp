// prover.cpp — the solver loop shared by every check: lazily asserted domain
// constraints and tracked rule definitions, push/pop per query, unsat cores
// mapped back to rule indices, honest `unknown`.
#include "verify/prover.h"

#include <algorithm>

namespace agentpol::verify {

const char* statusName(Status s) {
  switch (s) {
    case Status::Proved: return "proved";
    case Status::Violated: return "violated";
    case Status::Unknown: return "unknown";
  }
  return "unknown";
}

Prover::Prover(Z3Env& env, unsigned timeoutMs) : env_(env), solver_(env.ctx()) {
  z3::params p(env.ctx());
  p.set("timeout", timeoutMs);
  solver_.set(p);
}

void Prover::add(ActionModel& model) {
  models_.push_back(&model);
  synced_.push_back(0);
  defined_.push_back(false);
}

// Asserts (at the base level) whatever the models have added since last time.
void Prover::sync() {
  for (size_t i = 0; i < models_.size(); ++i) {
    ActionModel& m = *models_[i];
    for (; synced_[i] < m.req.domain.size(); ++synced_[i]) solver_.add(m.req.domain[synced_[i]]);
    if (defined_[i]) continue;
    for (const RuleEntry& e : m.rules) solver_.add(z3::implies(e.tracker, e.definition));
    defined_[i] = true;
  }
}

void Prover::prefer(std::vector<z3::expr>& out) {
  z3::context& c = env_.ctx();
  z3::sort ss = c.string_sort();
  z3::sort rs = c.re_sort(ss);
  z3::expr printable = z3::star(z3::range(c.string_val(" "), c.string_val("~")));
  // 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z
  z3::expr tmin = c.int_val(static_cast<int64_t>(-62135596800LL));
  z3::expr tmax = c.int_val(static_cast<int64_t>(253402300799LL));
  for (ActionModel* m : models_) {
    for (const z3::expr& s : m->req.stringTerms) out.push_back(z3::in_re(s, printable));
    for (const z3::expr& id : m->req.idTerms) out.push_back(id.length() > 0);
    for (const z3::expr& t : m->req.timeTerms) out.push_back(t >= tmin && t <= tmax);
    for (const z3::expr& d : m->req.durationTerms) out.push_back(d >= 0 && d <= tmax);
  }
  (void)rs;
}

QueryResult Prover::find(const z3::expr& query, bool readable) {
  sync();
  QueryResult out;
  z3::expr_vector assumptions(env_.ctx());
  for (ActionModel* m : models_)
    for (const RuleEntry& e : m->rules) assumptions.push_back(e.tracker);
  solver_.push();
  solver_.add(query);
  z3::check_result r = solver_.check(assumptions);
  if (r == z3::unsat) {
    out.kind = QueryResult::Kind::Unsat;
    z3::expr_vector core = solver_.unsat_core();
    for (unsigned i = 0; i < core.size(); ++i)
      for (ActionModel* m : models_)
        if (int rule = m->ruleOfTracker(core[i]); rule >= 0) out.coreRules.push_back(static_cast<uint32_t>(rule));
    std::sort(out.coreRules.begin(), out.coreRules.end());
    out.coreRules.erase(std::unique(out.coreRules.begin(), out.coreRules.end()), out.coreRules.end());
  } else if (r == z3::sat) {
    out.kind = QueryResult::Kind::Sat;
    out.model.emplace(solver_.get_model());
    if (!readable) {
      solver_.pop();
      return out;
    }
    // Readable values when the query allows them; otherwise keep the first model.
    std::vector<z3::expr> prefs;
    prefer(prefs);
    solver_.push();
    for (const z3::expr& p : prefs) solver_.add(p);
    if (solver_.check(assumptions) == z3::sat) out.model.emplace(solver_.get_model());
    solver_.pop();
  } else {
    out.kind = QueryResult::Kind::Unknown;
    out.reason = solver_.reason_unknown();
  }
  solver_.pop();
  return out;
}

}  // namespace agentpol::verify
