// literal_text.h — canonical text of literal values as the AST stores them:
// epoch seconds as RFC 3339 UTC, minor units as a two-decimal amount. Shared
// by the AST dump, the parser's hints and later stages' messages.
#pragma once

#include <cstdint>
#include <string>

namespace agentpol::ast {

// 1764338580 -> `2026-11-28T14:03:00Z`.
std::string formatUtc(int64_t epochSeconds);
// 4999 -> `49.99`, -5 -> `-0.05`.
std::string formatMinorUnits(int64_t minor);

}  // namespace agentpol::ast
