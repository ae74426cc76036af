// main.cpp — agentpolc's entry point: picks the subcommand, parses its
// arguments from the command's table, and runs it. Usage errors exit 2; an
// unexpected internal failure is reported and exits 1, never 0.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "driver/commands.h"
#include "driver/exit_codes.h"

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

namespace {

std::string topLevelHelp() {
  std::string out =
      "agentpolc — compiler, verifier and evaluator for agentpol policies\n\n"
      "usage: agentpolc COMMAND [ARGS…]\n\ncommands:\n";
  for (const Command& c : allCommands()) out += fmt::format("  {:<10} {}\n", c.spec->name, c.spec->summary);
  out += "\nRun `agentpolc COMMAND --help` for a command's options.\n";
  return out;
}

int usageError(const std::string& command, const std::string& message) {
  std::cerr << "agentpolc" << (command.empty() ? "" : " " + command) << ": " << message << "\n";
  std::cerr << "Try `agentpolc" << (command.empty() ? "" : " " + command) << " --help`.\n";
  return kExitUsage;
}

int dispatch(const std::vector<std::string>& argv) {
  if (argv.empty()) return usageError("", "missing command");
  const std::string& name = argv[0];
  if (name == "--help" || name == "-h" || name == "help") {
    std::cout << topLevelHelp();
    return kExitOk;
  }
  for (const Command& c : allCommands()) {
    if (c.spec->name != name) continue;
    std::string error;
    auto args = parseArgs(*c.spec, {argv.begin() + 1, argv.end()}, error);
    if (!args) return usageError(name, error);
    if (args->help) {
      std::cout << helpText(*c.spec);
      return kExitOk;
    }
    return c.run(*args);
  }
  return usageError("", fmt::format("unknown command `{}`", name));
}

}  // namespace
}  // namespace agentpol::driver

int main(int argc, char** argv) {
  try {
    return agentpol::driver::dispatch({argv + 1, argv + argc});
  } catch (const std::exception& e) {
    std::cerr << "agentpolc: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "agentpolc: internal error\n";
  }
  return agentpol::driver::kExitFailed;
}
