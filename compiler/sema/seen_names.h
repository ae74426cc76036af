// seen_names.h — the names given so far in one list (an enum's values, a
// record's fields, an action's parameters and arguments, a def's parameters,
// an agent's properties, a list of action or agent names), reporting a name
// given twice: E0108 `duplicate <what> \`name\`` with a note at the first.
#pragma once

#include <string>

#include <llvm/ADT/StringMap.h>

#include "sema/sema_state.h"

namespace agentpol::sema {

class SeenNames {
 public:
  // `note` is the text of the note at the first occurrence.
  explicit SeenNames(SemaState& st, const char* note = "first declared here") : st_(st), note_(note) {}

  // True the first time `name` is given; after that reports DuplicateMember
  // (`what` names the kind of member, e.g. "enum value") and returns false.
  bool add(const std::string& name, SourceRange range, const char* what);
  bool add(const ast::Ident& name, const char* what) { return add(name.name, name.range, what); }

  bool contains(llvm::StringRef name) const { return first_.count(name) != 0; }

 private:
  SemaState& st_;
  const char* note_;
  llvm::StringMap<SourceRange> first_;
};

}  // namespace agentpol::sema
