// defs.h — the `def` pass: type-checks each def body once, where it is
// declared (the body sees only its parameters), checks the result type,
// finds call cycles (direct and mutual recursion, E0504) and bounds each
// def's inlined size on its own so that a blow-up is reported at the def.
#pragma once

#include "sema/sema_state.h"

namespace agentpol::sema {

void checkDefs(SemaState& st);

}  // namespace agentpol::sema
