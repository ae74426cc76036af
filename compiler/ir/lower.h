// lower.h — the IR stage's entry point: a CheckedPolicy becomes an ir::Program,
// one Bool condition per rule and action (`when` and not `unless`), with
// records flattened to their leaf slots and constants folded. See docs/ir.md.
#pragma once

#include "ir/ir.h"
#include "sema/checked_policy.h"

namespace agentpol::ir {

Program lower(const sema::CheckedPolicy& policy);

}  // namespace agentpol::ir
