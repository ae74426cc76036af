// commands.h — agentpol-mcp's subcommands: each has its option table (the
// shared agentpol_cli parser gives --help and exit-2 usage errors) and a
// run function. main.cpp dispatches through driver::runTool.
#pragma once

#include "driver/cli_args.h"
#include "driver/cli_dispatch.h"
#include "driver/exit_codes.h"

#include <cstdint>
#include <string>

namespace agentpol::gateway {

using driver::Command;
using driver::CommandSpec;
using driver::ParsedArgs;

const CommandSpec& runSpec();
int runRun(const ParsedArgs& args);
const CommandSpec& schemaSpec();
int runSchema(const ParsedArgs& args);
const CommandSpec& revokeSpec();
int runRevoke(const ParsedArgs& args);
const CommandSpec& unrevokeSpec();
int runUnrevoke(const ParsedArgs& args);
const CommandSpec& approvalsSpec();
int runApprovals(const ParsedArgs& args);

using driver::kExitFailed;
using driver::kExitOk;
using driver::kExitUsage;

// Prints "agentpol-mcp COMMAND: MESSAGE" and the --help hint; returns 2.
int usage_error(const std::string& command, const std::string& message);
// Prints "agentpol-mcp: MESSAGE"; returns 1.
int failure(const std::string& message);
// Who runs the command ($USER, else the passwd entry): --by's default.
std::string current_user();
// The wall clock, epoch milliseconds.
int64_t wall_clock_ms();
// The default state directory (spec section 12).
inline constexpr const char* kDefaultStateDir = "./agentpol-state";

}  // namespace agentpol::gateway
