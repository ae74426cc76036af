// agent_workload_gen.cpp — writes the agent workload (agent_workload.h) to a
// folder: agents.agentpol and requests.jsonl, for timing the whole `eval`
// process: `agent_workload_gen DIR && agentpolc build DIR/agents.agentpol -o
// DIR/agents.apb && agentpolc eval DIR/agents.apb --request DIR/requests.jsonl`.
#include <cstdio>
#include <fstream>
#include <string>

#include "agent_workload.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: agent_workload_gen DIR\n");
    return 2;
  }
  std::string dir = argv[1];
  std::ofstream(dir + "/agents.agentpol", std::ios::binary) << agentpol::bench::agentWorkloadPolicy();
  std::ofstream req(dir + "/requests.jsonl", std::ios::binary);
  req << agentpol::bench::agentWorkloadRequests();
  return req ? 0 : 1;
}
