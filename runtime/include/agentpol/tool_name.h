// agentpol/tool_name.h — what a policy's `@tool("…")` may name: the one rule
// for MCP tool names, shared by the compiler (sema reports a bad one), the
// bundle loader (rejects one) and hosts such as the MCP gateway.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace agentpol {

constexpr size_t kMaxToolNameBytes = 128;

// Why `name` cannot be an MCP tool name, or "" when it can: it must be 1 to
// 128 bytes of valid UTF-8 with no control character (U+0000-U+001F,
// U+007F-U+009F), no whitespace and no invisible formatting character (the
// zero-width and bidirectional controls, the soft hyphen, the BOM), so that
// a name that looks the same is the same name. Anything else is allowed —
// MCP only recommends A-Z a-z 0-9 _ - . and servers use more — and names
// are compared byte for byte.
std::string tool_name_problem(std::string_view name);

}  // namespace agentpol
