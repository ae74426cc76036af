// test_eval_stream.cpp — `eval --request -` as a co-process (spec section 9):
// with stdin left open, each request line gets its decision line before the
// next is written; a line that is not JSON gets a bad_request line and the
// stream goes on; exit 1 at the end. With the old read-all-of-stdin eval the
// first readLine gets nothing (the bounded read fails instead of hanging).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "coprocess.h"
#include "run_cli.h"

using namespace agentpol::clitest;

TEST_CASE("eval --request - answers each line while stdin stays open", "[eval][stream]") {
  std::vector<std::string> reqs = billingRequests();
  std::vector<std::string> expected = agentpolc("eval '" + billingPolicy() + "' --request -",
                                                reqs[0] + "\n" + reqs[1] + "\n" + reqs[2] + "\n").lines();
  REQUIRE(expected.size() == 3);

  Coprocess eval({"eval", billingPolicy(), "--request", "-"});
  std::string line;
  REQUIRE(eval.write(reqs[0] + "\n"));
  REQUIRE(eval.readLine(&line));
  CHECK(line == expected[0]);
  // A request split over two writes is decided once its newline arrives.
  REQUIRE(eval.write(reqs[1].substr(0, 20)));
  REQUIRE(eval.write(reqs[1].substr(20) + "\n"));
  REQUIRE(eval.readLine(&line));
  CHECK(line == expected[1]);
  REQUIRE(eval.write("{\"now\": broken\n"));
  REQUIRE(eval.readLine(&line));
  CHECK(line.find(R"({"decision":"deny","reason":"bad_request","rules":[],"message":"<stdin>:3: not JSON: )") == 0);
  REQUIRE(eval.write(reqs[2] + "\n"));
  REQUIRE(eval.readLine(&line));
  CHECK(line == expected[2]);
  CHECK(eval.wait() == 1);  // a line was not a request
}

TEST_CASE("eval --request - as a co-process exits 0 when every line was a request", "[eval][stream]") {
  std::vector<std::string> reqs = billingRequests();
  Coprocess eval({"eval", billingPolicy(), "--request", "-"});
  std::string line;
  for (const std::string& q : reqs) {
    REQUIRE(eval.write(q + "\n"));
    REQUIRE(eval.readLine(&line));
    CHECK(line.find("{\"decision\":") == 0);
  }
  CHECK(eval.wait() == 0);
}

// The reader's two views (simdjson's tape for a JSON Lines line, a JsonTree
// node for an array element) give the same decision line for every case of
// tests/semantics/bad_requests.
TEST_CASE("eval: JSON Lines and an array decide every bad_requests case alike", "[eval][two_paths]") {
  std::string dir = sourceDir() + "/tests/semantics/bad_requests";
  nlohmann::json cases = nlohmann::json::parse(readFile(dir + "/cases.json"));
  std::string lines, array = "[";
  for (const auto& c : cases) {
    lines += c["request"].dump() + "\n";
    array += (array.size() > 1 ? "," : "") + c["request"].dump();
  }
  array += "]";
  RunResult a = agentpolc("eval '" + dir + "/policy.agentpol' --request -", lines);
  RunResult b = agentpolc("eval '" + dir + "/policy.agentpol' --request -", array);
  CHECK(a.exit == 0);
  CHECK(b.exit == 0);
  REQUIRE(a.lines().size() == cases.size());
  CHECK(a.lines() == b.lines());
  CHECK(a.out.find("bad_request") != std::string::npos);
}
