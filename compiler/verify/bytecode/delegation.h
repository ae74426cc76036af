// delegation.h — the built-in `delegation` check (spec 7) proved on the
// compiled bytecode: no request with a user (from a declared agent) is
// allowed, or escalated, by the bundle's final decision — the runtime's
// decision procedure over the symbolically executed code blocks — unless the
// user's own rules as written in the source allow (or allow or escalate) it.
// Entry: proveDelegationOnBytecode; results are the verifier's CheckResult.
#pragma once

#include "verify/bytecode/bundle_session.h"
#include "verify/check_result.h"

namespace agentpol::verify::bytecode {

// On the given bundle (e.g. a mutated one in tests).
CheckResult proveDelegationOnBytecode(BundleSession& bundle);

// On the policy's own bundle: compiled with codegen, loaded by the runtime's
// loader. A policy that does not compile or load gives `unknown`.
CheckResult proveDelegationOnBytecode(Session& source);

}  // namespace agentpol::verify::bytecode
