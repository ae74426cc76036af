// main.cpp — agentpol-mcp's entry point: the subcommand table, run by the
// dispatcher every agentpol tool shares (driver/cli_dispatch: --help, usage
// errors exit 2, an unexpected internal failure exits 1, never 0).
#include "commands.h"

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <pwd.h>
#include <unistd.h>
#include <vector>

namespace agentpol::gateway {
namespace {

const std::vector<Command>& allCommands() {
  static const std::vector<Command> commands = {
      {&runSpec(), runRun},
      {&schemaSpec(), runSchema},
      {&revokeSpec(), runRevoke},
      {&unrevokeSpec(), runUnrevoke},
      {&approvalsSpec(), runApprovals},
  };
  return commands;
}

}  // namespace

int usage_error(const std::string& command, const std::string& message) {
  return driver::usageError("agentpol-mcp", command, message);
}

int failure(const std::string& message) {
  std::cerr << "agentpol-mcp: " << message << "\n";
  return kExitFailed;
}

std::string current_user() {
  if (const char* u = std::getenv("USER"); u && *u) return u;
  if (const passwd* p = getpwuid(getuid())) return p->pw_name;
  return "uid " + std::to_string(getuid());
}

int64_t wall_clock_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace agentpol::gateway

int main(int argc, char** argv) {
  using namespace agentpol;
  return driver::runTool({"agentpol-mcp", "agentpol-mcp — the agentpol gateway for MCP: decides every tools/call with a bundle",
                          &gateway::allCommands()},
                         {argv + 1, argv + argc});
}
