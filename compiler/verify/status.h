// status.h — the three outcomes of a proof obligation (spec section 7):
// proved, violated, unknown. Z3-free, so the driver can name them without
// seeing the solver (compiler/driver compiles without Z3 headers).
#pragma once

namespace agentpol::verify {

enum class Status { Proved, Violated, Unknown };
const char* statusName(Status s);

}  // namespace agentpol::verify
