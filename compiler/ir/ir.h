// ir.h — the IR between the checked AST and bytecode: per rule and action, one
// typed Bool expression over run-time slots (records already flattened into
// leaf fields, names resolved to parameter/argument/context/attribute slots,
// constants folded). Nodes are immutable and shared (a DAG). Built by
// lower.h, printed by dump.h, turned into code blocks by compiler/codegen.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <agentpol/bundle_image.h>
#include <agentpol/types.h>

#include "ir/layout.h"

namespace agentpol::sema {
struct CheckedPolicy;
struct CheckedRule;
}  // namespace agentpol::sema

namespace agentpol::ir {

// One per node kind; the bytecode op each becomes is in codegen/emit.cpp.
enum class Op : uint8_t {
  Const,                        // k
  Now, Agent, User, HasUser,    // request parts (User errors without a user)
  Ctx, HasCtx,                  // a: context slot
  Param,                        // a: parameter slot of the action
  Arg, HasArg,                  // a: argument slot of the action
  Attr, HasAttr,                // kids[0] entity; a: entity type, b: attribute slot
  Id,                           // kids[0] entity -> String
  Not, And, Or,                 // And/Or short-circuit left to right
  If,                           // kids: cond, then, else
  Eq, Ne, Lt, Le, Gt, Ge,       // Eq/Ne also on sets (same elements)
  Add, Sub, Neg,                // checked
  Mul,                          // kids[0] * k.ints[0] (an Int literal), checked
  In,                           // kids: element, set
  ContainsAll, ContainsAny,     // kids: set, set
  IsEmpty,                      // kids: set
  MakeSet,                      // kids: elements (at least one not constant)
  Like,                         // kids[0] String; k.strings: the pattern's segments
};

const char* opName(Op op);

struct Node;
using NodeRef = std::shared_ptr<const Node>;

struct Node {
  Op op = Op::Const;
  Type type;              // run-time type of the value
  uint32_t a = 0, b = 0;  // slots / entity type, see Op
  ConstImage k;           // Const value; Mul factor; Like segments
  std::vector<NodeRef> kids;
  // Evaluating this may end in an evaluation error (overflow, reading an
  // entity given by reference only, a missing user or optional slot).
  bool mayError = false;

  bool isConst() const { return op == Op::Const; }
  bool isBool(bool v) const { return op == Op::Const && type == Type::boolean() && k.ints[0] == (v ? 1 : 0); }
};

// A top-level part of a rule's condition (sema::ruleParts order) as it
// ended up in `cond`: `node` is the part's lowered value, or with `invert`
// its negation (a lone `unless` part folded into the `not`). A part folded
// away (a constant, or dropped by `and(x, false)`) may not occur in `cond`.
struct PartNode {
  uint32_t part = 0;
  NodeRef node;
  bool invert = false;
};

// The condition of one rule for one action: true when the rule matches.
struct RuleBody {
  uint32_t action = 0;  // Schema::actions index
  NodeRef cond;         // Bool
  std::vector<PartNode> parts;
};

struct Rule {
  const sema::CheckedRule* source = nullptr;
  std::vector<RuleBody> bodies;  // ascending by action
};

struct Program {
  Layout layout;
  std::vector<Rule> rules;  // in the CheckedPolicy's order
};

}  // namespace agentpol::ir
