// cmd_inventory.cpp — `agentpolc inventory FILE…`: every agent with owner,
// purpose, review age, expiry, and the actions the solver finds it can ever
// be allowed or escalated to. Exit 0, 1 on policy errors, 2 usage.
#include <iostream>

#include "driver/commands.h"
#include "driver/exit_codes.h"
#include "driver/frontend.h"
#include "driver/verify_args.h"
#include "verify/inventory.h"

namespace agentpol::driver {

const CommandSpec& inventorySpec() {
  static const CommandSpec spec{
      "inventory",
      "agentpolc inventory FILE|FOLDER… [--format text|json] [--today DATE] [--timeout DUR]",
      "List every agent: owner, purpose, review age, expiry and the actions it can reach.",
      "`actions` is computed by the solver (some request of that agent and action is\n"
      "allowed or escalated), not copied from `may`; `undecided` lists actions the\n"
      "solver could not settle.\nExit status: 0 ok, 1 policy errors, 2 usage error.",
      {{"format", 0, "FORMAT", "text (default) or json"},
       {"today", 0, "DATE", "the date review ages count to (default: today, UTC)"},
       {"timeout", 0, "DUR", "solver time limit per query (default 10s)"}},
      1,
      false};
  return spec;
}

int runInventory(const ParsedArgs& args) {
  std::string format = args.get("format", "text");
  if (format != "text" && format != "json") {
    std::cerr << "agentpolc inventory: --format must be `text` or `json`\n";
    return kExitUsage;
  }
  verify::VerifyOptions options;
  std::string error;
  if (!parseVerifyOptions(args, options, error)) {
    std::cerr << "agentpolc inventory: " << error << "\n";
    return kExitUsage;
  }
  auto c = compileSources(args.positional);
  printDiagnostics(*c, OutputFormat::Text, std::cout, std::cerr);
  if (!c->policy) return kExitFailed;
  auto inv = verify::computeInventory(*c->policy, options.today, options.timeoutMs);
  if (format == "json") std::cout << verify::inventoryJson(inv).dump(2) << "\n";
  else std::cout << verify::inventoryText(inv);
  return kExitOk;
}

}  // namespace agentpol::driver
