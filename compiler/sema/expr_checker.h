// expr_checker.h — name resolution and type checking of one expression tree
// (spec section 5). Fills every node's `type` and every NameExpr's `binding`,
// reports one diagnostic per error and gives erroneous nodes the error type
// so that nothing cascades. Operators live in expr_operators.cpp.
#pragma once

#include <vector>

#include "sema/has_facts.h"
#include "sema/scope.h"
#include "sema/sema_state.h"

namespace agentpol::sema {

class ExprChecker {
 public:
  ExprChecker(SemaState& st, const Scope& scope) : st_(st), scope_(scope) {}

  // Checks `e` where the paths in `known` are known present; returns its type.
  const Type* check(ast::Expr& e, const Facts& known);
  // Checks a condition: it must be Bool (`what` names it in the message).
  void checkCondition(ast::Expr& e, const Facts& known, const char* what);

  // The facts a checked expression proves when it is true / false.
  const Facts& factsWhen(const ast::Expr& e, bool truth) { return facts_.when(e, truth); }

  // Defs called (directly) by the checked expressions, for cycle detection.
  const std::vector<uint32_t>& callees() const { return callees_; }

  // Gives an empty-set expression (`[]`, or an `if` of them) the set type its
  // use implies, so that later stages see a concrete `Set<T>`.
  static void settle(ast::Expr& e, const Type* to);

 private:
  const Type* dispatch(ast::Expr& e, const Facts& known);
  const Type* literal(ast::Expr& e);
  const Type* setLiteral(ast::SetLit& e, const Facts& known);
  const Type* name(ast::NameExpr& e, const Facts& known);
  const Type* keyword(ast::KeywordExpr& e, const Facts& known);
  const Type* hasUser(ast::HasUserExpr& e);
  const Type* hasName(ast::HasNameExpr& e);
  const Type* attr(ast::AttrExpr& e, const Facts& known);
  const Type* enumValue(ast::AttrExpr& e, ast::NameExpr& typeName, uint32_t enumIndex);
  const Type* has(ast::HasExpr& e, const Facts& known);
  const Type* call(ast::CallExpr& e, const Facts& known);
  const Type* ifExpr(ast::IfExpr& e, const Facts& known);
  // expr_operators.cpp
  const Type* unary(ast::UnaryExpr& e, const Facts& known);
  const Type* binary(ast::BinaryExpr& e, const Facts& known);
  const Type* logical(ast::BinaryExpr& e, const Facts& known);
  const Type* equality(ast::BinaryExpr& e, const Type* l, const Type* r);
  const Type* ordering(ast::BinaryExpr& e, const Type* l, const Type* r);
  const Type* additive(ast::BinaryExpr& e, const Type* l, const Type* r);
  const Type* multiply(ast::BinaryExpr& e, const Type* l, const Type* r);
  const Type* membership(ast::BinaryExpr& e, const Type* l, const Type* r);
  const Type* like(ast::LikeExpr& e, const Facts& known);
  const Type* method(ast::MethodCallExpr& e, const Facts& known);
  // Element `x` looked up in set `s` (`in`, `contains`); reports E0310.
  bool elementFits(ast::Expr& x, ast::Expr& s, SourceRange where);

  const Type* boolType() const { return st_.types.boolean(); }
  const Type* errorType() const { return st_.types.error(); }
  // The enum declared as `name`, unless a scope name hides it.
  const Symbol* enumNamed(const std::string& name) const;

  SemaState& st_;
  const Scope& scope_;
  std::vector<uint32_t> callees_;
  FactCache facts_;
};

}  // namespace agentpol::sema
