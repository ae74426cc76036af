// inliner.h — expands `def` calls into fresh, typed expression trees. The
// substitution is call-by-name: each use of a parameter gets its own copy of
// the argument and an unused argument disappears (is never evaluated). Growth
// is bounded: node count, tree depth and call nesting; exceeding a bound
// reports E0505/E0506 once and yields an error-typed placeholder.
#pragma once

#include "sema/sema_state.h"

namespace agentpol::sema {

inline constexpr size_t kMaxInlinedNodes = 50000;  // per expression (a rule's `when`, …)
inline constexpr int kMaxInlinedDepth = 1024;      // levels added to a tree by inlining
inline constexpr int kMaxCallDepth = 64;           // def calls nested in def bodies

class Inliner {
 public:
  explicit Inliner(SemaState& st) : st_(st) {}

  // A deep copy of the checked expression `e` with every call inlined. Def
  // parameters not bound by an enclosing call (when inlining a def body on
  // its own) stay as DefParam names. Returns null only for a null input.
  ast::ExprPtr run(const ast::Expr* e);
  bool failed() const { return failed_; }
  size_t nodes() const { return nodes_; }

 private:
  // The arguments of the call being expanded, evaluated in `parent`.
  struct Env {
    const std::vector<ast::ExprPtr>* args;
    const Env* parent;
  };

  ast::ExprPtr clone(const ast::Expr& e, const Env* env, int depth, int calls);
  ast::ExprPtr cloneNode(const ast::Expr& e, const Env* env, int depth, int calls);
  ast::ExprPtr expandCall(const ast::CallExpr& c, const Env* env, int depth, int calls);
  // `depth` counts only the levels that inlined def bodies add: the policy's
  // own nesting is already bounded by the parser.
  ast::ExprPtr child(const ast::ExprPtr& e, const Env* env, int depth, int calls) {
    return e ? clone(*e, env, calls > 0 ? depth + 1 : depth, calls) : nullptr;
  }
  ast::ExprPtr fail(diag::DiagId id, size_t limit, const ast::Expr& at);

  SemaState& st_;
  size_t nodes_ = 0;
  bool failed_ = false;
  SourceRange site_;  // the outermost call being expanded, for diagnostics
};

}  // namespace agentpol::sema
