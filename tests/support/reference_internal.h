// reference_internal.h — private to the reference evaluator: the evaluation
// error and the per-rule expression evaluator (reference_eval.cpp) used by
// the decision procedure (reference_decide.cpp).
#pragma once

#include <stdexcept>
#include <string>

#include "reference_eval.h"

namespace agentpol::ref {

struct EvalError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Evaluator {
 public:
  Evaluator(const sema::CheckedPolicy& p, const Request& r, const sema::CheckedRule& rule, size_t k)
      : policy_(p), req_(r), rule_(rule), k_(k) {}
  Value eval(const ast::Expr* e);

 private:
  const Entity& withAttrs(const Value& e) const;
  const Value& field(const ast::Expr* object, const std::string& name, Value& holder);
  Value name(const ast::NameExpr* n);
  Value keyword(const ast::KeywordExpr* k);
  Value unary(const ast::UnaryExpr* u);
  Value binary(const ast::BinaryExpr* b);
  Value attribute(const ast::AttrExpr* a);
  Value method(const ast::MethodCallExpr* m);

  const sema::CheckedPolicy& policy_;
  const Request& req_;
  const sema::CheckedRule& rule_;
  size_t k_;  // position of the request's action in rule_.actions
};

}  // namespace agentpol::ref
