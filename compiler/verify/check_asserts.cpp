// check_asserts.cpp — `assert NAME: [for ACTIONS:] EXPR`: EXPR holds for
// every request of those actions (declared agents, with or without a user,
// every value), with `allowed`/`escalated`/`denied` the final decision. An
// assert body that errors on a request counts as not holding there.
#include <fmt/format.h>

#include "verify/checks.h"

namespace agentpol::verify {

std::vector<CheckResult> checkAsserts(Session& s) {
  std::vector<CheckResult> out;
  const sema::CheckedPolicy& p = s.policy();
  for (const sema::CheckedAssert& as : p.asserts) {
    CheckResult r;
    r.name = as.name;
    r.kind = "assert";
    r.range = as.range;
    Accumulator acc;
    std::vector<uint32_t> actions = as.actions;
    if (actions.empty() && as.allActions)
      for (uint32_t a = 0; a < p.schema.actions.size(); ++a) actions.push_back(a);
    for (uint32_t a : actions) {
      if (acc.violated) break;
      ActionModel& m = s.model(a);
      std::optional<SymValue> body;
      try {
        body.emplace(m.encodeAssert(as));
      } catch (const Unsupported& u) {
        acc.fail(u.what());
        continue;
      }
      z3::expr violation = body->error || !body->value;
      QueryResult q = s.find(a, violation, r);
      if (q.kind == QueryResult::Kind::Unsat) {
        acc.unsat(q);
      } else if (q.kind == QueryResult::Kind::Sat && m.complete()) {
        acc.violated = true;
        r.message = fmt::format("assert `{}` fails for action `{}`", as.name, p.schema.actions[a].name);
        s.attachCounterexample(a, q, violation, r);
      } else {
        acc.fail(q.kind == QueryResult::Kind::Sat ? m.unsupported() : q.reason);
      }
    }
    r.status = acc.status();
    if (r.status == Status::Proved) {
      r.rules = s.ruleIds(acc.core);
      r.message = fmt::format("assert `{}` holds", as.name);
    } else if (r.status == Status::Unknown) {
      r.message = "could not decide: " + acc.unknownWhy;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace agentpol::verify
