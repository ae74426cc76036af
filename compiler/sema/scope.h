// scope.h — what a rule, assert or def body can name. Rules and asserts see
// the request (`now`, `agent`, `user`, `context`) and the parameters and
// arguments shared by all their actions; asserts also see `allowed`,
// `escalated`, `denied` and `=>`; a def body sees only its parameters.
// Enum type names and defs are global and looked up through SemaState.
#pragma once

#include <string>
#include <vector>

#include <llvm/ADT/StringMap.h>

#include "ast/ast.h"
#include "sema/module_loader.h"
#include "sema/type.h"

namespace agentpol::sema {

// A name bound in a scope. For rules/asserts `index` is the position in the
// CheckedRule/CheckedAssert `names` list; for defs the parameter index.
struct ScopeName {
  ast::Binding::Kind kind;
  uint32_t index;
  const Type* type;
  bool optional = false;  // an optional action argument: read only after `has NAME`
};

struct Scope {
  enum class Kind { Rule, Assert, Def };
  Kind kind = Kind::Rule;
  uint32_t origin = kUserOrigin;
  bool userAlwaysPresent = false;  // `user` rules: the user is always there
  llvm::StringMap<ScopeName> names;
  // Names that some but not all of the actions have (or with other types):
  // reported with E0112 instead of "unknown name".
  llvm::StringMap<bool> unshared;

  bool inDef() const { return kind == Kind::Def; }
  bool inAssert() const { return kind == Kind::Assert; }
};

}  // namespace agentpol::sema
