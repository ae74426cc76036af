// expr_operators.cpp — the operator table of spec section 5: Boolean
// connectives (with `has` facts), equality, ordering, linear arithmetic over
// Int/Money/Time/Duration, set membership and methods, and `like`.
#include "sema/expr_checker.h"

#include "ast/operator_text.h"

namespace agentpol::sema {

using diag::DiagId;
using Op = ast::BinaryExpr::Op;
using TK = Type::Kind;

namespace {

// An Int literal, possibly negated: the only allowed factor of `*`.
bool isIntConstant(const ast::Expr& e) {
  if (llvm::isa<ast::IntLit>(e)) return true;
  auto* u = llvm::dyn_cast<ast::UnaryExpr>(&e);
  return u && u->op == ast::UnaryExpr::Op::Neg && u->operand && llvm::isa<ast::IntLit>(*u->operand);
}

bool isScaled(const Type* t) { return t->kind() == TK::Int || t->kind() == TK::Money || t->kind() == TK::Duration; }

}  // namespace

const Type* ExprChecker::unary(ast::UnaryExpr& e, const Facts& known) {
  if (!e.operand) return errorType();
  if (e.op == ast::UnaryExpr::Op::Not) {
    checkCondition(*e.operand, known, "the operand of `!`");
    return boolType();
  }
  const Type* t = check(*e.operand, known);
  if (t->isError()) return t;
  if (!isScaled(t)) {
    st_.diags.report(DiagId::BadNegate, e.range, t->str());
    return errorType();
  }
  return t;
}

const Type* ExprChecker::binary(ast::BinaryExpr& e, const Facts& known) {
  if (!e.lhs || !e.rhs) return errorType();
  if (e.op == Op::And || e.op == Op::Or || e.op == Op::Implies) return logical(e, known);
  const Type* l = check(*e.lhs, known);
  const Type* r = check(*e.rhs, known);
  switch (e.op) {
    case Op::Eq:
    case Op::Ne: return equality(e, l, r);
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge: return ordering(e, l, r);
    case Op::Add:
    case Op::Sub: return additive(e, l, r);
    case Op::Mul: return multiply(e, l, r);
    case Op::In: return membership(e, l, r);
    default: return errorType();
  }
}

const Type* ExprChecker::logical(ast::BinaryExpr& e, const Facts& known) {
  if (e.op == Op::Implies && !scope_.inAssert()) st_.diags.report(DiagId::ImpliesOutsideAssert, e.opRange);
  std::string what = fmt::format("the operand of `{}`", ast::binaryOpText(e.op));
  checkCondition(*e.lhs, known, what.c_str());
  // The right side runs only when the left one is true (&&, =>) or false (||).
  Facts rightKnown = known.unite(facts_.when(*e.lhs, e.op != Op::Or));
  checkCondition(*e.rhs, rightKnown, what.c_str());
  return boolType();
}

const Type* ExprChecker::equality(ast::BinaryExpr& e, const Type* l, const Type* r) {
  if (!compatible(l, r)) {
    st_.diags.report(DiagId::CannotCompare, e.rhs->range, l->str(), r->str());
    return boolType();
  }
  const Type* j = join(l, r);
  settle(*e.lhs, j);
  settle(*e.rhs, j);
  return boolType();
}

const Type* ExprChecker::ordering(ast::BinaryExpr& e, const Type* l, const Type* r) {
  if (l->isError() || r->isError()) return boolType();
  if (l != r) {
    st_.diags.report(DiagId::CannotCompare, e.rhs->range, l->str(), r->str());
    return boolType();
  }
  TK k = l->kind();
  if (k != TK::Int && k != TK::Money && k != TK::Time && k != TK::Duration)
    st_.diags.report(DiagId::NotOrderable, e.opRange, l->str(), ast::binaryOpText(e.op));
  return boolType();
}

const Type* ExprChecker::additive(ast::BinaryExpr& e, const Type* l, const Type* r) {
  if (l->isError() || r->isError()) return errorType();
  bool add = e.op == Op::Add;
  TK lk = l->kind(), rk = r->kind();
  if (l == r && (lk == TK::Int || lk == TK::Money || lk == TK::Duration)) return l;  // same currency for Money
  if (lk == TK::Time && rk == TK::Duration) return l;                                // Time ± Duration
  if (add && lk == TK::Duration && rk == TK::Time) return r;                         // Duration + Time
  if (!add && lk == TK::Time && rk == TK::Time) return st_.types.duration();         // Time − Time
  st_.diags.report(DiagId::BadArithmetic, e.opRange, ast::binaryOpText(e.op), l->str(), r->str());
  return errorType();
}

const Type* ExprChecker::multiply(ast::BinaryExpr& e, const Type* l, const Type* r) {
  if (l->isError() || r->isError()) return errorType();
  ast::Expr* other;
  const Type* otherType;
  if (isIntConstant(*e.lhs)) {
    other = e.rhs.get();
    otherType = r;
  } else if (isIntConstant(*e.rhs)) {
    other = e.lhs.get();
    otherType = l;
  } else {
    st_.diags.report(DiagId::NonLinear, e.opRange);
    return errorType();
  }
  if (!isScaled(otherType)) {
    st_.diags.report(DiagId::BadMultiply, other->range, otherType->str());
    return errorType();
  }
  return otherType;
}

bool ExprChecker::elementFits(ast::Expr& x, ast::Expr& s, SourceRange where) {
  const Type* xt = x.type;
  const Type* st = s.type;
  if (xt->isError() || st->isError()) return true;
  if (st->kind() == TK::EmptySet) {
    if (isValidSetElement(xt)) settle(s, st_.types.set(xt));
    return true;
  }
  if (xt != st->element()) {
    st_.diags.report(DiagId::ElementMismatch, where, xt->str(), st->str());
    return false;
  }
  return true;
}

const Type* ExprChecker::membership(ast::BinaryExpr& e, const Type* l, const Type* r) {
  if (r->isError()) return boolType();
  if (!r->isSetLike()) {
    st_.diags.report(DiagId::NotASet, e.rhs->range, "`in`", r->str());
    return boolType();
  }
  elementFits(*e.lhs, *e.rhs, e.lhs->range);
  (void)l;
  return boolType();
}

const Type* ExprChecker::like(ast::LikeExpr& e, const Facts& known) {
  if (!e.subject) return errorType();
  const Type* t = check(*e.subject, known);
  if (!t->isError() && t != st_.types.string()) st_.diags.report(DiagId::LikeNeedsString, e.subject->range, t->str());
  return boolType();
}

const Type* ExprChecker::method(ast::MethodCallExpr& e, const Facts& known) {
  if (!e.object) return errorType();
  const Type* s = check(*e.object, known);
  for (ast::ExprPtr& a : e.args)
    if (a) check(*a, known);
  const std::string& m = e.method.name;
  bool one = m == "contains" || m == "containsAll" || m == "containsAny";
  if (!one && m != "isEmpty") {
    st_.diags.report(DiagId::UnknownMethod, e.method.range, m);
    return errorType();
  }
  if (s->isError()) return boolType();
  if (!s->isSetLike()) {
    st_.diags.report(DiagId::NotASet, e.object->range, "`" + m + "`", s->str());
    return boolType();
  }
  size_t want = one ? 1 : 0;
  if (e.args.size() != want || (want == 1 && !e.args[0])) {
    st_.diags.report(DiagId::MethodArity, e.method.range, m, want == 1 ? "1 argument" : "no arguments",
                     e.args.size());
    return boolType();
  }
  if (m == "contains") {
    elementFits(*e.args[0], *e.object, e.args[0]->range);
  } else if (one) {
    ast::Expr& other = *e.args[0];
    const Type* o = other.type;
    if (o->isError()) return boolType();
    if (!o->isSetLike()) {
      st_.diags.report(DiagId::NotASet, other.range, "`" + m + "`", o->str());
    } else if (!compatible(o, s)) {
      st_.diags.report(DiagId::ElementMismatch, other.range, o->str(), s->str());
    } else {
      const Type* j = join(s, o);
      settle(*e.object, j);
      settle(other, j);
    }
  }
  return boolType();
}

}  // namespace agentpol::sema
