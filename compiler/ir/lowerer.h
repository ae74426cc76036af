// lowerer.h — private to compiler/ir: the state of lowering one rule for one
// action. Scalars lower to NodeRefs (lower_expr.cpp); record-typed
// expressions lower to RecVals, one Leaf per flattened slot (lower_records.cpp).
#pragma once

#include <vector>

#include "ir/build.h"
#include "sema/checked_policy.h"

namespace agentpol::ir {

// One flattened slot of a record value: its value and whether it is present.
struct Leaf {
  NodeRef value;
  NodeRef present;        // Bool; true (constant) for required context/argument slots
  bool optional = false;
};

struct RecVal {
  uint32_t record = 0;  // Schema::records index
  std::vector<Leaf> leaves;
};

class Lowerer {
 public:
  Lowerer(const sema::CheckedPolicy& p, const Layout& l, const sema::CheckedRule& r, size_t k)
      : policy_(p), schema_(p.schema), layout_(l), rule_(r), k_(k), action_(r.actions[k]) {}

  NodeRef condition();
  NodeRef expr(const ast::Expr* e);
  // The condition's parts, noted by condition().
  std::vector<PartNode> takeParts() { return std::move(parts_); }

 private:
  NodeRef lowerParts(const ast::Expr* e);
  Type rt(const sema::Type* t) const { return runtimeType(t, layout_); }
  NodeRef literal(const ast::Expr* e);
  NodeRef name(const ast::NameExpr* n);
  NodeRef keyword(const ast::KeywordExpr* k);
  NodeRef unary(const ast::UnaryExpr* u);
  NodeRef binary(const ast::BinaryExpr* b);
  NodeRef multiply(const ast::BinaryExpr* b);
  NodeRef attribute(const ast::AttrExpr* a);
  NodeRef has(const ast::HasExpr* h);
  NodeRef hasName(const ast::HasNameExpr* h);
  NodeRef method(const ast::MethodCallExpr* m);
  NodeRef setLiteral(const ast::SetLit* s);

  // lower_records.cpp
  RecVal record(const ast::Expr* e);
  RecVal place(Op read, const FieldLayout& fields, uint32_t base, uint32_t record, NodeRef entity, uint32_t etype);
  RecVal subRecord(const RecVal& parent, uint32_t field);
  RecVal entityRecord(NodeRef entity, uint32_t etype, uint32_t field);
  NodeRef recordField(const RecVal& r, uint32_t field);
  NodeRef recordHas(const RecVal& r, uint32_t field);
  NodeRef entityHas(NodeRef entity, uint32_t etype, uint32_t field);
  NodeRef presence(const std::vector<Leaf>& leaves, const sema::Field& f);
  NodeRef recordEquals(const RecVal& a, const RecVal& b);

  const sema::CheckedPolicy& policy_;
  const sema::Schema& schema_;
  const Layout& layout_;
  const sema::CheckedRule& rule_;
  size_t k_;         // position of the action in rule_.actions
  uint32_t action_;  // Schema::actions index
  std::vector<PartNode> parts_;
};

}  // namespace agentpol::ir
