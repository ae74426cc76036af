// expr_encoding.cpp — the three-valued expression encoding (see the header).
// Errors propagate like the VM's: any error on the evaluated path makes the
// whole condition an error; untaken branches contribute nothing.
#include "verify/expr_encoding.h"

#include <llvm/Support/Casting.h>

namespace agentpol::verify {

using K = sema::Type::Kind;
using llvm::cast;

std::vector<SymValue> sharedNameValues(RequestEncoding& req, const std::vector<sema::SharedName>& names,
                                       const std::vector<uint32_t>& actions) {
  size_t k = 0;
  while (k < actions.size() && actions[k] != req.action()) ++k;
  if (k == actions.size()) throw std::logic_error("verify: action not covered by this rule");
  std::vector<SymValue> out;
  for (const sema::SharedName& n : names) {
    uint32_t i = n.indexInAction[k];
    if (n.kind == ast::Binding::Kind::ActionParam) {
      out.push_back(req.params.at(i));
      continue;
    }
    // Reading an absent optional argument errs, like the VM's ARG; so a
    // name's error flag is exactly its absence (what `has NAME` tests).
    SymValue v = req.args.at(i);
    v.error = (!req.argPresent.at(i)).simplify();
    out.push_back(v);
  }
  return out;
}

ExprEncoder::ExprEncoder(RequestEncoding& req, std::vector<SymValue> names,
                         std::optional<std::array<z3::expr, 3>> decision)
    : req_(req), names_(std::move(names)), decision_(std::move(decision)) {}

SymValue ExprEncoder::scalar(const sema::Type* t, z3::expr v, z3::expr err) { return SymValue(t, v, err); }

SymValue ExprEncoder::encode(const ast::Expr& e) {
  using EK = ast::Expr::Kind;
  switch (e.kind()) {
    case EK::BoolLit: return scalar(e.type, ctx().bool_val(cast<ast::BoolLit>(e).value), f());
    case EK::IntLit: return scalar(e.type, req_.env().i64(cast<ast::IntLit>(e).value), f());
    case EK::StringLit: return scalar(e.type, req_.env().str(cast<ast::StringLit>(e).value), f());
    case EK::MoneyLit: return scalar(e.type, req_.env().i64(cast<ast::MoneyLit>(e).minor), f());
    case EK::DurationLit: return scalar(e.type, req_.env().i64(cast<ast::DurationLit>(e).seconds), f());
    case EK::TimeLit: return scalar(e.type, req_.env().i64(cast<ast::TimeLit>(e).epochSeconds), f());
    case EK::SetLit: return setLiteral(cast<ast::SetLit>(e));
    case EK::Name: return name(cast<ast::NameExpr>(e));
    case EK::Keyword: return keyword(cast<ast::KeywordExpr>(e));
    case EK::HasUser: return scalar(e.type, req_.hasUser, f());
    case EK::HasName: return scalar(e.type, (!names_.at(cast<ast::HasNameExpr>(e).binding.index).error).simplify(), f());
    case EK::Unary: {
      const auto& u = cast<ast::UnaryExpr>(e);
      SymValue x = encode(*u.operand);
      if (u.op == ast::UnaryExpr::Op::Not) return scalar(e.type, !x.value, x.error);
      z3::expr v = -x.value;
      return scalar(e.type, v, x.error || !req_.env().inI64(v));
    }
    case EK::Binary: return binary(cast<ast::BinaryExpr>(e));
    case EK::Like: return like(cast<ast::LikeExpr>(e));
    case EK::Has: return has(cast<ast::HasExpr>(e));
    case EK::Attr: return attr(cast<ast::AttrExpr>(e));
    case EK::MethodCall: return method(cast<ast::MethodCallExpr>(e));
    case EK::If: return ifExpr(cast<ast::IfExpr>(e));
    case EK::Call: break;
  }
  throw Unsupported("a `def` call that was not inlined");
}

SymValue ExprEncoder::name(const ast::NameExpr& e) {
  using BK = ast::Binding::Kind;
  switch (e.binding.kind) {
    case BK::ActionParam:
    case BK::ActionArg: return names_.at(e.binding.index);
    case BK::Decision:
      if (!decision_) throw Unsupported("`" + e.name + "` outside an assert");
      return scalar(e.type, (*decision_)[e.binding.index], f());
    default: break;
  }
  throw Unsupported("the name `" + e.name + "`");
}

SymValue ExprEncoder::keyword(const ast::KeywordExpr& e) {
  using W = ast::KeywordExpr::Which;
  switch (e.which) {
    case W::Now: return scalar(e.type, req_.now, f());
    case W::Agent:
      if (!req_.agentEnt) throw Unsupported("`agent` without an Agent entity");
      return scalar(e.type, *req_.agentEnt, f());
    case W::User:
      if (!req_.userEnt) throw Unsupported("`user` without a User entity");
      return scalar(e.type, *req_.userEnt, !req_.hasUser);
    case W::Context: return *req_.context;
  }
  throw Unsupported("keyword");
}

z3::expr ExprEncoder::keyOf(const SymValue& v) {
  if (v.type->kind() == K::Entity) return req_.entityId(v.type->index(), v.value);
  return v.value;
}

z3::expr ExprEncoder::emptySetLike(const z3::expr& set) {
  return z3::const_array(set.get_sort().array_domain(), ctx().bool_val(false));
}

SymValue ExprEncoder::setLiteral(const ast::SetLit& e) {
  z3::sort keySort = e.type->kind() == K::Set ? req_.env().elementKeySort(req_.schema(), e.type->element())
                                               : ctx().int_sort();
  z3::expr set = z3::const_array(keySort, ctx().bool_val(false));
  z3::expr err = f();
  for (const ast::ExprPtr& el : e.elements) {
    SymValue x = encode(*el);
    set = z3::store(set, keyOf(x), ctx().bool_val(true));
    err = err || x.error;
  }
  return scalar(e.type, set, err.simplify());
}

z3::expr ExprEncoder::equal(const SymValue& a, const SymValue& b) {
  if (a.type->kind() != K::Record) return a.value == b.value;
  z3::expr all = ctx().bool_val(true);
  for (size_t i = 0; i < a.fields.size(); ++i) {
    const SymField& x = a.fields[i];
    const SymField& y = b.fields[i];
    all = all && x.present == y.present && z3::implies(x.present, equal(x.value, y.value));
  }
  return all;
}

SymValue ExprEncoder::binary(const ast::BinaryExpr& e) {
  using Op = ast::BinaryExpr::Op;
  SymValue a = encode(*e.lhs);
  SymValue b = encode(*e.rhs);
  z3::expr err = a.error || b.error;
  switch (e.op) {
    case Op::And: return scalar(e.type, a.value && b.value, a.error || (a.value && b.error));
    case Op::Or: return scalar(e.type, a.value || b.value, a.error || (!a.value && b.error));
    case Op::Implies: return scalar(e.type, !a.value || b.value, a.error || (a.value && b.error));
    case Op::Eq: return scalar(e.type, equal(a, b), err);
    case Op::Ne: return scalar(e.type, !equal(a, b), err);
    case Op::Lt: return scalar(e.type, a.value < b.value, err);
    case Op::Le: return scalar(e.type, a.value <= b.value, err);
    case Op::Gt: return scalar(e.type, a.value > b.value, err);
    case Op::Ge: return scalar(e.type, a.value >= b.value, err);
    case Op::In: {
      z3::expr key = keyOf(a);
      req_.noteMemberKey(key);
      return scalar(e.type, z3::select(b.value, key), err);
    }
    case Op::Add:
    case Op::Sub:
    case Op::Mul: {
      z3::expr v = e.op == Op::Add ? a.value + b.value : e.op == Op::Sub ? a.value - b.value : a.value * b.value;
      return scalar(e.type, v, err || !req_.env().inI64(v));
    }
  }
  throw Unsupported("binary operator");
}

SymValue ExprEncoder::method(const ast::MethodCallExpr& e) {
  SymValue s = encode(*e.object);
  const std::string& m = e.method.name;
  if (m == "isEmpty") return scalar(e.type, s.value == emptySetLike(s.value), s.error);
  if (e.args.size() != 1) throw Unsupported("method `" + m + "`");
  SymValue x = encode(*e.args[0]);
  z3::expr err = s.error || x.error;
  if (m == "contains") {
    z3::expr key = keyOf(x);
    req_.noteMemberKey(key);
    return scalar(e.type, z3::select(s.value, key), err);
  }
  if (m == "containsAll") return scalar(e.type, z3::set_subset(x.value, s.value), err);
  if (m == "containsAny")
    return scalar(e.type, z3::set_intersect(s.value, x.value) != emptySetLike(s.value), err);
  throw Unsupported("method `" + m + "`");
}

SymValue ExprEncoder::attr(const ast::AttrExpr& e) {
  // `Enum.value`
  if (const auto* n = llvm::dyn_cast<ast::NameExpr>(e.object.get());
      n && n->binding.kind == ast::Binding::Kind::EnumType) {
    const sema::EnumInfo& info = req_.schema().enumOf(e.type);
    int idx = info.valueIndex(e.attr.name);
    if (idx < 0) throw Unsupported("enum value `" + e.attr.name + "`");
    return scalar(e.type, req_.env().enumSort(info).values[idx](), f());
  }
  SymValue o = encode(*e.object);
  if (o.type->kind() == K::Entity) {
    uint32_t et = o.type->index();
    if (e.attr.name == "id") return scalar(e.type, req_.entityId(et, o.value), o.error);
    int fi = req_.schema().entities[et].fieldIndex(e.attr.name);
    if (fi < 0) throw Unsupported("attribute `" + e.attr.name + "`");
    SymField field = req_.attribute(et, o.value, static_cast<uint32_t>(fi));
    SymValue out = field.value;
    out.error = o.error || !req_.attrsSupplied(et, o.value) || !field.present;
    return out;
  }
  if (o.type->kind() == K::Record) {
    int fi = req_.schema().recordOf(o.type).fieldIndex(e.attr.name);
    if (fi < 0) throw Unsupported("field `" + e.attr.name + "`");
    const SymField& field = o.fields[fi];
    SymValue out = field.value;
    out.error = o.error || !field.present;
    return out;
  }
  throw Unsupported("attribute of " + o.type->str());
}

SymValue ExprEncoder::has(const ast::HasExpr& e) {
  SymValue o = encode(*e.object);
  if (o.type->kind() == K::Entity) {
    uint32_t et = o.type->index();
    int fi = req_.schema().entities[et].fieldIndex(e.attr.name);
    if (fi < 0) throw Unsupported("attribute `" + e.attr.name + "`");
    SymField field = req_.attribute(et, o.value, static_cast<uint32_t>(fi));
    return scalar(e.type, field.present, o.error || !req_.attrsSupplied(et, o.value));
  }
  if (o.type->kind() == K::Record) {
    int fi = req_.schema().recordOf(o.type).fieldIndex(e.attr.name);
    if (fi < 0) throw Unsupported("field `" + e.attr.name + "`");
    return scalar(e.type, o.fields[fi].present, o.error);
  }
  throw Unsupported("`has` on " + o.type->str());
}

SymValue ExprEncoder::like(const ast::LikeExpr& e) {
  SymValue s = encode(*e.subject);
  if (e.segments.size() <= 1) {
    z3::expr lit = req_.env().str(e.segments.empty() ? std::string() : e.segments[0]);
    return scalar(e.type, s.value == lit, s.error);
  }
  z3::sort ss = ctx().string_sort();
  z3::sort rs = ctx().re_sort(ss);
  z3::expr any = z3::re_full(rs);
  z3::expr re = z3::to_re(req_.env().str(e.segments[0]));
  for (size_t i = 1; i < e.segments.size(); ++i)
    re = z3::concat(re, z3::concat(any, z3::to_re(req_.env().str(e.segments[i]))));
  return scalar(e.type, z3::in_re(s.value, re), s.error);
}

namespace {
SymValue iteValue(const z3::expr& c, const SymValue& a, const SymValue& b) {
  SymValue out(a.type, z3::ite(c, a.value, b.value), z3::ite(c, a.error, b.error));
  for (size_t i = 0; i < a.fields.size(); ++i)
    out.fields.push_back(SymField{iteValue(c, a.fields[i].value, b.fields[i].value),
                                  z3::ite(c, a.fields[i].present, b.fields[i].present)});
  return out;
}
}  // namespace

SymValue ExprEncoder::ifExpr(const ast::IfExpr& e) {
  SymValue c = encode(*e.cond);
  SymValue a = encode(*e.thenExpr);
  SymValue b = encode(*e.elseExpr);
  if (a.value.get_sort().id() != b.value.get_sort().id()) throw Unsupported("`if` over sets of two types");
  SymValue out = iteValue(c.value, a, b);
  out.type = e.type;
  out.error = c.error || out.error;
  return out;
}

SymValue encodeCondition(ExprEncoder& enc, const ast::Expr* when, const ast::Expr* unless, z3::context& c,
                         const sema::Type* boolType) {
  SymValue w = when ? enc.encode(*when) : SymValue(boolType, c.bool_val(true), c.bool_val(false));
  if (!unless) return w;
  SymValue u = enc.encode(*unless);
  return SymValue(boolType, w.value && !u.value, w.error || (w.value && u.error));
}

}  // namespace agentpol::verify
