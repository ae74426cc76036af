// dead_rule_reason.h — why a dead rule's condition can never hold: the
// condition split into its top-level parts (the `when` split on `&&`, each
// `unless` disjunct split on `||` and negated), each part encoded under its
// own tracker literal, and a minimal subset of parts that contradicts
// (together with the rule's reach and the schema's constraints): the unsat
// core, shrunk by deletion. Entry points: conditionParts, deadReason,
// describeReason.
#pragma once

#include <string>
#include <vector>

#include "diag/source_manager.h"
#include "verify/action_model.h"

namespace agentpol::verify {

// One top-level part of a rule's condition. The rule's condition holds
// (true, without error) exactly when every part holds: a `when` part is true
// without error, an `unless` part is false without error.
struct ConditionPart {
  const ast::Expr* expr = nullptr;
  bool fromUnless = false;
};

// Splits `&&` (in `when`) and `||` (in `unless`) as written: a node whose
// operands lie outside its own source range (the body of an inlined `def`)
// is one part.
std::vector<ConditionPart> conditionParts(const sema::CheckedRule& rule);

struct DeadReason {
  bool found = false;        // `parts` is a contradicting subset
  std::vector<size_t> parts; // indices into conditionParts, ascending; empty: the reach alone is empty
  bool minimal = true;       // every deletion step was decided (else: a subset, maybe not minimal)
  std::string problem;       // when not found: why
  double millis = 0;
};

// `reach` = the requests the rule applies to on `m`'s action (its agents, a
// user for user rules, a declared agent). Uses a solver of its own over the
// model's domain constraints; each query has `timeoutMs`.
DeadReason deadReason(ActionModel& m, const sema::CheckedRule& rule, const std::vector<ConditionPart>& parts,
                      const z3::expr& reach, unsigned timeoutMs);

// "`a > 1` and `a < 0` cannot both hold", "`x` can never hold", "`y` (the
// `unless` part) always holds"; parts are quoted from `sources` (whitespace
// runs collapsed), or named by position ("`when` part 2") without them.
std::string describeReason(const std::vector<ConditionPart>& parts, const DeadReason& reason,
                           const diag::SourceManager* sources);

}  // namespace agentpol::verify
