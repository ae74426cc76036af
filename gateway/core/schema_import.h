// schema_import.h — `agentpol-mcp schema`: action declarations for an MCP
// server's tools (spec section 11's type mapping), ready to paste into a
// policy: JSON Schema string -> String (date-time -> Time), integer and
// number -> Int, boolean -> Bool, arrays of strings or integers -> sets,
// anything else -> String; optional unless required; @tool("…") when the
// tool's name is not an identifier.
#pragma once

#include "core/strict_json.h"

#include <set>
#include <string>

namespace agentpol::gateway {

// The agentpol type for one property's JSON Schema.
std::string agentpol_type(const json& schema);
// An identifier for a tool name: itself when it is one, else every other
// character replaced by '_' (a leading digit or a keyword gets '_' added),
// made unique against `taken`, which it joins.
std::string action_name(const std::string& tool, std::set<std::string>* taken);
bool is_identifier(const std::string& name);

// The declarations for `tools` (a tools/list "tools" array); `header` is a
// comment line naming the server, `ns` a namespace to declare (may be empty).
std::string render_actions(const json& tools, const std::string& header, const std::string& ns);

}  // namespace agentpol::gateway
