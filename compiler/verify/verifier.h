// verifier.h — the entry point of `agentpolc verify`: runs every built-in
// check (inventory, delegation, scope, dead-rule, shadowed) and every assert
// of a checked policy and returns one CheckResult per check and subject.
// Reports are rendered by report.h.
#pragma once

#include "sema/checked_policy.h"
#include "verify/check_result.h"

namespace agentpol::verify {

VerifyReport verifyPolicy(const sema::CheckedPolicy& policy, const VerifyOptions& options);

}  // namespace agentpol::verify
