// declare_once.h — enters a top-level action or agent name into its schema
// index, reporting a second declaration of the name (E0101, with a note at
// the first one).
#pragma once

#include <vector>

#include <llvm/ADT/StringMap.h>

#include "sema/sema_state.h"

namespace agentpol::sema {

// Maps `name` to `infos.size()` (the index the caller's new info gets) in
// `index`. False, with nothing entered, when the name is empty or already
// declared (DuplicateDecl with `what`, noting `infos[first].range`).
template <class Info>
bool declareOnce(SemaState& st, llvm::StringMap<uint32_t>& index, const std::vector<Info>& infos,
                 const ast::Ident& name, const char* what) {
  if (name.name.empty()) return false;
  auto [it, fresh] = index.try_emplace(name.name, static_cast<uint32_t>(infos.size()));
  if (!fresh) {
    auto& d = st.diags.report(diag::DiagId::DuplicateDecl, name.range, what, name.name);
    SemaState::noteFirst(d, infos[it->second].range);
  }
  return fresh;
}

}  // namespace agentpol::sema
