// reference_eval.h — test support: a slow, plain tree-walking evaluator over
// the *checked AST* implementing spec 5, 6.1 and 6.2 directly (values,
// checked arithmetic, errors fail closed, the decision procedure with reasons
// and rule lists). The differential tests compare it with the VM; it shares
// no code with compiler/ir, compiler/codegen or the runtime.
#pragma once

#include <string>

#include "ref_request.h"
#include "sema/checked_policy.h"

namespace agentpol::ref {

Decision decide(const sema::CheckedPolicy& policy, const Request& request);

// A request as readable text (for failure messages).
std::string describe(const sema::CheckedPolicy& policy, const Request& request);

}  // namespace agentpol::ref
