// test_eval_errors.cpp — `agentpolc eval` on unreadable input (exit 1), on a
// JSON Lines line that is not a request (a bad_request line naming it, the
// stream goes on, exit 1) and on usage errors (exit 2).
#include <catch2/catch.hpp>

#include "run_cli.h"

using namespace agentpol::clitest;

namespace {

RunResult evalStdin(const std::string& input) {
  return agentpolc("eval '" + billingPolicy() + "' --request -", input);
}

}  // namespace

TEST_CASE("eval: unreadable request input exits 1", "[eval][errors]") {
  RunResult r = agentpolc("eval '" + billingPolicy() + "' --request /nonexistent/req.json");
  CHECK(r.exit == 1);
  CHECK(r.err.find("/nonexistent/req.json: cannot open") != std::string::npos);
  CHECK(r.out.empty());

  r = evalStdin("this is not json");
  CHECK(r.exit == 1);
  CHECK(r.err.find("<stdin>: not JSON: ") != std::string::npos);
  for (const char* s : {"", "  \n", "42", "\"req\"", "null", "[]", "[1, 2]", "[{}, 3]", "{\"now\": "}) {
    r = evalStdin(s);
    INFO(s << " -> " << r.err);
    CHECK(r.exit == 1);
    CHECK(r.out.empty());
    CHECK_FALSE(r.err.empty());
  }
  r = evalStdin("[{}, 3]");
  CHECK(r.err.find("element 1 of the array is not a JSON object") != std::string::npos);
  r = evalStdin(std::string(100000, '['));
  CHECK(r.exit == 1);
  CHECK(r.err.find("nesting deeper than 128 levels") != std::string::npos);
  r = evalStdin("{\"now\": \"\xff\"}");
  CHECK(r.exit == 1);
}

TEST_CASE("eval: a JSON Lines line that is not a request is decided bad_request, the rest goes on", "[eval][errors]") {
  std::vector<std::string> reqs = billingRequests();
  RunResult r = evalStdin(reqs[0] + "\n" + reqs[1] + "\n{\"now\": broken\n" + reqs[2] + "\n");
  CHECK(r.exit == 1);
  REQUIRE(r.lines().size() == 4);
  CHECK(r.lines()[2].find(R"({"decision":"deny","reason":"bad_request","rules":[],"message":"<stdin>:3: not JSON: parse error at column)") == 0);
  CHECK(r.lines()[3] == agentpolc("eval '" + billingPolicy() + "' --request -", reqs[2]).out.substr(0, r.lines()[3].size()));
  CHECK(r.err.find("<stdin>:3: not JSON: parse error at column") != std::string::npos);
  r = evalStdin(reqs[0] + "\n[1]\n");
  CHECK(r.exit == 1);
  REQUIRE(r.lines().size() == 2);
  CHECK(r.lines()[1] == R"({"decision":"deny","reason":"bad_request","rules":[],"message":"<stdin>:2: a request must be a JSON object"})");
  CHECK(r.err.find("<stdin>:2: a request must be a JSON object") != std::string::npos);
  // Every line good: exit 0.
  r = evalStdin(reqs[0] + "\n\n" + reqs[1] + "\n");
  CHECK(r.exit == 0);
  CHECK(r.lines().size() == 2);
}

TEST_CASE("eval: an audit record that cannot be written is no decision (exit 4)", "[eval][errors][audit]") {
  std::vector<std::string> reqs = billingRequests();
  // /dev/full takes the write and fails at flush (ENOSPC).
  RunResult r = agentpolc("eval '" + billingPolicy() + "' --audit /dev/full --request -", reqs[0]);
  CHECK(r.exit == 4);
  CHECK(r.out.empty());
  CHECK(r.err.find("agentpolc eval: cannot write the audit file `/dev/full`: No space left on device") == 0);
  CHECK(r.err.find("request 1 and those after it are not reported") != std::string::npos);
  // Many requests, more than one buffer of audit records: still no decision.
  std::string lines;
  for (int i = 0; i < 40; ++i)
    for (const std::string& q : reqs) lines += q + "\n";
  r = agentpolc("eval '" + billingPolicy() + "' --audit /dev/full --request -", lines);
  CHECK(r.exit == 4);
  CHECK(r.out.empty());
  // A file that cannot be opened is refused before anything is decided.
  r = agentpolc("eval '" + billingPolicy() + "' --audit /nonexistent/dir/audit.jsonl --request -", reqs[0]);
  CHECK(r.exit == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("cannot write the audit file `/nonexistent/dir/audit.jsonl`: No such file or directory") !=
        std::string::npos);
}

TEST_CASE("eval: a policy that does not compile or a bad bundle exits 1", "[eval][errors]") {
  std::string bad = scratch("permit agent * to nothing_declared;", ".agentpol");
  RunResult r = agentpolc("eval '" + bad + "' --request -", "{}");
  CHECK(r.exit == 1);
  CHECK(r.out.empty());
  r = agentpolc("eval '" + scratch("not a bundle", ".apb") + "' --request -", "{}");
  CHECK(r.exit == 1);
  CHECK(r.err.find("invalid bundle") != std::string::npos);
}

TEST_CASE("eval: usage errors exit 2", "[eval][errors]") {
  CHECK(agentpolc("eval '" + billingPolicy() + "'").exit == 2);               // no --request
  CHECK(agentpolc("eval --request -", "{}").exit == 2);                       // no policy
  CHECK(agentpolc("eval '" + billingPolicy() + "' --request").exit == 2);     // no value
  CHECK(agentpolc("eval '" + billingPolicy() + "' --request a --request b").exit == 2);
  CHECK(agentpolc("eval '" + billingPolicy() + "' --request - --bogus", "{}").exit == 2);
  RunResult r = agentpolc("eval --help");
  CHECK(r.exit == 0);
  CHECK(r.out.find("--revoke AGENT") != std::string::npos);
}
