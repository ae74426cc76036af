// agent_workload.h — bench-only: a deterministic, Cedar-agent-shaped workload
// for the JSON path (issue 9): a policy of 110 rules over 4 actions and 1 001
// declared agents (10 `agent *` guardrails, 10 user rules, 90 rules of named
// agents), and JSON Lines requests of about 400 bytes each (agent and user
// with attributes, an entity argument with nested attributes, a context).
// The same seed gives the same bytes on every machine.
#pragma once

#include <cstdint>
#include <string>

namespace agentpol::bench {

constexpr int kWorkloadAgents = 1001;
constexpr int kWorkloadRules = 110;
constexpr int kWorkloadRequests = 20000;

// The policy source text.
std::string agentWorkloadPolicy();
// `count` requests, one compact JSON object per line, each ending in '\n'.
std::string agentWorkloadRequests(int count = kWorkloadRequests, uint64_t seed = 9);

}  // namespace agentpol::bench
