// inventory.h — `agentpolc inventory`: every agent with owner, purpose,
// review age and expiry, and the actions it can ever be allowed or
// escalated to — computed by the solver per agent × action (a satisfiable
// "this agent, this action, allowed or escalated"), not copied from `may`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sema/checked_policy.h"

namespace agentpol::verify {

struct AgentInventory {
  std::string name, owner, purpose;
  std::optional<int64_t> reviewed, reviewAgeDays, expires;
  bool hasScope = false;
  std::vector<std::string> may;      // as declared
  std::vector<std::string> actions;  // computed: can be allowed or escalated
  std::vector<std::string> allowed;  // computed: can be allowed
  std::vector<std::string> undecided;  // the solver could not tell
};

std::vector<AgentInventory> computeInventory(const sema::CheckedPolicy& policy, int64_t today, unsigned timeoutMs);
nlohmann::json inventoryJson(const std::vector<AgentInventory>& inv);
std::string inventoryText(const std::vector<AgentInventory>& inv);

}  // namespace agentpol::verify
