// reference_eval.cpp — the reference evaluator's expressions: one recursive
// function per the table of spec 5, on structured values; an evaluation error
// (overflow, attributes of a reference-only entity, a missing user) is a C++
// exception caught per rule in reference_decide.cpp.
#include <stdexcept>

#include <llvm/Support/Casting.h>

#include "reference_eval.h"
#include "reference_internal.h"

namespace agentpol::ref {

using llvm::cast;
using llvm::dyn_cast;
using EK = ast::Expr::Kind;

namespace {

enum class Arith { Add, Sub, Mul };

int64_t checked(Arith op, int64_t a, int64_t b) {
  int64_t r = 0;
  bool overflow = op == Arith::Add   ? __builtin_add_overflow(a, b, &r)
                  : op == Arith::Sub ? __builtin_sub_overflow(a, b, &r)
                                     : __builtin_mul_overflow(a, b, &r);
  if (overflow) throw EvalError("overflow");
  return r;
}

// `*` wildcard DP over characters (segments joined by wildcards).
bool glob(const std::vector<std::string>& segments, const std::string& s) {
  std::vector<int> pat;  // -1: wildcard
  for (size_t i = 0; i < segments.size(); ++i) {
    if (i) pat.push_back(-1);
    for (unsigned char c : segments[i]) pat.push_back(c);
  }
  std::vector<char> row(s.size() + 1, 0), next(s.size() + 1);
  row[0] = 1;
  for (int p : pat) {
    std::fill(next.begin(), next.end(), 0);
    for (size_t j = 0; j <= s.size(); ++j) {
      if (p == -1) next[j] = row[j] || (j > 0 && next[j - 1]);
      else if (j > 0) next[j] = row[j - 1] && static_cast<unsigned char>(s[j - 1]) == p;
    }
    row.swap(next);
  }
  return row[s.size()] != 0;
}

bool contains(const Value& set, const Value& x) {
  for (const Value& v : set.items)
    if (v == x) return true;
  return false;
}

}  // namespace

const Entity& Evaluator::withAttrs(const Value& e) const {
  const Entity& ent = req_.entities.at(static_cast<size_t>(e.n));
  if (!ent.hasAttrs) throw EvalError("attributes of an entity given by reference only");
  return ent;
}

const Value& Evaluator::field(const ast::Expr* object, const std::string& name, Value& holder) {
  holder = eval(object);
  const sema::RecordInfo& info = policy_.schema.recordOf(object->type);
  int i = info.fieldIndex(name);
  if (i < 0) throw std::logic_error("reference: unknown field " + name);
  const std::vector<Value>& fields = holder.tag == Value::Tag::Entity ? withAttrs(holder).attrs : holder.items;
  return fields.at(static_cast<size_t>(i));
}

Value Evaluator::eval(const ast::Expr* e) {
  switch (e->kind()) {
    case EK::BoolLit: return Value::scalar(cast<ast::BoolLit>(e)->value);
    case EK::IntLit: return Value::scalar(cast<ast::IntLit>(e)->value);
    case EK::StringLit: return Value::string(cast<ast::StringLit>(e)->value);
    case EK::MoneyLit: return Value::scalar(cast<ast::MoneyLit>(e)->minor);
    case EK::DurationLit: return Value::scalar(cast<ast::DurationLit>(e)->seconds);
    case EK::TimeLit: return Value::scalar(cast<ast::TimeLit>(e)->epochSeconds);
    case EK::SetLit: {
      std::vector<Value> items;
      for (const ast::ExprPtr& x : cast<ast::SetLit>(e)->elements) items.push_back(eval(x.get()));
      return Value::set(std::move(items));
    }
    case EK::Name: return name(cast<ast::NameExpr>(e));
    case EK::Keyword: return keyword(cast<ast::KeywordExpr>(e));
    case EK::HasUser: return Value::scalar(req_.user >= 0);
    case EK::HasName: {
      auto* h = cast<ast::HasNameExpr>(e);
      if (h->binding.kind == ast::Binding::Kind::ActionParam) return Value::scalar(1);
      return Value::scalar(!req_.args.at(rule_.names.at(h->binding.index).indexInAction.at(k_)).absent());
    }
    case EK::Unary: return unary(cast<ast::UnaryExpr>(e));
    case EK::Binary: return binary(cast<ast::BinaryExpr>(e));
    case EK::Like: {
      auto* l = cast<ast::LikeExpr>(e);
      return Value::scalar(glob(l->segments, eval(l->subject.get()).s));
    }
    case EK::Has: {
      auto* h = cast<ast::HasExpr>(e);
      Value holder;
      return Value::scalar(!field(h->object.get(), h->attr.name, holder).absent());
    }
    case EK::Attr: return attribute(cast<ast::AttrExpr>(e));
    case EK::MethodCall: return method(cast<ast::MethodCallExpr>(e));
    case EK::If: {
      auto* i = cast<ast::IfExpr>(e);
      return eval(i->cond.get()).n ? eval(i->thenExpr.get()) : eval(i->elseExpr.get());
    }
    case EK::Call: break;
  }
  throw std::logic_error("reference: unexpected expression");
}

Value Evaluator::name(const ast::NameExpr* n) {
  uint32_t i = rule_.names.at(n->binding.index).indexInAction.at(k_);
  if (n->binding.kind == ast::Binding::Kind::ActionParam) return req_.params.at(i);
  if (req_.args.at(i).absent()) throw EvalError("absent optional argument read");  // sema's has-checks prevent this
  return req_.args.at(i);
}

Value Evaluator::keyword(const ast::KeywordExpr* k) {
  switch (k->which) {
    case ast::KeywordExpr::Which::Now: return Value::scalar(req_.now);
    case ast::KeywordExpr::Which::Agent: return Value::entity(req_.agentEntity);
    case ast::KeywordExpr::Which::User:
      if (req_.user < 0) throw EvalError("no user");
      return Value::entity(req_.user);
    case ast::KeywordExpr::Which::Context: return req_.context;
  }
  throw std::logic_error("reference: keyword");
}

Value Evaluator::unary(const ast::UnaryExpr* u) {
  Value x = eval(u->operand.get());
  if (u->op == ast::UnaryExpr::Op::Not) return Value::scalar(!x.n);
  return Value::scalar(checked(Arith::Sub, 0, x.n));
}

Value Evaluator::binary(const ast::BinaryExpr* b) {
  using BO = ast::BinaryExpr::Op;
  if (b->op == BO::And) return Value::scalar(eval(b->lhs.get()).n && eval(b->rhs.get()).n);
  if (b->op == BO::Or) return Value::scalar(eval(b->lhs.get()).n || eval(b->rhs.get()).n);
  Value l = eval(b->lhs.get()), r = eval(b->rhs.get());
  switch (b->op) {
    case BO::Eq: return Value::scalar(l == r);
    case BO::Ne: return Value::scalar(!(l == r));
    case BO::Lt: return Value::scalar(l.n < r.n);
    case BO::Le: return Value::scalar(l.n <= r.n);
    case BO::Gt: return Value::scalar(l.n > r.n);
    case BO::Ge: return Value::scalar(l.n >= r.n);
    case BO::In: return Value::scalar(contains(r, l));
    case BO::Add: return Value::scalar(checked(Arith::Add, l.n, r.n));
    case BO::Sub: return Value::scalar(checked(Arith::Sub, l.n, r.n));
    case BO::Mul: return Value::scalar(checked(Arith::Mul, l.n, r.n));
    default: break;
  }
  throw std::logic_error("reference: operator");
}

Value Evaluator::attribute(const ast::AttrExpr* a) {
  if (auto* n = dyn_cast<ast::NameExpr>(a->object.get()); n && n->binding.kind == ast::Binding::Kind::EnumType)
    return Value::scalar(policy_.schema.enums[n->binding.index].valueIndex(a->attr.name));
  if (a->object->type->kind() == sema::Type::Kind::Entity && a->attr.name == "id") {
    Value e = eval(a->object.get());
    return Value::string(req_.entities.at(static_cast<size_t>(e.n)).id);
  }
  Value holder;
  const Value& v = field(a->object.get(), a->attr.name, holder);
  if (v.absent()) throw EvalError("absent optional attribute read");  // sema's has-checks prevent this
  return v;
}

Value Evaluator::method(const ast::MethodCallExpr* m) {
  Value s = eval(m->object.get());
  const std::string& name = m->method.name;
  if (name == "isEmpty") return Value::scalar(s.items.empty());
  Value x = eval(m->args.at(0).get());
  if (name == "contains") return Value::scalar(contains(s, x));
  bool all = true, any = false;
  for (const Value& v : x.items) {
    bool in = contains(s, v);
    all = all && in;
    any = any || in;
  }
  return Value::scalar(name == "containsAll" ? all : any);
}

}  // namespace agentpol::ref
