// verify_workload.h — a deterministic policy set shaped like Cedar's agent
// workload, for bench_verify (issue 11): 4 actions, 1 001 agents with owner
// and purpose but no `reviewed` date (so every agent's inventory check is a
// violation with an example request), and rules that mostly name one agent
// each plus a few shared `agent *` / `user` rules. Entry point: verifyWorkload.
#pragma once

#include <string>

namespace agentpol::bench {

// `namedRules` rules naming one agent each (agent i % 1001), then 10 shared
// rules: 100 gives the 110-rule set, 1 000 the 1 010-rule set.
std::string verifyWorkload(int namedRules);

}  // namespace agentpol::bench
