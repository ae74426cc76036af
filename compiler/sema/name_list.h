// name_list.h — resolves lists of action or agent names (a rule's or an
// assert's ACTIONS and agents, an agent's `may`) to schema indices, reporting
// a name listed twice, an unknown name and an empty list the same way for
// every such list.
#pragma once

#include <string>
#include <vector>

#include <llvm/ADT/StringMap.h>

#include "sema/seen_names.h"
#include "sema/sema_state.h"

namespace agentpol::sema {

// One list, name by name.
class NameListResolver {
 public:
  // `index` is Schema::actionIndex or agentIndex; `member` names one entry in
  // the duplicate message ("action"); `unknown` is reported for a name not in
  // `index`.
  NameListResolver(SemaState& st, const llvm::StringMap<uint32_t>& index, const char* member, diag::DiagId unknown)
      : st_(st), index_(index), member_(member), unknown_(unknown), seen_(st, "first listed here") {}

  // Appends the index of `name` to `out`, unless it was listed before
  // (DuplicateMember, noting the first) or is unknown.
  void add(const std::string& name, SourceRange range, std::vector<uint32_t>& out);

 private:
  SemaState& st_;
  const llvm::StringMap<uint32_t>& index_;
  const char* member_;
  diag::DiagId unknown_;
  SeenNames seen_;
};

// The indices of `set`'s names in order (NameListResolver), after reporting
// EmptyNameList with `listWord` ("actions") when it names none. `set.all` is
// the caller's to handle.
std::vector<uint32_t> resolveNameList(SemaState& st, const ast::NameSet& set, const llvm::StringMap<uint32_t>& index,
                                      const char* listWord, const char* member, diag::DiagId unknown);

}  // namespace agentpol::sema
