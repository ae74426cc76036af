// strict_json.h — JSON parsing for MCP messages and the gateway's input files:
// nlohmann's parser with two refusals added, so the gateway never decides on
// a value the server would read differently: a key given twice in one object,
// and nesting deeper than kMaxJsonDepth (every later walk is then bounded).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace agentpol::gateway {

using json = nlohmann::json;

inline constexpr int kMaxJsonDepth = 128;

// Parses exactly one JSON value. On failure returns false and sets *error to
// a one-line reason (syntax, invalid UTF-8, duplicate key, too deep).
bool parse_strict(std::string_view text, json* out, std::string* error);

// The canonical text of a value: keys sorted (by bytes), no whitespace;
// never throws (invalid UTF-8, which parse_strict never lets in, is replaced).
std::string canonical(const json& value);

// Appends `s` as a JSON string. ASCII text goes through agentpol's one
// escaper (append_json_string); text with other bytes through nlohmann's
// writer, which replaces invalid UTF-8 with U+FFFD, so a line built from
// untrusted strings is always valid JSON.
void append_json_text(std::string_view s, std::string* out);

}  // namespace agentpol::gateway
