// seen_names.cpp — duplicate member names in one list (see seen_names.h).
#include "sema/seen_names.h"

namespace agentpol::sema {

bool SeenNames::add(const std::string& name, SourceRange range, const char* what) {
  auto [it, fresh] = first_.try_emplace(name, range);
  if (!fresh) {
    auto& d = st_.diags.report(diag::DiagId::DuplicateMember, range, what, name);
    SemaState::noteFirst(d, it->second, note_);
  }
  return fresh;
}

}  // namespace agentpol::sema
