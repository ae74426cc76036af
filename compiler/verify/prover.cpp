// prover.cpp — the solver loop shared by every check: lazily asserted domain
// constraints, each query sliced to the tracked rule definitions in its cone
// of influence, push/pop per query, models extended to the whole encoding,
// unsat cores shrunk (preferred_core.h) and mapped back to rule indices,
// honest `unknown`.
#include "verify/prover.h"

#include <algorithm>
#include <chrono>
#include <unordered_set>

#include "verify/counterexample.h"
#include "verify/preferred_core.h"

namespace agentpol::verify {

const char* statusName(Status s) {
  switch (s) {
    case Status::Proved: return "proved";
    case Status::Violated: return "violated";
    case Status::Unknown: return "unknown";
  }
  return "unknown";
}

Prover::Prover(Z3Env& env, ProverOptions options)
    : env_(env), options_(options), solver_(env.ctx()), solverTimeout_(options.timeoutMs) {
  z3::params p(env.ctx());
  p.set("timeout", options_.timeoutMs);
  solver_.set(p);
}

void Prover::add(ActionModel& model) {
  models_.push_back(&model);
  synced_.push_back(0);
  size_t mi = models_.size() - 1;
  for (size_t i = 0; i < model.rules.size(); ++i) {
    byVar_[model.rules[i].matchVar.id()] = slots_.size();
    byTracker_[model.rules[i].tracker.id()] = slots_.size();
    slots_.push_back(Slot{mi, i, {}, false});
    // Without slicing every query carries every definition: assert them once.
    if (!options_.slice) solver_.add(z3::implies(model.rules[i].tracker, model.rules[i].definition));
  }
}

// Asserts (at the base level) the domain constraints the models have added
// since last time, and notes the rules any of them mentions (none, today:
// they are about request terms only — but then no query may leave them out).
void Prover::sync() {
  for (size_t i = 0; i < models_.size(); ++i) {
    ActionModel& m = *models_[i];
    for (; synced_[i] < m.req.domain.size(); ++synced_[i]) {
      const z3::expr& d = m.req.domain[synced_[i]];
      solver_.add(d);
      if (options_.slice) matchVarsIn(d, always_);
    }
  }
}

// Every slot whose match variable occurs in `root` (each distinct subterm is
// visited once, so the walk is linear in the size of the DAG).
void Prover::matchVarsIn(Z3_ast root, std::vector<size_t>& out) const {
  Z3_context c = env_.ctx();
  std::unordered_set<unsigned> seen;
  std::vector<Z3_ast> stack{root};
  while (!stack.empty()) {
    Z3_ast a = stack.back();
    stack.pop_back();
    if (!seen.insert(Z3_get_ast_id(c, a)).second) continue;
    switch (Z3_get_ast_kind(c, a)) {
      case Z3_APP_AST: {
        Z3_app app = Z3_to_app(c, a);
        unsigned n = Z3_get_app_num_args(c, app);
        if (n == 0) {
          if (auto it = byVar_.find(Z3_get_ast_id(c, a)); it != byVar_.end()) out.push_back(it->second);
        }
        for (unsigned i = 0; i < n; ++i) stack.push_back(Z3_get_app_arg(c, app, i));
        break;
      }
      case Z3_QUANTIFIER_AST: stack.push_back(Z3_get_quantifier_body(c, a)); break;
      default: break;  // numerals, bound variables, sorts, declarations
    }
  }
}

void Prover::collect(const z3::expr& e, std::vector<size_t>& cone, std::vector<char>& in) {
  std::vector<size_t> work;
  matchVarsIn(e, work);
  while (!work.empty()) {
    size_t s = work.back();
    work.pop_back();
    if (in[s]) continue;
    in[s] = 1;
    cone.push_back(s);
    Slot& slot = slots_[s];
    if (!slot.walked) {
      matchVarsIn(entryOf(s).definition, slot.needs);
      slot.walked = true;
    }
    work.insert(work.end(), slot.needs.begin(), slot.needs.end());
  }
}

z3::check_result Prover::check(const z3::expr_vector& assumptions, unsigned timeoutMs) {
  if (timeoutMs != solverTimeout_) {
    z3::params p(env_.ctx());
    p.set("timeout", timeoutMs);
    solver_.set(p);
    solverTimeout_ = timeoutMs;
  }
  return solver_.check(assumptions);
}

// Shrinks Z3's unsat core to the preferred minimal core (preferred_core.h)
// over the cone's trackers in source order — cut after the last rule of
// Z3's core, which holds the preferred core too. Within the query's scope;
// the whole shrinking gets the per-query timeout. Undecided or out of time:
// Z3's core stays (valid, not known to be minimal).
void Prover::shrinkCore(std::vector<size_t> cone, const z3::expr_vector& core, QueryResult& out) {
  auto position = [&](size_t s) { return std::make_pair(slots_[s].model, slots_[s].entry); };
  std::sort(cone.begin(), cone.end(), [&](size_t a, size_t b) { return position(a) < position(b); });
  std::unordered_set<unsigned> inCore;
  for (unsigned i = 0; i < core.size(); ++i) inCore.insert(core[i].id());
  size_t end = 0;
  for (size_t i = 0; i < cone.size(); ++i)
    if (inCore.count(entryOf(cone[i]).tracker.id())) end = i + 1;
  std::vector<z3::expr> ordered;
  for (size_t i = 0; i < end; ++i) ordered.push_back(entryOf(cone[i]).tracker);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.timeoutMs);
  std::optional<std::vector<z3::expr>> shrunk = preferredCore(solver_, ordered, deadline);
  solverTimeout_.reset();  // preferredCore set its own timeouts
  std::vector<z3::expr> kept;
  if (shrunk) kept = *shrunk;
  else
    for (unsigned i = 0; i < core.size(); ++i) kept.push_back(core[i]);
  for (const z3::expr& t : kept)
    if (auto it = byTracker_.find(t.id()); it != byTracker_.end()) out.coreRules.push_back(entryOf(it->second).rule);
  out.coreMinimal = shrunk.has_value();
}

void Prover::prefer(std::vector<z3::expr>& needed, std::vector<z3::expr>& cosmetic) {
  z3::context& c = env_.ctx();
  z3::expr printable = z3::star(z3::range(c.string_val(" "), c.string_val("~")));
  z3::expr tmin = c.int_val(kTimeMin);  // (the encoding's domain says so too)
  z3::expr tmax = c.int_val(kTimeMax);
  for (ActionModel* m : models_) {
    for (const z3::expr& id : m->req.idTerms) needed.push_back(id.length() > 0);
    for (const z3::expr& t : m->req.timeTerms) needed.push_back(t >= tmin && t <= tmax);
    for (const z3::expr& d : m->req.durationTerms) needed.push_back(d >= 0 && d <= tmax);
    for (const z3::expr& s : m->req.stringTerms) cosmetic.push_back(z3::in_re(s, printable));
  }
}

// Entity ids from readableEntityId (the agent's is its name) and `now` at
// the preferred time: one preference per term ("one of order-1..order-k"
// for the k entity terms of a type, so distinct entities can all have one).
void Prover::preferNames(std::vector<z3::expr>& ids, std::vector<z3::expr>& now) {
  z3::context& c = env_.ctx();
  for (ActionModel* m : models_) {
    RequestEncoding& req = m->req;
    if (options_.preferredNow) now.push_back(req.now == c.int_val(*options_.preferredNow));
    req.setRecording(false);
    for (const auto& [type, terms] : req.entityTerms) {
      if (req.schema().agentEntity && type == *req.schema().agentEntity) continue;
      const std::string& name = req.schema().entities[type].name;
      for (const z3::expr& e : terms) {
        z3::expr any = c.bool_val(false);
        for (size_t k = 1; k <= terms.size(); ++k) any = any || req.entityId(type, e) == c.string_val(readableEntityId(name, k));
        ids.push_back(any);
      }
    }
    req.setRecording(true);
  }
}

// One more round of preferences on top of a settled model, in its own
// scope, with a tenth of the timeout: kept when they settle, else `m` stays.
void Prover::polish(z3::model& m, const std::vector<z3::expr>& prefs, const z3::expr_vector& assumptions) {
  if (prefs.empty()) return;
  z3::model before = m;
  solver_.push();
  if (!settle(m, prefs, assumptions, std::max(1u, options_.timeoutMs / 10))) m = before;
  solver_.pop();
}

// Asserts the preferences `m` violates, re-solves, and repeats (a new model
// may break others) until `m` meets them all: true, with `m` updated; false
// when a round is not sat (the query forbids a preference, or the time is
// up) or there were too many rounds — `m` is then the last model found.
bool Prover::settle(z3::model& m, const std::vector<z3::expr>& prefs, const z3::expr_vector& assumptions,
                    unsigned budgetMs) {
  using Clock = std::chrono::steady_clock;
  auto deadline = Clock::now() + std::chrono::milliseconds(budgetMs);
  std::vector<char> asserted(prefs.size(), 0);
  for (int round = 0; round < 8; ++round) {
    bool added = false;
    for (size_t i = 0; i < prefs.size(); ++i) {
      if (asserted[i] || m.eval(prefs[i], true).is_true()) continue;
      solver_.add(prefs[i]);
      asserted[i] = 1;
      added = true;
    }
    if (!added) return true;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0 || check(assumptions, static_cast<unsigned>(left)) != z3::sat) return false;
    m = solver_.get_model();
  }
  return false;
}

// A model of the query and the cone's definitions, re-solved under the
// readability preferences; only those a model violates are asserted, so
// terms the query does not constrain cost nothing. First those a faithful
// rendering needs (non-empty ids, times in years 1..9999, durations), within
// the timeout — if the rounds do not settle, all of them at once, else the
// first model is kept; then printable strings as well (cosmetic; string
// constraints can be slow) within a tenth of the timeout, keeping the
// previous model if they do not settle.
z3::model Prover::readable(z3::model first, const z3::expr_vector& assumptions) {
  std::vector<z3::expr> needed, cosmetic;
  prefer(needed, cosmetic);
  z3::model m = first;
  solver_.push();
  bool ok = settle(m, needed, assumptions, options_.timeoutMs);
  if (!ok) {
    solver_.pop();
    solver_.push();
    for (const z3::expr& p : needed) solver_.add(p);
    ok = check(assumptions, options_.timeoutMs) == z3::sat;
    m = ok ? solver_.get_model() : first;
  }
  if (ok) {
    z3::model good = m;
    needed.insert(needed.end(), cosmetic.begin(), cosmetic.end());
    solver_.push();
    if (settle(m, needed, assumptions, std::max(1u, options_.timeoutMs / 10))) {
      // Names last: readable ids, then `now` (each kept only if it settles).
      std::vector<z3::expr> ids, now;
      preferNames(ids, now);
      polish(m, ids, assumptions);
      ids.insert(ids.end(), now.begin(), now.end());  // keeps the ids while `now` moves
      polish(m, ids, assumptions);
    } else {
      m = good;
    }
    solver_.pop();
  }
  solver_.pop();
  return m;
}

// Extends a model of the sliced query to the whole encoding: a rule outside
// the cone has a match variable no asserted formula mentions, so it can take
// the value of its definition's right-hand side in `m` (docs/verification.md).
// Rules whose right-hand side does not evaluate to a Boolean constant (Z3
// leaves some array terms unreduced), or whose definition then does not
// evaluate to true, are listed in `unsettled`; the extension holds only
// when there are none.
void Prover::extend(z3::model& m, const std::vector<char>& in, std::vector<size_t>& unsettled) {
  for (size_t s = 0; s < slots_.size(); ++s) {
    if (in[s]) continue;
    const RuleEntry& e = entryOf(s);
    z3::func_decl var = e.matchVar.decl();
    z3::expr value = env_.ctx().bool_val(false);  // an unsupported rule's match is free
    if (!e.definition.is_true()) {
      bool shaped = e.definition.is_app() && e.definition.num_args() == 2 && z3::eq(e.definition.arg(0), e.matchVar);
      if (shaped) value = m.eval(e.definition.arg(1), true).simplify();
      if (!shaped || (!value.is_true() && !value.is_false())) {
        unsettled.push_back(s);
        continue;
      }
    }
    m.add_const_interp(var, value);
  }
  for (size_t s = 0; s < slots_.size(); ++s)
    if (!in[s] && !m.eval(entryOf(s).definition, true).simplify().is_true() &&
        std::find(unsettled.begin(), unsettled.end(), s) == unsettled.end())
      unsettled.push_back(s);
}

QueryResult Prover::find(const z3::expr& query, FindOptions want) {
  sync();
  QueryResult out;
  std::vector<size_t> cone;
  std::vector<char> in(slots_.size(), 0);
  if (options_.slice) {
    for (size_t s : always_)
      if (!in[s]) collect(entryOf(s).matchVar, cone, in);
    collect(query, cone, in);
  } else {
    for (size_t s = 0; s < slots_.size(); ++s) cone.push_back(s), in[s] = 1;
  }
  out.coneRules = cone.size();
  solver_.push();
  solver_.add(query);
  z3::expr_vector assumptions(env_.ctx());
  for (size_t s : cone) {
    const RuleEntry& e = entryOf(s);
    if (options_.slice) solver_.add(z3::implies(e.tracker, e.definition));
    assumptions.push_back(e.tracker);
  }
  z3::check_result r = check(assumptions, options_.timeoutMs);
  if (r == z3::unsat) {
    out.kind = QueryResult::Kind::Unsat;
    z3::expr_vector core = solver_.unsat_core();
    if (want.core == CoreWanted::Minimal && options_.minimizeCores && core.size() > 0) {
      shrinkCore(cone, core, out);
    } else {
      out.coreMinimal = core.size() == 0;
      for (unsigned i = 0; i < core.size(); ++i)
        if (auto it = byTracker_.find(core[i].id()); it != byTracker_.end())
          out.coreRules.push_back(entryOf(it->second).rule);
    }
    std::sort(out.coreRules.begin(), out.coreRules.end());
    out.coreRules.erase(std::unique(out.coreRules.begin(), out.coreRules.end()), out.coreRules.end());
  } else if (r == z3::sat) {
    out.kind = QueryResult::Kind::Sat;
    if (want.model == ModelWanted::Witness) out.model.emplace(solver_.get_model());
    if (want.model == ModelWanted::Readable) {
      // A model of the whole encoding: extend the sliced one; definitions
      // the model does not settle are asserted and the query re-solved
      // (each round settles more rules, so this ends).
      z3::model m = readable(solver_.get_model(), assumptions);
      for (;;) {
        std::vector<size_t> unsettled;
        extend(m, in, unsettled);
        if (unsettled.empty()) {
          out.model.emplace(m);
          break;
        }
        for (size_t s : unsettled) {
          solver_.add(entryOf(s).definition);
          in[s] = 1;
        }
        z3::check_result again = check(assumptions, options_.timeoutMs);
        if (again != z3::sat) {
          out.kind = QueryResult::Kind::Unknown;
          out.reason = "no model of the whole encoding (" +
                       (again == z3::unknown ? solver_.reason_unknown() : std::string("unsat")) + ")";
          break;
        }
        m = readable(solver_.get_model(), assumptions);
      }
    }
  } else {
    out.kind = QueryResult::Kind::Unknown;
    out.reason = solver_.reason_unknown();
  }
  solver_.pop();
  return out;
}

}  // namespace agentpol::verify
