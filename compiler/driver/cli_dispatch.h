// cli_dispatch.h — the top level of every agentpol command-line tool
// (agentpolc, agentpol-mcp): pick the subcommand, parse its options from its
// table, print `--help`, report usage errors (exit 2), and turn an escaped
// exception into exit 1, never 0.
#pragma once

#include <string>
#include <vector>

#include "driver/cli_args.h"

namespace agentpol::driver {

struct Command {
  const CommandSpec* spec;
  int (*run)(const ParsedArgs& args);
};

struct Tool {
  std::string name;      // "agentpolc"
  std::string headline;  // first line of the top-level help
  const std::vector<Command>* commands;
};

// Runs argv (without the program name). Exit codes: the command's, 0 for
// help, 2 for a usage error, 1 for an internal error.
int runTool(const Tool& tool, const std::vector<std::string>& argv);

// Prints "TOOL COMMAND: MESSAGE" and the --help hint on stderr; returns 2.
int usageError(const std::string& tool, const std::string& command, const std::string& message);

}  // namespace agentpol::driver
