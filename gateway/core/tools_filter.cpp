// tools_filter.cpp — the agent's standing from the bundle's inventory, then
// each listed tool through action_for_tool and the agent's `may` scope.
#include "core/tools_filter.h"

#include <algorithm>

namespace agentpol::gateway {
namespace {

const AgentImage* inventory_entry(const Bundle& bundle, std::string_view agent) {
  AgentHandle h = bundle.agent(agent);
  return h.valid() ? &bundle.image().agents[h.index] : nullptr;
}

bool tool_visible(const Bundle& bundle, const AgentImage* entry, const json& tool) {
  auto name = tool.find("name");
  if (name == tool.end() || !name->is_string()) return false;
  ActionHandle action = bundle.action_for_tool(name->get_ref<const std::string&>());
  if (!action.valid()) return false;
  if (!entry || !entry->has_scope) return true;
  return std::binary_search(entry->may.begin(), entry->may.end(), action.index);
}

}  // namespace

bool agent_may_act(const Bundle& bundle, std::string_view agent, int64_t now, bool revoked) {
  if (revoked) return false;
  const AgentImage* entry = inventory_entry(bundle, agent);
  if (!entry) return bundle.image().agents.empty();
  return !entry->expires || *entry->expires > now;
}

void filter_tools(json& result, const Bundle& bundle, std::string_view agent, int64_t now, bool revoked) {
  auto tools = result.find("tools");
  if (tools == result.end() || !tools->is_array()) return;
  if (!agent_may_act(bundle, agent, now, revoked)) {
    *tools = json::array();
    return;
  }
  const AgentImage* entry = inventory_entry(bundle, agent);
  json kept = json::array();
  for (json& t : *tools)
    if (t.is_object() && tool_visible(bundle, entry, t)) kept.push_back(std::move(t));
  *tools = std::move(kept);
}

}  // namespace agentpol::gateway
