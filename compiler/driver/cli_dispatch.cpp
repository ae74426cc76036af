// cli_dispatch.cpp — runTool(): the subcommand table walk shared by the tools.
#include "driver/cli_dispatch.h"

#include <exception>
#include <iostream>

#include <fmt/format.h>

namespace agentpol::driver {
namespace {

std::string topLevelHelp(const Tool& tool) {
  std::string out = fmt::format("{}\n\nusage: {} COMMAND [ARGS…]\n\ncommands:\n", tool.headline, tool.name);
  for (const Command& c : *tool.commands) out += fmt::format("  {:<10} {}\n", c.spec->name, c.spec->summary);
  out += fmt::format("\nRun `{} COMMAND --help` for a command's options.\n", tool.name);
  return out;
}

int dispatch(const Tool& tool, const std::vector<std::string>& argv) {
  if (argv.empty()) return usageError(tool.name, "", "missing command");
  const std::string& name = argv[0];
  if (name == "--help" || name == "-h" || name == "help") {
    std::cout << topLevelHelp(tool);
    return 0;
  }
  for (const Command& c : *tool.commands) {
    if (c.spec->name != name) continue;
    std::string error;
    auto args = parseArgs(*c.spec, {argv.begin() + 1, argv.end()}, error);
    if (!args) return usageError(tool.name, name, error);
    if (args->help) {
      std::cout << helpText(*c.spec);
      return 0;
    }
    return c.run(*args);
  }
  return usageError(tool.name, "", fmt::format("unknown command `{}`", name));
}

}  // namespace

int usageError(const std::string& tool, const std::string& command, const std::string& message) {
  std::string who = command.empty() ? tool : tool + " " + command;
  std::cerr << who << ": " << message << "\n";
  std::cerr << "Try `" << who << " --help`.\n";
  return 2;
}

int runTool(const Tool& tool, const std::vector<std::string>& argv) {
  try {
    return dispatch(tool, argv);
  } catch (const std::exception& e) {
    std::cerr << tool.name << ": internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << tool.name << ": internal error\n";
  }
  return 1;
}

}  // namespace agentpol::driver
