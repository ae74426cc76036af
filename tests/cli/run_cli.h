// run_cli.h — running agentpolc from the CLI tests: a command line (without
// the program name) with optional stdin text, giving exit code, stdout and
// stderr; plus scratch files and the paths of the shared test data.
#pragma once

#include <string>
#include <vector>

namespace agentpol::clitest {

struct RunResult {
  int exit = -1;
  std::string out, err;
  std::vector<std::string> lines() const;  // stdout split into lines
};

// Runs `agentpolc ARGS` (ARGS is shell syntax) with `input` on stdin.
RunResult agentpolc(const std::string& args, const std::string& input = "");

// Writes `text` to a fresh scratch file with the given extension; returns its path.
std::string scratch(const std::string& text, const std::string& ext = ".json");
std::string readFile(const std::string& path);

std::string sharedDir();  // ../shared
std::string sourceDir();  // the checkout
std::string billingPolicy();  // shared/conformance/billing/policy.agentpol
std::string billingCases();   // shared/conformance/billing/cases.json
// One request per billing conformance case, compact, in order.
std::vector<std::string> billingRequests();

}  // namespace agentpol::clitest
