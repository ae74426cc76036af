// dump.h — the IR as text, for golden tests (tests/ir/golden/*.ir) and for
// people: one line per rule header, one S-expression per action, slots
// shown by name ("(ctx token.expires_at)") and constants as written.
#pragma once

#include <string>

#include "ir/ir.h"
#include "sema/checked_policy.h"

namespace agentpol::ir {

std::string dump(const Program& program, const sema::CheckedPolicy& policy);
// One node (for messages and tests); `action` names the argument slots.
std::string dumpNode(const NodeRef& node, const Program& program, const sema::CheckedPolicy& policy, uint32_t action);

}  // namespace agentpol::ir
