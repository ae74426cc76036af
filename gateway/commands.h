// commands.h — agentpol-mcp's subcommands: each has its option table (the
// shared agentpol_cli parser gives --help and exit-2 usage errors) and a
// run function. main.cpp dispatches.
#pragma once

#include "driver/cli_args.h"

#include <string>

namespace agentpol::gateway {

using driver::CommandSpec;
using driver::ParsedArgs;

struct Command {
  const CommandSpec* spec;
  int (*run)(const ParsedArgs&);
};

const CommandSpec& runSpec();
int runRun(const ParsedArgs& args);
const CommandSpec& schemaSpec();
int runSchema(const ParsedArgs& args);
const CommandSpec& revokeSpec();
int runRevoke(const ParsedArgs& args);
const CommandSpec& unrevokeSpec();
int runUnrevoke(const ParsedArgs& args);

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

// Prints "agentpol-mcp COMMAND: MESSAGE" and the --help hint; returns 2.
int usage_error(const std::string& command, const std::string& message);
// Prints "agentpol-mcp: MESSAGE"; returns 1.
int failure(const std::string& message);
// An agent identity as the language allows it: 1-256 bytes, no control characters.
bool valid_agent_name(const std::string& name);
// The default state directory (spec section 12).
inline constexpr const char* kDefaultStateDir = "./agentpol-state";

}  // namespace agentpol::gateway
