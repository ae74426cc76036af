// cmd_diff.cpp — `agentpolc diff OLD… -- NEW…`: per action, requests newly
// allowed, escalated or denied, each with an example request. Exit 0 no
// change, 1 changes (with --fail-on allow: only access opened), 3 unknown.
#include <iostream>

#include "driver/commands.h"
#include "driver/exit_codes.h"
#include "driver/frontend.h"
#include "driver/verify_args.h"
#include "verify/diff.h"

namespace agentpol::driver {

const CommandSpec& diffSpec() {
  static const CommandSpec spec{
      "diff",
      "agentpolc diff OLD… -- NEW… [--format text|json] [--fail-on any|allow] [--today DATE] [--timeout DUR]",
      "Show, per action, the requests whose decision changes between two policy versions.",
      "Actions present in both versions with the same parameters and arguments are\n"
      "compared; added, removed and re-typed actions are listed as such.\n"
      "Options may stand anywhere, also after NEW: the one `--` only separates OLD\n"
      "from NEW. Name a file that starts with `-` with a path, e.g. `./-x.agentpol`.\n"
      "--fail-on any (default): exit 1 on any change. --fail-on allow: exit 1 only\n"
      "when access opens (some request's decision gets stronger: deny < escalate < allow).\n"
      "Exit status: 0 no (failing) change, 1 change or policy errors, 2 usage error,\n"
      "3 a query could not be decided (and no failing change was found).",
      {{"format", 0, "FORMAT", "text (default) or json"},
       {"fail-on", 0, "WHAT", "any (default) or allow"},
       {"today", 0, "DATE", "example requests prefer `now` on this day (YYYY-MM-DD; default the current UTC date)"},
       {"timeout", 0, "DUR", "solver time limit per query (default 10s)"}},
      1,
      true};
  return spec;
}

int runDiff(const ParsedArgs& args) {
  std::string format = args.get("format", "text"), failOn = args.get("fail-on", "any");
  if ((format != "text" && format != "json") || (failOn != "any" && failOn != "allow")) {
    std::cerr << "agentpolc diff: --format must be text or json; --fail-on any or allow\n";
    return kExitUsage;
  }
  if (!args.sawDashDash || args.afterDashDash.empty()) {
    std::cerr << "agentpolc diff: give the old files, then `--`, then the new files\nTry `agentpolc diff --help`.\n";
    return kExitUsage;
  }
  verify::VerifyOptions options;
  std::string error;
  if (!parseVerifyOptions(args, options, error)) {
    std::cerr << "agentpolc diff: " << error << "\n";
    return kExitUsage;
  }
  auto oldC = compileSources(args.positional);
  printDiagnostics(*oldC, OutputFormat::Text, std::cout, std::cerr);
  auto newC = compileSources(args.afterDashDash);
  printDiagnostics(*newC, OutputFormat::Text, std::cout, std::cerr);
  if (!oldC->policy || !newC->policy) return kExitFailed;
  verify::DiffReport d = verify::diffPolicies(*oldC->policy, *newC->policy, options.timeoutMs, options.today);
  if (format == "json") std::cout << verify::diffJson(d).dump(2) << "\n";
  else std::cout << verify::diffText(d);
  bool failing = failOn == "allow" ? d.opens() : d.changed();
  if (failing) return kExitFailed;
  return d.unknown() ? kExitUnknown : kExitOk;
}

}  // namespace agentpol::driver
