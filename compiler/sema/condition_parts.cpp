// condition_parts.cpp — splitting conditions at a connective as written
// (see the header).
#include "sema/condition_parts.h"

#include <llvm/Support/Casting.h>

namespace agentpol::sema {
namespace {

bool within(const SourceRange& inner, const SourceRange& outer) {
  return inner.valid() && outer.valid() && inner.file == outer.file && inner.begin >= outer.begin &&
         inner.end <= outer.end;
}

}  // namespace

const ast::BinaryExpr* splitsAt(const ast::Expr* e, ast::BinaryExpr::Op op) {
  const auto* b = llvm::dyn_cast_or_null<ast::BinaryExpr>(e);
  if (b && b->op == op && within(b->lhs->range, b->range) && within(b->rhs->range, b->range)) return b;
  return nullptr;
}

void splitOperands(const ast::Expr* e, ast::BinaryExpr::Op op, std::vector<const ast::Expr*>& out) {
  if (const ast::BinaryExpr* b = splitsAt(e, op)) {
    splitOperands(b->lhs.get(), op, out);
    splitOperands(b->rhs.get(), op, out);
    return;
  }
  out.push_back(e);
}

std::vector<RulePart> ruleParts(const CheckedRule& rule) {
  std::vector<RulePart> out;
  std::vector<const ast::Expr*> es;
  if (rule.when) splitOperands(rule.when.get(), ast::BinaryExpr::Op::And, es);
  size_t whenCount = es.size();
  if (rule.unless) splitOperands(rule.unless.get(), ast::BinaryExpr::Op::And, es);
  for (size_t i = 0; i < es.size(); ++i) out.push_back(RulePart{es[i], i >= whenCount});
  return out;
}

}  // namespace agentpol::sema
