// checked_policy.h — what sema hands to the IR/codegen and verify stages: a
// policy set whose names are resolved, whose expressions are typed and have
// every `def` call inlined, with the schema and agent inventory as indexed
// tables. Nothing here refers back to the input AST; source ranges refer to
// the diag::SourceManager of the compilation (keep it alive for messages).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ast/ast.h"
#include "sema/schema.h"
#include "sema/type.h"

namespace agentpol::sema {

// A parameter or argument visible in a rule or assert: one that all of its
// actions declare, with the same type. In the checked expressions a NameExpr
// with binding kind ActionParam/ActionArg has `binding.index` = position in
// the rule's (or assert's) `names`; `indexInAction[k]` is the position of
// that name in `ActionInfo::params` (ActionParam) or `::args` (ActionArg) of
// the k-th action of the rule's `actions`.
struct SharedName {
  std::string name;
  ast::Binding::Kind kind = ast::Binding::Kind::ActionParam;
  const Type* type = nullptr;
  std::vector<uint32_t> indexInAction;
  // An argument optional in at least one of the actions: the checked trees
  // read it only where a `has NAME` is visible.
  bool optional = false;
};

enum class Subject {
  Agents,     // `agent NAME` or `agent [NAMES]`: see CheckedRule::agents
  AllAgents,  // `agent *`
  User,       // `user`: the delegating user's own rights
};

struct CheckedRule {
  std::string id;                        // `@id("…")`, or `<file stem>:<line of the effect keyword>`
  bool explicitId = false;               // from `@id`
  std::vector<ast::Annotation> annotations;  // every annotation as written, `@id` included
  ast::Effect effect = ast::Effect::Permit;
  Subject subject = Subject::AllAgents;
  std::vector<uint32_t> agents;          // Schema::agents indices (Subject::Agents only)
  bool allActions = false;               // `to *`
  std::vector<uint32_t> actions;         // Schema::actions indices (every action for `*`)
  std::vector<SharedName> names;
  // Typed, fully inlined Bool conditions; null when the clause is absent.
  // A rule matches when `when` (or true) holds and `unless` (or false) does not.
  ast::ExprPtr when;
  ast::ExprPtr unless;
  SourceRange range;        // the whole rule
  SourceRange effectRange;  // the effect keyword
};

struct CheckedAssert {
  std::string name;
  bool allActions = false;            // no `for`, or `for *`
  std::vector<uint32_t> actions;      // Schema::actions indices
  std::vector<SharedName> names;
  ast::ExprPtr body;                  // typed, inlined Bool; may use Decision names and `=>`
  SourceRange range;
};

// The expression trees hold only these node kinds: literals, SetLit,
// NameExpr (binding ActionParam/ActionArg, or Decision in asserts, or
// EnumType as the object of an AttrExpr naming an enum value), KeywordExpr,
// HasUserExpr, HasNameExpr (binding ActionParam/ActionArg), UnaryExpr, BinaryExpr (Implies only in asserts), LikeExpr,
// HasExpr, AttrExpr, MethodCallExpr, IfExpr — never CallExpr or DefParam.
// Every node's `type` is set and never the error type. `AttrExpr` reads an
// attribute of a record/entity (`Schema::recordOf(object->type)`), the
// `id` of an entity (type String; not a Field), or is an enum value
// (object is an EnumType NameExpr; `Schema::enums[i].valueIndex(attr)`).
// The empty set literal has a concrete `Set<T>` type wherever its use
// implies one; it keeps the `[]` type (Kind::EmptySet) only where nothing
// does (`[] == []`, `[].isEmpty()`), and then means an empty set of any type.
struct CheckedPolicy {
  std::string namespaceName;                // "" when no `namespace` is declared
  std::unique_ptr<TypeContext> types;       // owns every Type the trees and schema point to
  Schema schema;
  std::vector<CheckedRule> rules;           // in source order (files in the order given)
  std::vector<CheckedAssert> asserts;       // in source order
  std::vector<std::string> modules;         // stdlib modules loaded ("std.identity")
  // SHA-256 over the sources (see docs/sema.md, "Source hash"): for each
  // user file and loaded module, sorted by (key, text), the bytes
  // `key \0 <decimal text length> \0 text`, where key is the file stem for
  // user files (it makes the default rule ids) and `module NAME` for modules.
  std::array<uint8_t, 32> sourceHash{};
  std::string sourceHashHex() const;
};

}  // namespace agentpol::sema
