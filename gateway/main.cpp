// main.cpp — agentpol-mcp's entry point: picks the subcommand, parses its
// options from the command's table and runs it. Usage errors exit 2; an
// unexpected internal failure is reported and exits 1, never 0.
#include "commands.h"

#include <exception>
#include <iostream>
#include <vector>

namespace agentpol::gateway {
namespace {

const std::vector<Command>& allCommands() {
  static const std::vector<Command> commands = {
      {&runSpec(), runRun},
      {&schemaSpec(), runSchema},
      {&revokeSpec(), runRevoke},
      {&unrevokeSpec(), runUnrevoke},
  };
  return commands;
}

std::string topLevelHelp() {
  std::string out =
      "agentpol-mcp — the agentpol gateway for MCP: decides every tools/call with a bundle\n\n"
      "usage: agentpol-mcp COMMAND [ARGS…]\n\ncommands:\n";
  for (const Command& c : allCommands()) {
    std::string name = c.spec->name;
    name.resize(10, ' ');
    out += "  " + name + " " + c.spec->summary + "\n";
  }
  out += "\nRun `agentpol-mcp COMMAND --help` for a command's options.\n";
  return out;
}

int dispatch(const std::vector<std::string>& argv) {
  if (argv.empty()) return usage_error("", "missing command");
  const std::string& name = argv[0];
  if (name == "--help" || name == "-h" || name == "help") {
    std::cout << topLevelHelp();
    return kExitOk;
  }
  for (const Command& c : allCommands()) {
    if (c.spec->name != name) continue;
    std::string error;
    auto args = driver::parseArgs(*c.spec, {argv.begin() + 1, argv.end()}, error);
    if (!args) return usage_error(name, error);
    if (args->help) {
      std::cout << driver::helpText(*c.spec);
      return kExitOk;
    }
    return c.run(*args);
  }
  return usage_error("", "unknown command `" + name + "`");
}

}  // namespace

int usage_error(const std::string& command, const std::string& message) {
  std::string who = "agentpol-mcp" + (command.empty() ? "" : " " + command);
  std::cerr << who << ": " << message << "\nTry `" << who << " --help`.\n";
  return kExitUsage;
}

int failure(const std::string& message) {
  std::cerr << "agentpol-mcp: " << message << "\n";
  return kExitFailed;
}

bool valid_agent_name(const std::string& name) {
  if (name.empty() || name.size() > 256) return false;
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}

}  // namespace agentpol::gateway

int main(int argc, char** argv) {
  try {
    return agentpol::gateway::dispatch({argv + 1, argv + argc});
  } catch (const std::exception& e) {
    std::cerr << "agentpol-mcp: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "agentpol-mcp: internal error\n";
  }
  return agentpol::gateway::kExitFailed;
}
