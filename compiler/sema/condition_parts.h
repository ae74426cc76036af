// condition_parts.h — a rule's condition split into its top-level parts as
// written: the one split shared by lowering (compiler/ir, which tags each
// part's node for codegen's coverage table), verify's dead-rule reasons and
// the coverage/explain reports (spec 9: the top-level `&&`-operands of
// `when` and of `unless`).
#pragma once

#include <vector>

#include "sema/checked_policy.h"

namespace agentpol::sema {

// `e` as a BinaryExpr of operator `op` whose operands lie inside its own
// source range (so not the body of an inlined `def`, which is one part), or
// null.
const ast::BinaryExpr* splitsAt(const ast::Expr* e, ast::BinaryExpr::Op op);

// The operands of `e`'s top-level `op` chain, left to right (`e` itself when
// it does not split).
void splitOperands(const ast::Expr* e, ast::BinaryExpr::Op op, std::vector<const ast::Expr*>& out);

// One part for coverage and explain: the `&&`-operands of `when`, then
// those of `unless`, in source order.
struct RulePart {
  const ast::Expr* expr = nullptr;
  bool inUnless = false;
};
std::vector<RulePart> ruleParts(const CheckedRule& rule);

}  // namespace agentpol::sema
