// cmd_test.cpp — `agentpolc test (OUT.apb | FILE…) --tests PATH [--format
// text|json] [--coverage [--coverage-min PCT]]`: decide every test case and
// compare decision, reason (when given) and rules (as a set, when given).
// Prints each failing case and `N passed, M failed` (and coverage.h's report);
// exit 0 all pass, 1 a failure, an unreadable test file or low coverage.
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <iostream>

#include <agentpol/engine.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "driver/bundle_source.h"
#include "driver/commands.h"
#include "driver/coverage.h"
#include "driver/exit_codes.h"
#include "driver/test_cases.h"
#include "request/request_reader.h"

namespace agentpol::driver {

const CommandSpec& testSpec() {
  static const CommandSpec spec{
      "test",
      "agentpolc test (OUT.apb | FILE…) --tests PATH [--format text|json] [--coverage [--coverage-min PCT]]",
      "Run test cases (request + expected decision) against a policy.",
      "PATH is a JSON file or a folder searched recursively for *.json files;\n"
      "each holds an array of {\"name\", \"request\", \"expect\", \"reason\"?,\n"
      "\"rules\"?, \"revoke\"?}. `rules` must equal the reported set; `revoke`\n"
      "lists agents revoked for that case only.\n"
      "--coverage also reports, measured on the bytecode run, which rule\n"
      "outcomes (matched / applicable but not matched) and condition-part\n"
      "outcomes (true / false) the cases exercised, and every one never seen.\n"
      "Exit status: 0 all pass, 1 a case fails, a test file is unreadable or\n"
      "coverage is below --coverage-min, 2 usage error.",
      {{"tests", 0, "PATH", "a test file or folder; repeatable", true},
       {"format", 0, "FORMAT", "text (default) or json"},
       {"coverage", 0, "", "report rule and condition-part coverage"},
       {"coverage-min", 0, "PCT", "fail when coverage is below PCT percent (implies --coverage)"}},
      1,
      false};
  return spec;
}

namespace {

struct Got {
  std::string decision, reason, message;
  std::vector<std::string> rules;  // sorted, unique
};

struct Outcome {
  const TestFile* file = nullptr;
  const TestCase* tc = nullptr;
  bool pass = false;
  std::string problem;  // malformed case or unreadable request
  Got got;
};

std::string joinRules(const std::vector<std::string>& rules) {
  return "[" + fmt::format("{}", fmt::join(rules, ", ")) + "]";
}

std::string expected(const TestCase& tc) {
  std::string s = tc.expect;
  if (tc.reason) s += "/" + *tc.reason;
  if (tc.rules) s += " " + joinRules(*tc.rules);
  return s;
}

class Runner {
 public:
  Runner(std::shared_ptr<const Bundle> b, Coverage* coverage)
      : engine_(b), reader_(b), req_(b), coverage_(coverage) {}

  Outcome run(const TestFile& f, const TestCase& tc) {
    Outcome o;
    o.file = &f;
    o.tc = &tc;
    if (!tc.problem.empty()) {
      o.problem = "malformed test case: " + tc.problem;
      return o;
    }
    std::string error;
    if (reader_.read(f.tree, tc.request, req_, &error) == request::ReadStatus::Unreadable) {
      o.problem = "request: " + error;
      return o;
    }
    for (const std::string& a : tc.revoke) engine_.revoke(a);
    Result r = engine_.decide(req_);
    for (const std::string& a : tc.revoke) engine_.unrevoke(a);
    o.got = {to_string(r.decision), to_string(r.reason), std::string(r.message), {}};
    for (size_t i = 0; i < r.rule_count; ++i) o.got.rules.emplace_back(r.rule_id(i));
    std::sort(o.got.rules.begin(), o.got.rules.end());
    o.got.rules.erase(std::unique(o.got.rules.begin(), o.got.rules.end()), o.got.rules.end());
    o.pass = o.got.decision == tc.expect && (!tc.reason || *tc.reason == o.got.reason) &&
             (!tc.rules || *tc.rules == o.got.rules);
    if (coverage_) coverage_->add(req_, r);  // after `got`: it decides req_ again
    return o;
  }

 private:
  Engine engine_;
  request::RequestReader reader_;
  Request req_;
  Coverage* coverage_;
};

// `--coverage-min PCT`: a number from 0 to 100.
bool parsePercent(const std::string& text, double* out) {
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || errno || end != text.c_str() + text.size() || !(v >= 0 && v <= 100)) return false;
  *out = v;
  return true;
}

void printText(const Outcome& o) {
  if (o.pass) return;
  std::string where = fmt::format("FAIL {}: {}: ", o.file->path, o.tc->name);
  if (!o.problem.empty()) {
    std::cout << where << o.problem << "\n";
    return;
  }
  std::cout << where << "expected " << expected(*o.tc) << ", got " << o.got.decision << "/" << o.got.reason << " "
            << joinRules(o.got.rules);
  if (!o.got.message.empty()) std::cout << " (message: " << o.got.message << ")";
  std::cout << "\n";
}

nlohmann::ordered_json caseJson(const Outcome& o) {
  nlohmann::ordered_json j = {{"file", o.file->path}, {"name", o.tc->name}, {"status", o.pass ? "pass" : "fail"}};
  if (!o.problem.empty()) {
    j["error"] = o.problem;
    return j;
  }
  nlohmann::ordered_json want = {{"decision", o.tc->expect}};
  if (o.tc->reason) want["reason"] = *o.tc->reason;
  if (o.tc->rules) want["rules"] = *o.tc->rules;
  j["expected"] = want;
  j["got"] = {{"decision", o.got.decision}, {"reason", o.got.reason}, {"rules", o.got.rules}};
  if (!o.got.message.empty()) j["got"]["message"] = o.got.message;
  return j;
}

}  // namespace

int runTest(const ParsedArgs& args) {
  std::string format = args.get("format", "text");
  if (format != "text" && format != "json") {
    std::cerr << "agentpolc test: --format must be `text` or `json`\n";
    return kExitUsage;
  }
  if (!args.has("tests")) {
    std::cerr << "agentpolc test: missing --tests PATH\nTry `agentpolc test --help`.\n";
    return kExitUsage;
  }
  double minPercent = 0;
  if (args.has("coverage-min") && !parsePercent(args.get("coverage-min"), &minPercent)) {
    std::cerr << "agentpolc test: --coverage-min: expected a percentage from 0 to 100, got `"
              << args.get("coverage-min") << "`\n";
    return kExitUsage;
  }
  bool wantCoverage = args.has("coverage") || args.has("coverage-min");
  OutputFormat diagFormat = format == "json" ? OutputFormat::Json : OutputFormat::Text;
  BundleSource src = loadBundleOrCompile(args.positional);
  if (!src) {
    printBundleSourceErrors(src, diagFormat, std::cout, std::cerr, "test");
    return kExitFailed;
  }
  std::vector<std::string> paths;
  std::string error;
  if (!collectTestFiles(args.all("tests"), &paths, &error)) {
    std::cerr << "agentpolc test: " << error << "\n";
    return kExitFailed;
  }
  std::unique_ptr<Coverage> coverage;
  if (wantCoverage) coverage = std::make_unique<Coverage>(*src.bundle);
  Runner runner(src.bundle, coverage.get());
  size_t passed = 0, failed = 0;
  nlohmann::ordered_json cases = nlohmann::ordered_json::array(), unreadable = nlohmann::ordered_json::array();
  for (const std::string& p : paths) {
    std::unique_ptr<TestFile> f = loadTestFile(p);
    if (!f->error.empty()) {
      std::cerr << "agentpolc test: " << f->error << "\n";
      unreadable.push_back({{"file", f->path}, {"error", f->error}});
      continue;
    }
    for (const TestCase& tc : f->cases) {
      Outcome o = runner.run(*f, tc);
      (o.pass ? passed : failed) += 1;
      if (format == "json") cases.push_back(caseJson(o));
      else printText(o);
    }
  }
  if (format == "json") {
    nlohmann::ordered_json report = {{"passed", passed}, {"failed", failed}, {"cases", cases}};
    if (!unreadable.empty()) report["unreadable"] = unreadable;
    if (coverage) report["coverage"] = coverage->toJson();
    std::cout << report.dump(2) << "\n";
  } else {
    std::cout << passed << " passed, " << failed << " failed";
    if (!unreadable.empty()) std::cout << ", " << unreadable.size() << " unreadable test file(s)";
    std::cout << "\n";
    if (coverage) coverage->printText(std::cout);
  }
  bool below = coverage && coverage->percent() < minPercent;
  if (below)
    std::cerr << fmt::format("agentpolc test: coverage {}% is below --coverage-min {}%\n", coverage->percent(), minPercent);
  return failed == 0 && unreadable.empty() && !below ? kExitOk : kExitFailed;
}

}  // namespace agentpol::driver
