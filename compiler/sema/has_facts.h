// has_facts.h — which optional things are known to be present at a point of
// an expression. A fact is an attribute *path* (`user`, `user.manager`,
// `$order.customer.manager`, `#0.manager` for def parameter 0) that a visible
// `has` test proved. Spec 5: facts flow to the right of `&&`, into the `then`
// branch of an `if`, after `!(e has a) ||`, and from `when` into `unless`.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <llvm/ADT/DenseMap.h>
#include <llvm/Support/Casting.h>

#include "ast/ast.h"

namespace agentpol::sema {

// A sorted set of paths.
class Facts {
 public:
  bool contains(const std::string& path) const;
  void add(const std::string& path);
  Facts unite(const Facts& o) const;
  Facts intersect(const Facts& o) const;
  bool empty() const { return paths_.empty(); }

 private:
  std::vector<std::string> paths_;
};

// The path an expression denotes, if it is a chain of attribute reads from a
// request keyword, an action parameter/argument or a def parameter. Needs
// the name bindings filled in by the checker.
std::optional<std::string> pathOf(const ast::Expr& e);

// The facts that hold when a checked expression evaluates to true or false.
// Both are computed bottom-up once per node and cached, so asking at every
// `&&` of a long chain stays linear in the chain per question (the checker
// asks once per operator).
class FactCache {
 public:
  const Facts& whenTrue(const ast::Expr& e) { return get(e).t; }
  const Facts& whenFalse(const ast::Expr& e) { return get(e).f; }
  const Facts& when(const ast::Expr& e, bool truth) { return truth ? whenTrue(e) : whenFalse(e); }

 private:
  struct TF {
    Facts t, f;
  };
  const TF& get(const ast::Expr& e);
  TF compute(const ast::Expr& e);
  llvm::DenseMap<const ast::Expr*, std::unique_ptr<TF>> cache_;
};

}  // namespace agentpol::sema
