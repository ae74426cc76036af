// rules.h — checks every rule and assert of the user files and appends them,
// with resolved subjects and actions, unique ids and typed, inlined
// conditions, to the CheckedPolicy.
#pragma once

#include "sema/checked_policy.h"
#include "sema/module_loader.h"
#include "sema/sema_state.h"

namespace agentpol::sema {

void checkRules(SemaState& st, LoadedSet& set, CheckedPolicy& out);
void checkAsserts(SemaState& st, LoadedSet& set, CheckedPolicy& out);

}  // namespace agentpol::sema
