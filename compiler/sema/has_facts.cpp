// has_facts.cpp — the fact algebra over the Boolean operators. For `a && b`
// true, both hold; false, F(a) ∩ (T(a) ∪ F(b)); and dually for `||`, `=>`
// and `if`. Anything else proves nothing.
#include "sema/has_facts.h"

#include <algorithm>

namespace agentpol::sema {

bool Facts::contains(const std::string& path) const {
  return std::binary_search(paths_.begin(), paths_.end(), path);
}

void Facts::add(const std::string& path) {
  auto it = std::lower_bound(paths_.begin(), paths_.end(), path);
  if (it == paths_.end() || *it != path) paths_.insert(it, path);
}

Facts Facts::unite(const Facts& o) const {
  Facts out;
  std::set_union(paths_.begin(), paths_.end(), o.paths_.begin(), o.paths_.end(), std::back_inserter(out.paths_));
  return out;
}

Facts Facts::intersect(const Facts& o) const {
  Facts out;
  std::set_intersection(paths_.begin(), paths_.end(), o.paths_.begin(), o.paths_.end(),
                        std::back_inserter(out.paths_));
  return out;
}

std::optional<std::string> pathOf(const ast::Expr& e) {
  if (auto* k = llvm::dyn_cast<ast::KeywordExpr>(&e)) {
    switch (k->which) {
      case ast::KeywordExpr::Which::User: return std::string("user");
      case ast::KeywordExpr::Which::Agent: return std::string("agent");
      case ast::KeywordExpr::Which::Context: return std::string("context");
      case ast::KeywordExpr::Which::Now: return std::nullopt;
    }
  }
  if (auto* n = llvm::dyn_cast<ast::NameExpr>(&e)) {
    switch (n->binding.kind) {
      case ast::Binding::Kind::ActionParam:
      case ast::Binding::Kind::ActionArg: return "$" + n->name;
      case ast::Binding::Kind::DefParam: return "#" + std::to_string(n->binding.index);
      default: return std::nullopt;
    }
  }
  if (auto* a = llvm::dyn_cast<ast::AttrExpr>(&e)) {
    if (!a->object) return std::nullopt;
    auto base = pathOf(*a->object);
    if (!base) return std::nullopt;
    return *base + "." + a->attr.name;
  }
  return std::nullopt;
}

Facts factsWhen(const ast::Expr& e, bool truth) {
  using Op = ast::BinaryExpr::Op;
  if (llvm::isa<ast::HasUserExpr>(e)) {
    Facts f;
    if (truth) f.add("user");
    return f;
  }
  if (auto* h = llvm::dyn_cast<ast::HasExpr>(&e)) {
    Facts f;
    if (!truth || !h->object) return f;
    if (auto base = pathOf(*h->object)) f.add(*base + "." + h->attr.name);
    return f;
  }
  if (auto* u = llvm::dyn_cast<ast::UnaryExpr>(&e)) {
    if (u->op == ast::UnaryExpr::Op::Not && u->operand) return factsWhen(*u->operand, !truth);
    return {};
  }
  if (auto* i = llvm::dyn_cast<ast::IfExpr>(&e)) {
    if (!i->cond || !i->thenExpr || !i->elseExpr) return {};
    Facts viaThen = factsWhen(*i->cond, true).unite(factsWhen(*i->thenExpr, truth));
    Facts viaElse = factsWhen(*i->cond, false).unite(factsWhen(*i->elseExpr, truth));
    return viaThen.intersect(viaElse);
  }
  auto* b = llvm::dyn_cast<ast::BinaryExpr>(&e);
  if (!b || !b->lhs || !b->rhs) return {};
  Facts lt = factsWhen(*b->lhs, true), lf = factsWhen(*b->lhs, false);
  switch (b->op) {
    case Op::And:
      return truth ? lt.unite(factsWhen(*b->rhs, true)) : lf.intersect(lt.unite(factsWhen(*b->rhs, false)));
    case Op::Or:
      return truth ? lt.intersect(lf.unite(factsWhen(*b->rhs, true))) : lf.unite(factsWhen(*b->rhs, false));
    case Op::Implies:  // a => b  ==  !a || b
      return truth ? lf.intersect(lt.unite(factsWhen(*b->rhs, true))) : lt.unite(factsWhen(*b->rhs, false));
    default: return {};
  }
}

}  // namespace agentpol::sema
