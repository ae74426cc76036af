// run_cli.cpp — agentpolc runner (std::system with redirections to scratch
// files) and scratch-file helpers for the CLI tests.
#include "run_cli.h"

#include <sys/wait.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace agentpol::clitest {
namespace fs = std::filesystem;

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string scratch(const std::string& text, const std::string& ext) {
  static std::atomic<int> counter{0};
  fs::path dir = fs::temp_directory_path() / ("agentpol_cli_" + std::to_string(getpid()));
  fs::create_directories(dir);
  fs::path p = dir / ("f" + std::to_string(counter++) + ext);
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

std::vector<std::string> RunResult::lines() const {
  std::vector<std::string> v;
  std::istringstream in(out);
  for (std::string l; std::getline(in, l);) v.push_back(l);
  return v;
}

RunResult agentpolc(const std::string& args, const std::string& input) {
  std::string in = scratch(input, ".in"), out = scratch("", ".out"), err = scratch("", ".err");
  // AGENTPOLC_UNDER_TEST runs another binary (e.g. an older build, to see a new test fail there).
  const char* binary = std::getenv("AGENTPOLC_UNDER_TEST");
  std::string cmd = std::string("'") + (binary && *binary ? binary : AGENTPOLC) + "' " + args + " < '" + in + "' > '" +
                    out + "' 2> '" + err + "'";
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = readFile(out);
  r.err = readFile(err);
  fs::remove(in);
  fs::remove(out);
  fs::remove(err);
  return r;
}

std::string sharedDir() { return AGENTPOL_SHARED_DIR; }
std::string sourceDir() { return AGENTPOL_SOURCE_DIR; }
std::string billingPolicy() { return sharedDir() + "/conformance/billing/policy.agentpol"; }
std::string billingCases() { return sharedDir() + "/conformance/billing/cases.json"; }

std::vector<std::string> billingRequests() {
  std::vector<std::string> out;
  for (const auto& c : nlohmann::json::parse(readFile(billingCases()))) out.push_back(c["request"].dump());
  return out;
}

}  // namespace agentpol::clitest
