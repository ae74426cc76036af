// cmd_disasm.cpp — `agentpolc disasm OUT.apb`: load a bundle through the
// runtime's loader (which validates everything) and print its tables and
// code readably. An unreadable or invalid bundle exits 1 with the reason.
#include <iostream>

#include <agentpol/bundle.h>

#include "driver/commands.h"
#include "driver/exit_codes.h"

namespace agentpol::driver {

const CommandSpec& disasmSpec() {
  static const CommandSpec spec{
      "disasm",
      "agentpolc disasm OUT.apb",
      "Print a bundle's tables and bytecode readably.",
      "The bundle is loaded (and so fully validated) first.\n"
      "Exit status: 0 printed, 1 unreadable or invalid bundle, 2 usage error.",
      {},
      1,
      false};
  return spec;
}

int runDisasm(const ParsedArgs& args) {
  if (args.positional.size() != 1) {
    std::cerr << "agentpolc disasm: give exactly one bundle file\nTry `agentpolc disasm --help`.\n";
    return kExitUsage;
  }
  const std::string& path = args.positional[0];
  LoadResult r = load_bundle_file(path);
  if (!r) {
    std::cerr << "agentpolc disasm: invalid bundle `" << path << "`: " << r.error << "\n";
    return kExitFailed;
  }
  std::cout << r.bundle->disassemble();
  return kExitOk;
}

}  // namespace agentpol::driver
