// verify_workload.h — a deterministic policy set shaped like Cedar's agent
// workload, for bench_verify (issue 11): 4 actions, 1 001 agents with owner
// and purpose but no `reviewed` date (so every agent's inventory check is a
// violation with an example request), and rules that mostly name one agent
// each plus a few shared `agent *` / `user` rules. Entry point: verifyWorkload.
#pragma once

#include <string>

namespace agentpol::bench {

// `agents` agents, `namedRules` rules naming one agent each (agent i %
// agents), then 10 shared rules: (100, 1001) is the 110-rule set, (1000,
// 1001) the 1 010-rule set; tests use smaller ones.
std::string verifyWorkload(int namedRules, int agents = 1001);

}  // namespace agentpol::bench
