// dead_rule_reason.cpp — splitting a rule's condition into parts, the
// tracked per-part encoding, the core shrunk by deletion, and its wording
// (see the header).
#include "verify/dead_rule_reason.h"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>
#include <llvm/Support/Casting.h>

#include "sema/condition_parts.h"

namespace agentpol::verify {

namespace {

void split(const ast::Expr* e, ast::BinaryExpr::Op op, bool fromUnless, std::vector<ConditionPart>& out) {
  std::vector<const ast::Expr*> es;
  sema::splitOperands(e, op, es);
  for (const ast::Expr* x : es) out.push_back(ConditionPart{x, fromUnless});
}

}  // namespace

std::vector<ConditionPart> conditionParts(const sema::CheckedRule& rule) {
  std::vector<ConditionPart> out;
  if (rule.when) split(rule.when.get(), ast::BinaryExpr::Op::And, false, out);
  if (rule.unless) split(rule.unless.get(), ast::BinaryExpr::Op::Or, true, out);
  return out;
}

DeadReason deadReason(ActionModel& m, const sema::CheckedRule& rule, const std::vector<ConditionPart>& parts,
                      const z3::expr& reach, unsigned timeoutMs) {
  auto start = std::chrono::steady_clock::now();
  DeadReason out;
  z3::context& c = m.req.env().ctx();
  z3::solver s(c);
  z3::params prm(c);
  prm.set("timeout", timeoutMs);
  s.set(prm);
  std::vector<z3::expr> trackers;
  try {
    ExprEncoder enc(m.req, sharedNameValues(m.req, rule.names, rule.actions));
    for (size_t i = 0; i < parts.size(); ++i) {
      SymValue v = enc.encode(*parts[i].expr);
      z3::expr holds = (parts[i].fromUnless ? !v.value : v.value) && !v.error;
      z3::expr t = c.bool_const(fmt::format("dead[{}]@{}.part{}", rule.id, m.req.actionInfo().name, i).c_str());
      s.add(z3::implies(t, holds));
      trackers.push_back(t);
    }
  } catch (const Unsupported& u) {
    out.problem = u.what();
    return out;
  }
  // After encoding: the parts may have handed out new terms.
  for (const z3::expr& d : m.req.domain) s.add(d);
  s.add(reach);

  // Checks the parts in `subset`; on unsat, replaces it by the core.
  auto check = [&](std::vector<size_t>& subset) {
    z3::expr_vector as(c);
    for (size_t i : subset) as.push_back(trackers[i]);
    z3::check_result r = s.check(as);
    if (r != z3::unsat) return r;
    z3::expr_vector core = s.unsat_core();
    std::vector<size_t> kept;
    for (size_t i : subset)
      for (unsigned k = 0; k < core.size(); ++k)
        if (z3::eq(core[k], trackers[i])) kept.push_back(i);
    subset = std::move(kept);
    return r;
  };

  std::vector<size_t> core(parts.size());
  for (size_t i = 0; i < core.size(); ++i) core[i] = i;
  z3::check_result first = check(core);
  if (first != z3::unsat) {
    out.problem = first == z3::sat ? "the parts of the condition can hold together" : s.reason_unknown();
  } else {
    // Deletion: a part stays only if the others alone are consistent. Parts
    // already kept stay necessary in every smaller unsat subset, so the
    // (ascending) core keeps them in front and `i` need not move back.
    size_t i = 0;
    while (i < core.size()) {
      std::vector<size_t> candidate = core;
      candidate.erase(candidate.begin() + static_cast<std::ptrdiff_t>(i));
      z3::check_result r = check(candidate);
      if (r == z3::unsat) {
        core = std::move(candidate);
        continue;
      }
      if (r == z3::unknown) out.minimal = false;
      ++i;
    }
    out.found = true;
    out.parts = core;
  }
  out.millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return out;
}

namespace {

std::string quote(const std::vector<ConditionPart>& parts, size_t i, const diag::SourceManager* sm) {
  const ConditionPart& p = parts[i];
  const SourceRange& r = p.expr->range;
  std::string text = sm ? sm->snippet(r) : "";
  if (!text.empty()) return "`" + text + "`";
  size_t pos = 1;
  for (size_t k = 0; k < i; ++k) pos += parts[k].fromUnless == p.fromUnless;
  return fmt::format("`{}` part {}", p.fromUnless ? "unless" : "when", pos);
}

}  // namespace

std::string describeReason(const std::vector<ConditionPart>& parts, const DeadReason& reason,
                           const diag::SourceManager* sources) {
  if (!reason.found) return "";
  const std::vector<size_t>& core = reason.parts;
  std::string out;
  if (core.empty()) {
    out = "no request is in its reach";
  } else if (core.size() == 1) {
    const ConditionPart& p = parts[core[0]];
    out = quote(parts, core[0], sources) + (p.fromUnless ? " (the `unless` part) always holds" : " can never hold");
  } else {
    for (size_t k = 0; k < core.size(); ++k) {
      if (k > 0) out += k + 1 == core.size() ? " and " : ", ";
      out += (parts[core[k]].fromUnless ? "not " : "") + quote(parts, core[k], sources);
    }
    out += core.size() == 2 ? " cannot both hold" : " cannot all hold";
  }
  if (!reason.minimal) out += " (a contradicting subset; the solver could not tell whether it is minimal)";
  return out;
}

}  // namespace agentpol::verify
