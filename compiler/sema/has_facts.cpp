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

const FactCache::TF& FactCache::get(const ast::Expr& e) {
  auto it = cache_.find(&e);
  if (it != cache_.end()) return *it->second;
  auto tf = std::make_unique<TF>(compute(e));
  const TF& ref = *tf;
  cache_[&e] = std::move(tf);
  return ref;
}

FactCache::TF FactCache::compute(const ast::Expr& e) {
  using Op = ast::BinaryExpr::Op;
  TF out;
  if (llvm::isa<ast::HasUserExpr>(e)) {
    out.t.add("user");
    return out;
  }
  if (auto* h = llvm::dyn_cast<ast::HasNameExpr>(&e)) {
    if (h->binding.kind == ast::Binding::Kind::ActionParam || h->binding.kind == ast::Binding::Kind::ActionArg)
      out.t.add("$" + h->name.name);
    return out;
  }
  if (auto* h = llvm::dyn_cast<ast::HasExpr>(&e)) {
    if (h->object)
      if (auto base = pathOf(*h->object)) out.t.add(*base + "." + h->attr.name);
    return out;
  }
  if (auto* u = llvm::dyn_cast<ast::UnaryExpr>(&e)) {
    if (u->op == ast::UnaryExpr::Op::Not && u->operand) {
      const TF& x = get(*u->operand);
      out.t = x.f;
      out.f = x.t;
    }
    return out;
  }
  if (auto* i = llvm::dyn_cast<ast::IfExpr>(&e)) {
    if (!i->cond || !i->thenExpr || !i->elseExpr) return out;
    const TF& c = get(*i->cond);
    const TF& a = get(*i->thenExpr);
    const TF& b = get(*i->elseExpr);
    out.t = c.t.unite(a.t).intersect(c.f.unite(b.t));
    out.f = c.t.unite(a.f).intersect(c.f.unite(b.f));
    return out;
  }
  auto* bin = llvm::dyn_cast<ast::BinaryExpr>(&e);
  if (!bin || !bin->lhs || !bin->rhs) return out;
  if (bin->op != Op::And && bin->op != Op::Or && bin->op != Op::Implies) return out;
  const TF& l = get(*bin->lhs);
  const TF& r = get(*bin->rhs);
  switch (bin->op) {
    case Op::And:  // true: both; false: the left is false, or it is true and the right false
      out.t = l.t.unite(r.t);
      out.f = l.f.intersect(l.t.unite(r.f));
      break;
    case Op::Or:
      out.t = l.t.intersect(l.f.unite(r.t));
      out.f = l.f.unite(r.f);
      break;
    default:  // a => b  ==  !a || b
      out.t = l.f.intersect(l.t.unite(r.t));
      out.f = l.t.unite(r.f);
      break;
  }
  return out;
}

}  // namespace agentpol::sema
