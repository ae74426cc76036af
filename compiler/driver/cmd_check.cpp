// cmd_check.cpp — `agentpolc check FILE…`: parse and type-check a policy set
// and report every diagnostic. Exit 0 when clean, 1 on errors. The policy is
// also lowered to bytecode (and thrown away), so a set that checks clean
// never fails to build on a runtime limit (E0902).
#include <iostream>

#include "driver/bundle_source.h"
#include "driver/commands.h"
#include "driver/exit_codes.h"
#include "driver/frontend.h"

namespace agentpol::driver {

const CommandSpec& checkSpec() {
  static const CommandSpec spec{
      "check",
      "agentpolc check FILE|FOLDER… [--format text|json]",
      "Parse and type-check a policy set (all files together form one set).",
      "A folder stands for every .agentpol file directly inside it.\n"
      "Text diagnostics go to stderr; with --format json one object\n"
      "{\"diagnostics\": [...]} is printed to stdout.\n"
      "Exit status: 0 no errors, 1 errors, 2 usage error.",
      {{"format", 0, "FORMAT", "text (default) or json"}},
      1,
      false};
  return spec;
}

int runCheck(const ParsedArgs& args) {
  OutputFormat format = OutputFormat::Text;
  if (!parseOutputFormat(args.get("format", "text"), format)) {
    std::cerr << "agentpolc check: --format must be `text` or `json`\n";
    return kExitUsage;
  }
  auto c = compileSources(args.positional);
  if (c->policy) compileToBundleBytes(*c);
  printDiagnostics(*c, format, std::cout, std::cerr);
  return c->diags.hasErrors() ? kExitFailed : kExitOk;
}

}  // namespace agentpol::driver
