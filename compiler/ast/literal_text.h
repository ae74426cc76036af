// literal_text.h — canonical text of money literals as the AST stores them:
// minor units as a two-decimal amount. Shared by the AST dump and later
// stages' messages. (Times: agentpol::format_time in agentpol/civil_time.h.)
#pragma once

#include <cstdint>
#include <string>

namespace agentpol::ast {

// 4999 -> `49.99`, -5 -> `-0.05`.
std::string formatMinorUnits(int64_t minor);

}  // namespace agentpol::ast
