// commands.h — the registry of agentpolc's subcommands: each has a
// CommandSpec (options, help) and a run function, implemented in its own
// cmd_<name>.cpp. main.cpp dispatches through allCommands().
#pragma once

#include <vector>

#include "driver/cli_args.h"
#include "driver/cli_dispatch.h"

namespace agentpol::driver {

const std::vector<Command>& allCommands();

// One pair per subcommand.
const CommandSpec& checkSpec();
int runCheck(const ParsedArgs& args);
const CommandSpec& buildSpec();
int runBuild(const ParsedArgs& args);
const CommandSpec& disasmSpec();
int runDisasm(const ParsedArgs& args);
const CommandSpec& evalSpec();
int runEval(const ParsedArgs& args);
const CommandSpec& testSpec();
int runTest(const ParsedArgs& args);
const CommandSpec& verifySpec();
int runVerify(const ParsedArgs& args);
const CommandSpec& diffSpec();
int runDiff(const ParsedArgs& args);
const CommandSpec& inventorySpec();
int runInventory(const ParsedArgs& args);

}  // namespace agentpol::driver
