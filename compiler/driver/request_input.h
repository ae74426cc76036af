// request_input.h — the requests given to `eval --request`: a file (or `-`
// for stdin) holding one JSON object, a JSON array of objects, or JSON Lines
// (one object per line). forEachRequest() hands each request's tree node to a
// callback in order; anything else is unreadable input, reported with the
// line number for JSON Lines (eval then stops: outputs stay aligned).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "request/json_tree.h"

namespace agentpol::driver {

// Reads a whole file, or stdin for "-"; false with a reason on failure.
bool readInput(const std::string& path, std::string* text, std::string* error);

using RequestFn = std::function<void(const request::JsonTree& tree, uint32_t node)>;

// Splits `text` into requests and calls `each` for every one; `name` prefixes
// error messages ("req.jsonl:7: not JSON: …"). False on unreadable input,
// after the requests before the bad line (JSON Lines) have been handed over.
bool forEachRequest(std::string_view text, const std::string& name, request::JsonTree& tree,
                    const RequestFn& each, std::string* error);

}  // namespace agentpol::driver
