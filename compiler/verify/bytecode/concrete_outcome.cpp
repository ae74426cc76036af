// concrete_outcome.cpp — pins a request and reads every value of interest
// with ForcedValues (forced_value.h): proposed by one model, or by asking
// the solver when the model leaves a term unreduced, then all proved forced
// by one more query.
#include "verify/bytecode/concrete_outcome.h"

#include <optional>

#include "verify/concrete_request.h"
#include "verify/forced_value.h"

namespace agentpol::verify::bytecode {
namespace {

std::string outcome(int64_t decision, int64_t reason) {
  return std::string(to_string(static_cast<Decision>(decision))) + "/" +
         (reason >= 0 && reason <= static_cast<int64_t>(Reason::BadRequest) ? to_string(static_cast<Reason>(reason)) : "?");
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
  const DecisionTerms& sd = *m.decision;
  const DecisionTerms& bd = *bc.decision;
  auto read = [&](ForcedValues& f) {
    auto code = [&](const z3::expr& t, const std::string& name, int64_t hi) {
      return f.integer(t, name, 0, hi).value_or(0);
    };
    auto flag = [&](const z3::expr& t, const std::string& name) { return f.boolean(t, name).value_or(false); };
    const int64_t lastReason = static_cast<int64_t>(Reason::BadRequest);
    out = BothDecisions{};
    int64_t sDec = code(sd.decision, "the source decision", 2);
    out.source = outcome(sDec, code(sd.reason, "the source reason", lastReason));
    out.bytecodeDecisionCode = static_cast<int>(code(bd.decision, "the bytecode decision", 2));
    out.bytecode = outcome(out.bytecodeDecisionCode, code(bd.reason, "the bytecode reason", lastReason));
    out.sourceUserDecision = static_cast<int>(code(sd.user.decision, "the source user-side decision", 2));
    out.bytecodeUserDecision = static_cast<int>(code(bd.user.decision, "the bytecode user-side decision", 2));
    out.userPresent = flag(m.req.hasUser, "whether there is a user");
    for (const RuleEntry& e : m.rules) {
      const std::string& id = m.policy().rules[e.rule].id;
      out.rules.push_back(RuleOutcome{id, flag(e.applies && e.matchVar, "the source hit of rule `" + id + "`"), -1, -1});
    }
    for (const BytecodeRule& b : bc.rules) {
      RuleOutcome* o = nullptr;
      for (RuleOutcome& q : out.rules)
        if (q.id == b.id) o = &q;
      if (!o) o = &out.rules.emplace_back(RuleOutcome{b.id, -1, -1, -1});
      std::string of = " of rule `" + b.id + "`";
      o->bytecode = flag(b.applies && b.matches, "the bytecode hit" + of);
      bool err = flag(b.error, "the block error" + of), ret = flag(b.returnsTrue, "the block result" + of);
      o->block = err ? 2 : ret ? 1 : 0;
    }
  };
  std::string error;
  bool determined = readForced(s, read, error);
  out.determined = determined;
  out.error = error;
  return out;
}

}  // namespace agentpol::verify::bytecode
