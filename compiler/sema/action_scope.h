// action_scope.h — resolves the ACTIONS part of rules and asserts (`NAME`,
// `[NAMES]`, `*`) to action indices and builds the scope of names that all
// those actions share with one type (spec 5: "A rule over several actions
// sees only the parameters and arguments they share with the same type").
#pragma once

#include <vector>

#include "sema/checked_policy.h"
#include "sema/scope.h"
#include "sema/sema_state.h"

namespace agentpol::sema {

// Resolves `set` (null means every action); reports unknown, duplicate and
// an empty list. Sets `all` when the set is `*` (or absent).
std::vector<uint32_t> resolveActions(SemaState& st, const ast::NameSet* set, bool& all);

// Fills `scope.names` / `scope.unshared` and the matching SharedName list.
void buildActionScope(const Schema& schema, const std::vector<uint32_t>& actions, Scope& scope,
                      std::vector<SharedName>& names);

}  // namespace agentpol::sema
