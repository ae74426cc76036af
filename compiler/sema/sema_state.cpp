// sema_state.cpp — symbol lookup across origins and the shared helpers of
// sema_state.h.
#include "sema/sema_state.h"

namespace agentpol::sema {

const Symbol* SemaState::lookup(const std::vector<llvm::StringMap<Symbol>>& tables, uint32_t origin,
                                llvm::StringRef name) const {
  if (origin >= tables.size()) return nullptr;
  auto it = tables[origin].find(name);
  if (it != tables[origin].end()) return &it->second;
  for (uint32_t imp : imports[origin]) {
    auto jt = tables[imp].find(name);
    if (jt != tables[imp].end()) return &jt->second;
  }
  return nullptr;
}

std::string SemaState::text(SourceRange r) const {
  if (!r.valid() || r.file >= sm.fileCount()) return "?";
  const std::string& t = sm.text(r.file);
  if (r.begin > r.end || r.end > t.size()) return "?";
  return t.substr(r.begin, r.end - r.begin);
}

void SemaState::noteFirst(diag::Diagnostic& d, SourceRange first, const char* what) {
  if (first.valid()) d.notes.push_back({first, what});
}

const Type* SemaState::requireEntity(const std::optional<uint32_t>& idx, const char* name, bool& reported,
                                     SourceRange where, const char* what) {
  if (idx) return schema.entities[*idx].type;
  if (!reported) diags.report(diag::DiagId::MissingEntity, where, name, what, name);
  reported = true;
  return types.error();
}

const Type* SemaState::requireUser(SourceRange where, const char* what) {
  return requireEntity(schema.userEntity, "User", userReported_, where, what);
}

const Type* SemaState::requireAgent(SourceRange where, const char* what) {
  return requireEntity(schema.agentEntity, "Agent", agentReported_, where, what);
}

}  // namespace agentpol::sema
