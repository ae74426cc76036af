// test_test_cmd.cpp — `agentpolc test` end to end: the conformance billing
// cases, every examples/*/tests and tests/semantics/* folder, failing and
// malformed cases (reported, not crashing), per-case revocation, folders
// searched recursively, --format json, unreadable test files and usage errors.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "run_cli.h"

using namespace agentpol::clitest;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string caseJson(const std::string& name, const std::string& request, const std::string& rest) {
  return "{\"name\": \"" + name + "\", \"request\": " + request + (rest.empty() ? "" : ", " + rest) + "}";
}

RunResult testBilling(const std::string& tests, const std::string& extra = "") {
  return agentpolc("test '" + billingPolicy() + "' --tests '" + tests + "'" + extra);
}

}  // namespace

TEST_CASE("test: the billing conformance cases pass", "[test]") {
  RunResult r = testBilling(billingCases());
  INFO(r.out << r.err);
  CHECK(r.exit == 0);
  CHECK(r.out == "16 passed, 0 failed\n");
}

TEST_CASE("test: every examples/*/tests folder passes", "[test]") {
  int folders = 0;
  for (const auto& e : fs::directory_iterator(sourceDir() + "/examples")) {
    if (!fs::is_directory(e.path() / "tests")) continue;
    ++folders;
    RunResult r = agentpolc("test '" + e.path().string() + "' --tests '" + (e.path() / "tests").string() + "'");
    INFO(e.path() << "\n" << r.out << r.err);
    CHECK(r.exit == 0);
    CHECK(r.out.find(" passed, 0 failed") != std::string::npos);
  }
  CHECK(folders >= 1);
}

TEST_CASE("test: every tests/semantics case passes", "[test]") {
  int folders = 0;
  for (const auto& e : fs::directory_iterator(sourceDir() + "/tests/semantics")) {
    if (!fs::exists(e.path() / "cases.json")) continue;
    ++folders;
    RunResult r = agentpolc("test '" + e.path().string() + "' --tests '" + (e.path() / "cases.json").string() + "'");
    INFO(e.path() << "\n" << r.out << r.err);
    CHECK(r.exit == 0);
    CHECK(r.out.find(" passed, 0 failed") != std::string::npos);
  }
  CHECK(folders >= 1);
}

TEST_CASE("test: a failing case says what differed", "[test]") {
  std::string q = billingRequests()[0];
  std::string bad = billingRequests()[14];  // money in USD
  std::string file = scratch("[" + caseJson("wrong decision", q, R"("expect": "deny", "reason": "forbidden")") + "," +
                             caseJson("wrong rules", q, R"("expect": "allow", "rules": ["small-refunds"])") + "," +
                             caseJson("bad request", bad, R"("expect": "allow")") + "," +
                             caseJson("right", q, R"("expect": "allow", "rules": ["user-refund", "small-refunds", "user-refund"])") + "]");
  RunResult r = testBilling(file);
  CHECK(r.exit == 1);
  std::vector<std::string> l = r.lines();
  REQUIRE(l.size() == 4);
  CHECK(l[0] == "FAIL " + file + ": wrong decision: expected deny/forbidden, got allow/permitted [small-refunds, user-refund]");
  CHECK(l[1] == "FAIL " + file + ": wrong rules: expected allow [small-refunds], got allow/permitted [small-refunds, user-refund]");
  CHECK(l[2] == "FAIL " + file + ": bad request: expected allow, got deny/bad_request [] (message: args.amount: expected Money in EUR, got \"32.00 USD\")");
  CHECK(l[3] == "1 passed, 3 failed");
}

TEST_CASE("test: malformed cases fail with a message, the run goes on", "[test]") {
  std::string q = billingRequests()[0];
  std::string file = scratch("[" + caseJson("no expect", q, "") + "," +
                             caseJson("odd expect", q, R"("expect": "maybe")") + "," +
                             caseJson("odd key", q, R"("expect": "allow", "note": "x")") + "," +
                             caseJson("odd reason", q, R"("expect": "allow", "reason": "fine")") + "," +
                             caseJson("odd rules", q, R"("expect": "allow", "rules": "small-refunds")") + "," +
                             R"({"name": "no request", "expect": "deny"})" + "," +
                             R"({"name": "scalar request", "request": 5, "expect": "deny"})" + ",7," +
                             caseJson("fine", q, R"("expect": "allow")") + "]");
  RunResult r = testBilling(file);
  CHECK(r.exit == 1);
  std::vector<std::string> l = r.lines();
  REQUIRE(l.size() == 9);
  std::string p = "FAIL " + file + ": ";
  CHECK(l[0] == p + "no expect: malformed test case: missing `expect`");
  CHECK(l[1] == p + "odd expect: malformed test case: `expect` must be allow, escalate or deny, not `maybe`");
  CHECK(l[2] == p + "odd key: malformed test case: unknown key `note` (expected name, request, expect, reason, rules, revoke)");
  CHECK(l[3] == p + "odd reason: malformed test case: unknown reason code `fine`");
  CHECK(l[4] == p + "odd rules: malformed test case: `rules` must be an array of rule ids");
  CHECK(l[5] == p + "no request: malformed test case: missing `request`");
  CHECK(l[6] == p + "scalar request: malformed test case: `request` must be a JSON object");
  CHECK(l[7] == p + "#7: malformed test case: a test case must be a JSON object");
  CHECK(l[8] == "1 passed, 8 failed");
}

TEST_CASE("test: revoke applies to its own case only", "[test]") {
  std::string q = billingRequests()[12];  // support_bot reads an invoice
  std::string file = scratch("[" + caseJson("revoked", q, R"("revoke": ["support_bot"], "expect": "deny", "reason": "revoked", "rules": [])") +
                             "," + caseJson("not revoked", q, R"("expect": "allow", "reason": "permitted")") + "]");
  RunResult r = testBilling(file);
  INFO(r.out);
  CHECK(r.exit == 0);
  CHECK(r.out == "2 passed, 0 failed\n");
}

TEST_CASE("test: a folder is searched recursively for .json files", "[test]") {
  std::string q = billingRequests()[0];
  fs::path dir = fs::path(scratch("", ".d"));
  fs::remove(dir);
  fs::create_directories(dir / "sub" / "deeper");
  std::ofstream(dir / "a.json") << "[" << caseJson("a", q, R"("expect": "allow")") << "]";
  std::ofstream(dir / "sub" / "deeper" / "b.json") << "[" << caseJson("b", q, R"("expect": "deny")") << "]";
  std::ofstream(dir / "notes.txt") << "not a test";
  RunResult r = testBilling(dir.string());
  CHECK(r.exit == 1);
  CHECK(r.out.find("deeper/b.json: b: expected deny") != std::string::npos);
  CHECK(r.out.find("1 passed, 1 failed") != std::string::npos);
}

TEST_CASE("test: --format json reports every case", "[test]") {
  std::string q = billingRequests()[0];
  std::string file = scratch("[" + caseJson("ok", q, R"("expect": "allow", "rules": ["small-refunds", "user-refund"])") +
                             "," + caseJson("ko", q, R"("expect": "escalate")") + "]");
  RunResult r = testBilling(file, " --format json");
  CHECK(r.exit == 1);
  json j = json::parse(r.out);
  CHECK(j["passed"] == 1);
  CHECK(j["failed"] == 1);
  REQUIRE(j["cases"].size() == 2);
  CHECK(j["cases"][0]["status"] == "pass");
  CHECK(j["cases"][1]["status"] == "fail");
  CHECK(j["cases"][1]["expected"] == json{{"decision", "escalate"}});
  CHECK(j["cases"][1]["got"]["decision"] == "allow");
  CHECK(j["cases"][1]["got"]["rules"] == json{"small-refunds", "user-refund"});
}

TEST_CASE("test: unreadable test files exit 1 naming the file", "[test]") {
  std::string notJson = scratch("[{", ".json");
  RunResult r = testBilling(notJson);
  CHECK(r.exit == 1);
  CHECK(r.err.find(notJson + ": not JSON") != std::string::npos);
  std::string notArray = scratch("{\"name\": \"x\"}", ".json");
  r = testBilling(notArray);
  CHECK(r.exit == 1);
  CHECK(r.err.find(notArray + ": expected a JSON array of test cases") != std::string::npos);
  CHECK(r.out == "0 passed, 0 failed, 1 unreadable test file(s)\n");
  r = testBilling("/nonexistent/tests.json");
  CHECK(r.exit == 1);
  CHECK(r.err.find("/nonexistent/tests.json: no such file or folder") != std::string::npos);
}

TEST_CASE("test: usage errors exit 2", "[test]") {
  CHECK(agentpolc("test '" + billingPolicy() + "'").exit == 2);
  CHECK(testBilling(billingCases(), " --format xml").exit == 2);
  CHECK(agentpolc("test --tests '" + billingCases() + "'").exit == 2);
}
