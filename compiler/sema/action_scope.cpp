// action_scope.cpp — action lists and the intersection of their names.
#include "sema/action_scope.h"

#include "sema/name_list.h"

namespace agentpol::sema {

using diag::DiagId;

std::vector<uint32_t> resolveActions(SemaState& st, const ast::NameSet* set, bool& all) {
  std::vector<uint32_t> out;
  all = !set || set->all;
  if (all) {
    for (uint32_t i = 0; i < st.schema.actions.size(); ++i) out.push_back(i);
    return out;
  }
  return resolveNameList(st, *set, st.schema.actionIndex, "actions", "action", DiagId::UnknownAction);
}

namespace {

struct Candidate {
  ast::Binding::Kind kind;
  const Type* type;
  uint32_t index;
  bool optional;
};

// Every parameter and argument of one action, by name.
llvm::StringMap<Candidate> namesOf(const ActionInfo& a) {
  llvm::StringMap<Candidate> out;
  for (uint32_t i = 0; i < a.params.size(); ++i)
    out.try_emplace(a.params[i].name, Candidate{ast::Binding::Kind::ActionParam, a.params[i].type, i, false});
  for (uint32_t i = 0; i < a.args.size(); ++i)
    out.try_emplace(a.args[i].name, Candidate{ast::Binding::Kind::ActionArg, a.args[i].type, i, a.args[i].optional});
  return out;
}

}  // namespace

void buildActionScope(const Schema& schema, const std::vector<uint32_t>& actions, Scope& scope,
                      std::vector<SharedName>& names) {
  if (actions.empty()) return;
  std::vector<llvm::StringMap<Candidate>> per;
  for (uint32_t a : actions) per.push_back(namesOf(schema.actions[a]));
  // Candidates in the declaration order of the first action.
  const ActionInfo& first = schema.actions[actions.front()];
  std::vector<std::string> order;
  for (const Field& f : first.params) order.push_back(f.name);
  for (const Field& f : first.args) order.push_back(f.name);
  for (const std::string& n : order) {
    const Candidate& c = per.front().find(n)->second;
    SharedName shared{n, c.kind, c.type, {}, false};
    bool ok = true;
    for (const auto& m : per) {
      auto it = m.find(n);
      if (it == m.end() || it->second.type != c.type || it->second.kind != c.kind) {
        ok = false;
        break;
      }
      shared.indexInAction.push_back(it->second.index);
      shared.optional = shared.optional || it->second.optional;  // optional in one action: test it
    }
    if (!ok) continue;
    auto idx = static_cast<uint32_t>(names.size());
    scope.names.try_emplace(n, ScopeName{c.kind, idx, c.type, shared.optional});
    names.push_back(std::move(shared));
  }
  for (const auto& m : per)
    for (const auto& entry : m)
      if (!scope.names.count(entry.getKey())) scope.unshared.try_emplace(entry.getKey(), true);
}

}  // namespace agentpol::sema
