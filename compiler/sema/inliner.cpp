// inliner.cpp — the bounded, call-by-name clone of inliner.h. Every node is
// copied with its type; a call becomes a copy of the callee's checked body
// whose root takes the call's range and type.
#include "sema/inliner.h"

namespace agentpol::sema {

using diag::DiagId;

ast::ExprPtr Inliner::run(const ast::Expr* e) {
  if (!e) return nullptr;
  return clone(*e, nullptr, 0, 0);
}

ast::ExprPtr Inliner::fail(DiagId id, size_t limit, const ast::Expr& at) {
  if (!failed_) st_.diags.report(id, site_.valid() ? site_ : at.range, limit);
  failed_ = true;
  auto p = std::make_unique<ast::BoolLit>(false, at.range);
  p->type = st_.types.error();
  return p;
}

ast::ExprPtr Inliner::clone(const ast::Expr& e, const Env* env, int depth, int calls) {
  if (failed_) return fail(DiagId::InlineTooLarge, kMaxInlinedNodes, e);
  if (auto* n = llvm::dyn_cast<ast::NameExpr>(&e)) {
    if (n->binding.kind == ast::Binding::Kind::DefParam && env && n->binding.index < env->args->size()) {
      const ast::ExprPtr& arg = (*env->args)[n->binding.index];
      if (arg) return clone(*arg, env->parent, depth, calls);
    }
  }
  if (auto* c = llvm::dyn_cast<ast::CallExpr>(&e)) {
    SourceRange outer = site_;
    if (!outer.valid()) site_ = c->range;
    ast::ExprPtr out = expandCall(*c, env, depth, calls);
    site_ = outer;
    return out;
  }
  if (depth > kMaxInlinedDepth) return fail(DiagId::InlineTooDeep, kMaxInlinedDepth, e);
  if (++nodes_ > kMaxInlinedNodes) return fail(DiagId::InlineTooLarge, kMaxInlinedNodes, e);
  ast::ExprPtr out = cloneNode(e, env, depth, calls);
  out->type = e.type;
  return out;
}

ast::ExprPtr Inliner::expandCall(const ast::CallExpr& c, const Env* env, int depth, int calls) {
  // The checker recorded which def each call resolved to.
  auto it = st_.callTargets.find(&c);
  const DefInfo* def = it == st_.callTargets.end() ? nullptr : &st_.defs[it->second];
  if (!def || def->recursive || !def->bodyOk || !def->decl->body || def->params.size() != c.args.size()) {
    failed_ = true;  // an error was reported when the call was checked
    auto p = std::make_unique<ast::BoolLit>(false, c.range);
    p->type = st_.types.error();
    return p;
  }
  if (calls >= kMaxCallDepth) return fail(DiagId::InlineTooDeep, kMaxCallDepth, c);
  Env inner{&c.args, env};
  ast::ExprPtr body = clone(*def->decl->body, &inner, depth, calls + 1);
  body->range = c.range;
  body->type = c.type;
  return body;
}

namespace {

ast::Ident copyIdent(const ast::Ident& i) { return ast::Ident{i.name, i.range}; }

}  // namespace

ast::ExprPtr Inliner::cloneNode(const ast::Expr& e, const Env* env, int depth, int calls) {
  using K = ast::Expr::Kind;
  switch (e.kind()) {
    case K::BoolLit: return std::make_unique<ast::BoolLit>(llvm::cast<ast::BoolLit>(e).value, e.range);
    case K::IntLit: return std::make_unique<ast::IntLit>(llvm::cast<ast::IntLit>(e).value, e.range);
    case K::StringLit: return std::make_unique<ast::StringLit>(llvm::cast<ast::StringLit>(e).value, e.range);
    case K::MoneyLit: {
      auto& m = llvm::cast<ast::MoneyLit>(e);
      return std::make_unique<ast::MoneyLit>(m.minor, m.currency, e.range);
    }
    case K::DurationLit: return std::make_unique<ast::DurationLit>(llvm::cast<ast::DurationLit>(e).seconds, e.range);
    case K::TimeLit: return std::make_unique<ast::TimeLit>(llvm::cast<ast::TimeLit>(e).epochSeconds, e.range);
    case K::SetLit: {
      auto out = std::make_unique<ast::SetLit>(e.range);
      for (const ast::ExprPtr& x : llvm::cast<ast::SetLit>(e).elements)
        if (x) out->elements.push_back(child(x, env, depth, calls));
      return out;
    }
    case K::Name: {
      auto& n = llvm::cast<ast::NameExpr>(e);
      auto out = std::make_unique<ast::NameExpr>(n.name, e.range);
      out->binding = n.binding;
      return out;
    }
    case K::Keyword: return std::make_unique<ast::KeywordExpr>(llvm::cast<ast::KeywordExpr>(e).which, e.range);
    case K::HasUser: return std::make_unique<ast::HasUserExpr>(e.range);
    case K::HasName: {
      auto& h = llvm::cast<ast::HasNameExpr>(e);
      auto out = std::make_unique<ast::HasNameExpr>(copyIdent(h.name), e.range);
      out->binding = h.binding;
      return out;
    }
    case K::Unary: {
      auto& u = llvm::cast<ast::UnaryExpr>(e);
      return std::make_unique<ast::UnaryExpr>(u.op, child(u.operand, env, depth, calls), e.range);
    }
    case K::Binary: {
      auto& b = llvm::cast<ast::BinaryExpr>(e);
      auto l = child(b.lhs, env, depth, calls);
      auto r = child(b.rhs, env, depth, calls);
      return std::make_unique<ast::BinaryExpr>(b.op, std::move(l), std::move(r), b.opRange, e.range);
    }
    case K::Like: {
      auto& l = llvm::cast<ast::LikeExpr>(e);
      return std::make_unique<ast::LikeExpr>(child(l.subject, env, depth, calls), l.segments, l.patternSource,
                                             l.patternRange, e.range);
    }
    case K::Has: {
      auto& h = llvm::cast<ast::HasExpr>(e);
      return std::make_unique<ast::HasExpr>(child(h.object, env, depth, calls), copyIdent(h.attr), e.range);
    }
    case K::Attr: {
      auto& a = llvm::cast<ast::AttrExpr>(e);
      return std::make_unique<ast::AttrExpr>(child(a.object, env, depth, calls), copyIdent(a.attr), e.range);
    }
    case K::MethodCall: {
      auto& m = llvm::cast<ast::MethodCallExpr>(e);
      auto out = std::make_unique<ast::MethodCallExpr>(child(m.object, env, depth, calls), copyIdent(m.method), e.range);
      for (const ast::ExprPtr& x : m.args) out->args.push_back(child(x, env, depth, calls));
      return out;
    }
    case K::If: {
      auto& i = llvm::cast<ast::IfExpr>(e);
      auto c = child(i.cond, env, depth, calls);
      auto t = child(i.thenExpr, env, depth, calls);
      auto f = child(i.elseExpr, env, depth, calls);
      return std::make_unique<ast::IfExpr>(std::move(c), std::move(t), std::move(f), e.range);
    }
    case K::Call: break;  // handled by expandCall
  }
  return std::make_unique<ast::BoolLit>(false, e.range);
}

}  // namespace agentpol::sema
