// tools_filter.h — what a tools/list result may show the agent (spec 11):
// no tool that maps to no action or lies outside the agent's `may`, and
// none at all for an agent that is unknown, expired or revoked.
#pragma once

#include "core/strict_json.h"

#include <agentpol/bundle.h>

#include <cstdint>
#include <string_view>

namespace agentpol::gateway {

// False when the agent is unknown (agents are declared and it is not one),
// expired at `now` (epoch seconds) or revoked.
bool agent_may_act(const Bundle& bundle, std::string_view agent, int64_t now, bool revoked);

// Removes from result["tools"] every tool the agent may not see; other
// members (nextCursor, _meta) stay.
void filter_tools(json& result, const Bundle& bundle, std::string_view agent, int64_t now, bool revoked);

}  // namespace agentpol::gateway
