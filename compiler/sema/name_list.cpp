// name_list.cpp — action and agent name lists (see name_list.h).
#include "sema/name_list.h"

namespace agentpol::sema {

void NameListResolver::add(const std::string& name, SourceRange range, std::vector<uint32_t>& out) {
  if (!seen_.add(name, range, member_)) return;
  auto found = index_.find(name);
  if (found == index_.end()) {
    st_.diags.report(unknown_, range, name);
    return;
  }
  out.push_back(found->second);
}

std::vector<uint32_t> resolveNameList(SemaState& st, const ast::NameSet& set, const llvm::StringMap<uint32_t>& index,
                                      const char* listWord, const char* member, diag::DiagId unknown) {
  if (set.names.empty()) st.diags.report(diag::DiagId::EmptyNameList, set.range, listWord);
  std::vector<uint32_t> out;
  NameListResolver resolver(st, index, member, unknown);
  for (const ast::Ident& n : set.names) resolver.add(n.name, n.range, out);
  return out;
}

}  // namespace agentpol::sema
