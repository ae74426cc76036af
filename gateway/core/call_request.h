// call_request.h — a tools/call as the request of spec section 8 (section 11's
// mapping; which action a tool stands for is the runtime's
// Bundle::action_for_tool): the call's arguments converted by the action's
// declared types, and the request text read by the one
// request reader, so every check and message is the same as `agentpolc eval`.
#pragma once

#include "core/strict_json.h"

#include <agentpol/bundle.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace agentpol::gateway {

// Who calls: the gateway's --agent and --user.
struct Caller {
  std::string agent;
  std::optional<std::string> user;
};

// The call's arguments by the declared types: an entity-typed one becomes
// {"id": value}; a String given a non-string becomes its canonical JSON
// text; an integral JSON number for an Int becomes that integer (also inside
// sets and records). Everything else is left for the reader to check.
json convert_arguments(const ActionImage& action, const json& arguments);

// Inputs of one request besides the call: the --context and --entities
// texts (compact JSON, or empty for none).
struct RequestInputs {
  std::string_view context;
  std::string_view entities;
};

// The request JSON for `action` with converted `args` at `now` (epoch s).
std::string request_json(const Caller& caller, int64_t now, std::string_view action, const json& args,
                         const RequestInputs& inputs);

// Arguments that fit `action`'s required parameters and arguments exactly
// (entity references, zeros, first enum values): a trial request made of
// them checks the context and entities files against a bundle.
json placeholder_arguments(const BundleImage& image, const ActionImage& action);

}  // namespace agentpol::gateway
