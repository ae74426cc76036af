// exit_codes.h — agentpolc's process exit codes (spec section 9), shared by
// every subcommand.
#pragma once

namespace agentpol::driver {

inline constexpr int kExitOk = 0;       // success / all checks hold / no change
inline constexpr int kExitFailed = 1;   // errors, failed checks, changes, unreadable input
inline constexpr int kExitUsage = 2;    // bad command line
inline constexpr int kExitUnknown = 3;  // verify: a check could not be decided
inline constexpr int kExitAuditFailed = 4;  // eval: an audit record could not be written

}  // namespace agentpol::driver
