// concrete_outcome.cpp — pins a request, binds every value of interest to a
// probe constant, and reads each probe from the model, or, when the model
// leaves it as an unreduced term, by asking which candidate value is
// satisfiable (exactly one is, when the pinned request determines it).
#include "verify/bytecode/concrete_outcome.h"

#include <map>
#include <optional>

#include "verify/concrete_request.h"

namespace agentpol::verify::bytecode {
namespace {

class ProbeReader {
 public:
  ProbeReader(z3::context& c, z3::solver& s) : c_(c), s_(s) {}

  z3::expr probe(const z3::expr& term) {
    z3::expr p = c_.constant(("bc.probe!" + std::to_string(probes_.size())).c_str(), term.get_sort());
    s_.add(p == term);
    probes_.push_back(p);
    return p;
  }

  // After a sat check: the value of `p` among `candidates`.
  int64_t read(const z3::model& model, const z3::expr& p, int candidates) {
    z3::expr v = model.eval(p, true);
    int64_t n = 0;
    if (v.is_true() || v.is_false()) return remember(p, v, v.is_true() ? 1 : 0);
    if (toI64(v, n)) return remember(p, v, n);
    std::optional<int64_t> found;
    for (int k = 0; k < candidates; ++k) {
      z3::expr val = p.is_bool() ? c_.bool_val(k != 0) : c_.int_val(k);
      z3::expr_vector a(c_);
      a.push_back(p == val);
      if (s_.check(a) != z3::sat) continue;
      if (found) ambiguous_ = true;
      found = k;
      values_.emplace(p.id(), val);
    }
    if (!found) ambiguous_ = true;
    return found.value_or(0);
  }

  // No probe can take another value.
  bool determined() {
    if (ambiguous_) return false;
    z3::expr other = c_.bool_val(false);
    for (const z3::expr& p : probes_) {
      auto it = values_.find(p.id());
      if (it != values_.end()) other = other || p != it->second;
    }
    z3::expr_vector a(c_);
    a.push_back(other);
    return s_.check(a) == z3::unsat;
  }

 private:
  int64_t remember(const z3::expr& p, const z3::expr& v, int64_t n) {
    values_.emplace(p.id(), v);
    return n;
  }

  z3::context& c_;
  z3::solver& s_;
  std::vector<z3::expr> probes_;
  std::map<unsigned, z3::expr> values_;
  bool ambiguous_ = false;
};

std::string outcome(int64_t decision, int64_t reason) {
  return std::string(decisionName(static_cast<int>(decision))) + "/" +
         (reason >= 0 && reason < 12 ? reasonName(static_cast<ReasonCode>(reason)) : "?");
}

}  // namespace

BothDecisions decideBoth(ActionModel& m, BytecodeModel& bc, const nlohmann::json& request, unsigned timeoutMs) {
  BothDecisions out;
  z3::context& c = m.req.env().ctx();
  std::vector<z3::expr> pins;
  try {
    pins = pinRequest(m.req, request);
  } catch (const BadConcreteRequest& e) {
    out.error = e.what();
    return out;
  }
  z3::solver s(c);
  z3::params p(c);
  p.set("timeout", timeoutMs);
  s.set(p);
  for (const z3::expr& d : m.req.domain) s.add(d);
  for (const RuleEntry& e : m.rules) s.add(e.definition);
  s.add(bc.facts());
  for (const z3::expr& pin : pins) s.add(pin);
  ProbeReader r(c, s);
  const DecisionTerms& sd = *m.decision;
  const DecisionTerms& bd = *bc.decision;
  z3::expr sDec = r.probe(sd.decision), sWhy = r.probe(sd.reason);
  z3::expr bDec = r.probe(bd.decision), bWhy = r.probe(bd.reason), bUser = r.probe(bd.user.decision);
  z3::expr user = r.probe(m.req.hasUser), sUser = r.probe(sd.user.decision);
  struct Probes {
    std::string id;
    std::optional<z3::expr> src, byc, err, ret;
  };
  std::vector<Probes> rules;
  for (const RuleEntry& e : m.rules) {
    Probes pr{m.policy().rules[e.rule].id, r.probe(e.applies && e.matchVar), std::nullopt, std::nullopt, std::nullopt};
    rules.push_back(pr);
  }
  for (const BytecodeRule& b : bc.rules) {
    Probes* pr = nullptr;
    for (Probes& q : rules)
      if (q.id == b.id) pr = &q;
    if (!pr) pr = &rules.emplace_back(Probes{b.id, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    pr->byc = r.probe(b.applies && b.matches);
    pr->err = r.probe(b.error);
    pr->ret = r.probe(b.returnsTrue);
  }
  if (s.check() != z3::sat) {
    out.error = "the pinned request is not satisfiable";
    return out;
  }
  z3::model model = s.get_model();
  out.source = outcome(r.read(model, sDec, 3), r.read(model, sWhy, 12));
  out.bytecodeDecisionCode = static_cast<int>(r.read(model, bDec, 3));
  out.bytecode = outcome(out.bytecodeDecisionCode, r.read(model, bWhy, 12));
  out.sourceUserDecision = static_cast<int>(r.read(model, sUser, 3));
  out.bytecodeUserDecision = static_cast<int>(r.read(model, bUser, 3));
  out.userPresent = r.read(model, user, 2) != 0;
  for (const Probes& pr : rules) {
    RuleOutcome o{pr.id, -1, -1, -1};
    if (pr.src) o.source = static_cast<int>(r.read(model, *pr.src, 2));
    if (pr.byc) {
      o.bytecode = static_cast<int>(r.read(model, *pr.byc, 2));
      bool err = r.read(model, *pr.err, 2) != 0, ret = r.read(model, *pr.ret, 2) != 0;
      o.block = err ? 2 : ret ? 1 : 0;
    }
    out.rules.push_back(o);
  }
  out.determined = r.determined();
  return out;
}

}  // namespace agentpol::verify::bytecode
