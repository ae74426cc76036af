// expr_checker.cpp — dispatch, literals, names and keywords, attributes and
// `has` (with the visibility rules of has_facts.h), def calls and `if`.
#include "sema/expr_checker.h"

#include <algorithm>

namespace agentpol::sema {

using diag::DiagId;

const Type* ExprChecker::check(ast::Expr& e, const Facts& known) {
  const Type* t = dispatch(e, known);
  e.type = t ? t : errorType();
  return e.type;
}

void ExprChecker::checkCondition(ast::Expr& e, const Facts& known, const char* what) {
  const Type* t = check(e, known);
  if (!t->isError() && t != boolType()) {
    st_.diags.report(DiagId::ExpectedBool, e.range, what, t->str());
    e.type = errorType();
  }
}

void ExprChecker::settle(ast::Expr& e, const Type* to) {
  if (!e.type || e.type->kind() != Type::Kind::EmptySet || !to || to->kind() != Type::Kind::Set) return;
  e.type = to;
  if (auto* i = llvm::dyn_cast<ast::IfExpr>(&e)) {
    if (i->thenExpr) settle(*i->thenExpr, to);
    if (i->elseExpr) settle(*i->elseExpr, to);
  }
}

const Type* ExprChecker::dispatch(ast::Expr& e, const Facts& known) {
  using K = ast::Expr::Kind;
  switch (e.kind()) {
    case K::BoolLit:
    case K::IntLit:
    case K::StringLit:
    case K::MoneyLit:
    case K::DurationLit:
    case K::TimeLit: return literal(e);
    case K::SetLit: return setLiteral(llvm::cast<ast::SetLit>(e), known);
    case K::Name: return name(llvm::cast<ast::NameExpr>(e), known);
    case K::Keyword: return keyword(llvm::cast<ast::KeywordExpr>(e), known);
    case K::HasUser: return hasUser(llvm::cast<ast::HasUserExpr>(e));
    case K::HasName: return hasName(llvm::cast<ast::HasNameExpr>(e));
    case K::Unary: return unary(llvm::cast<ast::UnaryExpr>(e), known);
    case K::Binary: return binary(llvm::cast<ast::BinaryExpr>(e), known);
    case K::Like: return like(llvm::cast<ast::LikeExpr>(e), known);
    case K::Has: return has(llvm::cast<ast::HasExpr>(e), known);
    case K::Attr: return attr(llvm::cast<ast::AttrExpr>(e), known);
    case K::MethodCall: return method(llvm::cast<ast::MethodCallExpr>(e), known);
    case K::Call: return call(llvm::cast<ast::CallExpr>(e), known);
    case K::If: return ifExpr(llvm::cast<ast::IfExpr>(e), known);
  }
  return errorType();
}

const Type* ExprChecker::literal(ast::Expr& e) {
  switch (e.kind()) {
    case ast::Expr::Kind::BoolLit: return boolType();
    case ast::Expr::Kind::IntLit: return st_.types.integer();
    case ast::Expr::Kind::StringLit: return st_.types.string();
    case ast::Expr::Kind::DurationLit: return st_.types.duration();
    case ast::Expr::Kind::TimeLit: return st_.types.time();
    default: break;
  }
  auto& m = llvm::cast<ast::MoneyLit>(e);
  const std::string& c = m.currency;
  if (c.size() != 3 || !std::all_of(c.begin(), c.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
    st_.diags.report(DiagId::BadCurrency, m.range, c);
    return errorType();
  }
  return st_.types.money(c);
}

const Type* ExprChecker::setLiteral(ast::SetLit& e, const Facts& known) {
  const Type* elem = nullptr;
  bool bad = false;
  for (ast::ExprPtr& x : e.elements) {
    if (!x) continue;
    const Type* t = check(*x, known);
    if (t->isError()) {
      bad = true;
      continue;
    }
    if (!elem) {
      elem = t;
      if (!isValidSetElement(t)) {
        st_.diags.report(DiagId::BadSetElement, x->range, t->str());
        bad = true;
      }
    } else if (t != elem) {
      st_.diags.report(DiagId::MixedSet, x->range, t->str(), elem->str());
      bad = true;
    }
  }
  if (bad) return errorType();
  return elem ? st_.types.set(elem) : st_.types.emptySet();
}

const Symbol* ExprChecker::enumNamed(const std::string& n) const {
  if (scope_.names.count(n)) return nullptr;
  const Symbol* s = st_.lookupType(scope_.origin, n);
  return s && s->kind == Symbol::Kind::Enum ? s : nullptr;
}

const Type* ExprChecker::name(ast::NameExpr& e, const Facts& known) {
  // In asserts the decisions come first: they are the point of an assert,
  // and an action argument named `allowed` must not change its meaning.
  static const char* const kDecisions[] = {"allowed", "escalated", "denied"};
  int decision = -1;
  for (int i = 0; i < 3; ++i)
    if (e.name == kDecisions[i]) decision = i;
  if (decision >= 0 && scope_.inAssert()) {
    e.binding.kind = ast::Binding::Kind::Decision;
    e.binding.index = static_cast<uint32_t>(decision);
    return boolType();
  }
  auto it = scope_.names.find(e.name);
  if (it != scope_.names.end()) {
    e.binding.kind = it->second.kind;
    e.binding.index = it->second.index;
    if (it->second.optional && !known.contains("$" + e.name))
      st_.diags.report(DiagId::OptionalArgument, e.range, e.name, e.name);
    return it->second.type;
  }
  if (decision >= 0) {
    st_.diags.report(DiagId::DecisionOutsideAssert, e.range, e.name);
    return errorType();
  }
  if (const Symbol* s = enumNamed(e.name)) {
    const EnumInfo& en = st_.schema.enums[s->index];
    st_.diags.report(DiagId::EnumTypeAsValue, e.range, e.name, e.name,
                     en.values.empty() ? std::string("value") : en.values.front());
    return errorType();
  }
  if (scope_.unshared.count(e.name)) {
    st_.diags.report(DiagId::NameNotShared, e.range, e.name);
    return errorType();
  }
  st_.diags.report(DiagId::UnknownName, e.range, e.name);
  return errorType();
}

const Type* ExprChecker::keyword(ast::KeywordExpr& e, const Facts& known) {
  using W = ast::KeywordExpr::Which;
  static const char* const kNames[] = {"now", "agent", "user", "context"};
  if (scope_.inDef()) {
    st_.diags.report(DiagId::NotInDef, e.range, kNames[static_cast<int>(e.which)]);
    return errorType();
  }
  switch (e.which) {
    case W::Now: return st_.types.time();
    case W::Context: return st_.schema.context().type;
    case W::Agent: return st_.requireAgent(e.range, "`agent`");
    case W::User: {
      const Type* t = st_.requireUser(e.range, "`user`");
      if (!t->isError() && !scope_.userAlwaysPresent && !known.contains("user"))
        st_.diags.report(DiagId::UserMaybeAbsent, e.range);
      return t;
    }
  }
  return errorType();
}

const Type* ExprChecker::hasUser(ast::HasUserExpr& e) {
  if (scope_.inDef()) {
    st_.diags.report(DiagId::NotInDef, e.range, "has user");
    return errorType();
  }
  st_.requireUser(e.range, "`has user`");
  return boolType();
}

// A bare `has NAME`: NAME must be an action parameter or argument of the
// scope (for a required one it is always true); anything else is E0322 or,
// when unknown, E0103/E0112 as for a bare name. In asserts the decisions
// come first, as in name().
const Type* ExprChecker::hasName(ast::HasNameExpr& e) {
  const std::string& n = e.name.name;
  bool decision = n == "allowed" || n == "escalated" || n == "denied";
  auto it = scope_.names.find(n);
  const char* what = nullptr;
  if (decision && scope_.inAssert()) what = "a decision";
  else if (it != scope_.names.end() && it->second.kind == ast::Binding::Kind::DefParam)
    what = "a def parameter, always given";
  else if (it != scope_.names.end()) {
    e.binding.kind = it->second.kind;
    e.binding.index = it->second.index;
    return boolType();
  } else if (enumNamed(n)) what = "an enum type";
  if (what) st_.diags.report(DiagId::HasNotArgument, e.range, n, n, what);
  else if (scope_.unshared.count(n)) st_.diags.report(DiagId::NameNotShared, e.name.range, n);
  else st_.diags.report(DiagId::UnknownName, e.name.range, n);
  return boolType();
}

const Type* ExprChecker::enumValue(ast::AttrExpr& e, ast::NameExpr& typeName, uint32_t enumIndex) {
  const EnumInfo& en = st_.schema.enums[enumIndex];
  typeName.binding.kind = ast::Binding::Kind::EnumType;
  typeName.binding.index = enumIndex;
  typeName.type = en.type;
  if (en.valueIndex(e.attr.name) < 0) {
    st_.diags.report(DiagId::UnknownEnumValue, e.attr.range, en.name, e.attr.name);
    return errorType();
  }
  return en.type;
}

const Type* ExprChecker::attr(ast::AttrExpr& e, const Facts& known) {
  if (!e.object) return errorType();
  if (auto* n = llvm::dyn_cast<ast::NameExpr>(e.object.get()))
    if (const Symbol* s = enumNamed(n->name)) return enumValue(e, *n, s->index);
  const Type* obj = check(*e.object, known);
  if (obj->isError()) return errorType();
  if (obj->kind() == Type::Kind::Entity && e.attr.name == "id") return st_.types.string();
  if (!obj->hasAttributes()) {
    st_.diags.report(DiagId::NoAttributes, e.attr.range, obj->str(), e.attr.name);
    return errorType();
  }
  const RecordInfo& rec = st_.schema.recordOf(obj);
  const Field* f = rec.field(e.attr.name);
  if (!f) {
    st_.diags.report(DiagId::UnknownAttribute, e.attr.range, obj->str(), e.attr.name);
    return errorType();
  }
  if (f->optional) {
    auto base = pathOf(*e.object);
    if (!base || !known.contains(*base + "." + e.attr.name))
      st_.diags.report(DiagId::OptionalAttribute, e.range, e.attr.name, st_.text(e.object->range), e.attr.name);
  }
  return f->type;
}

const Type* ExprChecker::has(ast::HasExpr& e, const Facts& known) {
  if (!e.object) return errorType();
  const Type* obj = check(*e.object, known);
  if (obj->isError()) return boolType();
  if (!obj->hasAttributes()) {
    st_.diags.report(DiagId::NoAttributes, e.attr.range, obj->str(), e.attr.name);
    return boolType();
  }
  if (!st_.schema.recordOf(obj).field(e.attr.name))
    st_.diags.report(DiagId::UnknownAttribute, e.attr.range, obj->str(), e.attr.name);
  return boolType();
}

const Type* ExprChecker::call(ast::CallExpr& e, const Facts& known) {
  std::vector<const Type*> argTypes;
  for (ast::ExprPtr& a : e.args) argTypes.push_back(a ? check(*a, known) : errorType());
  const Symbol* s = st_.lookupDef(scope_.origin, e.callee.name);
  if (!s) {
    st_.diags.report(DiagId::UnknownFunction, e.callee.range, e.callee.name);
    return errorType();
  }
  const DefInfo& def = st_.defs[s->index];
  st_.callTargets[&e] = s->index;
  if (std::find(callees_.begin(), callees_.end(), s->index) == callees_.end()) callees_.push_back(s->index);
  if (def.params.size() != e.args.size()) {
    size_t n = def.params.size();
    st_.diags.report(DiagId::CallArity, e.range, def.name,
                     fmt::format("{} argument{}", n, n == 1 ? "" : "s"), e.args.size());
    return def.result;
  }
  for (size_t i = 0; i < e.args.size(); ++i) {
    const Type* want = def.params[i].type;
    if (!compatible(argTypes[i], want)) {
      st_.diags.report(DiagId::CallArgType, e.args[i]->range, i + 1, def.name, want->str(), argTypes[i]->str());
      continue;
    }
    if (e.args[i]) settle(*e.args[i], want);
  }
  return def.result;
}

const Type* ExprChecker::ifExpr(ast::IfExpr& e, const Facts& known) {
  if (!e.cond || !e.thenExpr || !e.elseExpr) return errorType();
  checkCondition(*e.cond, known, "the condition of `if`");
  const Type* t = check(*e.thenExpr, known.unite(facts_.whenTrue(*e.cond)));
  const Type* f = check(*e.elseExpr, known.unite(facts_.whenFalse(*e.cond)));
  if (!compatible(t, f)) {
    st_.diags.report(DiagId::IfBranches, e.range, t->str(), f->str());
    return errorType();
  }
  const Type* j = join(t, f);
  settle(*e.thenExpr, j);
  settle(*e.elseExpr, j);
  return j;
}

}  // namespace agentpol::sema
