// main.cpp — agentpolc's entry point: the subcommand table, run by the
// shared dispatcher (cli_dispatch: --help, usage errors exit 2, an
// unexpected internal failure exits 1, never 0).
#include <string>
#include <vector>

#include "driver/cli_dispatch.h"
#include "driver/commands.h"

namespace agentpol::driver {

const std::vector<Command>& allCommands() {
  static const std::vector<Command> commands = {
      {&checkSpec(), runCheck},
      {&buildSpec(), runBuild},
      {&disasmSpec(), runDisasm},
      {&evalSpec(), runEval},
      {&testSpec(), runTest},
      {&verifySpec(), runVerify},
      {&diffSpec(), runDiff},
      {&inventorySpec(), runInventory},
  };
  return commands;
}

}  // namespace agentpol::driver

int main(int argc, char** argv) {
  using namespace agentpol::driver;
  return runTool({"agentpolc", "agentpolc — compiler, verifier and evaluator for agentpol policies", &allCommands()},
                 {argv + 1, argv + argc});
}
