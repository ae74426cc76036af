// cmd_verify.cpp — `agentpolc verify FILE…`: every built-in check and assert
// of a policy set, reported as text, JSON (spec section 7) or SARIF 2.1.0.
// Exit 0 all hold, 1 a check fails (or compile errors), 3 unknown, 2 usage.
#include <iostream>

#include "driver/commands.h"
#include "driver/exit_codes.h"
#include "driver/frontend.h"
#include "driver/verify_args.h"
#include "verify/report.h"
#include "verify/verifier.h"

namespace agentpol::driver {

const CommandSpec& verifySpec() {
  static const CommandSpec spec{
      "verify",
      "agentpolc verify FILE|FOLDER… [--format text|json|sarif] [--today DATE] [--max-review-age DUR] "
      "[--timeout DUR] [--jobs N]",
      "Prove the built-in checks and every assert of a policy set with Z3.",
      "Checks: delegation, scope, dead-rule, shadowed, inventory, and each assert.\n"
      "A violated check comes with a counterexample request that `agentpolc eval`\n"
      "replays; a solver timeout or unsupported construct is `unknown`, never proved.\n"
      "Exit status: 0 all hold, 1 a check fails or the policy has errors,\n"
      "2 usage error, 3 a check could not be decided.",
      {{"format", 0, "FORMAT", "text (default), json or sarif"},
       {"today", 0, "DATE", "the date reviews are aged against (default: today, UTC)"},
       {"max-review-age", 0, "DUR", "oldest acceptable `reviewed` date (default 90d)"},
       {"timeout", 0, "DUR", "solver time limit per check (default 10s; e.g. 500ms)"},
       {"jobs", 0, "N", "check batches run on N threads, 1 to 256 (default 1); same report for every N"}},
      1,
      false};
  return spec;
}

int runVerify(const ParsedArgs& args) {
  std::string format = args.get("format", "text");
  if (format != "text" && format != "json" && format != "sarif") {
    std::cerr << "agentpolc verify: --format must be `text`, `json` or `sarif`\n";
    return kExitUsage;
  }
  verify::VerifyOptions options;
  std::string error;
  if (!parseVerifyOptions(args, options, error) || !parseJobsOption(args, &options.jobs, error)) {
    std::cerr << "agentpolc verify: " << error << "\n";
    return kExitUsage;
  }
  auto c = compileSources(args.positional);
  printDiagnostics(*c, OutputFormat::Text, std::cout, std::cerr);
  if (!c->policy) return kExitFailed;
  options.sources = &c->sources;  // messages quote source text
  options.releaseSolver = false;   // the process exits after the report
  verify::VerifyReport report = verify::verifyPolicy(*c->policy, options);
  if (format == "json") std::cout << verify::renderJson(report).dump(2) << "\n";
  else if (format == "sarif") std::cout << verify::renderSarif(report, c->sources).dump(2) << "\n";
  else std::cout << verify::renderText(report, c->sources);
  switch (report.overall()) {
    case verify::Status::Proved: return kExitOk;
    case verify::Status::Violated: return kExitFailed;
    case verify::Status::Unknown: return kExitUnknown;
  }
  return kExitFailed;
}

}  // namespace agentpol::driver
