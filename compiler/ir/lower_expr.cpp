// lower_expr.cpp — lowering of scalar expressions and whole rules: literals,
// names to slots, operators, `has`, methods and set literals. Record-typed
// operands go through lower_records.cpp. Entry: lower() (lower.h).
#include <algorithm>
#include <stdexcept>

#include <llvm/Support/Casting.h>

#include "ir/lower.h"
#include "ir/lowerer.h"
#include "sema/condition_parts.h"

namespace agentpol::ir {

using llvm::cast;
using llvm::dyn_cast;
using EK = ast::Expr::Kind;
using TK = sema::Type::Kind;

// The same tree as lowering `when`/`unless` whole (`&&` is andOf either
// way), but each top-level part's node is noted in parts_ (sema/
// condition_parts.h) for codegen's coverage table.
NodeRef Lowerer::condition() {
  NodeRef when = rule_.when ? lowerParts(rule_.when.get()) : boolConst(true);
  size_t firstUnless = parts_.size();
  NodeRef unless = rule_.unless ? lowerParts(rule_.unless.get()) : boolConst(false);
  NodeRef notUnless = notOf(unless);
  // notOf folds a lone part (a flipped comparison, `!x` to x): the code
  // then computes the part's negation.
  bool folded = !(notUnless->op == Op::Not && notUnless->kids[0] == unless);
  if (folded && parts_.size() == firstUnless + 1 && parts_.back().node == unless) {
    parts_.back().node = notUnless;
    parts_.back().invert = true;
  }
  return andOf(when, notUnless);
}

NodeRef Lowerer::lowerParts(const ast::Expr* e) {
  if (const ast::BinaryExpr* b = sema::splitsAt(e, ast::BinaryExpr::Op::And)) {
    NodeRef l = lowerParts(b->lhs.get());
    return andOf(l, lowerParts(b->rhs.get()));
  }
  NodeRef n = expr(e);
  parts_.push_back(PartNode{static_cast<uint32_t>(parts_.size()), n, false});
  return n;
}

NodeRef Lowerer::expr(const ast::Expr* e) {
  switch (e->kind()) {
    case EK::BoolLit: case EK::IntLit: case EK::StringLit: case EK::MoneyLit:
    case EK::DurationLit: case EK::TimeLit: return literal(e);
    case EK::SetLit: return setLiteral(cast<ast::SetLit>(e));
    case EK::Name: return name(cast<ast::NameExpr>(e));
    case EK::Keyword: return keyword(cast<ast::KeywordExpr>(e));
    case EK::HasUser: return load(Op::HasUser, Type::boolean());
    case EK::HasName: return hasName(cast<ast::HasNameExpr>(e));
    case EK::Unary: return unary(cast<ast::UnaryExpr>(e));
    case EK::Binary: return binary(cast<ast::BinaryExpr>(e));
    case EK::Like: {
      auto* l = cast<ast::LikeExpr>(e);
      return like(expr(l->subject.get()), l->segments);
    }
    case EK::Has: return has(cast<ast::HasExpr>(e));
    case EK::Attr: return attribute(cast<ast::AttrExpr>(e));
    case EK::MethodCall: return method(cast<ast::MethodCallExpr>(e));
    case EK::If: {
      auto* i = cast<ast::IfExpr>(e);
      return ifOf(expr(i->cond.get()), expr(i->thenExpr.get()), expr(i->elseExpr.get()));
    }
    case EK::Call: break;
  }
  throw std::logic_error("ir: a def call survived inlining");
}

NodeRef Lowerer::literal(const ast::Expr* e) {
  Type t = rt(e->type);
  if (auto* b = dyn_cast<ast::BoolLit>(e)) return boolConst(b->value);
  if (auto* i = dyn_cast<ast::IntLit>(e)) return constant(ConstImage::scalar(t, i->value));
  if (auto* s = dyn_cast<ast::StringLit>(e)) return constant(ConstImage::str(s->value));
  if (auto* m = dyn_cast<ast::MoneyLit>(e)) return constant(ConstImage::scalar(t, m->minor));
  if (auto* d = dyn_cast<ast::DurationLit>(e)) return constant(ConstImage::scalar(t, d->seconds));
  return constant(ConstImage::scalar(t, cast<ast::TimeLit>(e)->epochSeconds));
}

NodeRef Lowerer::setLiteral(const ast::SetLit* s) {
  Type elem = s->type->kind() == TK::Set ? rt(s->type->element()) : Type::boolean();
  std::vector<NodeRef> elements;
  for (const ast::ExprPtr& x : s->elements) elements.push_back(expr(x.get()));
  return makeSet(elem, std::move(elements));
}

NodeRef Lowerer::name(const ast::NameExpr* n) {
  const sema::SharedName& shared = rule_.names.at(n->binding.index);
  uint32_t index = shared.indexInAction.at(k_);
  if (n->binding.kind == ast::Binding::Kind::ActionParam) return load(Op::Param, rt(n->type), index);
  if (n->binding.kind != ast::Binding::Kind::ActionArg) throw std::logic_error("ir: unexpected name in a rule");
  const FieldLayout& args = layout_.args[action_];
  uint32_t slot = args.offset.at(index);
  return load(Op::Arg, rt(n->type), slot, args.slots.at(slot).optional);
}

NodeRef Lowerer::keyword(const ast::KeywordExpr* k) {
  switch (k->which) {
    case ast::KeywordExpr::Which::Now: return load(Op::Now, Type::time());
    case ast::KeywordExpr::Which::Agent: return load(Op::Agent, rt(k->type));
    case ast::KeywordExpr::Which::User: return load(Op::User, rt(k->type), 0, true);
    case ast::KeywordExpr::Which::Context: break;
  }
  throw std::logic_error("ir: `context` used as a scalar");
}

NodeRef Lowerer::unary(const ast::UnaryExpr* u) {
  NodeRef x = expr(u->operand.get());
  return u->op == ast::UnaryExpr::Op::Not ? notOf(std::move(x)) : neg(std::move(x));
}

NodeRef Lowerer::binary(const ast::BinaryExpr* b) {
  using BO = ast::BinaryExpr::Op;
  const sema::Type* lt = b->lhs->type;
  if ((b->op == BO::Eq || b->op == BO::Ne) && lt->kind() == TK::Record) {
    NodeRef eq = recordEquals(record(b->lhs.get()), record(b->rhs.get()));
    return b->op == BO::Eq ? eq : notOf(eq);
  }
  if (b->op == BO::Mul) return multiply(b);
  NodeRef l = expr(b->lhs.get()), r = expr(b->rhs.get());
  switch (b->op) {
    case BO::And: return andOf(l, r);
    case BO::Or: return orOf(l, r);
    case BO::Eq: return compare(Op::Eq, l, r);
    case BO::Ne: return compare(Op::Ne, l, r);
    case BO::Lt: return compare(Op::Lt, l, r);
    case BO::Le: return compare(Op::Le, l, r);
    case BO::Gt: return compare(Op::Gt, l, r);
    case BO::Ge: return compare(Op::Ge, l, r);
    case BO::In: return setOp(Op::In, l, r);
    case BO::Add: return arith(Op::Add, l, r, rt(b->type));
    case BO::Sub: return arith(Op::Sub, l, r, rt(b->type));
    case BO::Mul: case BO::Implies: break;
  }
  throw std::logic_error("ir: `=>` outside an assert");
}

// `x * k` or `k * x`: one side is an Int literal (after inlining, possibly
// a negated one), which becomes MUL's constant operand.
NodeRef Lowerer::multiply(const ast::BinaryExpr* b) {
  NodeRef l = expr(b->lhs.get()), r = expr(b->rhs.get());
  if (r->isConst() && r->type == Type::integer()) return mul(l, r->k.ints[0]);
  if (l->isConst() && l->type == Type::integer()) return mul(r, l->k.ints[0]);
  throw std::logic_error("ir: `*` without an Int literal factor");
}

NodeRef Lowerer::attribute(const ast::AttrExpr* a) {
  const sema::Type* ot = a->object->type;
  if (auto* n = dyn_cast<ast::NameExpr>(a->object.get()); n && n->binding.kind == ast::Binding::Kind::EnumType) {
    int v = schema_.enums[n->binding.index].valueIndex(a->attr.name);
    return constant(ConstImage::scalar(rt(a->type), v));
  }
  if (ot->kind() == TK::Record) return recordField(record(a->object.get()), schema_.recordOf(ot).fieldIndex(a->attr.name));
  NodeRef entity = expr(a->object.get());
  if (a->attr.name == "id" && schema_.recordOf(ot).fieldIndex("id") < 0) return idOf(entity);
  uint32_t field = static_cast<uint32_t>(schema_.recordOf(ot).fieldIndex(a->attr.name));
  uint32_t slot = layout_.entities[ot->index()].offset.at(field);
  return attr(Op::Attr, entity, ot->index(), slot, rt(a->type));
}

NodeRef Lowerer::has(const ast::HasExpr* h) {
  const sema::Type* ot = h->object->type;
  uint32_t field = static_cast<uint32_t>(schema_.recordOf(ot).fieldIndex(h->attr.name));
  if (ot->kind() == TK::Record) return recordHas(record(h->object.get()), field);
  return entityHas(expr(h->object.get()), ot->index(), field);
}

// A bare `has NAME`: true for a parameter or a required argument; for an
// optional one the presence of its slot (a record: see presence()).
NodeRef Lowerer::hasName(const ast::HasNameExpr* h) {
  if (h->binding.kind != ast::Binding::Kind::ActionArg) return boolConst(true);
  uint32_t index = rule_.names.at(h->binding.index).indexInAction.at(k_);
  const sema::Field& f = schema_.actions[action_].args.at(index);
  if (!f.optional) return boolConst(true);
  const FieldLayout& args = layout_.args[action_];
  std::vector<Leaf> leaves;
  for (uint32_t s = args.offset.at(index); s < args.end(index); ++s)
    leaves.push_back(Leaf{nullptr, load(Op::HasArg, Type::boolean(), s), args.slots[s].optional});
  return presence(leaves, f);
}

NodeRef Lowerer::method(const ast::MethodCallExpr* m) {
  NodeRef s = expr(m->object.get());
  const std::string& name = m->method.name;
  if (name == "isEmpty") return isEmpty(s);
  NodeRef x = expr(m->args.at(0).get());
  if (name == "contains") return setOp(Op::In, x, s);
  if (name == "containsAll") return setOp(Op::ContainsAll, s, x);
  if (name == "containsAny") return setOp(Op::ContainsAny, s, x);
  throw std::logic_error("ir: unknown set method " + name);
}

Program lower(const sema::CheckedPolicy& policy) {
  Program p;
  p.layout = buildLayout(policy.schema);
  for (const sema::CheckedRule& r : policy.rules) {
    Rule out;
    out.source = &r;
    for (size_t k = 0; k < r.actions.size(); ++k) {
      Lowerer l(policy, p.layout, r, k);
      NodeRef cond = l.condition();
      out.bodies.push_back(RuleBody{r.actions[k], std::move(cond), l.takeParts()});
    }
    std::sort(out.bodies.begin(), out.bodies.end(),
              [](const RuleBody& a, const RuleBody& b) { return a.action < b.action; });
    auto same = [](const RuleBody& a, const RuleBody& b) { return a.action == b.action; };
    out.bodies.erase(std::unique(out.bodies.begin(), out.bodies.end(), same), out.bodies.end());
    p.rules.push_back(std::move(out));
  }
  return p;
}

}  // namespace agentpol::ir
