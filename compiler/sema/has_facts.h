// has_facts.h — which optional things are known to be present at a point of
// an expression. A fact is an attribute *path* (`user`, `user.manager`,
// `$order.customer.manager`, `#0.manager` for def parameter 0) that a visible
// `has` test proved. Spec 5: facts flow to the right of `&&`, into the `then`
// branch of an `if`, after `!(e has a) ||`, and from `when` into `unless`.
#pragma once

#include <optional>
#include <string>
#include <vector>

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

// The facts that hold when `e` (already checked) evaluates to `truth`.
Facts factsWhen(const ast::Expr& e, bool truth);

}  // namespace agentpol::sema
