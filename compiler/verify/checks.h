// checks.h — the built-in checks of spec section 7 and the asserts, one
// file each (check_<name>.cpp). Each returns one CheckResult per subject
// (delegation: one for the whole policy). See docs/verification.md.
#pragma once

#include <cstdint>
#include <vector>

#include "verify/session.h"

namespace agentpol::verify {

std::vector<CheckResult> checkInventory(Session& s);
CheckResult checkDelegation(Session& s);
std::vector<CheckResult> checkScope(Session& s);
// The rules [begin, end) of the policy (clamped to its rules): the per-rule
// checks can run on a part of the rules (verify --jobs, verifier.cpp).
struct RuleSpan {
  uint32_t begin = 0, end = UINT32_MAX;
};
std::vector<CheckResult> checkDeadRules(Session& s, RuleSpan span = {});
// `dead` = checkDeadRules' results on the same span (a dead rule is not
// reported shadowed).
std::vector<CheckResult> checkShadowed(Session& s, const std::vector<CheckResult>& dead, RuleSpan span = {});
std::vector<CheckResult> checkAsserts(Session& s);

// The delegation obligation for any decision function: a request with a
// user that `deciding` allows while `userOwn` (the user rules alone) does
// not allow, or escalates while `userOwn` denies. Satisfiable = violated.
// The source-level check uses the source decision for both; a bytecode-level
// check passes the decision built from the bundle's code as `deciding`.
z3::expr delegationViolation(const z3::expr& hasUser, const DecisionTerms& deciding, const SideTerms& userOwn);

// The source range of a rule, agent or assert by subject (for reports).
SourceRange ruleRange(const sema::CheckedPolicy& p, uint32_t rule);

}  // namespace agentpol::verify
